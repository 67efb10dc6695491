package layout

import (
	"sort"
	"strings"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
)

// destination is one category of a year's destinations, in drawing order.
type destination struct {
	Flow   data.Flow
	Figure data.Figure
	Label  string
	Style  charts.Style
}

// destinations returns the year's flows ordered: named countries by count (largest first),
// then the group the source does not break down, then what it leaves unplaced.
func destinations(l i18n.Lang, year int) []destination {
	var out []destination
	for _, fl := range data.FlowsFor(year) {
		fig, _ := data.FigureByID(fl.FigureID)
		out = append(out, destination{Flow: fl, Figure: fig, Label: destLabel(l, fl), Style: destStyle(fl.Kind)})
	}
	rank := map[data.DestKind]int{data.Country: 0, data.OtherCountries: 1, data.NotGiven: 2}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if rank[a.Flow.Kind] != rank[b.Flow.Kind] {
			return rank[a.Flow.Kind] < rank[b.Flow.Kind]
		}
		return a.Figure.Value > b.Figure.Value
	})
	return out
}

func destLabel(l i18n.Lang, fl data.Flow) string {
	switch fl.Kind {
	case data.OtherCountries:
		return i18n.T(l, "dest.other")
	case data.NotGiven:
		return i18n.T(l, "dest.notgiven")
	}
	if n := i18n.Country(l, fl.To); n != "" {
		return n
	}
	return i18n.FlowLabel(l, fl)
}

// shortLabel is the catalog's short form of a destination's label ("UAE", "Other countries"),
// for frames too narrow for the full one; the full label where there is none.
func shortLabel(l i18n.Lang, d destination) string {
	return shortName(l, d.Flow.Kind, d.Flow.To, d.Label)
}

// shortName is the short form of the label full of a destination of the kind (code: the
// country's ISO code).
func shortName(l i18n.Lang, kind data.DestKind, code, full string) string {
	key := ""
	switch kind {
	case data.OtherCountries:
		key = "dest.other.short"
	case data.NotGiven:
		key = "dest.notgiven.short"
	default:
		key = "country.short." + code
	}
	if i18n.Has(key) {
		return i18n.T(l, key)
	}
	return full
}

// labelFor is the destination's label if it fits in w at size, else its short form.
func labelFor(fonts *charts.Fonts, l i18n.Lang, d destination, size float64, bold bool, w float64) string {
	if fonts.TextWidth(d.Label, size, bold) <= w {
		return d.Label
	}
	return shortLabel(l, d)
}

// includes reports whether a group of other countries names the country code among them.
func includes(fl data.Flow, code string) bool {
	for _, c := range fl.Includes {
		if c == code {
			return true
		}
	}
	return false
}

// destStyle encodes how precisely a destination is known: a solid bar for one country, a light
// dashed bar for an unbroken group, a dashed outline only for the unplaced remainder.
func destStyle(k data.DestKind) charts.Style {
	switch k {
	case data.OtherCountries:
		return charts.Style{Fill: charts.GroupC, Stroke: charts.OfficialC, StrokeWidth: 1.2, Dash: charts.Dashed}
	case data.NotGiven:
		return charts.Style{Fill: charts.Background, Stroke: charts.UnknownC, StrokeWidth: 1.2, Dash: charts.Dashed}
	}
	return charts.Style{Fill: charts.OfficialC}
}

// maxFlow is the largest flow of any year: the shared scale's domain, so years compare.
func maxFlow() float64 {
	m := 0.0
	for _, fl := range data.Flows {
		m = max(m, data.FlowValue(fl))
	}
	return m
}

// maxYearTotal is the largest yearly total with destinations.
func maxYearTotal() float64 {
	m := 0.0
	for _, y := range data.FlowYears() {
		t := 0.0
		for _, fl := range data.FlowsFor(y) {
			t += data.FlowValue(fl)
		}
		m = max(m, t)
	}
	return m
}

// yearTotal is the figure with the year's total.
func yearTotal(year int) data.Figure {
	fls := data.FlowsFor(year)
	if len(fls) == 0 {
		return data.Figure{}
	}
	f, _ := data.FigureByID(fls[0].Total)
	return f
}

// sourceLine credits the paper and the footnotes the year's figures come from.
func sourceLine(l i18n.Lang, dests []destination) string {
	seen := map[int]bool{}
	var fns []string
	for _, d := range dests {
		if !seen[d.Figure.Footnote] {
			seen[d.Figure.Footnote] = true
			fns = append(fns, itoa(d.Figure.Footnote))
		}
	}
	if len(fns) > 1 {
		return i18n.T(l, "source.dests", data.ShortSource, strings.Join(fns, ", "))
	}
	return i18n.T(l, "source.dest", data.ShortSource, strings.Join(fns, ", "))
}

// destNotes says in words what the year's figures leave open.
func destNotes(l i18n.Lang, year int, dests []destination) []string {
	tot := yearTotal(year)
	var notes []string
	placed := 0.0
	for _, d := range dests {
		switch d.Flow.Kind {
		case data.Country:
			placed += d.Figure.Value
		case data.OtherCountries:
			notes = append(notes, i18n.T(l, "note.othergroup", d.Figure.Value, i18n.FlowTo(l, d.Flow)))
		case data.NotGiven:
			notes = append(notes, i18n.T(l, "note.notgiven", placed, i18n.TotalOf(l, tot), d.Figure.Value))
		}
	}
	return notes
}

// destFrame places title, notes and source for a destinations view of year, reserving the
// note space and label width that every year needs so that all years share one plot area.
func destFrame(c *charts.Chart, year int, title, subtitle string, dests []destination) (*frame, float64) {
	probe := newFrame(&charts.Chart{W: c.W, H: c.H, Lang: c.Lang, Assets: c.Assets}, title, subtitle, nil, "", 0)
	reserve := 0
	labelW := 0.0
	for _, y := range data.FlowYears() {
		ds := destinations(c.Lang, y)
		reserve = max(reserve, noteLines(c.Fonts(), destNotes(c.Lang, y, ds), probe.small, probe.plot.W))
		for _, d := range ds {
			labelW = max(labelW, c.Fonts().TextWidth(d.Label, probe.base, false))
		}
	}
	return newFrame(c, title, subtitle, destNotes(c.Lang, year, dests), sourceLine(c.Lang, dests), reserve), labelW
}
