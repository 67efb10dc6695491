package i18n

import (
	"math"
	"strconv"
	"strings"
)

// PluralForm is a CLDR plural category.
type PluralForm int

const (
	Other PluralForm = iota
	One
	Few
	Many
)

// Plural is the CLDR cardinal plural category of n in l (the rules of CLDR's plurals.xml):
//
//	en: one: i = 1 and v = 0; other
//	az: one: n = 1; other (but a noun after a numeral stays singular, see Count)
//	ru: one: v = 0 and i % 10 = 1 and i % 100 != 11
//	    few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14
//	    many: v = 0 and (i % 10 = 0 or i % 10 = 5..9 or i % 100 = 11..14); other (fractions)
func Plural(l Lang, n float64) PluralForm {
	whole := n == math.Trunc(n)
	i := int64(math.Abs(math.Trunc(n)))
	switch l {
	case RU:
		if !whole {
			return Other
		}
		switch d, h := i%10, i%100; {
		case d == 1 && h != 11:
			return One
		case d >= 2 && d <= 4 && (h < 12 || h > 14):
			return Few
		default:
			return Many
		}
	case AZ:
		if n == 1 {
			return One
		}
		return Other
	default:
		if whole && i == 1 {
			return One
		}
		return Other
	}
}

// nouns are the counted nouns in each language, by plural form (RU: one, few, many, other;
// then the genitive singular and plural, for "из 34 жертв", "до 1 000 женщин"). Azerbaijani has
// one form: a noun after a numeral stays singular (34 qurban, 5 nəfər), and takes the case
// suffix itself (89 qurbandan).
var nouns = map[Lang]map[string][]string{
	EN: {
		"person":     {"persons", "person"},
		"victim":     {"victims", "victim"},
		"female":     {"females", "female"},
		"article":    {"articles", "article"},
		"conference": {"conferences", "conference"},
		"step":       {"steps", "step"},
		"figure":     {"figures", "figure"},
		"event":      {"events", "event"},
	},
	AZ: {
		"person":     {"nəfər"},
		"victim":     {"qurban"},
		"female":     {"qadın"},
		"article":    {"yazı"},
		"conference": {"konfrans"},
		"step":       {"addım"},
		"figure":     {"rəqəm"},
		"event":      {"hadisə"},
	},
	RU: {
		"person":     {"человека", "человек", "человека", "человек", "человека", "человек"},
		"victim":     {"жертвы", "жертва", "жертвы", "жертв", "жертвы", "жертв"},
		"female":     {"женщины", "женщина", "женщины", "женщин", "женщины", "женщин"},
		"article":    {"публикации в СМИ", "публикация в СМИ", "публикации в СМИ", "публикаций в СМИ", "публикации в СМИ", "публикаций в СМИ"},
		"conference": {"конференции", "конференция", "конференции", "конференций", "конференции", "конференций"},
		"step":       {"шага", "шаг", "шага", "шагов", "шага", "шагов"},
		"figure":     {"показателя", "показатель", "показателя", "показателей", "показателя", "показателей"},
		"event":      {"события", "событие", "события", "событий", "события", "событий"},
	},
}

// Noun is the form of noun that goes with the number n in l in grammatical case c: "" for the
// counting form ("89 жертв", "34 жертвы"), "gen" for the genitive ("из 34 жертв"); in
// Azerbaijani "abl", "dat", "loc" and "gen" add that case's suffix (89 qurbandan).
func Noun(l Lang, n float64, noun, c string) string {
	if l == XX {
		return pseudoWords(Noun(EN, n, noun, c))
	}
	forms, ok := nouns[l][noun]
	if !ok {
		forms, ok = nouns[EN][noun]
		if !ok {
			return noun
		}
		l = EN
	}
	p := Plural(l, n)
	switch l {
	case RU:
		if c == "gen" {
			if p == One || p == Other {
				return forms[4]
			}
			return forms[5]
		}
		return forms[p]
	case AZ:
		return azWordSuffix(forms[0], c)
	default:
		if p == One {
			return forms[1]
		}
		return forms[0]
	}
}

