package data

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
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

var numberRe = regexp.MustCompile(`\d[\d,]*|[a-z]+`)

// ParseNumbers reads the numbers in a figure's text as written ("1,000", "three", "18 and 35-40").
func ParseNumbers(text string) []float64 {
	var out []float64
	for _, tok := range numberRe.FindAllString(strings.ToLower(text), -1) {
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

// Validate checks every record against the normalised source text and against each other, and
// returns one error per problem, each naming the record.
func Validate(source string) []error {
	var errs []error
	bad := func(id, format string, a ...any) {
		errs = append(errs, fmt.Errorf("record %q: %s", id, fmt.Sprintf(format, a...)))
	}
	quoted := func(id, quote string, footnote int, caveats []string) {
		if strings.TrimSpace(quote) == "" {
			bad(id, "has no quote from the source")
		} else if !strings.Contains(source, Normalize(quote)) {
			bad(id, "quote not found in the source: %q", quote)
		}
		if footnote == 0 {
			if !mentions(caveats, "no footnote") {
				bad(id, "has no source footnote and no caveat saying the paper gives none")
			}
		} else if FootnoteText(footnote) == "" {
			bad(id, "cites footnote %d, which the paper does not have", footnote)
		}
	}
	ids := map[string]bool{}
	for _, f := range Figures {
		if ids[f.ID] {
			bad(f.ID, "duplicate id")
		}
		ids[f.ID] = true
		quoted(f.ID, f.Quote, f.Footnote, f.Caveats)
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
		} else if !strings.Contains(Normalize(f.Quote), f.Text) {
			bad(f.ID, "number %q does not occur in its quote", f.Text)
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
	for _, fn := range Footnotes {
		if !strings.Contains(source, Normalize(fn.Text)) {
			bad(fmt.Sprintf("footnote %d", fn.N), "text not found in the source")
		}
	}
	errs = append(errs, reconcileFlows()...)
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
