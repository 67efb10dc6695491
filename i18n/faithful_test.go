package i18n

import (
	"sort"
	"strings"
	"testing"

	"azflows/data"
)

// The check finds what it is for.
func TestUnfaithfulFindsItsCases(t *testing.T) {
	for _, c := range []struct {
		l    Lang
		s    string
		want string
	}{
		{EN, "473 persons fell victim to trafficking over 2006–2012.", "without"},
		{EN, "Where identified victims were taken, 2012", "identified"},
		{EN, "In 2012, 89 victims were taken.", "without"},
		{EN, "victims-2012 − (dest-2012-turkey + dest-2012-iran) = 89 − 47", "internal id"},
		{EN, "In 2010, 34 victims were identified in 2012.", "year 2012"},
		{RU, "Официальные данные: 89 жертв", "without"},
		{AZ, "Məqalə 47 qurbanın 89 nəfəri üçün təyinat ölkəsini göstərir", "without"},
	} {
		got := strings.Join(Unfaithful(c.l, c.s), "\n")
		if !strings.Contains(got, c.want) {
			t.Errorf("%s %q: %q, want a problem with %q", c.l, c.s, got, c.want)
		}
	}
	for _, ok := range []string{"In 2012, 89 victims were referred to the support centres.", "473 persons fell victim during the previous six years (2006–2012?)", "34 victims identified (“discovered”) in 2010"} {
		if p := Unfaithful(EN, ok); len(p) > 0 {
			t.Errorf("%q: %v", ok, p)
		}
	}
}

// Every sentence of the catalogs (story steps, lede, captions, caveats, labels) that states a
// total says what it counts, for the total's own period, in every language.
func TestCatalogSentencesCarryTheirMeasure(t *testing.T) {
	keys := Keys()
	sort.Strings(keys)
	for _, l := range Langs {
		for _, k := range keys {
			for _, p := range Unfaithful(l, T(l, k)) {
				t.Errorf("%s %s: %s", l, k, p)
			}
		}
	}
}

// The formula of the derived figure is written from the records, with their names and
// numbers, and the English one is the one the data downloads carry.
func TestFormulaFromRecords(t *testing.T) {
	f, _ := data.FigureByID("dest-2012-not-given")
	if got := Formula(EN, f); got != f.Formula {
		t.Errorf("Formula(en) = %q, data says %q", got, f.Formula)
	}
	for l, want := range map[Lang]string{
		AZ: "yardım mərkəzlərinə yönləndirilmiş 89 nəfər − təyinat ölkəsi göstərilmiş 47 nəfər (Türkiyə 19 + İran 12 + Birləşmiş Ərəb Əmirlikləri 2 + Rusiya 14) = 42",
		RU: "89\u00a0направленных в\u00a0центры поддержки − 47\u00a0с\u00a0указанной страной назначения (Турция 19 + Иран 12 + Объединённые Арабские Эмираты 2 + Россия 14) = 42",
	} {
		if got := Formula(l, f); got != want {
			t.Errorf("Formula(%s) = %q, want %q", l, got, want)
		}
	}
}
