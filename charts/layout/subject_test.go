package layout

import (
	"fmt"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
)

// markYear is the one year of destination data a mark's record counts (0 for a record of
// another period, or of no year).
func markYear(m charts.Mark) int {
	f, ok := data.FigureByID(m.Datum)
	if !ok || f.Period.From != f.Period.To {
		return 0
	}
	for _, y := range charts.Years {
		if y == f.Period.From {
			return y
		}
	}
	return 0
}

// fillAlpha is how opaque a shape's fill is painted (0 where it has none or is the background).
func fillAlpha(s charts.Style) float64 {
	if s.Fill == "" || s.Fill == charts.Background {
		return 0
	}
	if s.Opacity <= 0 || s.Opacity > 1 {
		return 1
	}
	return s.Opacity
}

// Where a view draws the counts of every year (bars, compare, timeline), the chosen year is
// the subject: the title names it (first among the years it names), its shapes are painted in
// full and its values in ink while the other years' are muted (pale fill, muted text), and,
// where the layout has an order, its counts come first.
func TestChosenYearIsTheSubject(t *testing.T) {
	for _, l := range i18n.Langs {
		for _, view := range []string{"bars", "compare", "timeline"} {
			for _, size := range [][2]float64{{800, 450}, {360, 480}} {
				for _, year := range charts.Years {
					c := Build(testAssets, charts.State{View: view, Year: year, Lang: l}, size[0], size[1])
					name := fmt.Sprintf("%s %s %d %v", l, view, year, size)
					yr := itoa(year)
					at := strings.Index(c.Title, yr)
					if at < 0 {
						t.Errorf("%s: title %q does not name the year", name, c.Title)
					}
					for _, o := range charts.Years {
						if i := strings.Index(c.Title, itoa(o)); o != year && i >= 0 && i < at {
							t.Errorf("%s: title %q names %d before the chosen year", name, c.Title, o)
						}
					}
					var chosen, other []charts.Mark
					for _, m := range c.Marks {
						y := markYear(m)
						if y == 0 || !m.Interactive() {
							continue
						}
						if m.Kind == charts.TextMark {
							if m.Role == charts.RoleValue && y == year && m.Style.Fill == charts.Muted {
								t.Errorf("%s: the chosen year's value %s %q is muted", name, m.ID, m.Text)
							}
							if m.Role == charts.RoleValue && y != year && m.Style.Fill != charts.Muted {
								t.Errorf("%s: %d's value %s %q is in %s, not muted", name, y, m.ID, m.Text, m.Style.Fill)
							}
							continue
						}
						if y == year {
							chosen = append(chosen, m)
						} else {
							other = append(other, m)
						}
					}
					if len(chosen) == 0 || len(other) == 0 {
						t.Errorf("%s: %d shapes of the chosen year, %d of the others; want both", name, len(chosen), len(other))
						continue
					}
					for _, m := range chosen {
						if a := fillAlpha(m.Style); a > 0 && a < 0.9 {
							t.Errorf("%s: the chosen year's %s is painted at %.2f, want full", name, m.ID, a)
						}
					}
					for _, m := range other {
						if a := fillAlpha(m.Style); a > 0.4 {
							t.Errorf("%s: %d's %s is painted at %.2f, want muted (≤ 0.4)", name, markYear(m), m.ID, a)
						}
					}
					if view == "timeline" {
						continue // its order is time's
					}
					first := func(ms []charts.Mark) charts.Rect {
						r := ms[0].Bounds()
						for _, m := range ms[1:] {
							if b := m.Bounds(); b.Y < r.Y-1 || (b.Y < r.Y+1 && b.X < r.X) {
								r = b
							}
						}
						return r
					}
					a, b := first(chosen), first(other)
					if !(a.Y < b.Y-1 || (a.Y < b.Y+1 && a.X < b.X)) {
						t.Errorf("%s: the chosen year's first shape at %v comes after the others' at %v", name, a, b)
					}
				}
			}
		}
	}
}
