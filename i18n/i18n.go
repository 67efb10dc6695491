// Package i18n holds every string azflows shows, in English, Azerbaijani (Latin script) and
// Russian, and formats numbers and dates the way each language writes them.
package i18n

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// Lang is a language the page speaks.
type Lang string

const (
	EN Lang = "en"
	AZ Lang = "az"
	RU Lang = "ru"
)

// A Language is one language the site speaks: its code (the hash's lang=, the pages' suffix
// .az), its name in itself (for the language switch), its catalogs (catalog_CODE.go: the
// charts' strings and the page's) and how it writes numbers.
type Language struct {
	Lang           Lang
	Name           string
	Catalogs       []map[string]string
	Group, Decimal string // the digit group separator and the decimal mark
	// Grouped is the fewest digits whose groups are separated: 4 in English (1,000), 5 in
	// Azerbaijani and Russian, which write 1000 (Russian typography; and a screen reader's
	// voice then says "one thousand", not "one, zero zero zero" or "one point zero zero
	// zero") and 10 000.
	Grouped int
}

// Languages is the one list of the languages the site speaks, in the order the page offers
// them; the first is the default (and the reference catalog). Everything else follows from
// it: the pages and offline files of each language (site.Files), the language switch, the
// hash's lang values (here and in web/page/app.js, from the page's config), the chart text. See
// docs/content.md, "Adding a language".
var Languages = []Language{
	{EN, "English", []map[string]string{en, pageEN}, ",", ".", 4},
	{AZ, "Azərbaycanca", []map[string]string{az, pageAZ}, ".", ",", 5},
	{RU, "Русский", []map[string]string{ru, pageRU}, "\u00a0", ",", 5},
}

// Langs lists the codes of Languages, in order; the first is the default.
var Langs = func() []Lang {
	out := make([]Lang, len(Languages))
	for i, l := range Languages {
		out[i] = l.Lang
	}
	return out
}()

// Names are the languages' names in themselves, for the language switch.
var Names = func() map[Lang]string {
	out := map[Lang]string{}
	for _, l := range Languages {
		out[l.Lang] = l.Name
	}
	return out
}()

// Valid reports whether l is one of Langs.
func Valid(l Lang) bool { _, ok := languageOf(l); return ok }

// languageOf is l's entry of Languages.
func languageOf(l Lang) (Language, bool) {
	for _, x := range Languages {
		if x.Lang == l {
			return x, true
		}
	}
	return Language{}, false
}

var (
	catalogMu sync.RWMutex
	// catalogs are each language's strings: its catalogs merged (en holds the page's English
	// strings too, the reference every other catalog is checked against).
	catalogs = func() map[Lang]map[string]string {
		out := map[Lang]map[string]string{}
		for _, l := range Languages {
			m := l.Catalogs[0]
			for _, more := range l.Catalogs[1:] {
				for k, v := range more {
					m[k] = v
				}
			}
			out[l.Lang] = m
		}
		return out
	}()
)

// T returns the string with key in l, formatted with args; a key missing in l falls back to
// English (the tests make sure none is missing), and an unknown key is returned as is. In
// Azerbaijani the suffixes after numbers are then put in the numbers' vowel harmony
// (AzHarmonize), and a noun after a number ("89 {victim}") takes the form
// that number asks for (inflect).
func T(l Lang, key string, args ...any) string {
	if l == XX {
		pseudoCatalog()
	}
	catalogMu.RLock()
	s, ok := catalogs[l][key]
	catalogMu.RUnlock()
	if !ok {
		if s, ok = en[key]; !ok {
			return key
		}
	}
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return finish(l, s)
}

// finish gives a formatted catalog string its language's grammar and typography. It is a
// function of (l, s) alone, and layouts ask for the same strings many times over (every shape
// a view tries), so the last results are kept (finished, up to finishedMax of them).
func finish(l Lang, s string) string {
	k := finishKey{l, s}
	finished.Lock()
	out, ok := finished.m[k]
	finished.Unlock()
	if ok {
		return out
	}
	out = HoldTogether(NoteRefs(RangesOutsideQuotes(inflect(l, s))))
	if l == AZ {
		out = AzHarmonize(out)
	}
	if l == RU {
		out = RuTypography(out)
	}
	finished.Lock()
	if finished.m == nil || len(finished.m) >= finishedMax {
		finished.m = map[finishKey]string{}
	}
	finished.m[k] = out
	finished.Unlock()
	return out
}

type finishKey struct {
	l Lang
	s string
}

// finished are finish's last results; finishedMax bounds them (all the catalogs' strings in
// every language, with their numbers, fit many times over).
var finished struct {
	sync.Mutex
	m map[finishKey]string
}

const finishedMax = 8192

// Has reports whether key exists in English (the reference catalog).
func Has(key string) bool { _, ok := en[key]; return ok }

// Keys lists the English catalog's keys.
func Keys() []string {
	out := make([]string, 0, len(en))
	for k := range en {
		out = append(out, k)
	}
	return out
}

// Catalog returns the strings of l whose keys start with prefix, for the page's scripts.
func Catalog(l Lang, prefix string) map[string]string {
	out := map[string]string{}
	for k := range en {
		if strings.HasPrefix(k, prefix) {
			out[k] = T(l, k)
		}
	}
	return out
}

// Number writes a number the way l groups digits (from Language.Grouped digits on): 1,000 in
// English; 1000 and 10.000 in Azerbaijani; 1000 and 10 000 (with a no-break space) in Russian.
func Number(l Lang, v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	sep, dec, grouped := ",", ".", 4 // English's, and the pseudo-locale's
	if x, ok := languageOf(l); ok {
		sep, dec, grouped = x.Group, x.Decimal, x.Grouped
	}
	if len(intPart) >= grouped {
		var b strings.Builder
		pre := len(intPart) % 3
		if pre > 0 {
			b.WriteString(intPart[:pre])
		}
		for i := pre; i < len(intPart); i += 3 {
			if b.Len() > 0 {
				b.WriteString(sep)
			}
			b.WriteString(intPart[i : i+3])
		}
		intPart = b.String()
	}
	if neg {
		intPart = "-" + intPart
	}
	if frac != "" {
		return intPart + dec + frac
	}
	return intPart
}

// Decimal is the decimal mark of l: "." in English, "," in Azerbaijani and Russian.
func Decimal(l Lang) string {
	if x, ok := languageOf(l); ok {
		return x.Decimal
	}
	return "."
}

// Date writes a day, month and year; month or day 0 leave those out.
func Date(l Lang, year, month, day int) string {
	if month == 0 {
		return strconv.Itoa(year)
	}
	m := T(l, "month."+strconv.Itoa(month))
	if day == 0 {
		if l == AZ { // "2006-cı ilin martı": the month with its possessive suffix
			m = T(l, "month.poss."+strconv.Itoa(month))
		}
		return T(l, "date.month", m, year)
	}
	if l == RU {
		m = T(l, "month.gen."+strconv.Itoa(month))
	}
	return T(l, "date.day", day, m, year)
}
