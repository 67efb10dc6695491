package i18n

import (
	"strings"
	"sync"
	"unicode"
)

// Long is a pseudo-language for layout tests: every English string with each word made about
// 40 % longer (format verbs, numbers and punctuation kept), as Azerbaijani and Russian words
// often are. It is not one of Langs: the page never offers it and ParseHash never accepts it.
const Long Lang = "x-long"

// IsLong reports whether l is the layout-test pseudo-language.
func IsLong(l Lang) bool { return l == Long }

var longOnce sync.Once

func longCatalog() {
	longOnce.Do(func() {
		m := make(map[string]string, len(en))
		for k, s := range en {
			m[k] = Lengthen(s)
		}
		catalogMu.Lock()
		catalogs[Long] = m
		catalogMu.Unlock()
	})
}

// Lengthen makes every word of s about 40 % longer by repeating its first letters; words
// with digits or format verbs are kept as they are.
func Lengthen(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if strings.ContainsAny(w, "%0123456789") {
			continue
		}
		var letters []rune
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters = append(letters, unicode.ToLower(r))
			}
		}
		n := (len(letters)*2 + 4) / 5 // 40 %, rounded up
		if n == 0 {
			continue
		}
		// The extra letters go after the word's last letter, before trailing punctuation.
		rs := []rune(w)
		end := len(rs)
		for end > 0 && !unicode.IsLetter(rs[end-1]) {
			end--
		}
		words[i] = string(rs[:end]) + string(letters[:n]) + string(rs[end:])
	}
	return strings.Join(words, " ")
}
