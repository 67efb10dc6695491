package i18n

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"azflows/data"
)

// Issue 26: a table card said its footnote twice, in "Reported by" («большинство наблюдателей
// (сноска 7)») and in its footnote field. data.Check refuses that in English; no translation of
// a reporter names the figure's own footnote either.
func TestReporterDoesNotRepeatFootnote(t *testing.T) {
	for _, l := range Langs {
		word := []rune(strings.ToLower(T(l, "th.footnote")))
		if len(word) < 4 {
			t.Fatalf("%s: the footnote column's name %q", l, string(word))
		}
		for _, f := range data.Figures {
			if f.Footnote == 0 {
				continue
			}
			re := regexp.MustCompile(`(?i)` + regexp.QuoteMeta(string(word[:4])) + `\S*\s+` + strconv.Itoa(f.Footnote) + `\b`)
			if r := Reporter(l, f); re.MatchString(r) {
				t.Errorf("%s: %s: the reporter %q names footnote %d, which the footnote field says", l, f.ID, r, f.Footnote)
			}
		}
	}
}
