//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
)

// A mark of each chart view that the ebiten view must paint in the official colour.
var knownMarks = map[string]string{
	"bars":     "bar/dest-2012-turkey",
	"compare":  "bar/victims-2012",
	"timeline": "marker/victims-2012",
}

// Each chart view becomes live in the ebiten view at its hash and paints where the model put a
// known mark; switching by hash and by the page's controls keeps the chosen year; hovering an
// event on the timeline shows its footnote.
func TestViewsLive(t *testing.T) {
	ctx, _ := newBrowser(t)
	errs := watchErrors(t, ctx)
	open(t, ctx, 1000, 900, "#view=bars&year=2012")
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	for _, view := range []string{"bars", "compare", "timeline"} {
		hash := "view=" + view + "&year=2012"
		eval[string](t, ctx, fmt.Sprintf(`location.hash = %q`, "#"+hash))
		waitFor(t, ctx, view+" in the live view", liveView+`.hash === '`+hash+`' && `+liveView+`.frames > 0`, 15*time.Second)
		time.Sleep(300 * time.Millisecond) // the frame after the state message
		fx, fy, fw, fh := liveFrameBox(t, ctx)
		model := layout.Build(testAssets, charts.State{View: view, Year: 2012}, fw, fh)
		waitShot(t, ctx, view+" in the ebiten view", markPainted(model, fx, fy, fw, fh, 0.05, charts.OfficialC, knownMarks[view]))
		if st := eval[map[string]any](t, ctx, `window.azflowsPage.state`); st["view"] != view || st["year"] != 2012.0 {
			t.Errorf("%s: page state %v", view, st)
		}
	}

	// Hovering an event on the timeline: its title, date as worded and footnote.
	fx, fy, fw, fh := liveFrameBox(t, ctx)
	model := layout.Build(testAssets, charts.State{View: "timeline", Year: 2012}, fw, fh)
	ev, _ := model.Mark("marker/ev-2004-action-plan")
	c := ev.Center()
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, fx+c.X, fy+c.Y)); err != nil {
		t.Fatal(err)
	}
	// A footnote's word and its number are joined by a no-break space (i18n's typography).
	waitFor(t, ctx, "the event's readout", `(r => r.includes('National Action Plan') && r.includes('footnote 4') && r.includes('6 May 2004'))(window.azflowsPage.readout.replace(/\u00a0/g, ' '))`, 10*time.Second)

	// The page's view control keeps the year chosen.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`label:has(input[name=view][value="compare"])`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "compare via the controls", liveView+`.hash === 'view=compare&year=2012'`, 10*time.Second)
	if h := eval[string](t, ctx, `location.hash`); !strings.Contains(h, "view=compare") || !strings.Contains(h, "year=2012") {
		t.Errorf("hash %q after choosing compare", h)
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// Without WebGL each chart view is the echarts fallback, carrying the model's values.
func TestViewsFallback(t *testing.T) {
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled"))
	open(t, ctx, 1000, 900, "#view=bars&year=2012")
	waitFor(t, ctx, "the fallback", `window.azflowsPage.mode === 'fallback'`, 20*time.Second)
	const fb = `document.querySelector('#fallback-slot iframe').contentWindow`
	for _, view := range []string{"bars", "compare", "timeline"} {
		hash := "view=" + view + "&year=2012"
		eval[string](t, ctx, fmt.Sprintf(`location.hash = %q`, "#"+hash))
		waitFor(t, ctx, view+" fallback", `(() => { try { const w = `+fb+`; return w.document.getElementById('fallback').dataset.view === '`+view+`' && !!(w.echarts && w.echarts.getInstanceByDom(w.document.getElementById('fallback-chart'))); } catch (e) { return false; } })()`, 20*time.Second)
		items := eval[[]map[string]any](t, ctx, `(() => { const w = `+fb+`; const o = w.echarts.getInstanceByDom(w.document.getElementById('fallback-chart')).getOption();
			const out = []; o.series.forEach(s => (s.data || []).forEach(d => { if (d && typeof d === 'object' && d.datum) out.push({datum: d.datum, name: d.name, value: Array.isArray(d.value) ? d.value[0] : d.value, stacked: !!s.stack}); })); return out; })()`)
		model := layout.Build(testAssets, charts.State{View: view, Year: 2012}, 800, 450)
		got := map[string]bool{}
		for _, it := range items {
			got[fmt.Sprintf("%v|%v|%v", it["datum"], it["name"], it["value"])] = true
		}
		n := 0
		for _, m := range model.Marks {
			want := ""
			switch {
			case view == "timeline" && strings.HasPrefix(m.ID, "marker/") && m.Datum != "ev-shelter":
				want = fmt.Sprintf("%v|%v|%v", m.Datum, m.Label, m.Value)
			case view != "timeline" && m.Role == charts.RoleBar && !strings.HasPrefix(m.ID, "range"):
				want = fmt.Sprintf("%v|%v|%v", m.Datum, m.Label, m.Value)
			}
			if want == "" {
				continue
			}
			n++
			if !got[want] {
				t.Errorf("%s: the fallback lacks %s (%s)", view, m.ID, want)
			}
		}
		if n == 0 {
			t.Errorf("%s: no marks compared", view)
		}
		if colours, frac := nonBlank(screenshotPNG(ctx, t, "#fallback-slot iframe")); colours < 20 || frac < 0.05 {
			t.Errorf("%s: the fallback looks blank: %d colours, %.3f non-background", view, colours, frac)
		}
	}
}
