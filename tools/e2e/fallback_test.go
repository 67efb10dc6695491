//go:build !(js && wasm)

package e2e

import (
	"context"
	"fmt"
	"image/color"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/echarts"
	"azflows/charts/layout"
	"azflows/i18n"
)

// fallbackPage is the path of a state's fallback page: the hashed name the page's config in
// the state's language gives it.
func fallbackPage(t testing.TB, st charts.State) string {
	t.Helper()
	l := st.Lang
	if l == "" {
		l = i18n.Langs[0]
	}
	st.Lang = ""
	f, ok := pageConfig(t, distDir, l).Files[st.Hash()]
	if !ok {
		t.Fatalf("%s's config has no files for %s", l, st.Hash())
	}
	return "/" + f.Fallback
}

// hoverPoint is a point well inside m by the model's hit test: there and 3 px around it the
// topmost datum is m's, so that small differences of outline (a border simplified
// differently) do not decide which mark is hovered; on a line, a point on it. It is m's centre if that will do, else the first of a grid over its box; false
// where m is everywhere too close to other marks.
func hoverPoint(c *charts.Chart, m charts.Mark) (charts.Point, bool) {
	if m.Kind == charts.PathMark && !m.Closed {
		// A line: a point on it with no mark drawn above it within 4 px (zrender takes
		// 2.5 px around a line, the model its stroke width).
		idx := 0
		for i, o := range c.Marks {
			if o.ID == m.ID {
				idx = i
			}
		}
		clear := func(p charts.Point) bool {
			for _, o := range c.Marks[idx+1:] {
				one := charts.Chart{Marks: []charts.Mark{o}}
				for _, d := range [][2]float64{{0, 0}, {4, 0}, {-4, 0}, {0, 4}, {0, -4}, {3, 3}, {-3, 3}, {3, -3}, {-3, -3}} {
					if _, near := one.HitTest(charts.Point{X: p.X + d[0], Y: p.Y + d[1]}, 4); near && o.Datum != m.Datum {
						return false
					}
				}
			}
			return true
		}
		for i := 1; i < len(m.Points); i++ {
			a, b := m.Points[i-1], m.Points[i]
			for _, f := range []float64{0.5, 0.25, 0.75} {
				p := charts.Point{X: a.X + (b.X-a.X)*f, Y: a.Y + (b.Y-a.Y)*f}
				if h, ok := c.HitTest(p, 1); ok && h.Datum == m.Datum && clear(p) {
					return p, true
				}
			}
		}
		return charts.Point{}, false
	}
	const slop = 0
	at := func(p charts.Point) bool {
		for _, d := range [][2]float64{{0, 0}, {3, 0}, {-3, 0}, {0, 3}, {0, -3}, {2, 2}, {-2, 2}, {2, -2}, {-2, -2}} {
			if h, ok := c.HitTest(charts.Point{X: p.X + d[0], Y: p.Y + d[1]}, slop); !ok || h.Datum != m.Datum {
				return false
			}
		}
		return true
	}
	if at(m.Center()) {
		return m.Center(), true
	}
	b := m.Bounds()
	for i := 1; i < 16; i++ {
		for j := 1; j < 16; j++ {
			if p := (charts.Point{X: b.X + b.W*float64(i)/16, Y: b.Y + b.H*float64(j)/16}); at(p) {
				return p, true
			}
		}
	}
	return charts.Point{}, false
}

// Every mark of every fallback view that shows a datum has the model's tooltip: the test
// moves the mouse onto each (arcs, stubs, boxes and countries of the map, bars, bands, nodes,
// markers) and reads echarts' tooltip. The map once had none (its geo silenced them).
func TestFallbackTooltipOnEveryMark(t *testing.T) {
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled"))
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(900, 700)); err != nil {
		t.Fatal(err)
	}
	var states []charts.State
	for _, v := range layout.ChartViews() {
		for _, y := range charts.Years {
			states = append(states, charts.State{View: v, Year: y})
		}
	}
	states = append(states, charts.State{View: "map", Year: 2012, Context: true}, charts.State{View: "map", Year: 2010, Lang: i18n.AZ},
		charts.State{View: "compare", Year: 2012, Lang: i18n.RU})
	for _, st := range states {
		t.Run(strings.ReplaceAll(st.Hash(), "&", ","), func(t *testing.T) { hoverEveryMark(t, ctx, st) })
	}
}

