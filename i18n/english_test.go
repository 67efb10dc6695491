package i18n

import (
	"strings"
	"testing"
)

// The paper's English inside Russian and Azerbaijani text is found; their own words, and
// anything in an English text, are not.
func TestEnglishQuotes(t *testing.T) {
	for _, c := range []struct {
		l    Lang
		s    string
		want []string
	}{
		{RU, T(RU, "caveat.accuracy"), []string{"It is impossible to evaluate their accuracy"}},
		{AZ, T(AZ, "caveat.accuracy"), []string{"It is impossible to evaluate their accuracy"}},
		{EN, T(EN, "caveat.accuracy"), nil},
		{RU, "«the previous six years» — «за предыдущие шесть лет» (статистика «summarized for the past seven years (2006-2012)»)",
			[]string{"the previous six years", "summarized for the past seven years (2006-2012)"}},
		{AZ, "“son yeddi il” və “əvvəlki altı il”", nil},
		{RU, "«не закрыта", nil},
	} {
		var got []string
		for _, r := range EnglishQuotes(c.l, c.s) {
			got = append(got, c.s[r[0]:r[1]])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s %q: %q, want %q", c.l, c.s, got, c.want)
		}
	}
}
