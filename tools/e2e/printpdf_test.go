//go:build !(js && wasm)

package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"azflows/data"
	"azflows/i18n"
)

// printPDF prints the open page to an A4 PDF (DevTools' Page.printToPDF, as "Save as PDF"
// does, with the page's own @page size) and gives its path.
func printPDF(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	var pdf []byte
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		r, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69, PreferCSSPageSize: ptrTo(true)})
		if err != nil {
			return err
		}
		pdf = r.Data
		return nil
	}))
	if err != nil {
		t.Fatalf("printing %s: %v", name, err)
	}
	p := filepath.Join(t.TempDir(), name+".pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("AZFLOWS_PRINT_DIR"); dir != "" { // to look at them
		_ = os.WriteFile(filepath.Join(dir, name+".pdf"), pdf, 0o644)
	}
	return p
}

// pdfTool is poppler's pdftotext or pdfinfo; missing, the test says so (and fails under CI).
func pdfTool(t *testing.T, name string) string {
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s (Debian's poppler-utils) is missing: .ci/run installs it", name)
		}
		t.Skipf("%s (Debian's poppler-utils) is missing: apt-get install poppler-utils", name)
	}
	return p
}

var pdfPages = regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)

// A handout: printing a view gives one A4 page with that view's chart (its view and year),
// its title, summary, source, caveat, the view's address and the license, without controls
// or help; the table view prints the table and the footnotes instead of a chart, on one page
// too, in type of at least 7.5 pt, rows whole, with every figure, caveat and footnote: the
// caveats several rows share stated once under the table (printTableHoldsEverything).
func TestPrintOneA4PagePerView(t *testing.T) {
	pdftotext, pdfinfo := pdfTool(t, "pdftotext"), pdfTool(t, "pdfinfo")
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled"))
	for _, c := range []struct {
		lang, hash string
		pages      string
		controls   []string // words of the controls and help that must not print
	}{
		{"en", "view=map&year=2012", "1", []string{"High contrast", "Embed this chart", "Keyboard:", "Cite this chart"}},
		{"ru", "view=bars&year=2012", "1", []string{"Высокий контраст", "Встроить", "Клавиатура:"}},
		{"az", "view=map&year=2010", "1", []string{"Yüksək kontrast", "Klaviatura:"}},
		{"en", "view=table&year=2012", "1", []string{"High contrast", "Keyboard:"}},
		{"ru", "view=table&year=2012", "1", []string{"Высокий контраст", "Клавиатура:"}},
		{"az", "view=table&year=2012", "1", []string{"Yüksək kontrast", "Klaviatura:"}},
	} {
		name := c.lang + "-" + strings.NewReplacer("=", "-", "&", "-").Replace(c.hash)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1200, 900), chromedp.Navigate("about:blank"), chromedp.Navigate(baseURL+"/"+pageOf(c.lang)+"#"+c.hash)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.state && window.azflowsPage.mode !== 'static')`, 20*time.Second)
		table := strings.Contains(c.hash, "table")
		if !table {
			waitFor(t, ctx, "the static chart of the state", staticChartShown, 10*time.Second)
		}
		want := eval[struct{ Summary, URL string }](t, ctx, `({ Summary: document.getElementById('chart-summary').textContent, URL: window.azflowsPage.viewURL(window.azflowsPage.state) })`)
		pdf := printPDF(t, ctx, name)
		info, err := exec.Command(pdfinfo, pdf).Output()
		if err != nil {
			t.Fatal(err)
		}
		m := pdfPages.FindSubmatch(info)
		if m == nil {
			t.Fatalf("%s: pdfinfo says %s", name, info)
		}
		if !strings.Contains(string(info), "(A4)") {
			t.Errorf("%s: not A4: %s", name, info)
		}
		txt, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := string(txt)
		flat := strings.Join(strings.Fields(text), " ")
		pages := string(m[1])
		if pages != c.pages {
			t.Errorf("%s: %s pages, want %s", name, pages, c.pages)
		}
		cfg := pageConfig(t, distDir, i18n.Lang(c.lang))
		musts := []string{"2013/41", "CC BY 4.0", "lang=" + c.lang, strings.SplitN(c.hash, "&", 2)[0]}
		if !table {
			title := strings.Join(strings.Fields(cfg.Cite.Titles[c.hash]), " ")
			musts = append(musts, title, strings.Join(strings.Fields(want.Summary), " ")[:40])
			for _, other := range cfg.Cite.Titles {
				other = strings.Join(strings.Fields(other), " ")
				if other != title && strings.Contains(flat, other) && !strings.Contains(title, other) {
					t.Errorf("%s: the page prints another view's title %q", name, other)
				}
			}
			if strings.Contains(flat, "trend.az") {
				t.Errorf("%s: a chart view prints the footnotes", name)
			}
		} else {
			musts = append(musts, "trend.az", "2012")
		}
		for _, w := range musts {
			if !strings.Contains(flat, w) {
				t.Errorf("%s: the printed page lacks %q:\n%s", name, w, text)
			}
		}
		for _, w := range c.controls {
			if strings.Contains(flat, w) {
				t.Errorf("%s: the printed page shows %q (controls and help do not print)", name, w)
			}
		}
		if table {
			err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
				return err
			}))
			if err != nil {
				t.Fatal(err)
			}
			if b := eval[string](t, ctx, `getComputedStyle(document.querySelector('#figures-table tbody tr')).breakInside`); b != "avoid" {
				t.Errorf("%s: a table row may split across pages in print (break-inside: %s)", name, b)
			}
			// 7.5 pt is 10 CSS px: the smallest type of the table and the notes under it.
			if px := eval[float64](t, ctx, `Math.min(...[...document.querySelectorAll('#figures-table th, #figures-table td, #sources li')].filter(e => e.checkVisibility()).map(e => parseFloat(getComputedStyle(e).fontSize)))`); px < 10-1e-6 {
				t.Errorf("%s: the printed table has %.2f px type, want at least 10 px (7.5 pt)", name, px)
			}
			raw, err := exec.Command(pdftotext, "-raw", pdf, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			printTableHoldsEverything(t, name, i18n.Lang(c.lang), string(raw))
			_ = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
				return err
			}))
		}
	}
}

// squeeze drops the spaces, line breaks and hyphens of s, so that a text compares with its
// print however the lines were broken (hyphens: auto adds hyphens there).
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' || r == '\u00ad' || r == '\u2010' || r == '\u2013' { // the page writes ranges with an en dash (cmd/build linkify)
			return -1
		}
		return r
	}, s)
}

// printTableHoldsEverything checks the printed table view (pdftotext -raw) for every figure
// as the page writes it, every caveat of every figure (a caveat several figures share exactly
// once: under the table, the rows naming it) and every footnote of the paper.
func printTableHoldsEverything(t *testing.T, name string, l i18n.Lang, text string) {
	t.Helper()
	// The separators between a figure's parts are words' separators: a space follows each
	// (a CSS escape swallows the one space after it, which printed "—23 ·в 2010 г.").
	if m := regexp.MustCompile(`[·—][^\s]`).FindAllString(text, 5); len(m) > 0 {
		t.Errorf("%s: a separator runs into the next word: %q", name, m)
	}
	flat := squeeze(text)
	shared := map[string]int{}
	for _, f := range data.Figures {
		v := i18n.FigText(l, f)
		if f.Bound == data.UpTo {
			v = i18n.T(l, "value.upto", v)
		}
		if !strings.Contains(flat, squeeze(v)) || !strings.Contains(flat, squeeze(i18n.Measure(l, f))) {
			t.Errorf("%s: the print lacks %s: %q, %q", name, f.ID, v, i18n.Measure(l, f))
		}
		for i, c := range i18n.FigCaveats(l, f) {
			if k := i18n.CaveatKey("fig."+f.ID, i, f.Caveats[i]); !strings.HasPrefix(k, "fig.") {
				shared[c]++
				continue
			}
			if !strings.Contains(flat, squeeze(c)) {
				t.Errorf("%s: the print lacks %s's caveat %q", name, f.ID, c)
			}
		}
	}
	for c, rows := range shared {
		if n := strings.Count(flat, squeeze(c)); n != 1 {
			t.Errorf("%s: the caveat %q of %d rows prints %d times, want once", name, c, rows, n)
		}
	}
	for _, fn := range data.Footnotes {
		if !strings.Contains(flat, squeeze(fn.Text)) {
			t.Errorf("%s: the print lacks footnote %d %q", name, fn.N, fn.Text)
		}
	}
}
