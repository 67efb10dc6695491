package layout

import (
	"sort"

	"azflows/data"
	"azflows/i18n"
)

// destRow is one destination category across all years, so that the years' bars line up:
// a named country, the group the source does not break down, or what it leaves unplaced.
type destRow struct {
	Key   string // ISO code of a country, "other" or "not-given"
	Label string
	Kind  data.DestKind
	Cells map[int]destination // by year; a year without the category has no cell
}

// destRows aligns the years' destinations: countries named in every year (largest total
// first), then countries named in some years only, then the group, then the unplaced.
func destRows(l i18n.Lang) []destRow {
	years := data.FlowYears()
	byKey := map[string]*destRow{}
	var keys []string
	for _, y := range years {
		for _, d := range destinations(l, y) {
			k := rowKey(d.Flow)
			r, ok := byKey[k]
			if !ok {
				r = &destRow{Key: k, Label: d.Label, Kind: d.Flow.Kind, Cells: map[int]destination{}}
				byKey[k] = r
				keys = append(keys, k)
			}
			r.Cells[y] = d
		}
	}
	rank := func(r *destRow) int {
		switch {
		case r.Kind == data.NotGiven:
			return 3
		case r.Kind == data.OtherCountries:
			return 2
		case len(r.Cells) < len(years):
			return 1
		}
		return 0
	}
	total := func(r *destRow) float64 {
		t := 0.0
		for _, d := range r.Cells {
			t += d.Figure.Value
		}
		return t
	}
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := byKey[keys[i]], byKey[keys[j]]
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		return total(a) > total(b)
	})
	out := make([]destRow, len(keys))
	for i, k := range keys {
		out[i] = *byKey[k]
	}
	return out
}

func rowKey(fl data.Flow) string {
	switch fl.Kind {
	case data.OtherCountries:
		return "other"
	case data.NotGiven:
		return "not-given"
	}
	return fl.To
}

// missingText says why a year has no bar in a row, in words rather than as a zero.
func missingText(l i18n.Lang, r destRow, year int) string { return missingWords(l, r, year, false) }

// missingWords is missingText, or with short its catalog short form (".short").
func missingWords(l i18n.Lang, r destRow, year int, short bool) string {
	t := func(key string, args ...any) string {
		if short && i18n.Has(key+".short") {
			key += ".short"
		}
		return i18n.T(l, key, args...)
	}
	switch r.Kind {
	case data.Country:
		for _, fl := range data.FlowsFor(year) {
			if fl.Kind == data.OtherCountries && includes(fl, r.Key) {
				return t("missing.ingroup")
			}
		}
	case data.NotGiven:
		if allPlaced(year) {
			return t("missing.allplaced")
		}
	}
	return t("missing.notreported")
}

// allPlaced reports whether the paper gives a destination for every victim of the year.
func allPlaced(year int) bool {
	placed := 0.0
	for _, fl := range data.FlowsFor(year) {
		placed += data.FlowValue(fl)
	}
	tot := yearTotal(year)
	return tot.ID != "" && placed == tot.Value
}
