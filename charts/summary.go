package charts

import (
	"fmt"
	"sort"
	"strings"

	"azflows/data"
)

// summaryText holds every sentence of the chart summaries as a fmt format, keyed by id, so that
// they can be translated in one place. The numbers always come from data records.
var summaryText = map[string]string{
	"map.intro":        "The map shows where identified victims from Azerbaijan were taken in %d, as arcs from Azerbaijan whose width is proportional to the number of persons.",
	"flow.intro":       "The chart shows where identified victims from Azerbaijan were taken in %d, as bands from Azerbaijan to each destination whose width is proportional to the number of persons.",
	"bars.intro":       "The bars show where identified victims from Azerbaijan were taken in %s, in one panel per year on one scale; %d is outlined.",
	"total":            "In %d the %s reported %s %s.",
	"largest":          "The largest number, %s, were taken to %s; %s.",
	"largest.only":     "The largest number, %s, were taken to %s.",
	"rest.item":        "%s to %s",
	"group":            "%s were taken to %s, which the paper does not break down.",
	"notgiven":         "For %s of the %s the paper gives no destination; they are drawn as a dashed box, not as a place.",
	"bars.year":        "%d: of %s %s, %s.",
	"bars.notgiven":    "for %s the paper gives no destination",
	"bars.same":        "%s is the largest destination in both years.",
	"bars.trend":       "The two totals may count different things (identified, then referred to support centres); the paper does not reconcile them.",
	"context":          "Thin grey lines add the routes the paper names without numbers.",
	"accuracy":         "These are official counts; the paper says their accuracy cannot be evaluated.",
	"accuracy.mixed":   "The paper says the accuracy of the official counts cannot be evaluated.",
	"compare.intro":    "The chart sets the paper's other counts side by side.",
	"compare.2010":     "In %d, %s persons were convicted of trafficking and %s victims were identified; %s of the %s had not finished school.",
	"compare.2012":     "In %d, %s victims were referred to the support centres.",
	"compare.multi":    "%s persons fell victim to trafficking over %d–%d, a period the paper calls both six and seven years.",
	"compare.ngo":      "NGOs estimated up to %s females trafficked every year: an estimate, not a count, drawn dashed on its own scale.",
	"compare.age":      "Most victims are said to be aged between %s.",
	"timeline.intro":   "The timeline shows %d steps the paper dates, from %s (%s) to %s (%s), with the counts on the same axis.",
	"timeline.counts":  "Counts: %s.",
	"timeline.count":   "%s %s",
	"timeline.year":    "%s %s in %d",
	"timeline.undated": "In its own lane, not dated by the paper: %s.",
	"list.and":         "%s and %s",
}

// sumSay formats the summary sentence id.
func sumSay(id string, args ...any) string { return fmt.Sprintf(summaryText[id], args...) }

// sumList joins items as "a, b and c".
func sumList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return sumSay("list.and", strings.Join(items[:len(items)-1], ", "), items[len(items)-1])
}

