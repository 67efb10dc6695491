package ebiten

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"azflows/charts"
)

// prepareAll stands in for Draw's preparing (game.prepareTips): it takes the ops the view
// offers, adds their keys to prepared and reports the generation done, as many ticks as it
// takes; pointer is where the mouse stays meanwhile. It returns the datums' order of offers.
func prepareAll(t *testing.T, v *view, in input, prepared map[lineKey]bool) int {
	t.Helper()
	offers := 0
	var done uint64
	for i := 0; i < 1000; i++ {
		in.TipsDone = done
		tick(v, in)
		if v.wantsFrames() {
			t.Fatal("the view asks for frames to prepare tooltips: only frames that run anyway may")
		}
		ops, gen := v.tipsToPrepare()
		if len(ops) == 0 {
			return offers
		}
		if gen == done {
			t.Fatalf("generation %d offered again after it was done", gen)
		}
		offers++
		for i := range ops {
			if ops[i].kind != opText {
				t.Fatalf("a tooltip op to prepare is not text: %+v", ops[i])
			}
			k, _ := lineKeyOf(&ops[i])
			prepared[k] = true
		}
		done = gen
	}
	t.Fatal("the view never ran out of tooltips to prepare")
	return offers
}

// Once the mouse is over the view, the view offers the renderer every datum's tooltip lines,
// one datum a frame, without asking for a frame; then a hover anywhere on the chart (the
// bench's sweep: rows 20 px apart, 20 px steps, at whole device pixels) finds every line of
// its tooltip among the lines prepared, at the fraction of a pixel it is drawn from.
func TestTipsPreparedAheadOfEveryHover(t *testing.T) {
	for _, tc := range []struct {
		view     string
		w, h, k  float64
		min, max int // datums offered
	}{
		{"bars", 928, 522, 1, 11, 11},
		{"bars", 390, 600, 1, 11, 11},
		{"timeline", 800, 450, 1.5, 19, 19},
		{"compare", 928, 522, 2, 7, 7},
	} {
		t.Run(fmt.Sprintf("%s-%gx%g@%g", tc.view, tc.w, tc.h, tc.k), func(t *testing.T) {
			v := newView(testAssets.Fonts, "view="+tc.view+"&year=2010")
			base := input{W: tc.w, H: tc.h, DSF: tc.k}
			tick(v, base)
			v.frame(int(tc.w*tc.k), int(tc.h*tc.k))
			tick(v, base)
			if !v.ready {
				t.Fatal("not ready")
			}
			if ops, _ := v.tipsToPrepare(); len(ops) != 0 {
				t.Fatalf("%d ops to prepare before the mouse came over the view", len(ops))
			}
			prepared := map[lineKey]bool{}
			in := base
			in.Pointer, in.PointerMoved = charts.Point{X: 1 / tc.k, Y: 1 / tc.k}, true
			tick(v, in)
			in.PointerMoved = false
			n := prepareAll(t, v, in, prepared)
			if n < tc.min || n > tc.max {
				t.Errorf("%d datums offered, want %d–%d", n, tc.min, tc.max)
			}
			hovers, missing := 0, 0
			for y := 10.0; y < tc.h; y += 20 {
				for x := 2.0; x < tc.w; x += 20 {
					p := charts.Point{X: math.Round(x*tc.k) / tc.k, Y: math.Round(y*tc.k) / tc.k}
					tick(v, input{W: tc.w, H: tc.h, DSF: tc.k, Pointer: p, PointerMoved: true})
					if v.shown == "" {
						continue
					}
					hovers++
					for i := range v.overlay {
						if op := &v.overlay[i]; op.kind == opText {
							if k, _ := lineKeyOf(op); !prepared[k] {
								missing++
								if missing <= 5 {
									t.Errorf("hovering %s at %v: its line %q (frac %d/64) was not prepared", v.shown, p, k.text, k.frac)
								}
							}
						}
					}
				}
			}
			if hovers == 0 {
				t.Fatal("the sweep hovered no datum")
			}
			if missing > 0 {
				t.Errorf("%d lines of %d hovers not prepared", missing, hovers)
			}
		})
	}
}

// The datum nearest the pointer is offered first; nothing is offered while the mouse is off
// the view, and a new chart (a change of year) offers its own datums again.
func TestTipsNearestFirstOnlyWhileTheMouseIsOver(t *testing.T) {
	v := newView(testAssets.Fonts, "view=bars&year=2010")
	base := input{W: 928, H: 522, DSF: 1}
	tick(v, base)
	v.frame(928, 522)
	tick(v, base)
	// The bar farthest down, then the mouse just below it.
	var last charts.Mark
	for _, m := range v.chart.Marks {
		if m.Role == charts.RoleBar && m.Datum != "" && m.Rect.Y > last.Rect.Y {
			last = m
		}
	}
	if last.Datum == "" {
		t.Fatal("no bar")
	}
	in := base
	in.Pointer, in.PointerMoved = charts.Point{X: last.Rect.X + 1, Y: last.Rect.Y + last.Rect.H + 8}, true
	tick(v, in)
	ops, gen := v.tipsToPrepare()
	if len(ops) == 0 {
		t.Fatal("nothing offered with the mouse over the view")
	}
	want := v.chart.Tips[last.Datum]
	if len(want) == 0 || !strings.HasPrefix(want[0], ops[0].text) { // its first line, wrapped
		t.Errorf("first offer starts %q, want the nearest bar's %q", ops[0].text, want)
	}
	tick(v, input{W: 928, H: 522, DSF: 1, PointerLeft: true, TipsDone: gen})
	if ops, _ := v.tipsToPrepare(); len(ops) != 0 {
		t.Errorf("%d ops offered with the mouse off the view", len(ops))
	}
	left := len(v.tips)
	tick(v, input{W: 928, H: 522, DSF: 1, HasHash: true, Hash: "view=bars&year=2012"})
	if len(v.tips) <= left {
		t.Errorf("after a change of year %d datums to prepare, want the new chart's all (more than the %d left)", len(v.tips), left)
	}
}
