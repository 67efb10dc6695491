//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"image"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/internal/caching"
)

// mapModel is the chart model of the map with the base map the build converts (from
// node_modules/world-atlas; run `npm ci`), to know where the page should have drawn what.
func mapModel(t *testing.T, year int, w, h float64) *charts.Chart {
	t.Helper()
	return layout.Build(testAssets, charts.State{View: "map", Year: year}, w, h)
}

func TestMapLiveDrawsHoversAndSwitchesYear(t *testing.T) {
	ctx, _ := newBrowser(t)
	requests := recordRequests(ctx, t)
	errs := watchErrors(t, ctx)
	open(t, ctx, 1000, 800, "#view=map&year=2010")
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	waitFor(t, ctx, "the first frame", liveView+`.ready && `+liveView+`.frames > 0`, 10*time.Second)

	fx, fy, fw, fh := liveFrameBox(t, ctx)
	model := mapModel(t, 2010, fw, fh)
	arc, ok := model.Mark("arc/TR")
	if !ok {
		t.Fatal("the model has no Turkey arc")
	}
	c := arc.Center()
	// The map's picture: the Turkey arc in the official colour, and the base map: east Iran in
	// the destination tint, inner Azerbaijan dark.
	waitShot(t, ctx, "the live map", func(img image.Image) []string {
		out := markPainted(model, fx, fy, fw, fh, 0.2, charts.OfficialC, "arc/TR")(img)
		for _, probe := range []struct {
			id, colour string
		}{{"country/IR/", layout.DestLandC}, {"country/AZ/", layout.OriginC}} {
			id, p, found := clearCountryPoint(model, probe.id)
			if !found {
				out = append(out, "no clear point in "+probe.id)
			} else if got := img.At(int(fx+p.X), int(fy+p.Y)); !near(got, probe.colour) {
				out = append(out, fmt.Sprintf("%s at %v is %v, want %s", id, p, got, probe.colour))
			}
		}
		return out
	})

	// Hovering the Turkey arc shows its count.
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, fx+c.X, fy+c.Y)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the hover readout", `window.azflowsPage.readout.includes('23')`, 10*time.Second)
	if h := eval[string](t, ctx, liveView+`.hover`); h != "dest-2010-turkey" {
		t.Errorf("view reports hover %q", h)
	}
	if r := eval[string](t, ctx, `window.azflowsPage.readout`); !strings.Contains(strings.ReplaceAll(r, "\u00a0", " "), "footnote 9") {
		t.Errorf("readout %q lacks the footnote", r)
	}

	// Switching to 2012 moves the arcs: Russia gets an arc.
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, fx+2, fy+2)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`label:has(input[name=year][value="2012"])`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the 2012 map", liveView+`.hash === 'view=map&year=2012'`, 10*time.Second)
	m2012 := mapModel(t, 2012, fw, fh)
	ru, _ := m2012.Mark("arc/RU")
	rc := ru.Center()
	russia := func(img image.Image) []string {
		if got := img.At(int(fx+rc.X), int(fy+rc.Y)); !near(got, charts.OfficialC) {
			return []string{fmt.Sprintf("no Russia arc at %v after switching to 2012 (pixel %v)", rc, got)}
		}
		return nil
	}
	if len(russia(waitShot(t, ctx, "the 2012 map", russia))) > 0 {
		t.FailNow()
	}
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, fx+rc.X, fy+rc.Y)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the Russia readout", `window.azflowsPage.readout.includes('Russia: 14')`, 10*time.Second)

	if f := requests.Foreign(baseURL); len(f) > 0 {
		t.Errorf("requests to other hosts: %q", f)
	}
	if !contains(requests.URLs(), "/basemap.json") {
		t.Error("the view did not fetch basemap.json")
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// clearOf reports whether the shape id is the topmost mark at p and 3 px around it (so not
// on its outline), and no text is near.
// clearCountryPoint is a point of the first country shape whose ID begins with prefix that
// nothing else covers (clearOf), and that shape's ID; ok is false when no shape has one.
func clearCountryPoint(c *charts.Chart, prefix string) (id string, p charts.Point, ok bool) {
	for _, m := range c.Marks {
		if m.Role != charts.RoleCountry || !strings.HasPrefix(m.ID, prefix) {
			continue
		}
		b := m.Bounds()
		for i := 1; i < 20; i++ {
			for j := 1; j < 20; j++ {
				p := charts.Point{X: b.X + b.W*float64(i)/20, Y: b.Y + b.H*float64(j)/20}
				if clearOf(c, p, m.ID) {
					return m.ID, p, true
				}
			}
		}
	}
	return "", charts.Point{}, false
}

func clearOf(c *charts.Chart, p charts.Point, id string) bool {
	for _, d := range []charts.Point{{}, {X: -3}, {X: 3}, {Y: -3}, {Y: 3}} {
		if hit, ok := c.HitTest(charts.Point{X: p.X + d.X, Y: p.Y + d.Y}, 0); !ok || hit.ID != id {
			return false
		}
	}
	for _, m := range c.Marks {
		if m.Kind != charts.TextMark {
			continue
		}
		b := m.Bounds()
		if p.X >= b.X-3 && p.X <= b.X+b.W+3 && p.Y >= b.Y-3 && p.Y <= b.Y+b.H+3 {
			return false
		}
	}
	return true
}

func contains(urls []string, suffix string) bool {
	for _, u := range urls {
		if strings.HasSuffix(caching.Logical(u), suffix) {
			return true
		}
	}
	return false
}

// Without WebGL the page shows the echarts fallback of the map: the same arcs as the model.
func TestMapFallbackDrawsTheModelsArcs(t *testing.T) {
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled"))
	requests := recordRequests(ctx, t)
	open(t, ctx, 1000, 900, "#view=map&year=2012")
	waitFor(t, ctx, "the fallback", `window.azflowsPage.mode === 'fallback'`, 20*time.Second)
	const fb = `document.querySelector('#fallback-slot iframe').contentWindow`
	waitFor(t, ctx, "the echarts chart", `(() => { try { const w = `+fb+`; return !!(w.echarts && w.echarts.getInstanceByDom(w.document.getElementById('fallback-chart'))); } catch (e) { return false; } })()`, 20*time.Second)
	items := eval[[]map[string]any](t, ctx, `(() => { const w = `+fb+`; const o = w.echarts.getInstanceByDom(w.document.getElementById('fallback-chart')).getOption(); return o.series.find(s => s.name === 'arcs').data.map(d => ({from: d.source, to: d.target, value: d.count})); })()`)
	var got, want []string
	for _, it := range items {
		got = append(got, fmt.Sprintf("%v>%v=%v", it["from"], it["to"], it["value"]))
	}
	for _, m := range mapModel(t, 2012, 800, 450).Marks {
		if m.Role == charts.RoleArc {
			want = append(want, fmt.Sprintf("%s>%s=%v", m.Source, m.Target, m.Value))
		}
	}
	if len(want) == 0 || strings.Join(got, ";") != strings.Join(want, ";") {
		t.Errorf("fallback arcs %v, model arcs %v", got, want)
	}
	if !eval[bool](t, ctx, `(() => { const w = `+fb+`; return !!w.echarts.getMap('`+"azflows-region"+`'); })()`) {
		t.Error("the fallback has no base map registered")
	}
	img := screenshotPNG(ctx, t, "#fallback-slot iframe")
	if colours, frac := nonBlank(img); colours < 20 || frac < 0.2 {
		t.Errorf("the fallback map looks blank: %d colours, %.3f non-background", colours, frac)
	}
	if f := requests.Foreign(baseURL); len(f) > 0 {
		t.Errorf("requests to other hosts: %q", f)
	}
}
