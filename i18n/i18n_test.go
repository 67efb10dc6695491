package i18n

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var verb = regexp.MustCompile(`%(?:\[([0-9]+)\])?[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)

// verbs lists a format's verbs as "argument:verb", numbering the implicit arguments as fmt
// does, so that a translation may take the arguments in another order (%[2]s).
func verbs(s string) []string {
	var out []string
	next := 1
	for _, m := range verb.FindAllStringSubmatch(s, -1) {
		if strings.HasSuffix(m[0], "%") {
			continue
		}
		arg := next
		if m[1] != "" {
			arg, _ = strconv.Atoi(m[1])
		}
		next = arg + 1
		v := m[0][len(m[0])-1:]
		out = append(out, strconv.Itoa(arg)+":"+v)
	}
	sort.Strings(out)
	return out
}

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
			a, b := verbs(s), verbs(tr)
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
			// Russian's genitive months and Azerbaijani's months with the possessive suffix
			// ("2006-cı ilin martı") have no English counterpart.
			if _, ok := en[k]; !ok && !(l == RU && len(k) > 10 && k[:10] == "month.gen.") && !(l == AZ && len(k) > 11 && k[:11] == "month.poss.") {
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
	}{{EN, 1000, "1,000"}, {AZ, 1000, "1000"}, {RU, 1000, "1000"}, {AZ, 12345, "12.345"}, {RU, 12345, "12\u00a0345"}, {EN, 473, "473"}, {RU, 26.5, "26,5"}, {EN, 1234567, "1,234,567"}} {
		if got := Number(c.l, c.v); got != c.want {
			t.Errorf("Number(%s, %v) = %q, want %q", c.l, c.v, got, c.want)
		}
	}
	if got := Date(RU, 2004, 5, 6); got != "6\u00a0мая 2004\u00a0г." {
		t.Errorf("Date(ru) = %q", got)
	}
	// Azerbaijani dates name the year with its suffix (D-AZ8 of the native reading).
	if got := Date(AZ, 2006, 3, 0); got != "2006-cı ilin martı" {
		t.Errorf("Date(az) = %q", got)
	}
	if got := Date(AZ, 2004, 5, 6); got != "6 may 2004-cü il" {
		t.Errorf("Date(az) = %q", got)
	}
	if got := Date(EN, 2002, 9, 20); got != "20 September 2002" {
		t.Errorf("Date(en) = %q", got)
	}
}
