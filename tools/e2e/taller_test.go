//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"image"
	"strings"
	"testing"
	"time"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
)

// A host page holds the page in embed mode in a fixed 344×194 frame at the timeline, in
// Azerbaijani and Russian. The timeline cannot name its nineteen items in the chart's frame
// there, so the model grows the picture (layout.Build) and the live view says so
// (site.MsgTaller): the view's box is as tall as the model's chart, the embed scrolls, and the
// timeline's last item lies within what scrolls into sight (and is drawn there). Switching to
// the flow, which fits, brings the box back to the frame's height and the scrolling goes. (The
// bars do not fit there in az and ru: at the frame the embed gives the chart, about 328×176,
// their year's total would be left out, which English shows, so they grow too.)
func TestTallerPictureScrollsInEmbed(t *testing.T) {
	ctx, _ := newBrowser(t)
	const inner = `document.getElementById('f').contentWindow`
	const livePage = inner + `.document.querySelector('#live-slot iframe')`
	for _, lang := range []string{"az", "ru"} {
		name := lang + " 344×194 timeline"
		open(t, ctx, 800, 600, "")
		// Styles through the CSSOM: the page's CSP refuses style attributes.
		if err := runJS(ctx, `document.body.innerHTML = '<iframe id=f src="`+baseURL+`/`+pageOf(lang)+`#view=timeline&year=2012&embed"></iframe>';
			document.body.style.cssText = 'margin:0;padding:0;max-width:none'; const f = document.getElementById('f');
			f.style.display = 'block'; f.style.width = '344px'; f.style.height = '194px'; f.style.border = '0';`); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, name+": the live view, grown", `(() => { try { const p = `+inner+`.azflowsPage, v = `+livePage+`.contentWindow.azflowsView;
			return p.mode === 'live' && p.taller > 0 && !!v && v.ready && Math.abs(v.h - p.taller) < 1; } catch (e) { return false; } })()`, 40*time.Second)
		m := eval[struct {
			Taller, FrameH, ViewW, ViewH, ChartH  float64
			ScrollH, ClientH, FrameTop, FrameLeft float64
			Hash                                  string
		}](t, ctx, `(() => { const w = `+inner+`, d = w.document, s = d.scrollingElement, f = `+livePage+`, v = f.contentWindow.azflowsView;
			const r = f.getBoundingClientRect();
			return {Taller: w.azflowsPage.taller, FrameH: r.height, ViewW: v.w, ViewH: v.h, ChartH: v.chartH,
				ScrollH: s.scrollHeight, ClientH: s.clientHeight, FrameTop: r.top + s.scrollTop, FrameLeft: r.left, Hash: v.hash}; })()`)
		st := charts.State{View: "timeline", Year: 2012, Lang: i18n.Lang(lang)}
		model := layout.Build(testAssets, st, m.ViewW, m.ChartH)
		if model.H != m.ChartH || m.ChartH <= m.ClientH-m.FrameTop {
			t.Errorf("%s: the view's chart is %v tall (the model at %vx%v takes %v) in a %v px embed", name, m.ChartH, m.ViewW, m.ChartH, model.H, m.ClientH)
		}
		if m.Taller != m.ChartH || m.FrameH != m.ChartH || m.ViewH != m.ChartH {
			t.Errorf("%s: the chart is %v tall, the page's box %v (page.taller %v), the view's canvas %v", name, m.ChartH, m.FrameH, m.Taller, m.ViewH)
		}
		if !(m.ScrollH > m.ClientH) {
			t.Errorf("%s: the embed does not scroll: %v px of content in %v", name, m.ScrollH, m.ClientH)
		}
		if d := layout.Dropped(st, model); len(d) > 0 {
			t.Errorf("%s: the grown chart still drops %v", name, d)
		}
		// The last item of the timeline: the item's text that ends lowest.
		var last charts.Mark
		items := map[string]bool{}
		for _, mk := range model.Marks {
			if mk.Role == "event" || mk.Role == "bar" {
				items[mk.Datum] = true
			}
		}
		for _, mk := range model.Marks {
			if mk.Kind == charts.TextMark && items[mk.Datum] && mk.Bounds().Y+mk.Bounds().H > last.Bounds().Y+last.Bounds().H {
				last = mk
			}
		}
		if last.ID == "" {
			t.Fatalf("%s: the model has no item", name)
		}
		b := last.Bounds()
		if bottom := m.FrameTop + b.Y + b.H; bottom > m.ScrollH+0.5 {
			t.Errorf("%s: the last item %s %q ends at %v, past the %v px the embed scrolls", name, last.ID, last.Text, bottom, m.ScrollH)
		}
		// Scrolled to the end, the last item is on the screen, drawn in ink.
		top := eval[float64](t, ctx, `(() => { const s = `+inner+`.document.scrollingElement; s.scrollTop = s.scrollHeight; return s.scrollTop; })()`)
		y := m.FrameTop - top + b.Y
		if y < 0 || y+b.H > 194 {
			t.Errorf("%s: scrolled to the end (%v), the last item %s lies at %v..%v of the 194 px frame", name, top, last.ID, y, y+b.H)
		}
		waitShot(t, ctx, name+": the last item drawn", func(img image.Image) []string {
			ink := 0
			r := crop(img, m.FrameLeft+b.X, y, b.W, b.H).Bounds()
			for py := r.Min.Y; py < r.Max.Y; py++ {
				for px := r.Min.X; px < r.Max.X; px++ {
					if near(img.At(px, py), charts.Ink) {
						ink++
					}
				}
			}
			if ink < 10 {
				return []string{fmt.Sprintf("%d ink pixels where %s %q is (%v,%v %vx%v)", ink, last.ID, last.Text, m.FrameLeft+b.X, y, b.W, b.H)}
			}
			return nil
		})

		// Another view, which fits: the box comes back to the frame's height.
		if err := runJS(ctx, inner+`.location.hash = '#view=flow&year=2012&embed'`); err != nil {
			t.Fatal(err)
		}
		const back = `(() => { try { const p = ` + inner + `.azflowsPage, v = ` + livePage + `.contentWindow.azflowsView;
			return JSON.stringify({taller: p.taller, hash: v.hash, chartH: v.chartH, h: v.h, ok: p.taller === 0 && v.hash.indexOf('view=flow') >= 0 && v.chartH === v.h}); } catch (e) { return String(e); } })()`
		for deadline := time.Now().Add(20 * time.Second); !strings.Contains(eval[string](t, ctx, back), `"ok":true`); time.Sleep(100 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%s: the flow did not bring the box back within 20 s: %s", name, eval[string](t, ctx, back))
			}
		}
		after := eval[[]float64](t, ctx, `(() => { const d = `+inner+`.document, s = d.scrollingElement, f = `+livePage+`;
			return [s.scrollHeight, s.clientHeight, f.getBoundingClientRect().height, f.contentWindow.azflowsView.h]; })()`)
		if after[0] > after[1]+0.5 || after[2] >= m.ChartH || after[2] > after[1] {
			t.Errorf("%s: after switching to the flow the embed holds %v px in %v, the view's box is %v tall (the canvas %v)", name, after[0], after[1], after[2], after[3])
		}
	}
}
