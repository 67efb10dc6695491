//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"image"
	"reflect"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
)

// yearMarks are the boxes (CSS px, in the chart) of the marks that the models of two years
// draw differently: present in one only, or with other geometry, text or style. They are
// where a change of year must change the pixels.
func yearMarks(a, b *charts.Chart) []charts.Rect {
	other := map[string]charts.Mark{}
	for _, m := range b.Marks {
		other[m.ID] = m
	}
	var out []charts.Rect
	add := func(m charts.Mark) {
		if r := m.Bounds(); r.W*r.H >= 4 {
			out = append(out, r)
		}
	}
	seen := map[string]bool{}
	for _, m := range a.Marks {
		seen[m.ID] = true
		o, ok := other[m.ID]
		if !ok || !reflect.DeepEqual(m, o) {
			add(m)
			if ok {
				add(o)
			}
		}
	}
	for _, m := range b.Marks {
		if !seen[m.ID] {
			add(m)
		}
	}
	return out
}

// regionChanged is the fraction of the pixels inside the boxes (offset by the frame's
// position) that differ between two screenshots.
func regionChanged(a, b image.Image, boxes []charts.Rect, fx, fy float64) float64 {
	in := map[image.Point]bool{}
	for _, r := range boxes {
		for y := int(fy + r.Y); y < int(fy+r.Y+r.H+1); y++ {
			for x := int(fx + r.X); x < int(fx+r.X+r.W+1); x++ {
				in[image.Point{x, y}] = true
			}
		}
	}
	diff := 0
	for p := range in {
		if differs(a, b, p.X, p.Y) {
			diff++
		}
	}
	if len(in) == 0 {
		return 0
	}
	return float64(diff) / float64(len(in))
}

