package i18n

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NBSP is the no-break space.
const NBSP = "\u00a0"

// Russian typography: what must not be split at a line break.
var (
	// a number and the abbreviation after it: «2010 г.», «2006–2012 гг.», «39 чел.»
	ruNumAbbr = regexp.MustCompile(`(\d) (гг?\.|чел\.)`)
	// groups of digits: «1 000» (whatever space a catalog wrote)
	ruDigitGroup = regexp.MustCompile(`(^|[^\d])(\d{1,3}) (\d{3})([^\d]|$)`)
	// a space before a dash: the dash never starts a line
	ruBeforeDash = regexp.MustCompile(` ([—–] )`)
	// abbreviations of two letters with points: «в т. ч.», «т. е.», «с. ш.»
	ruAbbr = strings.NewReplacer("в т. ч.", "в"+NBSP+"т."+NBSP+"ч.", "т. ч.", "т."+NBSP+"ч.", "т. е.", "т."+NBSP+"е.", "° с. ш.", "°"+NBSP+"с."+NBSP+"ш.", "с. ш.", "с."+NBSP+"ш.")
)

// RuTypography puts no-break spaces where Russian typography wants them: between a number and
// «г.», «гг.» or «чел.»; inside «в т. ч.», «т. е.», «с. ш.»; between the groups of a number
// («1 000»); before a dash. Every Russian string of the catalogs goes through it (T).
func RuTypography(s string) string {
	s = ruAbbr.Replace(s)
	s = ruNumAbbr.ReplaceAllString(s, "$1"+NBSP+"$2")
	s = ruBeforeDash.ReplaceAllString(s, NBSP+"$1")
	for { // overlapping groups: «1 000 000»
		t := ruDigitGroup.ReplaceAllString(s, "$1$2"+NBSP+"$3$4")
		if t == s {
			break
		}
		s = t
	}
	return s
}

// Typeset applies l's typography to a string built outside the catalog (parts joined with
// " — ", as tooltips and options are): in Russian a no-break space before the dash.
func Typeset(l Lang, s string) string {
	if l == RU {
		return RuTypography(s)
	}
	return s
}

// AfterColon is s as it reads after a colon inside a sentence of l: Azerbaijani and Russian
// write the first word in lower case there («Хронология: меры и показатели…»), unless it is a
// proper name (a country's name, in any of its forms: «Azərbaycandan…»). English keeps its
// capital (title case after a colon).
func AfterColon(l Lang, s string) string {
	if (l != AZ && l != RU) || s == "" {
		return s
	}
	first, _, _ := strings.Cut(s, " ")
	for _, k := range Keys() {
		if strings.HasPrefix(k, "country.") {
			if n := T(l, k); len(n) > 0 && strings.HasPrefix(first, stem(n)) {
				return s
			}
		}
	}
	r, n := utf8.DecodeRuneInString(s)
	if l == AZ {
		return string(unicode.TurkishCase.ToLower(r)) + s[n:]
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// stem is a name without its last letter, so that its inflected forms begin with it
// («Азербайджан» → «Азербайджа»: «Азербайджана»; «Türkiyə» → «Türkiy»: «Türkiyəyə»).
func stem(name string) string {
	r := []rune(name)
	if len(r) > 3 {
		r = r[:len(r)-1]
	}
	return string(r)
}
