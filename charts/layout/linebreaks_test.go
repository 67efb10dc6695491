package layout

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/i18n"
)

// noteWordAtEnd is a line that ends in a footnote's word, its number left to the next line
// («…(официально, сноска / 12).»).
var noteWordAtEnd = regexp.MustCompile(`(?i)(footnotes?|сноск[а-яё]*|haşiyə[a-zçəğıöşü]*)[ \x{a0}]*$`)

// headAlone are the small embeds' context maps whose run-in key holds its entries only where an
// entry's first word may end a line (maplegend.go's keepHead): keeping it would take a line
// more, and the picture would grow (or grow more). Listed so that a change shows.
var headAlone = map[string]bool{
	"map ctx=true 2010 az 344x194": true, "map ctx=true 2010 az 320x240": true,
	"map ctx=true 2012 en 344x194": true, "map ctx=true 2012 ru 320x240": true, "map ctx=true 2012 az 480x200": true,
	"map ctx=false 2012 en 344x194": true, "map ctx=false 2012 az 344x194": true, // the dashed box's entry
	"map ctx=true 2012 en 320x240": true, "map ctx=true 2012 az 320x240": true, // says "computed"
}

// TestLineBreaksKeepWordsTogether lays out every view, year and layer in en, az and ru at the
// rule's sizes and reads every line of text: no line ends in a footnote's word (its number
// would start the next line), and an entry of a run-in key that runs on into the next line
// takes at least its first two words with it (an entry's head word alone at the end of a line
// reads as part of the entry before: «2 Другие страны 4  Оценка / НПО, не официальная…»; the
// small embeds' run-in key, where entries share lines).
func TestLineBreaksKeepWordsTogether(t *testing.T) {
	seg := regexp.MustCompile(`^legend/(.+)/(\d+)$`)
	for _, v := range ChartViews() {
		for _, ctx := range []bool{false, true} {
			if ctx && !charts.HasContext(v) {
				continue
			}
			for _, y := range charts.Years {
				for _, s := range ruleSizes {
					for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU} {
						c := Build(testAssets, charts.State{View: v, Year: y, Context: ctx, Lang: l}, s[0], s[1])
						name := fmt.Sprintf("%s ctx=%v %d %s %.0fx%.0f", v, ctx, y, l, s[0], s[1])
						segs := map[string]int{}
						for _, m := range c.Marks {
							if m.Kind != charts.TextMark {
								continue
							}
							if noteWordAtEnd.MatchString(m.Text) {
								t.Errorf("%s: %s %q ends in a footnote's word", name, m.ID, m.Text)
							}
							if g := seg.FindStringSubmatch(m.ID); g != nil {
								segs[g[1]]++
							}
						}
						alone := false
						for _, m := range c.Marks {
							g := seg.FindStringSubmatch(m.ID)
							if m.Kind != charts.TextMark || g == nil || g[2] != "0" || segs[g[1]] < 2 || s[1] >= 300 {
								continue
							}
							if len(strings.Fields(strings.ReplaceAll(m.Text, "\u00a0", " "))) < 2 && !headAlone[name] {
								t.Errorf("%s: %s %q: an entry's head word alone at a line's end", name, m.ID, m.Text)
							}
							alone = alone || len(strings.Fields(strings.ReplaceAll(m.Text, "\u00a0", " "))) < 2
						}
						if headAlone[name] && !alone {
							t.Errorf("%s: keeps every entry's head now: take it off headAlone", name)
						}
					}
				}
			}
		}
	}
}
