package i18n

import (
	"regexp"
	"sort"
	"testing"
)

var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)

// Every key exists in every language, with the same formatting verbs in the same order.
func TestEveryKeyInEveryLanguage(t *testing.T) {
	for _, l := range Langs {
		for k, s := range en {
			if l == RU && len(k) > 10 && k[:10] == "month.gen." {
				continue
			}
			tr, ok := catalogs[l][k]
			if !ok || tr == "" {
				t.Errorf("%s: no translation of %q (%q)", l, k, s)
				continue
			}
			a, b := verb.FindAllString(s, -1), verb.FindAllString(tr, -1)
			sort.Strings(a)
			sort.Strings(b)
			if len(a) != len(b) {
				t.Errorf("%s: %q has verbs %v, English %v", l, k, b, a)
				continue
			}
			for i := range a {
				if a[i] != b[i] {
					t.Errorf("%s: %q has verbs %v, English %v", l, k, b, a)
					break
				}
			}
		}
		for k := range catalogs[l] {
			if _, ok := en[k]; !ok && !(l == RU && len(k) > 10 && k[:10] == "month.gen.") {
				t.Errorf("%s: key %q is not in the English catalog", l, k)
			}
		}
	}
}

func TestNumberAndDate(t *testing.T) {
	for _, c := range []struct {
		l    Lang
		v    float64
		want string
	}{{EN, 1000, "1,000"}, {AZ, 1000, "1.000"}, {RU, 1000, "1\u00a0000"}, {EN, 473, "473"}, {RU, 26.5, "26,5"}, {EN, 1234567, "1,234,567"}} {
		if got := Number(c.l, c.v); got != c.want {
			t.Errorf("Number(%s, %v) = %q, want %q", c.l, c.v, got, c.want)
		}
	}
	if got := Date(RU, 2004, 5, 6); got != "6 мая 2004 г." {
		t.Errorf("Date(ru) = %q", got)
	}
	if got := Date(AZ, 2006, 3, 0); got != "mart 2006" {
		t.Errorf("Date(az) = %q", got)
	}
	if got := Date(EN, 2002, 9, 20); got != "20 September 2002" {
		t.Errorf("Date(en) = %q", got)
	}
}
