package layout

import (
	"regexp"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/i18n"
)

// The compare chart's age label quotes the paper only in the paper's English; a translation
// of the words is not put in quotation marks (page.quotes; native reading 5, D5).
func TestAgeLabelQuotesOnlyThePaper(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU} {
		c := Build(testAssets, charts.State{View: "compare", Year: 2010, Lang: l}, 800, 450)
		var text string
		for _, m := range c.Marks {
			if m.ID == "value/victim-age-range" {
				text = m.Text
			}
		}
		if text == "" {
			t.Fatalf("%s: no age label", l)
		}
		quoted := strings.ContainsAny(text, "“”«»")
		if want := l == i18n.EN; quoted != want {
			t.Errorf("%s: age label %q: quoted %v, want %v", l, text, quoted, want)
		}
	}
}

// The licence's name is never broken across the lines of a chart's source line, in any
// language, at any size (native reading 5, D16: "CC / BY 4.0", "CC BY / 4.0").
func TestLicenseNameNeverBroken(t *testing.T) {
	held := strings.ReplaceAll("CC BY 4.0", " ", i18n.NBSP)
	n := 0
	for _, v := range ChartViews() {
		for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU, i18n.XX} {
			for _, sz := range matrixSizes {
				c := Build(testAssets, charts.State{View: v, Year: 2012, Lang: l}, sz[0], sz[1])
				for _, m := range c.Marks {
					if m.Role != charts.RoleSource {
						continue
					}
					t1 := strings.TrimSpace(m.Text)
					if strings.HasSuffix(t1, "CC") || strings.HasSuffix(t1, "CC BY") || strings.HasPrefix(t1, "BY") || strings.HasPrefix(t1, "4.0") {
						t.Errorf("%s %s %vx%v: a source line breaks the licence: %q", v, l, sz[0], sz[1], m.Text)
					}
					if strings.Contains(m.Text, held) {
						n++
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no source line holds the licence's name")
	}
	// A layout narrow enough that the line must wrap around the licence keeps it whole.
	for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU} {
		s := withLicense(l, "Source: CARIM-East Explanatory Note 2013/41, footnotes 2, 9")
		for w := 60.0; w < 400; w += 7 {
			lines := wrap(testAssets.Fonts, s, 11, w)
			for _, line := range lines {
				if strings.HasSuffix(line, "CC") || strings.HasSuffix(line, "CC BY") {
					t.Errorf("%s width %v: %q breaks the licence (%q)", l, w, line, lines)
				}
			}
		}
	}
}

// No line of a Russian chart ends with a one-letter preposition or conjunction, and none
// starts with the word a number belongs to, at any size (native reading 5, D14: "сообщает о /
// 34 жертвах"): the catalogs' no-break spaces hold through every wrap.
func TestRussianLinesKeepOneLetterWords(t *testing.T) {
	end := regexp.MustCompile(`(?:^|[\s(«])[вкосуаиВКОСУАИ]$`)
	n := 0
	for _, v := range ChartViews() {
		for _, y := range charts.Years {
			for _, sz := range matrixSizes {
				c := Build(testAssets, charts.State{View: v, Year: y, Lang: i18n.RU}, sz[0], sz[1])
				for _, m := range c.Marks {
					if m.Kind != charts.TextMark {
						continue
					}
					n++
					if end.MatchString(strings.TrimRight(m.Text, " ")) {
						t.Errorf("%s %d %vx%v: the line %q (%s) ends with a one-letter word", v, y, sz[0], sz[1], m.Text, m.ID)
					}
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d Russian text lines checked", n)
	}
}
