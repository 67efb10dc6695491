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

// Langs lists the languages in the order the page offers them; the first is the default.
var Langs = []Lang{EN, AZ, RU}

// Names are the languages' names in themselves, for the language switch.
var Names = map[Lang]string{EN: "English", AZ: "Azərbaycanca", RU: "Русский"}

// Valid reports whether l is one of Langs.
func Valid(l Lang) bool { return l == EN || l == AZ || l == RU }

var (
	catalogMu sync.RWMutex
	catalogs  = map[Lang]map[string]string{EN: en, AZ: az, RU: ru}
)

// T returns the string with key in l, formatted with args; a key missing in l falls back to
// English (the tests make sure none is missing), and an unknown key is returned as is. In
// Azerbaijani the suffixes after numbers are then put in the numbers' vowel harmony
// (AzHarmonize), and a noun after a number ("89 {victim}") takes the form
// that number asks for (inflect).
func T(l Lang, key string, args ...any) string {
	if l == Long {
		longCatalog()
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
	s = inflect(l, s)
	if l == AZ {
		s = AzHarmonize(s)
	}
	return s
}

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

// Number writes an integer the way l groups digits: 1,000 in English, 1.000 in Azerbaijani,
// 1 000 (with a no-break space) in Russian.
func Number(l Lang, v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	sep, dec := ",", "."
	switch l {
	case AZ:
		sep, dec = ".", ","
	case RU:
		sep, dec = "\u00a0", ","
	}
	if len(intPart) > 3 {
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

// Date writes a day, month and year; month or day 0 leave those out.
func Date(l Lang, year, month, day int) string {
	if month == 0 {
		return strconv.Itoa(year)
	}
	m := T(l, "month."+strconv.Itoa(month))
	if day == 0 {
		return T(l, "date.month", m, year)
	}
	if l == RU {
		m = T(l, "month.gen."+strconv.Itoa(month))
	}
	return T(l, "date.day", day, m, year)
}