// Count writes n and its noun in l: "89 victims", "89 qurban", "89 жертв", "473 человека".
func Count(l Lang, n float64, noun string) string {
	return Number(l, n) + " " + Noun(l, n, noun, "")
}

// counted is a number in digits (grouped as l groups them, a span's last number counting)
// followed by a noun to inflect: "89 {victim}", "из %v {victim:gen}", "%v {person:abl}".
var counted = lazyPattern(`(\d(?:[\d\x{a0}.,]*\d)?) \{([a-z]+)(?::([a-z]+))?\}`)

// inflect puts the noun after each number in its form for that number (CLDR plural rules).
func inflect(l Lang, s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	return counted.Regexp().ReplaceAllStringFunc(s, func(m string) string {
		sub := counted.Regexp().FindStringSubmatch(m)
		return sub[1] + " " + Noun(l, parseNumber(l, sub[1]), sub[2], sub[3])
	})
}

// parseNumber reads a number as Number writes it in l.
func parseNumber(l Lang, s string) float64 {
	group, dec := ",", "."
	if x, ok := languageOf(l); ok {
		group, dec = x.Group, x.Decimal
	}
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\u00a0", ""), group, "")
	if dec != "." {
		s = strings.ReplaceAll(s, dec, ".")
	}
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

// azWordSuffix adds case c's suffix to an Azerbaijani word by its vowel harmony.
func azWordSuffix(word, c string) string {
	last := word
	if i := strings.LastIndex(word, " "); i >= 0 {
		last = word[i+1:]
	}
	four, two, vowel := harmony(last)
	y, n := "", ""
	if vowel {
		y, n = "y", "n"
	}
	switch c {
	case "abl":
		return word + "d" + two + "n"
	case "dat":
		return word + y + two
	case "loc":
		return word + "d" + two
	case "gen":
		return word + n + four + "n"
	}
	return word
}

// Azerbaijani numerals: the suffix after a number written in digits follows the vowel harmony
// of the number's last spoken word (2010: "iki min on" → on → 2010-cu; 2012: "… iki" → 2012-ci).

var azUnits = []string{"", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz"}
var azTens = []string{"", "on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən", "doxsan"}

// AzLastWord is the last word spoken when the whole number n is read out in Azerbaijani.
func AzLastWord(n int64) string {
	if n < 0 {
		n = -n
	}
	switch {
	case n == 0:
		return "sıfır"
	case n%10 != 0:
		return azUnits[n%10]
	case n%100 != 0:
		return azTens[n/10%10]
	case n%1000 != 0:
		return "yüz"
	case n%1_000_000 != 0:
		return "min"
	case n%1_000_000_000 != 0:
		return "milyon"
	default:
		return "milyard"
	}
}

// AzCase is a suffix an Azerbaijani number in digits takes after a hyphen.
type AzCase int

const (
	AzOrdinal    AzCase = iota // -ci/-cı/-cu/-cü: 2010-cu, 2012-ci
	AzPossessive               // -(s)i/ı/u/ü: 47-si, 23-ü
	AzDative                   // -(y)a/ə: 1.000-ə, 2012-yə
	AzLocative                 // -da/-də
	AzAblative                 // -dan/-dən
	AzGenitive                 // -(n)in/ın/un/ün
)

// harmony returns the last vowel of word's four-way (i ı u ü) and two-way (a ə) classes, and
// whether word ends in a vowel.
func harmony(word string) (four, two string, vowelEnd bool) {
	four, two = "i", "ə"
	rs := []rune(word)
	for i := len(rs) - 1; i >= 0; i-- {
		switch rs[i] {
		case 'a', 'ı':
			four, two = "ı", "a"
		case 'o', 'u':
			four, two = "u", "a"
		case 'e', 'ə', 'i':
			four, two = "i", "ə"
		case 'ö', 'ü':
			four, two = "ü", "ə"
		default:
			continue
		}
		return four, two, i == len(rs)-1
	}
	return four, two, false
}

// AzSuffix is the suffix (without the hyphen) that n takes in case c.
func AzSuffix(n int64, c AzCase) string {
	four, two, vowel := harmony(AzLastWord(n))
	buffer := func(b string) string {
		if vowel {
			return b
		}
		return ""
	}
	switch c {
	case AzOrdinal:
		return "c" + four
	case AzPossessive:
		return buffer("s") + four
	case AzDative:
		return buffer("y") + two
	case AzLocative:
		return "d" + two
	case AzAblative:
		return "d" + two + "n"
	default:
		return buffer("n") + four + "n"
	}
}

// azSuffixed finds a number in digits (with the thousands dot) and a suffix after a hyphen
// whose case its letters name unambiguously.
var azSuffixed = lazyPattern(`(\d[\d.]*)-(c[iıuü]|s[iıuü]|y[aə]|[aə]|d[aə]n|d[aə]|n[iıuü]n)(\P{L}|$)`)

// azCaseOf is the case a written suffix is a form of.
func azCaseOf(suffix string) AzCase {
	switch {
	case strings.HasPrefix(suffix, "c"):
		return AzOrdinal
	case strings.HasPrefix(suffix, "s"):
		return AzPossessive
	case strings.HasPrefix(suffix, "d") && strings.HasSuffix(suffix, "n"):
		return AzAblative
	case strings.HasPrefix(suffix, "d"):
		return AzLocative
	case strings.HasPrefix(suffix, "n"):
		return AzGenitive
	default:
		return AzDative
	}
}

// AzHarmonize rewrites every suffix written after a number in digits so that it follows the
// number's vowel harmony: the catalogs write "%d-ci ildə", and 2010 becomes "2010-cu ildə".
func AzHarmonize(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	return azSuffixed.Regexp().ReplaceAllStringFunc(s, func(m string) string {
		sub := azSuffixed.Regexp().FindStringSubmatch(m)
		n, err := strconv.ParseInt(strings.ReplaceAll(sub[1], ".", ""), 10, 64)
		if err != nil || strings.HasSuffix(sub[1], ".") {
			return m
		}
		return sub[1] + "-" + AzSuffix(n, azCaseOf(sub[2])) + sub[3]
	})
}

// azSuffixOK reports whether suffix is a form some case of n takes.
func azSuffixOK(n int64, suffix string) bool {
	for c := AzOrdinal; c <= AzGenitive; c++ {
		if AzSuffix(n, c) == suffix {
			return true
		}
	}
	four, _, vowel := harmony(AzLastWord(n)) // the accusative: -(n)ı/i/u/ü
	if vowel {
		return suffix == "n"+four
	}
	return suffix == four
}

// azAnySuffix is a number in digits, a hyphen and a word made of suffix letters only (so not
// an id such as "ev-1997-relevant").
var azAnySuffix = lazyPattern(`(?:^|[^\pL\d.-])(\d[\d.]*)-([cdnsyaəıiuü]{1,4})(?:$|[^\pL\d-])`)

// AzSuffixProblems lists the suffixes after numbers in s that do not follow the number's vowel
// harmony.
func AzSuffixProblems(s string) []string {
	var out []string
	for _, m := range azAnySuffix.Regexp().FindAllStringSubmatch(s, -1) {
		n, err := strconv.ParseInt(strings.ReplaceAll(m[1], ".", ""), 10, 64)
		if err != nil {
			continue
		}
		if !azSuffixOK(n, m[2]) {
			out = append(out, m[1]+"-"+m[2]+" is not in the vowel harmony of "+AzLastWord(n)+": "+s)
		}
	}
	return out
}