// Every chart view, live, taken through every year and back with the page's year control:
// the pixels where the model's year-specific marks are (the outlined panel, the "Year chosen"
// line, the arcs' widths) change with each switch, and going back gives the first picture
// again (issue 12, finding 1: the cached base layer kept the old year).
func TestYearSwitchRedrawsLive(t *testing.T) {
	ctx, _ := newBrowser(t)
	errs := watchErrors(t, ctx)
	if err := chromedp.Do(ctx, emulateMedia(&emulation.MediaFeature{Name: "prefers-reduced-motion", Value: "reduce"})); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, 1000, 900, "#view=bars&year=2010")
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	years := charts.Years
	for _, view := range layout.ChartViews() {
		hash := func(y int) string { return fmt.Sprintf("view=%s&year=%d", view, y) }
		eval[string](t, ctx, fmt.Sprintf(`location.hash = %q`, "#"+hash(years[0])))
		shot := func(y int) image.Image {
			t.Helper()
			waitFor(t, ctx, hash(y)+" in the live view", liveView+`.hash === '`+hash(y)+`' && `+liveView+`.frames > 0`, 20*time.Second)
			// The view draws the frame after it took the state; wait until two screenshots agree.
			var last image.Image
			for i := 0; i < 20; i++ {
				time.Sleep(150 * time.Millisecond)
				img := screenshotPNG(ctx, t, "")
				if last != nil && changed(last, img) == 0 {
					return img
				}
				last = img
			}
			return last
		}
		first := shot(years[0])
		fx, fy, fw, fh := liveFrameBox(t, ctx)
		prev := first
		seq := append(append([]int(nil), years[1:]...), years[0])
		from := years[0]
		for _, y := range seq {
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`label:has(input[name=year][value="%d"])`, y)))); err != nil {
				t.Fatal(err)
			}
			img := shot(y)
			boxes := yearMarks(layout.Build(testAssets, charts.State{View: view, Year: from}, fw, fh), layout.Build(testAssets, charts.State{View: view, Year: y}, fw, fh))
			if len(boxes) == 0 {
				t.Fatalf("%s: the models of %d and %d draw the same marks", view, from, y)
			}
			if c := regionChanged(prev, img, boxes, fx, fy); c < 0.005 {
				t.Errorf("%s: %d → %d changed %.4f of the pixels of the %d year-specific marks: the canvas still shows %d", view, from, y, c, len(boxes), from)
			}
			prev, from = img, y
		}
		if c := changedMuch(crop(first, fx, fy, fw, fh), prev); c > 0.0005 {
			t.Errorf("%s: back in %d, %.4f of the chart differs from its first picture", view, years[0], c)
		}
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// The same in the fallback (no WebGL): each switch of year shows the other year's echarts page,
// and going back shows the first again.
func TestYearSwitchRedrawsFallback(t *testing.T) {
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled"))
	if err := chromedp.Do(ctx, emulateMedia(&emulation.MediaFeature{Name: "prefers-reduced-motion", Value: "reduce"})); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, 1000, 900, "#view=bars&year=2010")
	waitFor(t, ctx, "the fallback", `window.azflowsPage.mode === 'fallback'`, 20*time.Second)
	const fb = `document.querySelector('#fallback-slot iframe').contentWindow`
	years := charts.Years
	for _, view := range layout.ChartViews() {
		shot := func(y int) image.Image {
			t.Helper()
			waitFor(t, ctx, fmt.Sprintf("%s %d in the fallback", view, y), `(() => { try { const w = `+fb+`; const d = w.document.getElementById('fallback');
				return d.dataset.view === '`+view+`' && w.location.href.indexOf('-`+fmt.Sprint(y)+`') >= 0 && !!(w.echarts && w.echarts.getInstanceByDom(w.document.getElementById('fallback-chart')))
					&& !document.getElementById('chart').classList.contains('fallback-pending'); } catch (e) { return false; } })()`, 20*time.Second)
			var last image.Image
			for i := 0; i < 30; i++ {
				time.Sleep(200 * time.Millisecond)
				img := screenshotPNG(ctx, t, "#fallback-slot iframe")
				if last != nil && changed(last, img) == 0 {
					return img
				}
				last = img
			}
			return last
		}
		// What the fallback draws, as echarts holds it: its series' data.
		const series = `(() => { const w = ` + fb + `; return JSON.stringify(w.echarts.getInstanceByDom(w.document.getElementById('fallback-chart')).getOption().series.map(s => s.data)); })()`
		eval[string](t, ctx, fmt.Sprintf(`location.hash = %q`, fmt.Sprintf("#view=%s&year=%d", view, years[0])))
		first := shot(years[0])
		firstSeries := eval[string](t, ctx, series)
		prev := first
		from := years[0]
		for _, y := range append(append([]int(nil), years[1:]...), years[0]) {
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`label:has(input[name=year][value="%d"])`, y)))); err != nil {
				t.Fatal(err)
			}
			img := shot(y)
			if img.Bounds() != prev.Bounds() {
				t.Errorf("%s: the fallback changed size from %v to %v", view, prev.Bounds(), img.Bounds())
			} else if c := changed(prev, img); c < 0.002 {
				t.Errorf("%s: %d → %d changed only %.4f of the fallback chart", view, from, y, c)
			}
			prev, from = img, y
		}
		// Back in the first year: the same chart again (echarts' own animations, such as a map's
		// arcs, make its pixels an unfit measure here).
		if s := eval[string](t, ctx, series); s != firstSeries {
			t.Errorf("%s: back in %d, the fallback draws other data than at first", view, years[0])
		}
	}
}

// differs says whether two pixels differ by more than anti-aliasing does between two paints of
// the same picture (a channel by more than 32 of 255).
func differs(a, b image.Image, x, y int) bool {
	ar, ag, ab, _ := a.At(x, y).RGBA()
	br, bg, bb, _ := b.At(x, y).RGBA()
	d := func(p, q uint32) bool { return int(p>>8)-int(q>>8) > 32 || int(q>>8)-int(p>>8) > 32 }
	return d(ar, br) || d(ag, bg) || d(ab, bb)
}

// changedMuch is the fraction of the pixels of a (a crop) that differ in b.
func changedMuch(a, b image.Image) float64 {
	r := a.Bounds()
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if differs(a, b, x, y) {
				n++
			}
		}
	}
	return float64(n) / float64(max(1, r.Dx()*r.Dy()))
}
