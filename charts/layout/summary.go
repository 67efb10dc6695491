package layout

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
)

// sumSay formats the summary sentence id in l: the sentences are in the catalogs under
// "sum.<id>" (i18n/page.go), so that they are translated with the rest; the numbers always
// come from data records.
func sumSay(l i18n.Lang, id string, args ...any) string { return i18n.T(l, "sum."+id, args...) }

// sumList joins items as "a, b and c".
func sumList(l i18n.Lang, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return sumSay(l, "list.and", strings.Join(items[:len(items)-1], ", "), items[len(items)-1])
}

// Summary is a one-paragraph text alternative of the state's chart: what it shows and its main
// takeaway, built from the data records. It is "" for views the page writes as HTML.
func Summary(s charts.State) string { return strings.Join(summarySentences(s), " ") }

// summarySentences are Summary's sentences, in order; the first says what the chart shows.
func summarySentences(s charts.State) []string {
	l := lang(s)
	var out []string
	switch s.View {
	case "map", "flow":
		out = append(out, sumSay(l, s.View+".intro", s.Year))
		out = append(out, yearSentences(l, s.Year)...)
		if s.View == "map" && s.Context {
			out = append(out, sumSay(l, "context"))
		}
		out = append(out, sumSay(l, "accuracy"))
	case "bars":
		var ys []string
		for _, y := range data.FlowYears() {
			ys = append(ys, fmt.Sprint(y))
		}
		out = append(out, sumSay(l, "bars.intro", sumList(l, ys), s.Year))
		largest := map[string]bool{}
		for _, y := range data.FlowYears() {
			total, _ := data.FigureByID(data.FlowsFor(y)[0].Total)
			var parts []string
			countries, groups, notGiven := summaryDests(y)
			for _, f := range countries {
				parts = append(parts, sumSay(l, "rest.item", sumFig(l, f.FigureID), sumPlace(l, f)))
			}
			if len(countries) > 0 {
				largest[sumLabel(l, countries[0])] = true
			}
			for _, f := range groups {
				parts = append(parts, sumSay(l, "rest.item", sumFig(l, f.FigureID), sumPlace(l, f)))
			}
			for _, f := range notGiven {
				parts = append(parts, sumSay(l, "bars.notgiven", sumFig(l, f.FigureID)))
			}
			out = append(out, sumSay(l, "bars.year", i18n.TotalSentence(l, total), sumList(l, parts)))
		}
		if len(largest) == 1 {
			for c := range largest {
				out = append(out, sumSay(l, "bars.same", c))
			}
		}
		out = append(out, sumSay(l, "bars.trend"), sumSay(l, "accuracy"))
	case "compare":
		conv, _ := data.FigureByID("convicted-2010")
		v10, _ := data.FigureByID("victims-2010")
		school, _ := data.FigureByID("victims-2010-no-school")
		v12, _ := data.FigureByID("victims-2012")
		multi, _ := data.FigureByID("victims-2006-2012")
		ngo, _ := data.FigureByID("ngo-estimate-females-per-year")
		age, _ := data.FigureByID("victim-age-range")
		out = append(out, sumSay(l, "compare.intro"),
			sumSay(l, "compare.2010", conv.Period.From, i18n.FigText(l, conv), i18n.FigText(l, v10), i18n.FigText(l, school), i18n.FigText(l, v10)),
			sumSay(l, "compare.2012", v12.Period.From, i18n.FigText(l, v12)),
			sumSay(l, "compare.multi", i18n.FigText(l, multi), multi.Period.From, multi.Period.To),
			sumSay(l, "compare.ngo", i18n.FigText(l, ngo)),
			sumSay(l, "compare.age", i18n.FigText(l, age)),
			sumSay(l, "accuracy.mixed"))
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
			out = append(out, sumSay(l, "timeline.intro", len(dated), i18n.EventWhen(l, first), midSentence(l, i18n.EventTitle(l, first)), i18n.EventWhen(l, last), midSentence(l, i18n.EventTitle(l, last))))
		}
		var counts []string
		for _, t := range tlFigures {
			f, ok := data.FigureByID(t.ID)
			if !ok {
				continue
			}
			switch {
			case f.Period.From != 0 && f.Period.From == f.Period.To:
				counts = append(counts, sumSay(l, "timeline.year", i18n.FigText(l, f), i18n.Measure(l, f), f.Period.From))
			default:
				counts = append(counts, sumSay(l, "timeline.count", i18n.FigText(l, f), i18n.Measure(l, f)))
			}
		}
		out = append(out, sumSay(l, "timeline.counts", strings.Join(counts, "; ")))
		var names []string
		for _, e := range undated {
			names = append(names, midSentence(l, i18n.EventTitle(l, e)))
		}
		if len(names) > 0 {
			out = append(out, sumSay(l, "timeline.undated", sumList(l, names)))
		}
		out = append(out, sumSay(l, "accuracy.mixed"))
	default:
		return nil
	}
	return out
}

