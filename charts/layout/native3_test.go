package layout

import (
	"regexp"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/i18n"
)

// timelineWords are the words a timeline chart shows for each datum, joined across its lines.
func timelineWords(c *charts.Chart) map[string]string {
	out := map[string]string{}
	for _, m := range c.Marks {
		if m.Kind == charts.TextMark && m.Datum != "" && strings.HasPrefix(m.ID, "list/") {
			out[m.Datum] = strings.TrimSpace(out[m.Datum] + " " + m.Text)
		}
	}
	return out
}

// The short timeline labels (480×270) say what the paper says (native reading 3, A1, A2): the
// Council of Europe's recommendations were translated in 2003, not its "texts"; the articles are
// counted from the December 2012 release, never dated "2013".
func TestShortTimelineLabelsFaithful(t *testing.T) {
	texts := regexp.MustCompile(`(?i)texts|mətnləri|тексты`)
	recs := regexp.MustCompile(`recommendations|tövsiyələri|рекомендации`)
	for _, l := range i18n.Langs {
		c := Build(testAssets, charts.State{View: "timeline", Year: 2012, Lang: l}, 480, 270)
		words := timelineWords(c)
		coe, art := words["ev-2003-coe-translated"], words["media-articles-2013"]
		if coe == "" || art == "" {
			t.Fatalf("%s: the 480×270 timeline does not name both items: %q", l, words)
		}
		if texts.MatchString(coe) || !recs.MatchString(coe) {
			t.Errorf("%s: %q: the paper says the recommendations were translated", l, coe)
		}
		if strings.Contains(art, "2013") || !strings.Contains(art, "2012") {
			t.Errorf("%s: %q: the articles are counted from December 2012", l, art)
		}
		// D1: since 1997 trafficking is "relevant" in Arif Yunusov's view, not as a dated fact.
		if y := words["ev-1997-relevant"]; !regexp.MustCompile(`Yunusov|Юнусов`).MatchString(y) {
			t.Errorf("%s: %q: the 1997 dating is Yunusov's view", l, y)
		}
	}
}

// The articles, counted from the December 2012 release, are listed after it (D8); where the
// short labels carry their dates the list has no column of years, in every language (D9).
func TestShortTimelineOrderAndYears(t *testing.T) {
	for _, l := range i18n.Langs {
		c := Build(testAssets, charts.State{View: "timeline", Year: 2012, Lang: l}, 480, 270)
		stat, art, years := -1, -1, 0
		for i, m := range c.Marks {
			switch m.ID {
			case "marker/ev-2012-12-statistics":
				stat = i
			case "marker/media-articles-2013":
				art = i
			}
			if strings.HasPrefix(m.ID, "list/year/") {
				years++
			}
		}
		if stat < 0 || art < 0 {
			t.Fatalf("%s: markers missing (statistics %d, articles %d)", l, stat, art)
		}
		if art < stat {
			t.Errorf("%s: the articles (mark %d) are listed before the release they are counted from (mark %d)", l, art, stat)
		}
		if w := timelineWords(c)["victims-2010"]; w == i18n.T(l, "tl.short.victims-2010") && years > 0 {
			t.Errorf("%s: %d year headings beside short labels that carry their dates", l, years)
		}
	}
}

// The Russian timeline summary gives the year with «в … г.», not a second parenthesis after the
// measure's own (C1).
func TestRussianTimelineSummaryYear(t *testing.T) {
	for _, y := range charts.Years {
		s := Summary(charts.State{View: "timeline", Year: y, Lang: i18n.RU})
		if strings.Contains(s, ") (") {
			t.Errorf("%d: two parentheses in a row in %q", y, s)
		}
		if !regexp.MustCompile(`людьми в[ \x{a0}]2010[ \x{a0}]г\.[ \x{a0}]— 39`).MatchString(s) {
			t.Errorf("%d: no «… в 2010 г. — 39» in %q", y, s)
		}
	}
}

// A view's accessible name has one colon, the one after the view's name (D10).
func TestAccessibleNameOneColon(t *testing.T) {
	for _, l := range i18n.Langs {
		for _, v := range ChartViews() {
			for _, y := range charts.Years {
				if n := AccessibleName(Build(testAssets, charts.State{View: v, Year: y, Lang: l}, 800, 450)); strings.Count(n, ":") != 1 {
					t.Errorf("%s %s %d: %q", l, v, y, n)
				}
			}
		}
	}
}
