package layout

import (
	"regexp"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
)

// Each chart's summary names the chart's key figures, taken from the data records.
func TestSummaryHasTheChartsNumbers(t *testing.T) {
	fig := func(id string) string {
		f, ok := data.FigureByID(id)
		if !ok {
			t.Fatalf("no figure %s", id)
		}
		return i18n.RangeDashes(f.Text) // as shown: a range with an en dash
	}
	want := func(s charts.State) []string {
		switch s.View {
		case "map", "flow":
			flows := data.FlowsFor(s.Year)
			w := []string{fig(flows[0].Total), "accuracy"}
			for _, f := range flows {
				w = append(w, fig(f.FigureID))
				if f.Kind == data.Country {
					w = append(w, f.Label)
				}
			}
			return w
		case "bars":
			var w []string
			for _, y := range data.FlowYears() {
				for _, f := range data.FlowsFor(y) {
					w = append(w, fig(f.FigureID), fig(f.Total))
				}
			}
			return w
		case "compare":
			return []string{fig("convicted-2010"), fig("victims-2010"), fig("victims-2010-no-school"), fig("victims-2012"),
				fig("victims-2006-2012"), fig("ngo-estimate-females-per-year"), "estimate"}
		case "timeline":
			var w []string
			for _, f := range tlFigures {
				w = append(w, fig(f.ID))
			}
			return append(w, "not dated", "first half of the 1990s", "December 2012")
		}
		return nil
	}
	for _, v := range ChartViews() {
		for _, y := range charts.Years {
			for _, ctx := range []bool{false, true} {
				s := charts.State{View: v, Year: y, Context: ctx}
				sum := Summary(s)
				if sum == "" || strings.Contains(sum, "%!") {
					t.Errorf("%v: summary %q", s, sum)
					continue
				}
				for _, w := range want(s) {
					if !strings.Contains(sum, w) {
						t.Errorf("%v: summary lacks %q:\n%s", s, w, sum)
					}
				}
			}
		}
	}
	// The map's and the flow's summaries name the largest destination first; where the paper
	// gives no destination for some victims (2012), the largest of the counts it gives (native
	// reading 2, A1: "the largest number … were taken to Turkey" went beyond the paper).
	if s := Summary(charts.State{View: "map", Year: 2012}); !strings.Contains(s, "Of the 47 victims whose destination the paper gives, the largest number, 19, were taken to Turkey") ||
		!strings.Contains(s, "For 42 of the 89") {
		t.Errorf("map 2012 summary: %s", s)
	}
	if s := Summary(charts.State{View: "map", Year: 2010}); !strings.Contains(s, "The largest number, 23, were taken to Turkey") {
		t.Errorf("map 2010 summary: %s", s)
	}
	if s := Summary(charts.State{View: "table", Year: 2010}); s != "" {
		t.Errorf("table view summary %q, want none (the page is the table)", s)
	}
	// The sentences are in the catalogs (i18n/page.go, "sum.*"): in Azerbaijani and Russian
	// too, with the same numbers written as those languages write them.
	for _, l := range []i18n.Lang{i18n.AZ, i18n.RU} {
		for _, v := range ChartViews() {
			for _, y := range charts.Years {
				s := Summary(charts.State{View: v, Year: y, Lang: l})
				if s == "" || strings.Contains(s, "%!") || strings.Contains(s, "the paper") {
					t.Errorf("%s %s %d summary: %q", l, v, y, s)
				}
			}
		}
	}
}

// Inside a Russian sentence an event's title starts in lower case: "…без даты в записке: в
// Баку построен…", "(началась массовая…)" (D-RU11 of the native reading); a name keeps its
// capital.
func TestRussianSummaryMidSentence(t *testing.T) {
	s := Summary(charts.State{View: "timeline", Year: 2012, Lang: i18n.RU})
	for _, bad := range []string{": В Баку", "(Началась", "(Статистика", ": Приют"} {
		if strings.Contains(s, bad) {
			t.Errorf("%q in %q", bad, s)
		}
	}
	if got := midSentence(i18n.RU, "Азербайджан присоединился"); got != "Азербайджан присоединился" {
		t.Errorf("a country's name lost its capital: %q", got)
	}
}

// No summary has two colons in a row ("Rəqəmlər: 2006: …" of the third native reading): a
// colon introduces one thing at a time.
func TestSummaryNoDoubleColon(t *testing.T) {
	two := regexp.MustCompile(`:\s+[^\s;.,—:]+:\s`)
	for _, v := range charts.ViewList {
		for _, y := range charts.Years {
			for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU} {
				if s := Summary(charts.State{View: v.ID, Year: y, Lang: l}); two.MatchString(s) {
					t.Errorf("%s %d %s: two colons in a row at %q", v.ID, y, l, two.FindString(s))
				}
			}
		}
	}
}
