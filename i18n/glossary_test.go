package i18n

import (
	"sort"
	"strings"
	"testing"
)

// Wherever the English catalog uses a glossary term, the Azerbaijani and Russian strings of
// the same key use that language's term.
func TestGlossary(t *testing.T) {
	keys := Keys()
	sort.Strings(keys)
	for _, g := range Glossary {
		for _, k := range keys {
			if strings.HasPrefix(k, "csv.") || !g.Find[EN].MatchString(strings.ReplaceAll(en[k], "Explanatory Note", "")) {
				continue
			}
			for _, l := range []Lang{AZ, RU} {
				if tr := T(l, k); !g.Find[l].MatchString(tr) {
					t.Errorf("%s %q: English says %q (%q), the translation lacks %q: %q", l, k, g.Words[EN], en[k], g.Words[l], tr)
				}
			}
		}
	}
}

// The glossary's patterns find their own words.
func TestGlossaryFindsItsWords(t *testing.T) {
	for _, g := range Glossary {
		for _, l := range Langs {
			if g.Find[l] == nil {
				continue // a language the glossary does not list yet
			}
			if !g.Find[l].MatchString(g.Words[l]) {
				t.Errorf("%s %s: %v does not find %q", g.ID, l, g.Find[l], g.Words[l])
			}
		}
	}
}
