//go:build !(js && wasm)

package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// "Link to this view" hands out the chart state's link-preview page (v/KEY.LANG.html, whose
// tags TestLinkPreviewsParse checks), copies it with a word of feedback, and that link opens
// the page at the state for a person; on a phone (a coarse pointer) it goes to the share
// sheet (Web Share API) instead.
func TestShareGivesPreviewLink(t *testing.T) {
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled"))
	allowClipboard(t, ctx)
	// The share sheet, recorded: headless Chromium on Linux has none.
	onNewDocument(t, ctx, `Object.defineProperty(navigator, 'share', { configurable: true, value: d => { window.__shared = { title: d.title, url: d.url }; return Promise.resolve(); } });`)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 800), chromedp.Navigate(baseURL+"/index.ru.html#view=bars&year=2012")); err != nil {
		t.Fatal(err)
	}
	// The click waits for the fallback to have taken the static chart's place: a click while the
	// page swaps can land beside the link (CI saw the copy not happen at all).
	waitFor(t, ctx, "the page in its fallback", `!!(window.azflowsPage && window.azflowsPage.state) && window.azflowsPage.mode === 'fallback'`, 20*time.Second)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#copy-link`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "a word that the link was copied", `!!document.getElementById('share-status').textContent`, 10*time.Second)
	g := evalAwait[struct{ Href, Status, Clipboard string }](t, ctx, `(async () => {
		const st = document.getElementById('share-status');
		return { Href: document.getElementById('copy-link').href, Status: st.textContent,
			Clipboard: await navigator.clipboard.readText().catch(e => 'unreadable: ' + e) };
	})()`)
	want := baseURL + "/v/bars-2012.ru.html#view=bars&year=2012&lang=ru"
	if g.Href != want || g.Clipboard != want {
		t.Errorf("the link is %q and the clipboard holds %q, want the preview page %q", g.Href, g.Clipboard, want)
	}
	if !strings.Contains(g.Status, "Ссылка скопирована") || !strings.Contains(g.Status, want) {
		t.Errorf("after the click the page says %q, want that the link was copied, with the link", g.Status)
	}
	// A person who follows the link gets the page at that state, in that language.
	if err := chromedp.Do(ctx, chromedp.Navigate(g.Clipboard)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the page from the preview", `location.pathname === '/index.ru.html' && !!(window.azflowsPage && window.azflowsPage.state)`, 10*time.Second)
	st := eval[struct {
		View string
		Year int
		Lang string
	}](t, ctx, `({ View: azflowsPage.state.view, Year: azflowsPage.state.year, Lang: document.documentElement.lang })`)
	if st.View != "bars" || st.Year != 2012 || st.Lang != "ru" {
		t.Errorf("the preview opened %+v, want bars 2012 in ru", st)
	}
	// A phone: the share sheet gets the link; the clipboard is left alone.
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 5})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/index.html#view=map&year=2012&context=1&lang=en")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.state)`, 10*time.Second)
	if !eval[bool](t, ctx, `matchMedia('(pointer: coarse)').matches`) {
		t.Fatal("touch emulation did not give a coarse pointer")
	}
	eval[bool](t, ctx, `(document.getElementById('copy-link').click(), true)`)
	shared := evalAwait[struct{ Title, URL string }](t, ctx, `(async () => {
		for (let i = 0; i < 50 && !window.__shared; i++) await new Promise(r => setTimeout(r, 20));
		return window.__shared || { title: '', url: '' };
	})()`)
	want = baseURL + "/v/map-2012-context.html#view=map&year=2012&context=1&lang=en"
	if shared.URL != want || !strings.HasSuffix(shared.Title, "— azflows") {
		t.Errorf("the share sheet got %+v, want the preview page %q and the chart's title", shared, want)
	}
}
