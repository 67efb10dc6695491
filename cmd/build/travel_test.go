package main

import (
	"strings"
	"testing"

	"azflows/data"
)

// The page's footnote list writes a range of numbers as the charts do, with an en dash
// (i18n.RangeDashes: "p. 77–78"), and leaves its addresses as they are.
func TestFootnoteListTakesEnDash(t *testing.T) {
	got := string(linkify("Azerbaijan, p. 77-78: Available at www.example.org/2012-13/a-1-2.pdf, in 3-4 months."))
	want := `Azerbaijan, p. 77–78: Available at <a href="http://www.example.org/2012-13/a-1-2.pdf" rel="noopener noreferrer" target="_blank">www.example.org/2012-13/a-1-2.pdf</a>, in 3–4 months.`
	if got != want {
		t.Errorf("linkify:\n got %s\nwant %s", got, want)
	}
	n := 0
	for _, f := range data.Footnotes {
		s := string(linkify(f.Text))
		for _, a := range footnoteURL.FindAllString(f.Text, -1) {
			if !strings.Contains(s, strings.TrimRight(a, ".,;:)")) {
				t.Errorf("footnote %d: address %q changed in %q", f.N, a, s)
			}
		}
		plain := footnoteURL.ReplaceAllString(s, "")
		if i := strings.IndexFunc(plain, func(r rune) bool { return r == '-' }); i >= 0 && i > 0 && i+1 < len(plain) && plain[i-1] >= '0' && plain[i-1] <= '9' && plain[i+1] >= '0' && plain[i+1] <= '9' {
			t.Errorf("footnote %d: a range with a hyphen in %q", f.N, s)
		}
		if strings.Contains(s, "–") {
			n++
		}
	}
	if n == 0 {
		t.Error("no footnote has a range: the test looks at nothing")
	}
}
