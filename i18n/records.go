package i18n

import (
	"strconv"
	"strings"
	"time"

	"azflows/data"
)

// The English wording of the data records is in data/records.go; it is registered here under
// keys derived from the records' ids, so that the catalogs of the other languages must
// translate every one of them (TestEveryKeyInEveryLanguage). Quotes from the paper are not
// registered: they stay in the paper's English everywhere.
func init() {
	for _, f := range data.Figures {
		k := "fig." + f.ID + "."
		en[k+"measure"] = f.Measure
		en[k+"unit"] = f.Unit
		en[k+"period"] = f.Period.Text
		en[k+"reporter"] = f.Reporter
		if !plainNumber(f.Text) {
			en[k+"text"] = f.Text
		}
		for i, c := range f.Caveats {
			en[CaveatKey("fig."+f.ID, i, c)] = c
		}
	}
	for _, e := range data.Events {
		k := "ev." + e.ID + "."
		en[k+"title"] = e.Title
		if _, _, _, ok := parseDate(e.When); !ok && !plainNumber(e.When) {
			en[k+"when"] = e.When
		}
		for i, c := range e.Caveats {
			en[CaveatKey("ev."+e.ID, i, c)] = c
		}
	}
	for _, r := range data.Routes {
		k := "route." + r.ID + "."
		en[k+"purpose"] = r.Purpose
		en[k+"who"] = r.Who
		en[k+"period"] = r.Period
		for i, c := range r.Caveats {
			en[CaveatKey("route."+r.ID, i, c)] = c
		}
	}
	for _, fl := range data.Flows {
		en["flow."+fl.ID+".label"] = fl.Label
		if fl.Kind != data.NotGiven {
			fig, _ := data.FigureByID(fl.FigureID)
			if i := strings.LastIndex(fig.Measure, " to "); i >= 0 {
				en["flow."+fl.ID+".to"] = fig.Measure[i+1:] // "to the United Arab Emirates"
			}
		}
	}
}

// sharedCaveats are the caveats several records share; they are translated once.
var sharedCaveats = map[string]string{
	data.CaveatAccuracy: "caveat.accuracy",
	data.CaveatTrend:    "caveat.trend",
	data.CaveatPeriod:   "caveat.period",
	data.Caveat2012Dest: "caveat.2012dest",
}

// CaveatKey is the catalog key of the i-th caveat of a record ("fig.<id>", "ev.<id>",
// "route.<id>"): a shared key for the caveats several records share.
func CaveatKey(owner string, i int, text string) string {
	if k, ok := sharedCaveats[text]; ok {
		return k
	}
	return owner + ".caveat." + strconv.Itoa(i)
}

// plainNumber reports whether s is a number written with digits and thousands commas only.
func plainNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != ',' {
			return false
		}
	}
	return true
}

// Measure, Unit, Period and Reporter are a figure's words in l.
func Measure(l Lang, f data.Figure) string  { return T(l, "fig."+f.ID+".measure") }
func Unit(l Lang, f data.Figure) string     { return T(l, "fig."+f.ID+".unit") }
func Period(l Lang, f data.Figure) string   { return T(l, "fig."+f.ID+".period") }
func Reporter(l Lang, f data.Figure) string { return T(l, "fig."+f.ID+".reporter") }

// Formula says in l how a derived figure was computed, with the records' names and numbers:
// "89 referred to the support centres − 47 with a destination given (Turkey 19 + …) = 42".
// It is "" for figures that are not derived.
func Formula(l Lang, f data.Figure) string {
	if f.Formula == "" {
		return ""
	}
	for _, fl := range data.Flows {
		if fl.FigureID != f.ID || fl.Kind != data.NotGiven {
			continue
		}
		total, _ := data.FigureByID(fl.Total)
		placed := 0.0
		var items []string
		for _, o := range data.FlowsFor(fl.Year) {
			if o.Kind == data.NotGiven {
				continue
			}
			of, _ := data.FigureByID(o.FigureID)
			placed += of.Value
			items = append(items, T(l, "formula.item", FlowLabel(l, o), FigText(l, of)))
		}
		return T(l, "formula.notgiven."+total.ID, FigText(l, total), Number(l, placed), strings.Join(items, " + "), FigText(l, f))
	}
	return T(l, "fig."+f.ID+".formula")
}

