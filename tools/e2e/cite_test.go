//go:build !(js && wasm)

package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"azflows/i18n"

	"github.com/chromedp/chromedp"
)

// The page states its license, offers the chart's and the paper's citation in APA and BibTeX
// in its language (with the view's URL, naming its language), copies each with feedback, and
// its footnotes' URLs are links that leak nothing to the sites they open.
func TestCiteLicenseAndFootnoteLinks(t *testing.T) {
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled"))
	allowClipboard(t, ctx)
	type got struct {
		License, LicenseHref                       string
		APA, BibTeX, PaperAPA, PaperBibTeX, Copied string
		Status, Clipboard                          string
		Links, Rels                                []string
	}
	for _, c := range []struct{ lang, copied string }{
		{"en", "Copied"},
		{"ru", "Скопировано"},
		{"az", "Köçürüldü"},
	} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 800), chromedp.Navigate(baseURL+"/"+pageOf(c.lang)+"#view=bars&year=2012")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.state)`, 10*time.Second)
		// A reader's click (user activation), as the clipboard asks for.
		eval[bool](t, ctx, `document.getElementById('cite').open = true`)
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#cite button[data-copy="cite-apa"]`))); err != nil {
			t.Fatal(err)
		}
		g := evalAwait[got](t, ctx, `(async () => {
			const q = id => document.getElementById(id);
			const lic = q('license');
			const btn = document.querySelector('#cite button[data-copy="cite-apa"]');
			for (let i = 0; i < 50 && !q('cite-status').textContent; i++) await new Promise(r => setTimeout(r, 20));
			const clip = await navigator.clipboard.readText().catch(e => 'unreadable: ' + e);
			const fn = [...document.querySelectorAll('#sources ol a[href]')];
			return { License: lic ? lic.textContent : '', LicenseHref: lic && lic.querySelector('a[rel~=license]') ? lic.querySelector('a[rel~=license]').href : '',
				APA: q('cite-apa') ? q('cite-apa').value : '', BibTeX: q('cite-bibtex') ? q('cite-bibtex').value : '',
				PaperAPA: q('cite-paper-apa') ? q('cite-paper-apa').value : '', PaperBibTeX: q('cite-paper-bibtex') ? q('cite-paper-bibtex').value : '',
				Copied: btn ? btn.textContent : '', Clipboard: clip, Status: q('cite-status') ? q('cite-status').textContent : '',
				Links: fn.map(a => a.href), Rels: fn.map(a => a.rel) };
		})()`)
		if !strings.Contains(g.License, "CC\u00a0BY\u00a04.0") || g.LicenseHref != "https://creativecommons.org/licenses/by/4.0/" {
			t.Errorf("%s: license line %q (link %q), want CC BY 4.0, held together by no-break spaces (native reading 5, D16), linked to its deed", c.lang, g.License, g.LicenseHref)
		}
		if !strings.Contains(g.License, "MIT") || !strings.Contains(g.License, "EUI, RSCAS") {
			t.Errorf("%s: license line %q names neither the code's license nor the quotations' owners", c.lang, g.License)
		}
		cfg := pageConfig(t, distDir, i18n.Lang(c.lang))
		title := cfg.Cite.Titles["view=bars&year=2012"]
		if title == "" {
			t.Fatalf("%s: the config has no title for bars 2012", c.lang)
		}
		for name, s := range map[string]string{"APA": g.APA, "BibTeX": g.BibTeX} {
			if !strings.Contains(s, title) || !strings.Contains(s, "view=bars&year=2012&lang="+c.lang) || !strings.Contains(s, cfg.Cite.Version) || !strings.Contains(s, cfg.Cite.Date) {
				t.Errorf("%s: chart citation (%s) %q lacks the title %q, the view's URL with its language, the version %q or the date %q", c.lang, name, s, title, cfg.Cite.Version, cfg.Cite.Date)
			}
		}
		if !strings.HasPrefix(g.BibTeX, "@misc{") || !strings.HasPrefix(g.PaperBibTeX, "@techreport{") {
			t.Errorf("%s: BibTeX entries %q / %q", c.lang, g.BibTeX, g.PaperBibTeX)
		}
		for name, s := range map[string]string{"APA": g.PaperAPA, "BibTeX": g.PaperBibTeX} {
			for _, w := range []string{"The Problem of Human Trafficking in Post-Soviet Azerbaijan", "2013/41", "EUI, RSCAS", "2013", "CARIM-East Explanatory Note"} {
				if !strings.Contains(s, w) {
					t.Errorf("%s: paper citation (%s) %q lacks %q", c.lang, name, s, w)
				}
			}
			if strings.Contains(strings.ToLower(s), "author") {
				t.Errorf("%s: paper citation (%s) %q names an author the paper's text does not", c.lang, name, s)
			}
		}
		if g.Copied != c.copied || g.Status == "" {
			t.Errorf("%s: after Copy the button says %q and the status %q, want %q and a status", c.lang, g.Copied, g.Status, c.copied)
		}
		if g.Clipboard != g.APA {
			t.Errorf("%s: the clipboard holds %q after Copy, want the APA citation %q", c.lang, g.Clipboard, g.APA)
		}
		if len(g.Links) < 8 {
			t.Errorf("%s: %d footnote links, want every URL of the footnotes linked: %v", c.lang, len(g.Links), g.Links)
		}
		for i, r := range g.Rels {
			if !strings.Contains(r, "noopener") || !strings.Contains(r, "noreferrer") {
				t.Errorf("%s: footnote link %s has rel %q", c.lang, g.Links[i], r)
			}
		}
	}
}

// evalAwait is eval of a script whose value is a promise, awaited.
func evalAwait[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}
