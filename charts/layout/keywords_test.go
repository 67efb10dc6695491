package layout

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/i18n"
)

// computedWord is how each language says that a count was computed here, not given by the
// paper (the 42 of 2012: 89 referred − 47 with a destination).
var computedWord = map[i18n.Lang]*regexp.Regexp{
	i18n.EN: regexp.MustCompile(`computed`),
	i18n.AZ: regexp.MustCompile(`hesabl`),
	i18n.RU: regexp.MustCompile(`подсчит|расч[её]т`),
}

// TestMapKeySaysWhatTheLargeKeySays holds every map frame of the rule (every size, en/az/ru,
// both years, with and without the context layer) to what the 800×450 key says of two counts:
// the dashed box's count is computed here from the paper's totals (native reading 4, D5), and
// the group of other countries includes Russia (D6). A small key may say it in fewer words; it
// may not leave it out.
func TestMapKeySaysWhatTheLargeKeySays(t *testing.T) {
	for _, y := range charts.Years {
		group := groupFigure(y)
		for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU} {
			russia := i18n.Country(l, "RU")
			russia = string([]rune(russia)[:len([]rune(russia))-1]) // «Росси|и», «Rusiy|a»
			for _, s := range ruleSizes {
				for _, ctx := range []bool{false, true} {
					c := Build(testAssets, charts.State{View: "map", Year: y, Lang: l, Context: ctx}, s[0], s[1])
					name := fmt.Sprintf("%d %s %.0fx%.0f ctx=%v", y, l, s[0], s[1], ctx)
					var unknown, grp []string
					for _, m := range c.Marks {
						if m.Kind != charts.TextMark {
							continue
						}
						if strings.HasPrefix(m.ID, "legend/unknown/") {
							unknown = append(unknown, m.Text)
						}
						if group != "" && m.Datum == group {
							grp = append(grp, m.Text)
						}
					}
					if u := strings.Join(unknown, " "); u != "" && !computedWord[l].MatchString(u) {
						t.Errorf("%s: the dashed box's entry %q does not say its count is computed", name, u)
					}
					if g := strings.Join(grp, " "); group != "" && !strings.Contains(g, russia) {
						t.Errorf("%s: the group of other countries %q does not name Russia", name, g)
					}
				}
			}
		}
	}
}

// Dropped holds a translation to the countries the English chart names for each datum: a
// Russian key whose group entry loses «в т. ч. Россия», where the English one says "incl.
// Russia", drops something (the English-subset check of TestViewNeverDrops).
func TestDroppedSeesAQualifierVanish(t *testing.T) {
	st := charts.State{View: "map", Year: 2010, Lang: i18n.RU}
	c := Build(testAssets, st, 800, 450)
	if p := Dropped(st, c); len(p) > 0 {
		t.Fatalf("the Russian map drops already: %v", p)
	}
	cut := 0
	for i, m := range c.Marks {
		if m.Kind == charts.TextMark && m.Datum == groupFigure(2010) && strings.Contains(m.Text, "Росси") {
			c.Marks[i].Text = strings.ReplaceAll(strings.ReplaceAll(m.Text, ", в\u00a0т.\u00a0ч. Россия", ""), "Россия", "")
			cut++
		}
	}
	if cut == 0 {
		t.Fatal("no text of the group names Russia: nothing to cut")
	}
	p := Dropped(st, c)
	if !strings.Contains(strings.Join(p, "\n"), "names fewer countries than English: [dest-2010-other: RU]") {
		t.Errorf("Dropped does not see «в т. ч. Россия» vanish: %v", p)
	}
}
