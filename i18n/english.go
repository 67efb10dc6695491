package i18n

import (
	"encoding/json"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"azflows/data"
)

// English passages inside a page in another language: the paper's words quoted in English,
// with the translation beside them ("«It is impossible to evaluate their accuracy» («их
// точность невозможно оценить»)"), and the paper's title. A screen reader speaks them with
// the page's voice unless they carry lang="en": EnglishQuotes finds them, for the build to mark.

// quotePairs are the quotation marks the catalogs use: « » (ru) and “ ” (az, and the
// English inside both).
var quotePairs = [][2]string{{"«", "»"}, {"\u201c", "\u201d"}}

// englishCorpus is the English the site has: its English catalogs and every text of the
// paper's records (their quotes, periods, caveats, footnotes and the citation).
var englishCorpus = sync.OnceValue(func() string {
	var b strings.Builder
	for _, m := range []map[string]string{en, pageEN} {
		for _, v := range m {
			b.WriteString(v)
			b.WriteByte('\n')
		}
	}
	for _, v := range []any{data.Figures, data.Events, data.Routes, data.Footnotes} {
		// Marshalled without HTML escaping, so that the records' text is as written.
		var sb strings.Builder
		enc := json.NewEncoder(&sb)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err == nil {
			b.WriteString(sb.String())
		}
	}
	b.WriteString(data.Citation)
	// The records keep the paper's hyphens ("2006-2012"); what the page shows of them takes
	// the page's typography (RangeDashes), so the corpus holds both forms.
	c := b.String()
	return c + "\n" + RangeDashes(c)
})

// paperCorpus is the paper's words as the records hold them, with the paper's characters:
// their quotes, periods, caveats, footnotes and the citation (RangesOutsideQuotes).
var paperCorpus = sync.OnceValue(func() string {
	var b strings.Builder
	for _, v := range []any{data.Figures, data.Events, data.Routes, data.Footnotes} {
		var sb strings.Builder
		enc := json.NewEncoder(&sb)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err == nil {
			b.WriteString(sb.String())
		}
	}
	b.WriteString(data.Citation)
	return b.String()
})

// EnglishQuotes gives the English quotations of a text in l, as byte ranges of s (the text
// between the quotation marks): quoted runs with two letters or more that the site's English
// has word for word. In English it gives none: the whole page is English.
func EnglishQuotes(l Lang, s string) [][2]int {
	if l == EN {
		return nil
	}
	corpus := englishCorpus()
	var out [][2]int
	for i := 0; i < len(s); {
		open, closer := -1, ""
		for _, p := range quotePairs {
			if j := strings.Index(s[i:], p[0]); j >= 0 && (open < 0 || i+j < open) {
				open, closer = i+j+len(p[0]), p[1]
			}
		}
		if open < 0 {
			break
		}
		end := strings.Index(s[open:], closer)
		if end < 0 {
			break
		}
		q := s[open : open+end]
		if letters(q) >= 2 && strings.Contains(corpus, q) {
			out = append(out, [2]int{open, open + end})
		}
		i = open + end + len(closer)
	}
	return out
}

// letters counts the letters of s.
func letters(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if unicode.IsLetter(r) {
			n++
		}
		s = s[size:]
	}
	return n
}
