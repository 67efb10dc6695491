package i18n

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"azflows/data"
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
	// a one-letter preposition or conjunction and the word after it: «о 34», «и в Россию»
	ruOneLetter = regexp.MustCompile(`(^|[^\pL\pN])([вкосуаиВКОСУАИ]) (\S)`)
	// a number and the Cyrillic word after it: «34 жертвы», «5–6 публикаций», «2010 год» (not a
	// capital: «…2013/41 График:» begins a new sentence)
	ruNumWord = regexp.MustCompile(`(\d) ([а-яё])`)
	// abbreviations of two letters with points: «в т. ч.», «т. е.», «с. ш.»
	ruAbbr = strings.NewReplacer("в т. ч.", "в"+NBSP+"т."+NBSP+"ч.", "т. ч.", "т."+NBSP+"ч.", "т. е.", "т."+NBSP+"е.", "° с. ш.", "°"+NBSP+"с."+NBSP+"ш.", "с. ш.", "с."+NBSP+"ш.")
)

// RuTypography puts no-break spaces where Russian typography wants them: between a number and
// «г.», «гг.» or «чел.»; inside «в т. ч.», «т. е.», «с. ш.»; between the groups of a number
// («1 000»); before a dash; after a one-letter preposition or conjunction (в, к, о, с, у, а, и,
// and their capitals) and between a number and the Cyrillic word after it («о 34 жертвах»), so
// that no line ends with «о» or starts with «жертвах». Every Russian string of the catalogs goes
// through it (T).
func RuTypography(s string) string {
	s = ruAbbr.Replace(s)
	s = ruNumAbbr.ReplaceAllString(s, "$1"+NBSP+"$2")
	s = ruBeforeDash.ReplaceAllString(s, NBSP+"$1")
	s = untilFixed(s, func(s string) string { // overlapping groups: «1 000 000»
		return ruDigitGroup.ReplaceAllString(s, "$1$2"+NBSP+"$3$4")
	})
	s = untilFixed(s, func(s string) string { // overlapping words: «и в Россию»
		return ruOneLetter.ReplaceAllString(s, "$1$2"+NBSP+"$3")
	})
	return ruNumWord.ReplaceAllString(s, "$1"+NBSP+"$2")
}

// untilFixed applies f to s until it changes nothing more.
func untilFixed(s string, f func(string) string) string {
	for {
		t := f(s)
		if t == s {
			return s
		}
		s = t
	}
}

// rangeHyphen is a range of numbers written with a hyphen: "5-6".
var rangeHyphen = regexp.MustCompile(`(\d)-(\d)`)

// RangeDashes writes every range of numbers with an en dash, whatever a catalog or the
// paper's record wrote: a digit, a hyphen, a digit ("5-6", "3-4 months", «35-40») become
// "5–6", "3–4 months", «35–40». The records keep the paper's characters (data.Check matches
// them word for word); what a reader sees takes the page's typography, quotations included.
// Every string of the catalogs goes through it (T), in every language.
func RangeDashes(s string) string {
	for { // "1-2-3": the matches overlap
		t := rangeHyphen.ReplaceAllString(s, "$1\u2013$2")
		if t == s {
			return s
		}
		s = t
	}
}

// heldLicense is the licence's name with no-break spaces: "CC BY 4.0" never breaks across
// lines (native reading 5, D16).
var heldLicense = strings.NewReplacer(data.LicenseName, strings.ReplaceAll(data.LicenseName, " ", NBSP))

// HoldTogether binds what no language breaks across lines: the licence's name. Every string
// of the catalogs goes through it (T), in every language.
func HoldTogether(s string) string { return heldLicense.Replace(s) }

// paperQuote is a run in quotation marks: “…”, or «…» where the Russian text quotes the paper.
var paperQuote = regexp.MustCompile(`“[^“”]*”|«[^«»]*»`)

// RangesOutsideQuotes is RangeDashes, but a quotation of the paper keeps the paper's own
// characters: a run in “…” or «…» that the paper's records hold word for word, hyphen included
// (“summarized for the past seven years (2006-2012)”, “35-40”), keeps its hyphen, as a
// quotation should (native reading 5, D6). Every other range takes an en dash; a translation
// in quotation marks is not the paper's words and takes the page's typography. Every string
// of the catalogs goes through it (T).
func RangesOutsideQuotes(s string) string {
	if !rangeHyphen.MatchString(s) {
		return s
	}
	corpus := paperCorpus()
	var b strings.Builder
	last := 0
	for _, m := range paperQuote.FindAllStringIndex(s, -1) {
		q := s[m[0]:m[1]]
		_, open := utf8.DecodeRuneInString(q)
		_, closing := utf8.DecodeLastRuneInString(q)
		if !rangeHyphen.MatchString(q) || !strings.Contains(corpus, q[open:len(q)-closing]) {
			continue
		}
		b.WriteString(RangeDashes(s[last:m[0]]))
		b.WriteString(q)
		last = m[1]
	}
	b.WriteString(RangeDashes(s[last:]))
	return b.String()
}

