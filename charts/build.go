package charts

import (
	"math"

	"azflows/i18n"
	"azflows/internal/geo"
)

// Assets are what a chart is made with: the fonts its text is measured with and the base map
// its map view draws. Every layout reaches them through the chart it lays out (Chart.assets),
// never through a package variable. Zero Assets are valid: the Go fonts and no base map (the
// map view then draws its arcs without countries, and says so). NewAssets adds the layouts'
// caches; Assets made as a literal lay out the same charts without them (more slowly).
type Assets struct {
	Fonts   *Fonts   // nil: the Go fonts
	BaseMap *geo.Map // nil: no countries on the map
	memo    *memo
}

// NewAssets are fonts and a base map with the layouts' caches (see memo).
func NewAssets(f *Fonts, bm *geo.Map) Assets { return Assets{Fonts: f, BaseMap: bm, memo: newMemo()} }

// ViewDef is one view the page offers: its hash name, the builder that lays it out (nil for
// views the page writes as HTML) and whether it has the context layer of routes named
// without numbers.
type ViewDef struct {
	ID      string
	build   func(a Assets, s State, w, h float64) *Chart
	Context bool
}

// ViewList is every view, in the order the page offers them; the first is the default.
var ViewList = []ViewDef{
	{ID: "map", build: mapView, Context: true},
	{ID: "bars", build: func(a Assets, s State, w, h float64) *Chart { return bars(a, lang(s), s.Year, w, h) }},
	{ID: "flow", build: func(a Assets, s State, w, h float64) *Chart { return flow(a, lang(s), s.Year, w, h) }},
	{ID: "compare", build: func(a Assets, s State, w, h float64) *Chart { return compare(a, lang(s), s.Year, w, h) }},
	{ID: "timeline", build: func(a Assets, s State, w, h float64) *Chart { return timeline(a, lang(s), s.Year, w, h) }},
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

// Build lays out the state's view at w×h CSS pixels with the fonts and base map of a. Views that are not charts (the table and
// the sources, which the page writes as HTML) give the default chart view.
//
// A view never drops what it shows (dropped). Where, with every other shape its layout tries,
// it still cannot explain everything it draws at w×h, the last shape is a taller picture:
// Build lays it out at the smallest taller height it finds that holds everything (grow), and
// Chart.H says the height it took (Chart.W stays w). Built again at that height it takes that
// height again.
func Build(a Assets, s State, w, h float64) *Chart {
	w, h = clamp(w, 200, 4096), clamp(h, 150, 4096)
	v, ok := viewDef(s.View)
	if !ok || v.build == nil {
		v, _ = viewDef(Default.View)
	}
	c := v.build(a, s, w, h)
	if len(dropped(v, s, c)) > 0 {
		c = grow(v, s, c)
	}
	return c.withSubject().withTips().measured()
}

// growFactors are the heights, as multiples of the frame's, that grow tries first; between the
// last that drops something and the first that holds, it halves the interval down to growStep.
// A picture never grows past 4× its frame (nor past 4096 px); where even that does not hold,
// Build keeps the frame's own height (and the rule test names it).
var growFactors = []float64{1.125, 1.25, 1.5, 1.75, 2, 2.5, 3, 4}

// growStep is the resolution, in CSS pixels, of the height a grown picture takes.
const growStep = 4

// grow lays out the state at taller heights than c's and returns the chart at the smallest
// one found that holds everything, or c when none up to the bound does. Heights are whole
// pixels, so that the page can give the picture's box exactly that height.
func grow(v ViewDef, s State, c *Chart) *Chart {
	w, h := c.W, c.H
	lo := h // drops
	for _, f := range growFactors {
		H := min(math.Ceil(h*f), 4096)
		if H <= lo {
			continue
		}
		g := v.build(c.assets, s, w, H)
		if len(dropped(v, s, g)) > 0 {
			lo = H
			continue
		}
		for H-lo > growStep { // the smallest height between lo and H that holds
			mid := math.Ceil((lo + H) / 2)
			if m := v.build(c.assets, s, w, mid); len(dropped(v, s, m)) == 0 {
				H, g = mid, m
			} else {
				lo = mid
			}
		}
		return g
	}
	return c
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
