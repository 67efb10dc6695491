package data

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Normalize collapses every run of whitespace to one space, so quotes can be matched against
// text extracted from a PDF with its line and page breaks.
func Normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

// LoadSource reads the paper's text from path, normalised.
func LoadSource(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("reading the source paper: %w", err)
	}
	return Normalize(string(b)), nil
}

var numberWords = map[string]float64{"once": 1, "twice": 2, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

// Compiled on first use: the view links the checks but never runs them (no start-up cost).
var numberRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d[\d,]*|[a-z]+`) })

// ParseNumbers reads the numbers in a figure's text as written ("1,000", "three", "18 and 35-40").
func ParseNumbers(text string) []float64 {
	var out []float64
	for _, tok := range numberRe().FindAllString(strings.ToLower(text), -1) {
		if v, ok := numberWords[tok]; ok {
			out = append(out, v)
			continue
		}
		if v, err := strconv.ParseFloat(strings.ReplaceAll(tok, ",", ""), 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}

// Validate checks every record against each other (Check) and, when source is not "", against
// the normalised text of the paper (CheckSource); it returns one error per problem, each
// naming the record.
func Validate(source string) []error {
	errs := Check()
	if source != "" {
		errs = append(errs, CheckSource(source)...)
	}
	return errs
}

// Check runs the checks that need no paper: every figure's number is in its phrase, its
// phrase in its quote, and the phrase names what the figure counts (its measure's words, a
// flow's destination) and its quote the figure's year; quotes and footnotes are present; each
// year's destinations add up to its total.
func Check() []error {
	var errs []error
	bad := func(id, format string, a ...any) {
		errs = append(errs, fmt.Errorf("record %q: %s", id, fmt.Sprintf(format, a...)))
	}
	quoted := func(id, quote string, footnote int, caveats []string) {
		if strings.TrimSpace(quote) == "" {
			bad(id, "has no quote from the source")
		}
		if footnote == 0 {
			if !mentions(caveats, "no footnote") {
				bad(id, "has no source footnote and no caveat saying the paper gives none")
			}
		} else if FootnoteText(footnote) == "" {
			bad(id, "cites footnote %d, which the paper does not have", footnote)
		}
	}
	destOf := map[string]Flow{}
	for _, fl := range Flows {
		destOf[fl.FigureID] = fl
	}
	ids := map[string]bool{}
	for _, f := range Figures {
		if ids[f.ID] {
			bad(f.ID, "duplicate id")
		}
		ids[f.ID] = true
		quoted(f.ID, f.Quote, f.Footnote, f.Caveats)
		if f.Footnote != 0 && NamesFootnote(f.Reporter, f.Footnote) {
			bad(f.ID, "reporter %q names footnote %d again: the footnote field says it", f.Reporter, f.Footnote)
		}
		nums := ParseNumbers(f.Text)
		switch {
		case len(nums) == 0:
			bad(f.ID, "number text %q holds no number", f.Text)
		case nums[0] != f.Value || nums[len(nums)-1] != f.High:
			bad(f.ID, "number text %q reads %v..%v, record says %v..%v", f.Text, nums[0], nums[len(nums)-1], f.Value, f.High)
		}
		if f.Status == Derived {
			if f.Formula == "" {
				bad(f.ID, "derived figure without a formula")
			}
		} else {
			errs = append(errs, checkPhrase(f, destOf)...)
		}
		if f.Period.From != 0 && f.Period.From == f.Period.To && !containsToken(Normalize(f.Quote), strconv.Itoa(f.Period.From)) {
			bad(f.ID, "is for %d, but its quote does not name that year", f.Period.From)
		}
		if f.Bound == Range && f.High <= f.Value {
			bad(f.ID, "range with high %v not above low %v", f.High, f.Value)
		}
	}
	for _, e := range Events {
		quoted(e.ID, e.Quote, e.Footnote, e.Caveats)
		if e.Precision == Undated && e.Year != 0 || e.Precision != Undated && e.Year == 0 {
			bad(e.ID, "year %v does not match precision %q", e.Year, e.Precision)
		}
	}
	for _, r := range Routes {
		quoted(r.ID, r.Quote, r.Footnote, r.Caveats)
	}
	errs = append(errs, reconcileFlows()...)
	return errs
}

// checkPhrase binds a figure's number to its meaning: the phrase is in the quote, holds the
// number as a word of its own (39 is not 9), and names what is counted, which the measure
// names too; a destination's phrase names the flow's destination.
func checkPhrase(f Figure, destOf map[string]Flow) []error {
	var errs []error
	bad := func(format string, a ...any) {
		errs = append(errs, fmt.Errorf("record %q: %s", f.ID, fmt.Sprintf(format, a...)))
	}
	phrase := Normalize(f.Phrase)
	if phrase == "" {
		bad("has no phrase: the words of its quote that carry its number")
		return errs
	}
	if !strings.Contains(Normalize(f.Quote), phrase) {
		bad("phrase %q does not occur in its quote", f.Phrase)
	}
	if !containsToken(phrase, f.Text) {
		bad("number %q is not a word of its phrase %q", f.Text, f.Phrase)
	}
	low := strings.ToLower
	switch {
	case f.Counts == "":
		bad("does not say which words of its phrase name what it counts")
	case !strings.Contains(low(phrase), low(f.Counts)):
		bad("phrase %q does not name what it counts (%q)", f.Phrase, f.Counts)
	case !strings.Contains(low(f.Measure), low(f.Counts)):
		bad("measure %q does not name what its phrase counts (%q)", f.Measure, f.Counts)
	}
	if fl, ok := destOf[f.ID]; ok && fl.Kind != NotGiven && !strings.Contains(low(phrase), low(fl.Label)) {
		bad("is the number of %s (%s), but its phrase %q names another destination", fl.Label, fl.ID, f.Phrase)
	}
	return errs
}

// containsToken reports whether tok occurs in s as a word or number of its own: not inside a
// longer number or word ("9" is not in "39", nor "3" in "3,000").
func containsToken(s, tok string) bool {
	if tok == "" {
		return false
	}
	word := func(b byte) bool { return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
	digit := func(b byte) bool { return b >= '0' && b <= '9' }
	for i := 0; ; {
		j := strings.Index(s[i:], tok)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(tok)
		before := j == 0 || !word(s[j-1]) && !(j >= 2 && (s[j-1] == ',' || s[j-1] == '.') && digit(s[j-2]))
		after := end == len(s) || !word(s[end]) && !(end+1 < len(s) && (s[end] == ',' || s[end] == '.') && digit(s[end+1]))
		if before && after {
			return true
		}
		i = j + 1
	}
}

// markerBefore lists the records whose footnote marker precedes their quote in the paper's
// extracted text, and why; every other record's footnote is the first marker after its quote.
var markerBefore = map[string]string{
	"ev-2000-conference":     "a page break splits the sentence after the marker (ODIHR)1",
	"route-1990s-emigration": "marker 5 heads the paragraph whose sources footnote 5 gives",
}

// markerNextButOne lists the records whose footnote is the second marker after their quote, and
// why: the first one closes a sentence about something else.
var markerNextButOne = map[string]string{
	"ev-2012-12-statistics": "marker 10 closes the next sentence, on the media's lack of interest; " +
		"footnote 11 (\"Azerbaijan has released statistics on human trafficking for the past seven years\") " +
		"is the source of the statistics and of their release at the Baku conference",
}

// footnoteMarker finds the footnote markers in the normalised text: a number glued to the end
// of a sentence ("Russia.9", "return.”6") or standing alone before the next one ("1990s. 5 In").
var footnoteMarker = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`[.”)](\d{1,2})(?:\s|$)|[.”)]\s+(\d{1,2})\s+[A-Z]`)
})

// marker is one footnote marker in the paper: its number and where it is.
type marker struct{ n, at int }

// markers lists the paper's footnote markers in order, with the footnotes' own texts (and the
// numbers that head them) blanked out first, so that their numbers and dates are not taken for
// markers.
func markers(source string) []marker {
	masked := []byte(source)
	for _, fn := range Footnotes {
		txt := Normalize(fn.Text)
		i := strings.Index(source, txt)
		if i < 0 {
			continue // reported by CheckSource
		}
		j := i
		if n := strconv.Itoa(fn.N); i >= len(n)+1 && source[i-len(n)-1:i-1] == n {
			j = i - len(n) - 1
		}
		for k := j; k < i+len(txt); k++ {
			masked[k] = ' '
		}
	}
	var out []marker
	for _, m := range footnoteMarker().FindAllSubmatchIndex(masked, -1) {
		a, b := m[2], m[3]
		if a < 0 {
			a, b = m[4], m[5]
		}
		n, _ := strconv.Atoi(string(masked[a:b]))
		out = append(out, marker{n, a})
	}
	return out
}

// CheckSource checks the records against the paper's normalised text: every quote and footnote
// is in it, and each record's footnote is the marker that closes its quote's passage (or the
// footnote holds the quote itself).
func CheckSource(source string) []error {
	var errs []error
	bad := func(id, format string, a ...any) {
		errs = append(errs, fmt.Errorf("record %q: %s", id, fmt.Sprintf(format, a...)))
	}
	ms := markers(source)
	check := func(id, quote string, footnote int) {
		q := Normalize(quote)
		if q == "" {
			return // reported by Check
		}
		at := strings.Index(source, q)
		if at < 0 {
			bad(id, "quote not found in the source: %q", quote)
			return
		}
		if footnote == 0 || strings.Contains(Normalize(FootnoteText(footnote)), q) {
			return
		}
		got := 0
		if _, before := markerBefore[id]; before {
			for _, m := range ms {
				if m.at < at {
					got = m.n
				}
			}
		} else {
			skip := 0
			if _, later := markerNextButOne[id]; later {
				skip = 1
			}
			for _, m := range ms {
				if m.at >= at+len(q) {
					if skip > 0 {
						skip--
						continue
					}
					got = m.n
					break
				}
			}
		}
		if got != footnote {
			bad(id, "cites footnote %d, but the paper's marker for its quote is %d", footnote, got)
		}
	}
	for _, f := range Figures {
		check(f.ID, f.Quote, f.Footnote)
	}
	for _, e := range Events {
		check(e.ID, e.Quote, e.Footnote)
	}
	for _, r := range Routes {
		check(r.ID, r.Quote, r.Footnote)
	}
	for _, fn := range Footnotes {
		if !strings.Contains(source, Normalize(fn.Text)) {
			bad(fmt.Sprintf("footnote %d", fn.N), "text not found in the source")
		}
	}
	return errs
}

// reconcileFlows checks that each year's flows add up to the year's total exactly, with the
// unplaced remainder as an explicit NotGiven flow derived by arithmetic.
func reconcileFlows() []error {
	var errs []error
	for _, y := range FlowYears() {
		var sum, placed float64
		total := ""
		for _, fl := range FlowsFor(y) {
			fig, ok := FigureByID(fl.FigureID)
			if !ok {
				errs = append(errs, fmt.Errorf("record %q: no figure %q", fl.ID, fl.FigureID))
				continue
			}
			if fig.Period.From != y || fig.Period.To != y {
				errs = append(errs, fmt.Errorf("record %q: figure %q is not for %d", fl.ID, fig.ID, y))
			}
			if total != "" && fl.Total != total {
				errs = append(errs, fmt.Errorf("record %q: total %q differs from %q", fl.ID, fl.Total, total))
			}
			total = fl.Total
			sum += fig.Value
			if fl.Kind != NotGiven {
				placed += fig.Value
			} else if fig.Status != Derived {
				errs = append(errs, fmt.Errorf("record %q: a remainder must be a derived figure", fl.ID))
			}
		}
		tot, ok := FigureByID(total)
		if !ok {
			errs = append(errs, fmt.Errorf("flows of %d: no total figure %q", y, total))
			continue
		}
		if placed > tot.Value {
			errs = append(errs, fmt.Errorf("flows of %d: destinations add up to %v, more than the year's total %v (%s)", y, placed, tot.Value, tot.ID))
		}
		if math.Abs(sum-tot.Value) > 0 {
			errs = append(errs, fmt.Errorf("flows of %d: add up to %v, the year's total %s is %v; the remainder needs an explicit record", y, sum, tot.ID, tot.Value))
		}
	}
	return errs
}

func mentions(caveats []string, s string) bool {
	for _, c := range caveats {
		if strings.Contains(strings.ToLower(c), s) {
			return true
		}
	}
	return false
}

// NamesFootnote reports whether text says "footnote n" (any case, a plural too): a field that
// repeats what a record's footnote field already says (each fact once, in the table's cards).
func NamesFootnote(text string, n int) bool {
	return regexp.MustCompile(`(?i)\bfootnotes?\s+` + strconv.Itoa(n) + `\b`).MatchString(text)
}