// TotalSentence says what a year's total counts, with its number and year: "In 2012, 89
// victims were referred to the support centres".
func TotalSentence(l Lang, f data.Figure) string {
	return T(l, "total."+f.ID, f.Period.From, FigText(l, f))
}

// TotalOf is a year's total after "of" (in Russian "из", with the genitive; in Azerbaijani
// with the ablative): "of the 89 victims referred to the support centres in 2012".
func TotalOf(l Lang, f data.Figure) string {
	return T(l, "total.of."+f.ID, FigText(l, f), f.Period.From)
}

// FlowTo is where a flow went, as the object of "taken": "to Turkey", "Türkiyəyə", "в Турцию".
func FlowTo(l Lang, fl data.Flow) string { return T(l, "flow."+fl.ID+".to") }

// FigText is the number as the paper writes it, in l, grouped as Number groups it: "1,000" is
// 1000 in Azerbaijani and Russian; words ("three") and spans are translated.
func FigText(l Lang, f data.Figure) string {
	if plainNumber(f.Text) {
		if l == EN || l == "" {
			return f.Text
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(f.Text, ",", ""), 64)
		if err != nil {
			return f.Text
		}
		return Number(l, v)
	}
	return T(l, "fig."+f.ID+".text")
}

// FigQuoted is FigText as a label beside its mark shows it, following the page's convention
// (page.quotes): the paper's own words in quotation marks ("18 and 35–40" is quoted in the
// record's quote), a translation of them without (native reading 5, D5: «от 18 до 35–40» is
// not what the paper says, so it is not quoted), a plain number as it is.
func FigQuoted(l Lang, f data.Figure) string {
	t := FigText(l, f)
	if plainNumber(f.Text) || !strings.Contains(f.Quote, f.Text) || t != FigText(EN, f) {
		return t
	}
	return T(l, "quote", f.Text) // the paper's characters: a quotation keeps its hyphen (RangesOutsideQuotes)
}

// FigCaveats, EventCaveats and RouteCaveats are a record's caveats in l.
func FigCaveats(l Lang, f data.Figure) []string { return caveats(l, "fig."+f.ID, f.Caveats) }
func EventCaveats(l Lang, e data.Event) []string {
	return caveats(l, "ev."+e.ID, e.Caveats)
}
func RouteCaveats(l Lang, r data.Route) []string {
	return caveats(l, "route."+r.ID, r.Caveats)
}

func caveats(l Lang, owner string, cs []string) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = T(l, CaveatKey(owner, i, c))
	}
	return out
}

// EventTitle and EventWhen are an event's title and date, as the paper words it, in l; a
// precise date is written the way l writes dates.
func EventTitle(l Lang, e data.Event) string { return T(l, "ev."+e.ID+".title") }
func EventWhen(l Lang, e data.Event) string {
	if plainNumber(e.When) {
		return e.When
	}
	if y, m, d, ok := parseDate(e.When); ok {
		if l == EN || l == "" {
			return e.When // as the paper words it
		}
		return Date(l, y, m, d)
	}
	return T(l, "ev."+e.ID+".when")
}

// Purpose, Who and RoutePeriod are a route's words in l.
func Purpose(l Lang, r data.Route) string     { return T(l, "route."+r.ID+".purpose") }
func Who(l Lang, r data.Route) string         { return T(l, "route."+r.ID+".who") }
func RoutePeriod(l Lang, r data.Route) string { return T(l, "route."+r.ID+".period") }

// FlowLabel is a flow's destination in l.
func FlowLabel(l Lang, fl data.Flow) string { return T(l, "flow."+fl.ID+".label") }

// Country is a country's name in l; "" when the catalog has none.
func Country(l Lang, code string) string {
	k := "country." + code
	if !Has(k) {
		return ""
	}
	return T(l, k)
}

// parseDate reads the paper's precise dates: "September 20, 2002", "6 May 2004", "May 2003".
func parseDate(s string) (year, month, day int, ok bool) {
	for _, layout := range []string{"January 2, 2006", "2 January 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Year(), int(t.Month()), t.Day(), true
		}
	}
	if t, err := time.Parse("January 2006", s); err == nil {
		return t.Year(), int(t.Month()), 0, true
	}
	return 0, 0, 0, false
}

// Citation names the paper as data.Citation does, with the title in l's quotation marks
// («…» in Russian).
func Citation(l Lang) string {
	if l == RU {
		return strings.NewReplacer("\u201c", "«", "\u201d", "»").Replace(data.Citation)
	}
	return data.Citation
}
