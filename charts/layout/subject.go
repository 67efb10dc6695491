package layout

import (
	"azflows/charts"
	"azflows/data"
)

// MutedOpacity is the fill opacity of the counts of a year that is not the chosen one, where a
// view draws every year: pale, with the outline of its kind kept (3:1 against the background),
// so that the chosen year is the subject and the others a reference.
const MutedOpacity = 0.25

// mute is a style made a reference: its fill pale, its outline (or, without one, its fill's
// colour as a thin outline) kept, so the shape stays visible and its kind legible.
func mute(s charts.Style) charts.Style {
	if s.Fill == "" || s.Fill == charts.Background {
		return s // an outline only: already as light as a figure's shape may be
	}
	if s.Stroke == "" || s.Stroke == charts.Background { // no outline, or one that only parts it from a neighbour
		s.Stroke, s.StrokeWidth = s.Fill, 1
	}
	a := s.Opacity
	if a <= 0 || a > 1 {
		a = 1
	}
	s.Opacity = a * MutedOpacity
	return s
}

// recordYear is the one year of destination data (Years) a record counts, or 0.
func recordYear(id string) int {
	f, ok := data.FigureByID(id)
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

// withSubject applies the rule of the chosen year to every view: the shapes that show another
// year's counts are muted and their words drawn in the muted ink; the chosen year's stay as
// laid out. (The layouts put the chosen year first and name it in the title.)
func withSubject(c *charts.Chart) *charts.Chart {
	for i, m := range c.Marks {
		y := recordYear(m.Datum)
		if y == 0 || y == c.Year || !m.Interactive() {
			continue
		}
		if m.Kind == charts.TextMark {
			if m.Style.Fill != "" {
				c.Marks[i].Style.Fill = charts.Muted
			}
			continue
		}
		c.Marks[i].Style = mute(m.Style)
	}
	return c
}

// subjectFirst is the years with the chosen one first, the others in their order.
func subjectFirst(years []int, year int) []int {
	out := make([]int, 0, len(years))
	for _, y := range years {
		if y == year {
			out = append(out, y)
		}
	}
	for _, y := range years {
		if y != year {
			out = append(out, y)
		}
	}
	return out
}

// yearInk is the colour of a year's own words (its heading): ink for the chosen year, the muted
// ink for the others.
func yearInk(y, year int) string {
	if y == year {
		return charts.Ink
	}
	return charts.Muted
}
