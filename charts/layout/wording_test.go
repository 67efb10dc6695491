package layout

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/i18n"
)

// chartTexts are the strings a state's chart shows (title, every text mark, the notes as the
// sentences they were before wrapping, every mark's label), the tooltips of its data and its
// summary. The chart is laid out wide, so that notes wrap as little as possible.
func chartTexts(s charts.State) []string {
	c := Build(testAssets, s, 4096, 2304)
	out := []string{c.Title, Summary(s)}
	notes := map[int]string{}
	seen := map[string]bool{}
	for _, m := range c.Marks {
		if strings.HasPrefix(m.ID, "note/") {
			var i int
			for _, r := range m.ID[5:] {
				i = i*10 + int(r-'0')
			}
			notes[i] = m.Text
		} else {
			out = append(out, m.Text)
		}
		out = append(out, m.Label, m.Source, m.Target)
		if m.Datum != "" && !seen[m.Datum] {
			seen[m.Datum] = true
			out = append(out, TooltipLines(s.Lang, m.Datum)...)
		}
	}
	var idx []int
	for i := range notes {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	var joined []string
	for _, i := range idx {
		joined = append(joined, notes[i])
	}
	return append(out, strings.Join(joined, " "))
}

func everyState(f func(s charts.State)) {
	for _, l := range i18n.Langs {
		for _, v := range ChartViews() {
			for _, y := range charts.Years {
				for _, ctx := range []bool{false, true} {
					if ctx && !charts.HasContext(v) {
						continue
					}
					f(charts.State{View: v, Year: y, Context: ctx, Lang: l})
				}
			}
		}
	}
}

// Every sentence a chart, its tooltips or its summary show that states a total carries the
// measure and period of that total's record (identified in 2010, referred to the support
// centres in 2012, "the previous six years" for the 473), in every language; no internal id.
func TestSentencesCarryTheirRecordsMeasure(t *testing.T) {
	everyState(func(s charts.State) {
		for _, text := range chartTexts(s) {
			for _, p := range i18n.Unfaithful(s.Lang, text) {
				t.Errorf("%s %s %d: %s", s.Lang, s.View, s.Year, p)
			}
		}
	})
}

var (
	latinQuoted = regexp.MustCompile(`«[^»\p{Cyrillic}]*»`)
	leftover    = regexp.MustCompile(`\{[a-z]+(:[a-z]+)?\}`)
)

// Grammar by rule in what the charts print: Azerbaijani suffixes after numbers in harmony,
// Russian quotes as «ёлочки» (“…” only inside the paper's English, quoted in «»), no noun left
// uninflected.
func TestChartGrammar(t *testing.T) {
	everyState(func(s charts.State) {
		for _, text := range chartTexts(s) {
			if s.Lang == i18n.AZ {
				for _, p := range i18n.AzSuffixProblems(text) {
					t.Errorf("az %s %d: %s", s.View, s.Year, p)
				}
			}
			if s.Lang == i18n.RU && strings.ContainsAny(latinQuoted.ReplaceAllString(text, ""), "“”") {
				t.Errorf("ru %s %d: “…” quotes in Russian: %q", s.View, s.Year, text)
			}
			if leftover.MatchString(text) {
				t.Errorf("%s %s %d: uninflected noun in %q", s.Lang, s.View, s.Year, text)
			}
		}
	})
}

// The words fit where the chart puts them: at the page's and the slides' sizes the map's key
// keeps the NGO estimate in every language (a longer Russian sentence once pushed it out), and
// titles, source lines, row labels (a short name where the full one is too long: ОАЭ), the
// label of the 473 and the words for a missing bar are not cut short.
func TestTranslatedWordsFit(t *testing.T) {
	for _, l := range i18n.Langs {
		for _, y := range charts.Years {
			for _, sz := range [][2]float64{{800, 450}, {1280, 720}} {
				c := Build(testAssets, charts.State{View: "map", Year: y, Lang: l}, sz[0], sz[1])
				if _, ok := c.Mark("legend/estimate"); !ok {
					t.Errorf("%s map %d %v: the key lost the NGO estimate", l, y, sz)
				}
			}
		}
	}
	everyState(func(s charts.State) {
		if s.View == "timeline" {
			return // its labels are cut by design; the tooltips say them in full
		}
		c := Build(testAssets, s, 800, 450)
		for _, m := range c.Marks {
			if m.Kind == charts.TextMark && strings.HasSuffix(m.Text, "…") && (strings.HasPrefix(m.ID, "label/") && s.View != "compare" || strings.HasPrefix(m.ID, "missing/") || m.ID == "title" || m.ID == "source" || m.ID == "label/victims-2006-2012") {
				t.Errorf("%s %s %d: %s cut: %q", s.Lang, s.View, s.Year, m.ID, m.Text)
			}
		}
	})
}
