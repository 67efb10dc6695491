package i18n

import (
	"regexp"
	"testing"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"azflows/data"
)

// printedNumbers are the whole numbers the site prints: every figure's value and high end,
// the destinations given and not given, and the years of figures and events.
func printedNumbers() []int {
	seen := map[int]bool{}
	var out []int
	add := func(v float64) {
		if i := int(v); float64(i) == v && !seen[i] {
			seen[i] = true
			out = append(out, i)
		}
	}
	for _, f := range data.Figures {
		add(f.Value)
		add(f.High)
		add(float64(f.Period.From))
		add(float64(f.Period.To))
		add(float64(f.Footnote))
	}
	for _, e := range data.Events {
		add(float64(int(e.Year)))
	}
	add(47)
	for y := 1990; y <= 2013; y++ {
		add(float64(y))
	}
	return out
}

// Plural agrees with CLDR's data (golang.org/x/text/feature/plural) on 0–200 and on every
// number the site prints, in each language.
func TestPluralIsCLDR(t *testing.T) {
	tags := map[Lang]language.Tag{EN: language.English, AZ: language.Azerbaijani, RU: language.Russian}
	want := map[plural.Form]PluralForm{plural.One: One, plural.Few: Few, plural.Many: Many, plural.Other: Other}
	ns := printedNumbers()
	for i := 0; i <= 200; i++ {
		ns = append(ns, i)
	}
	for _, l := range Langs {
		for _, n := range ns {
			cldr := plural.Cardinal.MatchPlural(tags[l], n, 0, 0, 0, 0)
			if got := Plural(l, float64(n)); got != want[cldr] {
				t.Errorf("Plural(%s, %d) = %v, CLDR says %v", l, n, got, cldr)
			}
		}
	}
	if Plural(RU, 2.5) != Other || Plural(EN, 1.5) != Other {
		t.Error("fractions are not 'other'")
	}
}

func TestCountsInRussian(t *testing.T) {
	for _, c := range []struct {
		n    float64
		noun string
		want string
	}{{1, "victim", "1 жертва"}, {3, "victim", "3 жертвы"}, {89, "victim", "89 жертв"}, {34, "victim", "34 жертвы"},
		{11, "victim", "11 жертв"}, {21, "victim", "21 жертва"}, {112, "victim", "112 жертв"}, {473, "person", "473 человека"},
		{5, "person", "5 человек"}, {39, "person", "39 человек"}, {2, "person", "2 человека"}, {1000, "female", "1000 женщин"}} {
		if got := Count(RU, c.n, c.noun); got != c.want {
			t.Errorf("Count(ru, %v, %s) = %q, want %q", c.n, c.noun, got, c.want)
		}
	}
	for in, want := range map[string]string{
		"для 42 из 89 {victim:gen}":         "для 42 из 89 жертв",
		"из 34 {victim:gen}":                "из 34 жертв",
		"из 21 {victim:gen}":                "из 21 жертвы",
		"до 1\u00a0000 {female:gen}":        "до 1\u00a0000 женщин",
		"не более 5–6 {article}":            "не более 5–6 публикаций в СМИ",
		"осуждены 39 {person}, 34 {victim}": "осуждены 39 человек, 34 жертвы",
	} {
		if got := inflect(RU, in); got != want {
			t.Errorf("inflect(ru, %q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"1 {victim}": "1 victim", "89 {victim}": "89 victims", "1,000 {female}": "1,000 females"} {
		if got := inflect(EN, in); got != want {
			t.Errorf("inflect(en, %q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"34 {victim}": "34 qurban", "89 {victim:abl}": "89 qurbandan", "9 {person:abl}": "9 nəfərdən", "1.000 {female:dat}": "1.000 qadına"} {
		if got := inflect(AZ, in); got != want {
			t.Errorf("inflect(az, %q) = %q, want %q", in, got, want)
		}
	}
}

// The suffix after a year or a count follows the vowel harmony of the number's last spoken
// word, for every year and count the site prints.
func TestAzerbaijaniSuffixes(t *testing.T) {
	ordinal := map[int]string{1990: "cı", 1992: "ci", 1995: "ci", 1997: "ci", 2000: "ci", 2001: "ci", 2002: "ci",
		2003: "cü", 2004: "cü", 2006: "cı", 2010: "cu", 2012: "ci", 2013: "cü", 1996: "cı", 1999: "cu", 1998: "ci", 2005: "ci",
		2007: "ci", 2008: "ci", 2009: "cu", 2011: "ci", 1991: "ci", 1993: "cü", 1994: "cü", 100: "cü", 40: "cı", 30: "cu", 60: "cı"}
	for n, want := range ordinal {
		if got := AzSuffix(int64(n), AzOrdinal); got != want {
			t.Errorf("%d-%s, want %d-%s (last word %q)", n, got, n, want, AzLastWord(int64(n)))
		}
	}
	possessive := map[int]string{47: "si", 42: "si", 34: "ü", 23: "ü", 89: "u", 19: "u", 12: "si", 14: "ü", 39: "u", 9: "u",
		4: "ü", 3: "ü", 2: "si", 473: "ü", 1000: "i", 6: "sı", 40: "ı", 10: "u", 5: "i"}
	for n, want := range possessive {
		if got := AzSuffix(int64(n), AzPossessive); got != want {
			t.Errorf("%d-%s, want %d-%s", n, got, n, want)
		}
	}
	dative := map[int]string{1000: "ə", 2012: "yə", 2010: "a", 6: "ya", 40: "a", 89: "a", 34: "ə"}
	for n, want := range dative {
		if got := AzSuffix(int64(n), AzDative); got != want {
			t.Errorf("%d-%s, want %d-%s", n, got, n, want)
		}
	}
	for _, n := range printedNumbers() {
		s := AzSuffix(int64(n), AzOrdinal)
		if !regexp.MustCompile(`^c[iıuü]$`).MatchString(s) {
			t.Errorf("%d: ordinal suffix %q", n, s)
		}
	}
	for in, want := range map[string]string{
		"2010-ci ildə":              "2010-cu ildə",
		"2006–2012-ci illərdə":      "2006–2012-ci illərdə",
		"1990-ci illər":             "1990-cı illər",
		"2013-ci il":                "2013-cü il",
		"1.000-yə qədər":            "1.000-ə qədər",
		"89 qurbandan 47-si":        "89 qurbandan 47-si",
		"34-si":                     "34-ü",
		"(2006-2012)":               "(2006-2012)",
		"ATƏT-in 2010-da, 2010-dən": "ATƏT-in 2010-da, 2010-dan",
	} {
		if got := AzHarmonize(in); got != want {
			t.Errorf("AzHarmonize(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every suffix after a number in every Azerbaijani string the catalogs hold is right for
// that number.
func TestAzerbaijaniCatalogSuffixes(t *testing.T) {
	for k := range en {
		for _, p := range AzSuffixProblems(T(AZ, k)) {
			t.Errorf("%s: %s", k, p)
		}
	}
	if len(AzSuffixProblems("2010-ci ildə, 47-i, 89 qurbandan 34-si")) != 3 {
		t.Error("AzSuffixProblems misses wrong suffixes")
	}
}
