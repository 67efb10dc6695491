package charts

import "azflows/i18n"

// builders lay out one view each; a view's file registers its builder in an init func.
var builders = map[string]func(s State, w, h float64) *Chart{
	"bars": func(s State, w, h float64) *Chart { return bars(lang(s), s.Year, w, h) },
	"flow": func(s State, w, h float64) *Chart { return flow(lang(s), s.Year, w, h) },
}

// lang is the language a state is drawn in: English unless the state names another (or the
// layout tests' pseudo-language, i18n.Long, which no URL can name).
func lang(s State) i18n.Lang {
	if i18n.Valid(s.Lang) || i18n.IsLong(s.Lang) {
		return s.Lang
	}
	return i18n.EN
}

// IsChart reports whether a view is drawn by the chart model (rather than as HTML by the page).
func IsChart(view string) bool { _, ok := builders[view]; return ok }

// Build lays out the state's view at w×h CSS pixels. Views that are not charts (the table and
// the sources, which the page writes as HTML) give the default chart view.
func Build(s State, w, h float64) *Chart {
	w, h = clamp(w, 200, 4096), clamp(h, 150, 4096)
	b, ok := builders[s.View]
	if !ok {
		b = builders[Default.View]
	}
	return b(s, w, h)
}

// ChartViews lists the views the chart model draws, in the page's order.
func ChartViews() []string {
	var out []string
	for _, v := range Views() {
		if IsChart(v) {
			out = append(out, v)
		}
	}
	return out
}

// HasContext reports whether a view has the context layer of routes named without numbers.
func HasContext(view string) bool { return view == "map" }
