package charts

import "azflows/i18n"

// ViewDef is one view the page offers: its hash name, the builder that lays it out (nil for
// views the page writes as HTML) and whether it has the context layer of routes named
// without numbers.
type ViewDef struct {
	ID      string
	build   func(s State, w, h float64) *Chart
	Context bool
}

// ViewList is every view, in the order the page offers them; the first is the default.
var ViewList = []ViewDef{
	{ID: "map", build: mapView, Context: true},
	{ID: "bars", build: func(s State, w, h float64) *Chart { return bars(lang(s), s.Year, w, h) }},
	{ID: "flow", build: func(s State, w, h float64) *Chart { return flow(lang(s), s.Year, w, h) }},
	{ID: "compare", build: func(s State, w, h float64) *Chart { return compare(lang(s), s.Year, w, h) }},
	{ID: "timeline", build: func(s State, w, h float64) *Chart { return timeline(lang(s), s.Year, w, h) }},
	{ID: "table"},
	{ID: "sources"},
}

// viewDef is the definition of a view; ok is false for a name that is not a view.
func viewDef(view string) (ViewDef, bool) {
	for _, v := range ViewList {
		if v.ID == view {
			return v, true
		}
	}
	return ViewDef{}, false
}

// lang is the language a state is drawn in: English unless the state names another (or the
// pseudo-locale, i18n.XX, which no URL can name).
func lang(s State) i18n.Lang {
	if i18n.Valid(s.Lang) || i18n.IsPseudo(s.Lang) {
		return s.Lang
	}
	return i18n.EN
}

// IsChart reports whether a view is drawn by the chart model (rather than as HTML by the page).
func IsChart(view string) bool { v, ok := viewDef(view); return ok && v.build != nil }

// Build lays out the state's view at w×h CSS pixels. Views that are not charts (the table and
// the sources, which the page writes as HTML) give the default chart view.
func Build(s State, w, h float64) *Chart {
	w, h = clamp(w, 200, 4096), clamp(h, 150, 4096)
	v, ok := viewDef(s.View)
	if !ok || v.build == nil {
		v, _ = viewDef(Default.View)
	}
	return v.build(s, w, h).withSubject().withTips()
}

// ChartViews lists the views the chart model draws, in the page's order.
func ChartViews() []string {
	var out []string
	for _, v := range ViewList {
		if v.build != nil {
			out = append(out, v.ID)
		}
	}
	return out
}

// HasContext reports whether a view has the context layer of routes named without numbers.
func HasContext(view string) bool { v, _ := viewDef(view); return v.Context }
