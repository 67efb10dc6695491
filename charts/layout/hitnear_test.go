package layout

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/i18n"
)

// phoneRows are the phone timeline's rows: per item (datum), the centre line of its first
// label line and that line's span, top down.
type phoneRow struct {
	datum      string
	y, x0, x1  float64
	singleLine bool
}

func phoneRows(c *charts.Chart) []phoneRow {
	byDatum := map[string]*phoneRow{}
	lines := map[string]int{}
	for _, m := range c.Marks {
		if m.Kind != charts.TextMark || m.Role != charts.RoleLabel || !strings.HasPrefix(m.ID, "list/") || strings.HasPrefix(m.ID, "list/num/") {
			continue
		}
		b := m.Bounds()
		lines[m.Datum]++
		if r, ok := byDatum[m.Datum]; !ok || b.Y+b.H/2 < r.y {
			byDatum[m.Datum] = &phoneRow{datum: m.Datum, y: b.Y + b.H/2, x0: b.X, x1: b.X + b.W}
		}
	}
	var out []phoneRow
	for d, r := range byDatum {
		r.singleLine = lines[d] == 1
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].y < out[j].y })
	return out
}

// Issue 26: the phone timeline's rows are about 13 px apart with 11 px type, far under the
// 44×44 px a finger needs, and the hit test gave labels no slop (HitTest at the view's 6 px
// missed a tap 20 px off). A finger's tap (HitNear with TouchSlop) selects the nearest datum
// whose mark or label lies within 22 px: a tap 20 px above the first row's centre line selects
// it, a tap between two rows selects the nearer, a tap far from everything selects nothing.
func TestHitNearOnPhoneTimeline(t *testing.T) {
	for _, l := range i18n.Langs {
		for _, sz := range [][2]float64{{344, 459}, {374, 499}} {
			c := Build(testAssets, charts.State{View: "timeline", Year: 2012, Lang: l}, sz[0], sz[1])
			rows := phoneRows(c)
			if len(rows) < 15 {
				t.Fatalf("%s %v: %d rows in the phone timeline", l, sz, len(rows))
			}
			name := fmt.Sprintf("%s %.0fx%.0f", l, sz[0], sz[1])
			first := rows[0]
			p := charts.Point{X: (first.x0 + first.x1) / 2, Y: first.y - 20}
			if m, ok := c.HitNear(p, charts.TouchSlop); !ok || m.Datum != first.datum {
				t.Errorf("%s: a tap 20 px above the first row (%q) selects %q (%v)", name, first.datum, m.Datum, ok)
			}
			pairs := 0
			for i := 0; i+1 < len(rows); i++ {
				a, b := rows[i], rows[i+1]
				if !a.singleLine || b.y-a.y < 8 {
					continue
				}
				x := (max(a.x0, b.x0) + min(a.x1, b.x1)) / 2
				if min(a.x1, b.x1) <= max(a.x0, b.x0) {
					continue
				}
				pairs++
				for _, f := range []struct {
					at   float64
					want string
				}{{0.35, a.datum}, {0.65, b.datum}} {
					q := charts.Point{X: x, Y: a.y + f.at*(b.y-a.y)}
					if m, ok := c.HitNear(q, charts.TouchSlop); !ok || m.Datum != f.want {
						t.Errorf("%s: a tap at y %.1f between rows %q (%.1f) and %q (%.1f) selects %q, not the nearer %q", name, q.Y, a.datum, a.y, b.datum, b.y, m.Datum, f.want)
					}
				}
			}
			if pairs < 5 {
				t.Errorf("%s: only %d pairs of rows to tap between", name, pairs)
			}
			// Far from everything: the title's right end, the credits' foot.
			for _, q := range []charts.Point{{X: c.W - 2, Y: 2}, {X: c.W - 2, Y: c.H - 2}} {
				if m, ok := c.HitNear(q, charts.TouchSlop); ok {
					t.Errorf("%s: a tap at %v, far from every datum, selects %q", name, q, m.Datum)
				}
			}
		}
	}
}
