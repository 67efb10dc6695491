//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Issue 26: "Embed this chart" had no ▶ disclosure marker (its summary was display:flex on
// phones, inline-block elsewhere) unlike "How to cite": its text stood at the box's left edge.
// Both summaries' text now starts the same way past their marker.
func TestEmbedSummaryHasMarker(t *testing.T) {
	ctx, _ := newBrowser(t)
	for _, vp := range []struct {
		w, h  int64
		phone bool
	}{{360, 640, true}, {1000, 800, false}} {
		size := chromedp.EmulateViewport(vp.w, vp.h)
		if vp.phone {
			size = phoneViewport(vp.w, vp.h)
		}
		if err := chromedp.Do(ctx, size, chromedp.Navigate(baseURL+"/"+pageOf("ru")+"#view=table&year=2012")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the page", `!!document.querySelector('#embed summary') && !!document.querySelector('.cite-box summary')`, 30*time.Second)
		// The text's left, from its summary's left: the marker's room.
		const indent = `(sel => { const s = document.querySelector(sel); const r = document.createRange(); const t = [...s.childNodes].find(n => n.nodeType === 3 && n.textContent.trim()); r.selectNodeContents(t); return r.getBoundingClientRect().left - s.getBoundingClientRect().left; })`
		embed := eval[float64](t, ctx, indent+`('#embed summary')`)
		cite := eval[float64](t, ctx, indent+`('.cite-box summary')`)
		t.Logf("%dx%d: embed text at +%.1f, cite text at +%.1f", vp.w, vp.h, embed, cite)
		if cite < 5 {
			t.Fatalf("the cite box's summary has no marker to compare with (+%.1f)", cite)
		}
		if embed != cite {
			t.Errorf("%dx%d: the embed summary's text at +%.1f, the cite summary's at +%.1f: no marker", vp.w, vp.h, embed, cite)
		}
	}
}

// Issue 26: «Источники» had no ▶ marker either (display:flex on phones, inline-block
// elsewhere). Every summary the page shows keeps its disclosure marker: its text starts past
// the marker as "How to cite"'s does, on phones and on a desktop, in every language.
func TestEverySummaryHasMarker(t *testing.T) {
	ctx, _ := newBrowser(t)
	for _, lang := range []string{"en", "az", "ru"} {
		for _, vp := range []struct {
			w, h  int64
			phone bool
		}{{360, 640, true}, {390, 844, true}, {1000, 800, false}} {
			size := chromedp.EmulateViewport(vp.w, vp.h)
			if vp.phone {
				size = phoneViewport(vp.w, vp.h)
			}
			if err := chromedp.Do(ctx, size, chromedp.Navigate("about:blank"), chromedp.Navigate(baseURL+"/"+pageOf(lang)+"#view=map&year=2012")); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.state) && !!document.querySelector('.cite-box summary')`, 30*time.Second)
			got := eval[[]struct {
				ID     string
				Indent float64
			}](t, ctx, `[...document.querySelectorAll('summary')].filter((s) => s.getBoundingClientRect().height > 0).map((s) => {
				const r = document.createRange(); const t = [...s.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
				r.selectNodeContents(t);
				return {ID: (s.parentElement.id || s.parentElement.className) + ' «' + s.textContent.trim() + '»', Indent: r.getBoundingClientRect().left - s.getBoundingClientRect().left}; })`)
			name := fmt.Sprintf("%s %dx%d", lang, vp.w, vp.h)
			var cite float64
			for _, s := range got {
				if s.ID[:4] == "cite" {
					cite = s.Indent
				}
			}
			if len(got) < 3 || cite < 5 {
				t.Fatalf("%s: %d summaries shown, the cite box's text at +%.1f: nothing to compare with", name, len(got), cite)
			}
			for _, s := range got {
				t.Logf("%s: %s text at +%.1f", name, s.ID, s.Indent)
				if s.Indent != cite {
					t.Errorf("%s: %s: text at +%.1f, the cite summary's at +%.1f: no ▶ marker", name, s.ID, s.Indent, cite)
				}
			}
		}
	}
}
