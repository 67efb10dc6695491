package i18n

import (
	"strings"
	"sync"
	"unicode"
)

// XX is the pseudo-locale for tests: every English string bracketed, its letters accented and
// each word about a third longer, so that the catalog is 40 % longer ("Turkey" → "[Ŧúŕķéýŧúŕ]");
// format verbs, placeholders, markup and numbers are kept. Text that is not bracketed and accented was not looked up in the catalog
// (hard-coded, or data), and layouts that fit it fit longer words. It is not one of Langs: the
// page never offers it and ParseHash never accepts it; cmd/build renders it only when asked
// (-pseudo), never into the shipped dist/.
const XX Lang = "xx"

// IsPseudo reports whether l is the pseudo-locale.
func IsPseudo(l Lang) bool { return l == XX }

var pseudoOnce sync.Once

func pseudoCatalog() {
	pseudoOnce.Do(func() {
		m := make(map[string]string, len(en))
		for k, s := range en {
			m[k] = Pseudo(s)
		}
		catalogMu.Lock()
		catalogs[XX] = m
		catalogMu.Unlock()
	})
}

// accents maps each ASCII letter to an accented one of Noto Sans' latin and latin-ext subsets.
var accents = func() map[rune]rune {
	const plain, accented = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
		"áƀçđéƒĝĥíĵķĺɱñóƥʠŕšŧúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓƤꝖŔŠŦÚṼŴẊÝŽ"
	m := map[rune]rune{}
	a := []rune(accented)
	for i, r := range plain {
		m[r] = a[i]
	}
	return m
}()

// kept are the parts of a catalog string that the pseudo-locale leaves as they are: format
// verbs (%s, %[2]v, %.1f), placeholders ({1}, {victim:gen}), tags and entities.
var kept = lazyPattern(`%(?:\[[0-9]+\])?[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]|\{[a-z0-9:]+\}|<[^>]*>|&[a-z]+;`)

// Pseudo is s in the pseudo-locale: bracketed (inside any leading or trailing space), each
// letter accented and each word about 35 % longer; "" stays "".
func Pseudo(s string) string {
	body := strings.TrimSpace(s)
	if body == "" {
		return s
	}
	lead := s[:strings.Index(s, body)]
	trail := s[len(lead)+len(body):]
	return lead + "[" + pseudoWords(body) + "]" + trail
}

// pseudoWords accents and lengthens the words of s, leaving what kept matches as it is.
func pseudoWords(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range kept.FindAllStringIndex(s, -1) {
		b.WriteString(lengthen(s[last:m[0]]))
		b.WriteString(s[m[0]:m[1]])
		last = m[1]
	}
	b.WriteString(lengthen(s[last:]))
	return b.String()
}

// lengthen accents every letter of s and makes each word (a run of letters) 35 % longer
// (rounded up) by repeating its first letters; a word that touches a digit is only accented.
func lengthen(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); {
		if !unicode.IsLetter(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j := i
		for j < len(rs) && unicode.IsLetter(rs[j]) {
			j++
		}
		word := rs[i:j]
		digits := (i > 0 && unicode.IsDigit(rs[i-1])) || (j < len(rs) && unicode.IsDigit(rs[j]))
		for _, r := range word {
			b.WriteRune(accent(r))
		}
		if n := (len(word)*7 + 19) / 20; !digits && len(word) > 1 {
			for _, r := range word[:n] {
				b.WriteRune(accent(unicode.ToLower(r)))
			}
		}
		i = j
	}
	return b.String()
}

func accent(r rune) rune {
	if a, ok := accents[r]; ok {
		return a
	}
	return r
}
