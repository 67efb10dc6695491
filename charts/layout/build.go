package layout

import (
	"math"

	"azflows/charts"
	"azflows/i18n"
)

// layoutFunc lays out a state's view at w×h CSS pixels with the fonts and base map of a.
type layoutFunc func(a charts.Assets, s charts.State, w, h float64) *charts.Chart

// layouts are the views the chart model draws (charts.ViewList names every view; the table
// and the sources the page writes as HTML), by their hash name.
var layouts = map[string]layoutFunc{
	"map": mapView,
	"bars": func(a charts.Assets, s charts.State, w, h float64) *charts.Chart {
		return bars(a, lang(s), s.Year, w, h)
	},
	"flow": func(a charts.Assets, s charts.State, w, h float64) *charts.Chart {
		return flow(a, lang(s), s.Year, w, h)
	},
	"compare": func(a charts.Assets, s charts.State, w, h float64) *charts.Chart {
		return compare(a, lang(s), s.Year, w, h)
	},
	"timeline": func(a charts.Assets, s charts.State, w, h float64) *charts.Chart {
		return timeline(a, lang(s), s.Year, w, h)
	},
}

// layoutOf is the view a state is drawn as and its layout: the state's own view when the
// model draws it, else the default view.
func layoutOf(s charts.State) (string, layoutFunc) {
	if l, ok := layouts[s.View]; ok {
		return s.View, l
	}
	return charts.Default.View, layouts[charts.Default.View]
}

// lang is the language a state is drawn in: English unless the state names another (or the
// pseudo-locale, i18n.XX, which no URL can name).
func lang(s charts.State) i18n.Lang {
	if i18n.Valid(s.Lang) || i18n.IsPseudo(s.Lang) {
		return s.Lang
	}
	return i18n.EN
}

// IsChart reports whether a view is drawn by the chart model (rather than as HTML by the page).
func IsChart(view string) bool { _, ok := layouts[view]; return ok }

// Build lays out the state's view at w×h CSS pixels with the fonts and base map of a. Views that are not charts (the table and
// the sources, which the page writes as HTML) give the default chart view.
//
// A view never drops what it shows (dropped). Where, with every other shape its layout tries,
// it still cannot explain everything it draws at w×h, the last shape is a taller picture:
// Build lays it out at the smallest taller height it finds that holds everything (grow), and
// Chart.H says the height it took (Chart.W stays w). Built again at that height it takes that
// height again.
func Build(a charts.Assets, s charts.State, w, h float64) *charts.Chart {
	w, h = clamp(w, 200, 4096), clamp(h, 150, 4096)
	view, lay := layoutOf(s)
	c := lay(a, s, w, h)
	if len(dropped(view, lay, s, c)) > 0 {
		c = grow(view, lay, s, c)
	}
	return withSubject(withTips(measured(c)))
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
func grow(view string, lay layoutFunc, s charts.State, c *charts.Chart) *charts.Chart {
	w, h := c.W, c.H
	lo := h // drops
	for _, f := range growFactors {
		H := min(math.Ceil(h*f), 4096)
		if H <= lo {
			continue
		}
		g := lay(c.Assets, s, w, H)
		if len(dropped(view, lay, s, g)) > 0 {
			lo = H
			continue
		}
		for H-lo > growStep { // the smallest height between lo and H that holds
			mid := math.Ceil((lo + H) / 2)
			if m := lay(c.Assets, s, w, mid); len(dropped(view, lay, s, m)) == 0 {
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
	for _, v := range charts.ViewList {
		if IsChart(v.ID) {
			out = append(out, v.ID)
		}
	}
	return out
}

// measured fills in the width of every text mark (Mark.EmWidth) and returns c.
func measured(c *charts.Chart) *charts.Chart {
	for i, m := range c.Marks {
		if m.Kind == charts.TextMark {
			c.Marks[i].EmWidth = c.Fonts().TextWidth(m.Text, 1, m.Bold)
		}
	}
	return c
}

// withTips fills c.Tips for every datum of an interactive mark and returns c.
func withTips(c *charts.Chart) *charts.Chart {
	c.Tips = map[string][]string{}
	for _, m := range c.Marks {
		if m.Interactive() {
			if _, done := c.Tips[m.Datum]; !done {
				c.Tips[m.Datum] = TooltipLines(c.Lang, m.Datum)
			}
		}
	}
	return c
}