// yearSentences are the map's and the flow's account of one year: the total, the largest
// destination and the rest, the group the paper does not break down, the unplaced remainder.
func yearSentences(l i18n.Lang, year int) []string {
	flows := data.FlowsFor(year)
	if len(flows) == 0 {
		return nil
	}
	total, _ := data.FigureByID(flows[0].Total)
	out := []string{sumSay(l, "total", i18n.TotalSentence(l, total), sumReporter(l, total))}
	countries, groups, notGiven := summaryDests(year)
	if len(countries) > 0 {
		var rest []string
		for _, f := range countries[1:] {
			rest = append(rest, sumSay(l, "rest.item", sumFig(l, f.FigureID), sumPlace(l, f)))
		}
		// Where the paper gives no destination for some of the year's victims, the largest
		// count is the largest of those it gives, not of all: the others may have gone anywhere.
		unplaced := 0.0
		for _, f := range notGiven {
			nf, _ := data.FigureByID(f.FigureID)
			unplaced += nf.Value
		}
		top := []any{sumFig(l, countries[0].FigureID), sumPlace(l, countries[0])}
		key := "largest"
		if unplaced > 0 {
			key = "largest.given"
			top = append([]any{i18n.Number(l, total.Value-unplaced)}, top...)
		}
		if len(rest) > 0 {
			out = append(out, sumSay(l, key, append(top, sumList(l, rest))...))
		} else {
			out = append(out, sumSay(l, key+".only", top...))
		}
	}
	for _, f := range groups {
		out = append(out, sumSay(l, "group", sumFig(l, f.FigureID), sumPlace(l, f)))
	}
	for _, f := range notGiven {
		out = append(out, sumSay(l, "notgiven", sumFig(l, f.FigureID), i18n.TotalOf(l, total)))
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

// sumPlace is where a flow went, as the object of "taken" ("to the United Arab Emirates").
func sumPlace(l i18n.Lang, f data.Flow) string { return i18n.FlowTo(l, f) }

func sumFig(l i18n.Lang, id string) string {
	f, _ := data.FigureByID(id)
	return i18n.FigText(l, f)
}

// sumLabel is a destination's name in l.
func sumLabel(l i18n.Lang, f data.Flow) string {
	if l != i18n.EN {
		return i18n.FlowLabel(l, f)
	}
	return f.Label
}

// sumReporter is who reported a total, in l.
func sumReporter(l i18n.Lang, f data.Figure) string {
	if l != i18n.EN {
		return i18n.Reporter(l, f)
	}
	return f.Reporter
}

// midSentence is a title as Russian writes it inside a sentence (after a colon, in
// parentheses): its first letter in lower case, unless its first word is a name (a country
// of the catalog, such as «Азербайджан») or an abbreviation («ООН»). Other languages keep it.
func midSentence(l i18n.Lang, s string) string {
	if l != i18n.RU || s == "" {
		return s
	}
	first, _, _ := strings.Cut(s, " ")
	if utf8.RuneCountInString(first) > 1 && strings.ToUpper(first) == first {
		return s
	}
	for _, name := range i18n.Catalog(l, "country.") {
		if name == first {
			return s
		}
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
