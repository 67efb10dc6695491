package charts

import (
	"fmt"
	"sort"
	"strings"

	"azflows/data"
)

// destination is one category of a year's destinations, in drawing order.
type destination struct {
	Flow   data.Flow
	Figure data.Figure
	Label  string
	Style  Style
}

// destinations returns the year's flows ordered: named countries by count (largest first),
// then the group the source does not break down, then what it leaves unplaced.
func destinations(year int) []destination {
	var out []destination
	for _, fl := range data.FlowsFor(year) {
		fig, _ := data.FigureByID(fl.FigureID)
		out = append(out, destination{Flow: fl, Figure: fig, Label: destLabel(fl), Style: destStyle(fl.Kind)})
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

func destLabel(fl data.Flow) string {
	switch fl.Kind {
	case data.OtherCountries:
		return "Other countries, incl. Russia"
	case data.NotGiven:
		return "Destination not given"
	}
	return fl.Label
}

// destStyle encodes how precisely a destination is known: a solid bar for one country, a light
// dashed bar for an unbroken group, a dashed outline only for the unplaced remainder.
func destStyle(k data.DestKind) Style {
	switch k {
	case data.OtherCountries:
		return Style{Fill: GroupC, Stroke: OfficialC, StrokeWidth: 1.2, Dash: Dashed}
	case data.NotGiven:
		return Style{Fill: Background, Stroke: UnknownC, StrokeWidth: 1.2, Dash: Dashed}
	}
	return Style{Fill: OfficialC}
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
func sourceLine(dests []destination) string {
	seen := map[int]bool{}
	var fns []string
	for _, d := range dests {
		if !seen[d.Figure.Footnote] {
			seen[d.Figure.Footnote] = true
			fns = append(fns, itoa(d.Figure.Footnote))
		}
	}
	return fmt.Sprintf("Source: %s, footnote %s. Official figures; their accuracy cannot be evaluated (footnote 8).", data.ShortSource, strings.Join(fns, ", "))
}

// destNotes says in words what the year's figures leave open.
func destNotes(year int, dests []destination) []string {
	tot := yearTotal(year)
	var notes []string
	placed := 0.0
	for _, d := range dests {
		switch d.Flow.Kind {
		case data.Country:
			placed += d.Figure.Value
		case data.OtherCountries:
			notes = append(notes, fmt.Sprintf("%v went to \u201cother countries, including Russia\u201d: the paper does not break them down.", d.Figure.Value))
		case data.NotGiven:
			notes = append(notes, fmt.Sprintf("The paper gives destinations for %v of the %v victims; for %v it gives none.", placed, tot.Value, d.Figure.Value))
		}
	}
	return notes
}

// destFrame places title, notes and source for a destinations view of year, reserving the
// note space and label width that every year needs so that all years share one plot area.
func destFrame(c *Chart, year int, title, subtitle string, dests []destination) (*frame, float64) {
	probe := newFrame(&Chart{W: c.W, H: c.H}, title, subtitle, nil, "", 0)
	reserve := 0
	labelW := 0.0
	for _, y := range data.FlowYears() {
		ds := destinations(y)
		reserve = max(reserve, noteLines(destNotes(y, ds), probe.small, probe.plot.W))
		for _, d := range ds {
			labelW = max(labelW, TextWidth(d.Label, probe.base, false))
		}
	}
	return newFrame(c, title, subtitle, destNotes(year, dests), sourceLine(dests), reserve), labelW
}
