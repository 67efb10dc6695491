package i18n

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The pseudo-locale brackets every string, keeps its format verbs, placeholders and markup,
// leaves no ASCII letter outside them, and is about 40 % longer than English over the catalog.
func TestPseudo(t *testing.T) {
	if got, want := Pseudo("Turkey"), "[Ŧúŕķéýŧúŕ]"; got != want {
		t.Errorf("Pseudo(Turkey) = %q, want %q", got, want)
	}
	if got, want := Pseudo(" and "), " [áñđáñ] "; got != want {
		t.Errorf("Pseudo(' and ') = %q, want %q", got, want)
	}
	ascii := regexp.MustCompile(`[A-Za-z]`)
	var enLen, xxLen int
	for _, k := range Keys() {
		s, x := T(EN, k), T(XX, k)
		enLen += utf8.RuneCountInString(s)
		xxLen += utf8.RuneCountInString(x)
		if strings.TrimSpace(s) == "" {
			continue
		}
		if b := strings.TrimSpace(x); !strings.HasPrefix(b, "[") || !strings.HasSuffix(b, "]") {
			t.Errorf("%s: %q is not bracketed", k, x)
		}
		if !slices.Equal(kept.FindAllString(en[k], -1), kept.FindAllString(catalogs[XX][k], -1)) {
			t.Errorf("%s: %q does not keep the verbs, placeholders and markup of %q", k, catalogs[XX][k], en[k])
		}
		if left := ascii.FindString(kept.Regexp().ReplaceAllString(catalogs[XX][k], "")); left != "" {
			t.Errorf("%s: %q keeps an ASCII letter", k, catalogs[XX][k])
		}
	}
	if r := float64(xxLen) / float64(enLen); r < 1.35 || r > 1.5 {
		t.Errorf("the pseudo-locale is %.0f %% longer than English, want about 40 %%", (r-1)*100)
	} else {
		t.Logf("the pseudo-locale is %.0f %% longer than English", (r-1)*100)
	}
	if got := T(XX, "date.day", 6, T(XX, "month.5"), 2004); got != "[6 [Ṁáýɱá] 2004]" {
		t.Errorf("a date in the pseudo-locale: %q", got)
	}
	if Valid(XX) || slices.Contains(Langs, XX) {
		t.Error("the pseudo-locale is one of the page's languages")
	}
}
