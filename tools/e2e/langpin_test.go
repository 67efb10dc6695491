//go:build !(js && wasm)

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/i18n"
)

// Language by link, not by memory: a reader who chose Azerbaijani once still sees an English
// embed in English (inside a frame the page speaks the language its address names, and an
// embed remembers nothing for the host's origin); every embed code and "link to this view"
// names its language, also English; the embed's title is in the chart's language and names
// the chart.
func TestLanguageByLinkNotMemory(t *testing.T) {
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled"))
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 800), chromedp.Navigate(baseURL+"/index.html#view=bars&year=2012")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.state)`, 10*time.Second)
	en := eval[struct{ Embed, Link string }](t, ctx, `({ Embed: document.getElementById('embed-code').value, Link: document.getElementById('copy-link').href })`)
	if !strings.Contains(en.Embed, "lang=en") || !strings.Contains(en.Link, "lang=en") {
		t.Errorf("the English embed code %q and link %q do not name their language", en.Embed, en.Link)
	}
	// The reader chose Azerbaijani once; a lesson page holds an English and an Azerbaijani embed,
	// the English one with the address an older embed code gave (no lang).
	got := evalAwait[[]string](t, ctx, `(async () => {
		localStorage.setItem('azflows-lang', 'az');
		document.body.replaceChildren();
		const srcs = ['index.html#view=bars&year=2012&embed', 'index.html#view=bars&year=2012&lang=en&embed', 'index.az.html#view=bars&year=2012&embed', 'index.html#view=bars&year=2012&lang=ru&embed'];
		const frames = srcs.map(s => { const f = document.createElement('iframe'); f.src = s; f.style.width = '480px'; f.style.height = '300px'; document.body.appendChild(f); return f; });
		const langOf = f => { try { const p = f.contentWindow.azflowsPage; return p && p.state && !p.redirecting ? f.contentDocument.documentElement.lang : ''; } catch (e) { return 'error ' + e; } };
		for (let i = 0; i < 100 && frames.some(f => !langOf(f)); i++) await new Promise(r => setTimeout(r, 100));
		await new Promise(r => setTimeout(r, 300));
		return frames.map(langOf).concat([localStorage.getItem('azflows-lang')]);
	})()`)
	want := []string{"en", "en", "az", "ru", "az"}
	for i, w := range want[:4] {
		if got[i] != w {
			t.Errorf("embed %d speaks %q, want %q (a remembered choice must not override an embed's address)", i, got[i], w)
		}
	}
	if got[4] != "az" {
		t.Errorf("after the embeds the remembered language is %q, want the reader's az (an embed remembers nothing)", got[4])
	}
	// Each language's embed code: the address names the language, the title is the chart's
	// in that language.
	for _, l := range []string{"en", "az", "ru"} {
		if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(baseURL+"/"+pageOf(l)+"#view=map&year=2010&lang="+l)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.state && !window.azflowsPage.redirecting)`, 10*time.Second)
		code := eval[string](t, ctx, `document.getElementById('embed-code').value`)
		title := pageConfig(t, distDir, i18n.Lang(l)).Cite.Titles["view=map&year=2010"]
		if title == "" || !strings.Contains(code, `title="`+title) || !strings.Contains(code, "lang="+l) {
			t.Errorf("%s embed code %q: want its title to start with the chart's %q and its address to name lang=%s", l, code, title, l)
		}
	}
}
