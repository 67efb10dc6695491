//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
)

// Issue 26: the phone timeline's rows are ~13 px apart, far under a 44×44 px tap target. On a
// touch phone a tap selects the nearest datum within charts.TouchSlop (22 px) of its mark or
// label (charts.HitNear): in the live view, a tap 20 px above the first row's centre line shows
// that row's read-out, and a tap between two rows the nearer one's.
func TestPhoneTapSelectsNearestRow(t *testing.T) {
	for _, lang := range []string{"en", "az", "ru"} {
		for _, p := range phones {
			ctx, stop := newBrowser(t)
			name := fmt.Sprintf("%s %dx%d", lang, p.w, p.h)
			if err := chromedp.Do(ctx, phoneViewport(p.w, p.h), chromedp.Navigate(baseURL+"/"+pageOf(lang)+"#view=timeline&year=2012")); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "the live chart", `window.azflowsPage.mode === 'live'`, 40*time.Second)
			waitFor(t, ctx, "the first frame", liveView+`.ready && `+liveView+`.frames > 0`, 10*time.Second)
			if err := runJS(ctx, `window.scrollTo(0, document.querySelector('#live-slot iframe').getBoundingClientRect().top + scrollY - 40)`); err != nil {
				t.Fatal(err)
			}
			time.Sleep(200 * time.Millisecond)
			fx, fy, fw, fh := liveFrameBox(t, ctx)
			// The chart the view built, at the size it was given (the frame's CSS size, as the
			// view measured it).
			vs := eval[[]float64](t, ctx, `[`+liveView+`.w, `+liveView+`.h]`)
			model := layout.Build(testAssets, charts.State{View: "timeline", Year: 2012, Lang: i18n.Lang(lang)}, vs[0], vs[1])
			var rows []charts.Mark // the first label line of each row, top down
			lines := map[string]int{}
			for _, m := range model.Marks {
				if m.Kind == charts.TextMark && m.Role == charts.RoleLabel && m.Datum != "" && strings.HasPrefix(m.ID, "list/") && !strings.HasPrefix(m.ID, "list/num/") {
					if lines[m.Datum]++; lines[m.Datum] == 1 {
						rows = append(rows, m)
					}
				}
			}
			if len(rows) < 15 {
				t.Fatalf("%s: %d rows in the %.1f×%.1f phone timeline", name, len(rows), vs[0], vs[1])
			}
			check := func(what string, x, y float64, want string) {
				t.Helper()
				if err := runJS(ctx, `window.azflowsPage.readout = ''`); err != nil {
					t.Fatal(err)
				}
				if err := chromedp.Do(ctx, tap(fx+x, fy+y)); err != nil {
					t.Fatal(err)
				}
				waitFor(t, ctx, "the read-out of "+want, `window.azflowsPage.readout.length > 0`, 10*time.Second)
				got := eval[string](t, ctx, `window.azflowsPage.readout`)
				if head := strings.SplitN(layout.TooltipText(i18n.Lang(lang), want), "\n", 2)[0]; !strings.Contains(got, head) {
					t.Errorf("%s: %s: the read-out says %q, not %q's %q", name, what, got, want, head)
				}
				// Tap it again: unpinned, for the next tap.
				if err := chromedp.Do(ctx, tap(fx+x, fy+y)); err != nil {
					t.Fatal(err)
				}
				time.Sleep(150 * time.Millisecond)
			}
			b := rows[0].Bounds()
			check("a tap 20 px above the first row", b.X+b.W/2, b.Y+b.H/2-20, rows[0].Datum)
			i := 1 // two rows, the first of one line
			for i+1 < len(rows) && lines[rows[i].Datum] != 1 {
				i++
			}
			a, c := rows[i].Bounds(), rows[i+1].Bounds()
			x := (max(a.X, c.X) + min(a.X+a.W, c.X+c.W)) / 2
			ya, yc := a.Y+a.H/2, c.Y+c.H/2
			t.Logf("%s: frame at %.1f,%.1f %.1f×%.1f (view %.1f×%.1f); rows %q at y %.1f and %q at %.1f; tap at %.1f,%.1f", name, fx, fy, fw, fh, vs[0], vs[1], rows[i].Datum, ya, rows[i+1].Datum, yc, x, ya+0.7*(yc-ya))
			check(fmt.Sprintf("a tap between rows %d and %d, nearer %d", i+1, i+2, i+2), x, ya+0.7*(yc-ya), rows[i+1].Datum)
			stop()
		}
	}
}