// Summary is a one-paragraph text alternative of the state's chart: what it shows and its main
// takeaway, built from the data records. It is "" for views the page writes as HTML.
func Summary(s State) string {
	var out []string
	switch s.View {
	case "map", "flow":
		out = append(out, sumSay(s.View+".intro", s.Year))
		out = append(out, yearSentences(s.Year)...)
		if s.View == "map" && s.Context {
			out = append(out, sumSay("context"))
		}
		out = append(out, sumSay("accuracy"))
	case "bars":
		var ys []string
		for _, y := range data.FlowYears() {
			ys = append(ys, fmt.Sprint(y))
		}
		out = append(out, sumSay("bars.intro", sumList(ys), s.Year))
		largest := map[string]bool{}
		for _, y := range data.FlowYears() {
			total, _ := data.FigureByID(data.FlowsFor(y)[0].Total)
			var parts []string
			countries, groups, notGiven := summaryDests(y)
			for _, f := range countries {
				parts = append(parts, sumSay("rest.item", sumFig(f.FigureID), sumPlace(f)))
			}
			if len(countries) > 0 {
				largest[countries[0].Label] = true
			}
			for _, f := range groups {
				parts = append(parts, sumSay("rest.item", sumFig(f.FigureID), sumPlace(f)))
			}
			for _, f := range notGiven {
				parts = append(parts, sumSay("bars.notgiven", sumFig(f.FigureID)))
			}
			out = append(out, sumSay("bars.year", y, total.Text, sumMeasure(total), sumList(parts)))
		}
		if len(largest) == 1 {
			for c := range largest {
				out = append(out, sumSay("bars.same", c))
			}
		}
		out = append(out, sumSay("bars.trend"), sumSay("accuracy"))
	case "compare":
		conv, _ := data.FigureByID("convicted-2010")
		v10, _ := data.FigureByID("victims-2010")
		school, _ := data.FigureByID("victims-2010-no-school")
		v12, _ := data.FigureByID("victims-2012")
		multi, _ := data.FigureByID("victims-2006-2012")
		ngo, _ := data.FigureByID("ngo-estimate-females-per-year")
		age, _ := data.FigureByID("victim-age-range")
		out = append(out, sumSay("compare.intro"),
			sumSay("compare.2010", conv.Period.From, conv.Text, v10.Text, school.Text, v10.Text),
			sumSay("compare.2012", v12.Period.From, v12.Text),
			sumSay("compare.multi", multi.Text, multi.Period.From, multi.Period.To),
			sumSay("compare.ngo", ngo.Text),
			sumSay("compare.age", age.Text),
			sumSay("accuracy.mixed"))
	case "timeline":
		var dated, undated []data.Event
		for _, e := range data.Events {
			if _, restated := figureEvents[e.ID]; restated {
				continue
			}
			if e.Precision == data.Undated {
				undated = append(undated, e)
			} else {
				dated = append(dated, e)
			}
		}
		sort.SliceStable(dated, func(i, j int) bool { return dated[i].Year < dated[j].Year })
		if len(dated) > 0 {
			first, last := dated[0], dated[len(dated)-1]
			out = append(out, sumSay("timeline.intro", len(dated), first.When, first.Title, last.When, last.Title))
		}
		var counts []string
		for _, t := range tlFigures {
			f, ok := data.FigureByID(t.ID)
			if !ok {
				continue
			}
			if f.Period.From != 0 && f.Period.From == f.Period.To {
				counts = append(counts, sumSay("timeline.year", f.Text, f.Measure, f.Period.From))
			} else {
				counts = append(counts, sumSay("timeline.count", f.Text, f.Measure))
			}
		}
		out = append(out, sumSay("timeline.counts", strings.Join(counts, "; ")))
		var names []string
		for _, e := range undated {
			names = append(names, e.Title)
		}
		if len(names) > 0 {
			out = append(out, sumSay("timeline.undated", sumList(names)))
		}
		out = append(out, sumSay("accuracy.mixed"))
	default:
		return ""
	}
	return strings.Join(out, " ")
}

// yearSentences are the map's and the flow's account of one year: the total, the largest
// destination and the rest, the group the paper does not break down, the unplaced remainder.
func yearSentences(year int) []string {
	flows := data.FlowsFor(year)
	if len(flows) == 0 {
		return nil
	}
	total, _ := data.FigureByID(flows[0].Total)
	out := []string{sumSay("total", year, total.Reporter, total.Text, total.Measure)}
	countries, groups, notGiven := summaryDests(year)
	if len(countries) > 0 {
		var rest []string
		for _, f := range countries[1:] {
			rest = append(rest, sumSay("rest.item", sumFig(f.FigureID), sumPlace(f)))
		}
		if len(rest) > 0 {
			out = append(out, sumSay("largest", sumFig(countries[0].FigureID), sumPlace(countries[0]), sumList(rest)))
		} else {
			out = append(out, sumSay("largest.only", sumFig(countries[0].FigureID), sumPlace(countries[0])))
		}
	}
	for _, f := range groups {
		out = append(out, sumSay("group", sumFig(f.FigureID), sumPlace(f)))
	}
	for _, f := range notGiven {
		out = append(out, sumSay("notgiven", sumFig(f.FigureID), total.Text))
	}
	return out
}

// summaryDests splits a year's flows into named countries (largest first), groups the paper
// does not break down, and the remainder without a destination.
func summaryDests(year int) (countries, groups, notGiven []data.Flow) {
	for _, f := range data.FlowsFor(year) {
		switch f.Kind {
		case data.Country:
			countries = append(countries, f)
		case data.OtherCountries:
			groups = append(groups, f)
		default:
			notGiven = append(notGiven, f)
		}
	}
	sort.SliceStable(countries, func(i, j int) bool { return data.FlowValue(countries[i]) > data.FlowValue(countries[j]) })
	return countries, groups, notGiven
}

// sumPlace is the destination as the figure's measure words it ("the United Arab Emirates").
func sumPlace(f data.Flow) string {
	fig, _ := data.FigureByID(f.FigureID)
	if i := strings.LastIndex(fig.Measure, " to "); i >= 0 {
		return fig.Measure[i+4:]
	}
	return f.Label
}

func sumFig(id string) string {
	f, _ := data.FigureByID(id)
	return f.Text
}

// sumMeasure is a total's measure without "victims of trafficking", for "of 34 victims identified".
func sumMeasure(f data.Figure) string {
	return strings.Replace(f.Measure, "victims of trafficking ", "victims ", 1)
}
