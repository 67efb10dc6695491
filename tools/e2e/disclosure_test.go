//go:build !(js && wasm)

package e2e

import (
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
