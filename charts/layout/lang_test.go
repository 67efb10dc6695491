package layout

import (
	"regexp"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
	"azflows/internal/geo"
)

// englishWords are common words of the English strings; none may be left in an Azerbaijani or
// Russian chart.
var englishWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the and of to for from with where were was taken victims victim paper source
		footnote footnotes persons person given official count counts year years destination destinations other
		countries country not none computed here estimate estimates scale same each every own apart side left right
		chosen outlined shaded dates dated steps placed axis arc arcs width proportional band dashed dotted box
		named names routes route numbers map borders orientation only females women children men trafficked
		trafficking referred support centres identified discovered convicted school finished ages upper span
		sentence another wording wordings disagree six seven total several comparable period tooltips accuracy
		cannot evaluated ministry internal affairs context figures legend persons went broken down category
		separately reported placed articles months conferences shelter opened declaration convention decree
		programme police campaign emigration begins first statistical released notable attempts`) {
		englishWords[w] = true
	}
}

var asciiWord = regexp.MustCompile(`[A-Za-z]{3,}`)

// allowed are English words a translated chart may show: the paper's citation and the base
// map's credit (names of works), and quotes from the paper (shown with a translated gloss).
func stripAllowed(s string) string {
	for _, a := range []string{data.ShortSource, geo.Source} {
		s = strings.ReplaceAll(s, a, "")
	}
	// A quote may run over the end of a wrapped line, or begin on the line before.
	s = regexp.MustCompile(`«[^»]*(»|$)`).ReplaceAllString(s, "")
	s = regexp.MustCompile(`“[^”]*(”|$)`).ReplaceAllString(s, "")
	return regexp.MustCompile(`^[^“”«»]*[”»]`).ReplaceAllString(s, "")
}

func englishIn(s string) []string {
	var out []string
	for _, w := range asciiWord.FindAllString(stripAllowed(s), -1) {
		if englishWords[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	return out
}

// In Azerbaijani and Russian, no chart text, mark label or tooltip is left in English.
func TestTranslatedChartsHaveNoEnglish(t *testing.T) {
	if len(englishIn("Source: footnote 9")) != 2 {
		t.Fatal("the check does not find English")
	}
	for _, l := range []i18n.Lang{i18n.AZ, i18n.RU} {
		for _, v := range ChartViews() {
			for _, y := range charts.Years {
				for _, ctx := range []bool{false, true} {
					c := Build(testAssets, charts.State{View: v, Year: y, Context: ctx, Lang: l}, 800, 450)
					seen := map[string]bool{}
					for _, m := range c.Marks {
						for _, s := range []string{m.Text, m.Label, m.Source, m.Target} {
							if w := englishIn(s); len(w) > 0 {
								t.Errorf("%s %s %d: mark %s: English %v in %q", l, v, y, m.ID, w, s)
							}
						}
						if m.Datum != "" && !seen[m.Datum] {
							seen[m.Datum] = true
							for _, line := range TooltipLines(l, m.Datum) {
								if w := englishIn(line); len(w) > 0 {
									t.Errorf("%s %s %d: tooltip of %s: English %v in %q", l, v, y, m.Datum, w, line)
								}
							}
						}
					}
				}
			}
		}
	}
}

// The Azerbaijani map's title carries ə, and the Russian one Cyrillic.
func TestTranslatedTitles(t *testing.T) {
	az := Build(testAssets, charts.State{View: "map", Year: 2012, Lang: i18n.AZ}, 800, 450)
	ru := Build(testAssets, charts.State{View: "map", Year: 2012, Lang: i18n.RU}, 800, 450)
	if !strings.Contains(az.Title, "ə") || !strings.Contains(ru.Title, "Куда") {
		t.Errorf("titles %q, %q", az.Title, ru.Title)
	}
	if en := Build(testAssets, charts.State{View: "map", Year: 2012}, 800, 450); en.Title != Build(testAssets, charts.State{View: "map", Year: 2012, Lang: i18n.EN}, 800, 450).Title {
		t.Error("no language and English differ")
	}
}

// With the Noto Sans chain, ə, ğ, ı, ş and Cyrillic are drawn with real glyphs (latin-ext,
// cyrillic), not replaced by '?', and measure as such.
func TestAzerbaijaniAndCyrillicHaveGlyphs(t *testing.T) {
	for _, s := range []string{"Azərbaycan", "ğışçöü", "Куда"} {
		for _, bold := range []bool{false, true} {
			if d := testAssets.Fonts.Drawable(s, bold); d != s {
				t.Errorf("testAssets.Fonts.Drawable(%q) = %q", s, d)
			}
		}
	}
	runs := testAssets.Fonts.FaceRuns("Azərbaycan Россия", false)
	faces := map[int]string{}
	for _, r := range runs {
		faces[r.Face] += r.Text
	}
	if faces[1] != "ə" || !strings.Contains(faces[2], "Россия") || len(testAssets.Fonts.Sources(false)) != 3 {
		t.Errorf("runs %+v", runs)
	}
	if testAssets.Fonts.TextWidth("ə", 100, false) == testAssets.Fonts.TextWidth("?", 100, false) {
		t.Error("ə measures like '?'")
	}
}

// A chart is also an image (PNG, SVG, a slide), which has no tooltips: no chart text sends the
// reader to them, in any language.
func TestChartsDoNotPointAtTooltips(t *testing.T) {
	words := regexp.MustCompile(`(?i)tooltip|hover|izahlı yazı|подсказк|навед`)
	for _, l := range i18n.Langs {
		for _, v := range ChartViews() {
			for _, y := range charts.Years {
				for _, m := range Build(testAssets, charts.State{View: v, Year: y, Lang: l}, 1920, 1080).Marks {
					if m.Kind == charts.TextMark && words.MatchString(m.Text) {
						t.Errorf("%s %s %d: %s %q", l, v, y, m.ID, m.Text)
					}
				}
			}
		}
	}
}