// Typeset applies l's typography to a string built outside the catalog (parts joined with
// " — ", as tooltips and options are): in Russian a no-break space before the dash; in every
// language the licence's name held together.
func Typeset(l Lang, s string) string {
	s = HoldTogether(s)
	if l == RU {
		return RuTypography(s)
	}
	return s
}

// AfterColon is s as it reads after a colon inside a sentence of l: Azerbaijani and Russian
// write the first word in lower case there («Хронология: меры и показатели…»), unless it is a
// proper name (a country's name, in any of its forms: «Azərbaycandan…», «Объединённых Арабских
// Эмиратах…») or an acronym («НПО», «BMT»: its second letter is upper case too). English keeps
// its capital (title case after a colon).
func AfterColon(l Lang, s string) string {
	if (l != AZ && l != RU) || s == "" {
		return s
	}
	words := strings.Fields(s)
	if r := []rune(words[0]); len(r) > 1 && unicode.IsUpper(r[1]) {
		return s
	}
	for _, k := range Keys() {
		if strings.HasPrefix(k, "country.") && beginsWithName(l, words, strings.Fields(T(l, k))) {
			return s
		}
	}
	r, n := utf8.DecodeRuneInString(s)
	if l == AZ {
		return string(unicode.TurkishCase.ToLower(r)) + s[n:]
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// beginsWithName reports whether words begin with a country's name, each of the name's words
// in one of its forms: the whole word, or its stem followed by a case ending (no longer than
// the language's endings run), so «Индикаторы» is not a form of «Индия» nor «Катастрофа» of
// «Катар».
func beginsWithName(l Lang, words, name []string) bool {
	if len(name) == 0 || len(words) < len(name) {
		return false
	}
	for i, n := range name {
		if !isFormOf(l, strings.TrimRight(words[i], ",.;:!?»”)"), n) {
			return false
		}
	}
	return true
}

// isFormOf reports whether w is the word n or an inflected form of it.
func isFormOf(l Lang, w, n string) bool {
	if w == n {
		return true
	}
	st := stem(l, n)
	if !strings.HasPrefix(w, st) {
		return false
	}
	ending := utf8.RuneCountInString(w) - utf8.RuneCountInString(st)
	if l == AZ {
		return ending <= 6 // Azerbaijani stacks its suffixes: «Azərbaycan|dakı», «Əmirliklər|inə»
	}
	return ending <= 4 // «Азербайдж|аном», «Объединённ|ыми», not «Кит|айский»
}

// stem is a name without the letters its inflected forms change: Russian drops the last two of
// a longer word («Россия» → «Росс»: «России»; «Северная» → «Северн»: «Северную»), the last one
// of a shorter («Иран» → «Ира»: «Ирана»); Azerbaijani only adds suffixes («Türkiyə» →
// «Türkiy»: «Türkiyəyə»). Words of three letters or fewer stay whole.
func stem(l Lang, name string) string {
	r := []rune(name)
	switch {
	case l == RU && len(r) > 4:
		r = r[:len(r)-2]
	case len(r) > 3:
		r = r[:len(r)-1]
	}
	return string(r)
}

// noteRef is a footnote's word and the numbers after it: "footnote 12", "footnotes 2, 5",
// «сноска 12», «сноски 2, 5», «в сноске 9», «haşiyə 9», «haşiyələr 2, 5».
var noteRef = regexp.MustCompile(`(?i)(footnotes?|сноск[а-яё]*|haşiyə[a-zçəğıöşü]*) (\d+(?:, \d+)*)`)

// NoteRefs keeps a footnote's word and its numbers on one line, in every language: a
// no-break space after the word, and in a list the last number with the one before it
// ("footnotes 2, 5" whole; a long list "footnotes 1, 3, 4, 9, 12" may break after a comma
// inside, never leaving a number alone). Every string of the catalogs goes through it (T).
func NoteRefs(s string) string {
	return noteRef.ReplaceAllStringFunc(s, func(m string) string {
		i := strings.IndexByte(m, ' ')
		word, nums := m[:i], strings.Split(m[i+1:], ", ")
		if len(nums) == 1 {
			return word + NBSP + nums[0]
		}
		last := nums[len(nums)-2] + "," + NBSP + nums[len(nums)-1]
		if len(nums) == 2 {
			return word + NBSP + last
		}
		return word + NBSP + strings.Join(append(nums[:len(nums)-2:len(nums)-2], last), ", ")
	})
}
