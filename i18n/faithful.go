package i18n

import (
	"fmt"
	"strconv"
	"strings"

	"azflows/data"
)

// measureWords are the words that say what a total counts, in each language's inflected forms:
// a sentence that states the 34 says they were identified, the 89 that they were referred, the
// 473 that the paper gives them for "the previous six years".
var measureWords = map[string]map[Lang]*Pattern{
	"victims-2010": {EN: lazyPattern(`\b[Ii]dentified\b`), AZ: lazyPattern(`[Mm]üəyyən ed`), RU: lazyPattern(`[Вв]ыяв`)},
	"victims-2012": {EN: lazyPattern(`\b[Rr]eferred\b`), AZ: lazyPattern(`[Yy]önləndiril`), RU: lazyPattern(`[Нн]аправ`)},
	"victims-2006-2012": {EN: lazyPattern(`previous six years`), AZ: lazyPattern(`əvvəlki altı il`),
		RU: lazyPattern(`предыдущие шесть лет`)},
}

var (
	sentenceEnd = lazyPattern(`[.;!?](\s+|$)`)
	digits      = lazyPattern(`\d+`)
	letterWord  = lazyPattern(`\pL{2,}`)
	// abbreviation matches a text that ends in an abbreviation written with a full stop.
	abbreviation = lazyPattern(`(^|[^\pL])(г|гг|т|ч|incl|e\.g|i\.e)$`)
)

// Unfaithful lists what is wrong, against the data records, with the sentences of a text in l:
// a sentence that states the total of a year (or of several years) without the words for what
// that total counts (identified, referred, the previous six years), a year one of the totals it
// states does not have, the words of one year's total beside the other year alone, and
// internal record ids.
func Unfaithful(l Lang, text string) []string {
	var out []string
	for _, id := range recordIDs() {
		if strings.Contains(text, id) {
			out = append(out, fmt.Sprintf("internal id %q in %q", id, text))
		}
	}
	for _, s := range sentences(text) {
		if len(letterWord.FindAllString(s, -1)) < 2 {
			continue // a value label, not a sentence
		}
		var years [][2]int
		stated := false
		for _, id := range []string{"victims-2010", "victims-2012", "victims-2006-2012"} {
			f, _ := data.FigureByID(id)
			if !hasNumber(s, FigText(l, f)) {
				continue
			}
			stated = true
			years = append(years, [2]int{f.Period.From, f.Period.To})
			if !measureWords[id][l].MatchString(s) {
				out = append(out, fmt.Sprintf("states %s (%s) without %v: %q", FigText(l, f), id, measureWords[id][l], s))
			}
		}
		ys := yearsIn(s)
		if stated {
			for _, y := range ys {
				in := false
				for _, p := range years {
					in = in || (y >= p[0] && y <= p[1])
				}
				if !in {
					out = append(out, fmt.Sprintf("year %d is not the period of the totals it states: %q", y, s))
				}
			}
		}
		has := map[int]bool{}
		for _, y := range ys {
			has[y] = true
		}
		if measureWords["victims-2010"][l].MatchString(s) && has[2012] && !has[2010] {
			out = append(out, fmt.Sprintf("2010's word (identified) for 2012: %q", s))
		}
		if measureWords["victims-2012"][l].MatchString(s) && has[2010] && !has[2012] {
			out = append(out, fmt.Sprintf("2012's word (referred) for 2010: %q", s))
		}
	}
	return out
}

// sentences splits a text at sentence and clause ends (. ; ! ?), not after an abbreviation
// ("в 2012 г. 89 жертв", "в т. ч. в Россию", "incl. Russia").
func sentences(text string) []string {
	var out []string
	start := 0
	for _, loc := range sentenceEnd.FindAllStringIndex(text, -1) {
		if text[loc[0]] == '.' && abbreviation.MatchString(text[start:loc[0]]) {
			continue
		}
		if s := strings.TrimSpace(text[start:loc[1]]); s != "" {
			out = append(out, s)
		}
		start = loc[1]
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

func hasNumber(s, num string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], num)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isDigitOrSep(s[j-1])
		after := j+len(num) == len(s) || !(s[j+len(num)] >= '0' && s[j+len(num)] <= '9')
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isDigitOrSep(b byte) bool { return b >= '0' && b <= '9' }

func yearsIn(s string) []int {
	var out []int
	for _, m := range digits.FindAllString(s, -1) {
		if y, _ := strconv.Atoi(m); len(m) == 4 && y >= 1900 && y < 2100 {
			out = append(out, y)
		}
	}
	return out
}

// recordIDs are the ids of every record; none is reader-facing text.
func recordIDs() []string {
	var out []string
	for _, f := range data.Figures {
		out = append(out, f.ID)
	}
	for _, f := range data.Flows {
		out = append(out, f.ID)
	}
	for _, e := range data.Events {
		out = append(out, e.ID)
	}
	for _, r := range data.Routes {
		out = append(out, r.ID)
	}
	return out
}
