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

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

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
// or help; the table view prints the table and the footnotes instead of a chart, rows whole.
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
		{"en", "view=table&year=2012", "", []string{"High contrast", "Keyboard:"}},
		{"ru", "view=table&year=2012", "", []string{"Высокий контраст", "Клавиатура:"}},
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
		if c.pages != "" && pages != c.pages {
			t.Errorf("%s: %s pages, want %s", name, pages, c.pages)
		}
		if table && pages != "1" && pages != "2" {
			t.Errorf("%s: the table prints on %s pages, want at most 2", name, pages)
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
			_ = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
				return err
			}))
		}
	}
}