func hoverEveryMark(t *testing.T, ctx context.Context, st charts.State) {
	{
		url := baseURL + fallbackPage(t, st)
		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the echarts chart of "+url, `(() => { const el = document.getElementById('`+echarts.ChartID+`'); return !!(window.echarts && el && echarts.getInstanceByDom(el)); })()`, 20*time.Second)
		box := eval[[]float64](t, ctx, `(() => { const r = document.getElementById('`+echarts.ChartID+`').getBoundingClientRect(); return [r.x, r.y, r.width]; })()`)
		if box[2] != echarts.W {
			t.Fatalf("%s: chart %v px wide, want the model's %d", url, box[2], echarts.W)
		}
		c := layout.Build(testAssets, st, echarts.W, echarts.H)
		n, fails := 0, 0
		for _, m := range c.Marks {
			if !m.Interactive() || m.Kind == charts.TextMark {
				continue
			}
			p, ok := hoverPoint(c, m)
			if !ok {
				continue // covered by other marks everywhere: those answer for it
			}
			n++
			if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, box[0]+p.X, box[1]+p.Y)); err != nil {
				t.Fatal(err)
			}
			want := c.Tips[m.Datum][0]
			js := fmt.Sprintf(`(() => { const el = document.querySelector('.%s'); return !!el && getComputedStyle(el).display !== 'none' && el.style.opacity !== '0' && el.innerText.includes(%q); })()`, echarts.TooltipClass, want)
			deadline := time.Now().Add(2 * time.Second)
			for !eval[bool](t, ctx, js) {
				if time.Now().After(deadline) {
					got := eval[string](t, ctx, `(() => { const el = document.querySelector('.`+echarts.TooltipClass+`'); return el ? el.innerHTML.slice(0, 200) + ' [' + el.style.display + ' ' + el.style.visibility + ' ' + el.style.opacity + ']' : '(no tooltip element)'; })()`)
					t.Errorf("%s: %s (%s) at %.0f,%.0f: tooltip %q, want %q", st.Hash(), m.ID, m.Datum, p.X, p.Y, got, want)
					if fails++; fails > 3 {
						t.Fatal("giving up on this page")
					}
					break
				}
				time.Sleep(50 * time.Millisecond)
			}
		}
		if n == 0 {
			t.Errorf("%s: no mark hovered", st.Hash())
		}
		// Away from every mark, no tooltip stays.
		if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, box[0]+2, box[1]+2)); err != nil {
			t.Fatal(err)
		}
	}
}

// The fallback's "Counts compared" outlines the chosen year's rows where the model does, and
// no text runs through the outline: at the model's size and scaled down in a narrow frame.
// (Stretched to its container, the outline once ran through "persons convicted…" and "9 of 34
// had not finished school".)
func TestFallbackCompareOutlineClearsLabels(t *testing.T) {
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled"))
	for _, vw := range []int64{1200, 600} {
		for _, y := range charts.Years {
			st := charts.State{View: "compare", Year: y}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(vw, 800), chromedp.Navigate(baseURL+fallbackPage(t, st))); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "the echarts chart", `(() => { const el = document.getElementById('`+echarts.ChartID+`'); return !!(window.echarts && el && echarts.getInstanceByDom(el)); })()`, 20*time.Second)
			time.Sleep(300 * time.Millisecond)
			box := eval[[]float64](t, ctx, `(() => { const r = document.getElementById('`+echarts.ChartID+`').getBoundingClientRect(); return [r.x, r.y, r.width]; })()`)
			k := box[2] / echarts.W
			img := screenshotPNG(ctx, t, "")
			c := layout.Build(testAssets, st, echarts.W, echarts.H)
			sel, ok := c.Mark("selected/" + fmt.Sprint(y))
			if !ok {
				t.Fatalf("%d: the model outlines nothing", y)
			}
			at := func(x, y float64) color.Color { return img.At(int(box[0]+x*k+0.5), int(box[1]+y*k+0.5)) }
			dark := func(cl color.Color) bool { r, g, b, _ := cl.RGBA(); return r>>8 < 140 && g>>8 < 140 && b>>8 < 140 }
			// The outline is drawn where the model put it: its right edge is dark on most rows.
			r := sel.Rect
			edge, rows := 0, 0
			for yy := r.Y + 3; yy < r.Y+r.H-3; yy += 2 {
				rows++
				for dx := -1.5; dx <= 1.5; dx += 0.5 {
					if dark(at(r.X+r.W+dx, yy)) {
						edge++
						break
					}
				}
			}
			if edge < rows*9/10 {
				t.Errorf("width %d, %d: the outline's right edge is dark on %d of %d rows", vw, y, edge, rows)
			}
			// No text crosses it: just outside the right edge, beside each text inside the
			// outline, the page is blank.
			var texts []string
			for _, m := range c.Marks {
				if m.Kind != charts.TextMark {
					continue
				}
				b := m.Bounds()
				if b.Y < r.Y || b.Y+b.H > r.Y+r.H || b.X > r.X+r.W {
					continue
				}
				texts = append(texts, m.Text)
				for yy := b.Y + b.H*0.2; yy < b.Y+b.H*0.8; yy++ {
					for dx := 3.0; dx <= 8; dx++ {
						if dark(at(r.X+r.W+dx/k, yy)) {
							t.Errorf("width %d, %d: ink beside the outline at the height of %q", vw, y, m.Text)
							yy, dx = b.Y+b.H, 9
						}
					}
				}
			}
			if len(texts) < 2 || (y == 2010 && !strings.Contains(strings.Join(texts, "|"), "had not finished school")) {
				t.Errorf("width %d, %d: texts inside the outline %q", vw, y, texts)
			}
		}
	}
}
