package charts

import (
	"fmt"
	"strings"

	"azflows/data"
	"azflows/i18n"
)

// legendMarks writes the key: what width, colour and dashes mean, what the map leaves out.
//
// Entries that name data come first (the arcs named only here, the estimate), so that a full
// key never leaves a datum out.
//
// When the box of victims without a destination found no clear place on the map (boxedOnMap
// false), its entry in the key carries its count.
func (m *mapFrame) legendMarks(c *Chart, s State, dests []destination, keyed []keyedLabel, boxedOnMap bool) {
	l := c.Lang
	r := m.legend
	size := m.f.small
	lineH := size * 1.3
	sw := clamp(size*3.2, 26, 60) // sample width
	tx := r.X + sw + size*0.7     // text column
	tw := r.X + r.W - tx
	y := r.Y
	n := 0
	full := false
	// entry writes wrapped text beside a sample drawn by sample(top, height); it stops once
	// the key is full, so that nothing leaves the frame.
	// shorter are shorter forms of text, tried in turn when it does not fit.
	entry := func(role, datum, text, fill string, sample func(top, h float64), shorter ...string) {
		if full {
			return
		}
		lines := wrap(text, size, tw)
		h := lineH * float64(len(lines))
		for _, alt := range shorter {
			if y+h <= r.Y+r.H {
				break
			}
			lines = wrap(alt, size, tw)
			h = lineH * float64(len(lines))
		}
		if y+h > r.Y+r.H {
			full = true
			return
		}
		if sample != nil {
			sample(y, h)
		}
		for i, l := range lines {
			c.add(Mark{ID: fmt.Sprintf("legend/%d/%d", n, i), Role: role, Datum: datum, Kind: TextMark, Text: l,
				At: Point{tx, y + size*ascent + lineH*float64(i)}, Size: size, Style: Style{Fill: fill}})
		}
		n++
		y += h + size*0.5
	}
	mid := func(top, h float64) float64 { return top + min(h, lineH)/2 }

	for _, k := range keyed {
		text := k.d.Label + " " + i18n.FigText(l, k.d.Figure)
		if k.Numbered {
			text = itoa(k.N) + " " + text
		}
		entry("legend", k.d.Figure.ID, text, Ink, nil)
	}
	for _, d := range dests {
		if d.Flow.Kind == data.NotGiven {
			text, datum, short := i18n.T(l, "legend.unknown"), "", ""
			if !boxedOnMap {
				tot := yearTotal(d.Flow.Year)
				short = d.Label + " " + i18n.FigText(l, d.Figure)
				text = short + " (" + i18n.T(l, "map.referred", i18n.FigText(l, tot), ftoa(tot.Value-d.Figure.Value)) + ")"
				datum = d.Figure.ID
			}
			entry("legend", datum, text, Ink, func(top, h float64) {
				c.add(Mark{ID: "legend/unknown", Role: "legend", Kind: RectMark, Rect: Rect{r.X, top, sw * 0.8, min(h, lineH)},
					Style: Style{Fill: Background, Stroke: UnknownC, StrokeWidth: 1.2, Dash: Dashed}})
			}, short)
		}
	}
	est, _ := data.FigureByID("ngo-estimate-females-per-year")
	estimate := func() {
		entry("estimate", est.ID, i18n.T(l, "legend.estimate", i18n.FigText(l, est), est.Footnote), EstimateC, func(top, h float64) {
			c.add(Mark{ID: "legend/estimate", Role: "estimate", Datum: est.ID, Kind: RectMark, Rect: Rect{r.X, top, 3, h},
				Style: Style{Fill: EstimateC}})
		})
	}
	compact := r.H < size*1.3*12
	if compact {
		estimate()
	}
	tot := yearTotal(c.Year)
	if tot.ID != "" {
		entry("legend", "", i18n.T(l, "legend.total", i18n.TotalSentence(l, tot), tot.Footnote), Ink, nil)
	} else {
		entry("legend", "", i18n.T(l, "legend.none", c.Year), Ink, nil)
	}
	// Width key: two arcs, 5 and 20 persons, on the map's scale.
	for _, v := range []float64{5, 20} {
		v := v
		text := i18n.T(l, "legend.persons", v)
		if v == 20 {
			text = i18n.T(l, "legend.width", v)
		}
		entry("legend", "", text, Ink, func(top, h float64) {
			yc := top + max(v*m.k, lineH)/2
			c.add(Mark{ID: fmt.Sprintf("legend/arc/%v", v), Role: "legend", Kind: PathMark, Closed: true,
				Points: arcPolygon(Point{r.X, yc}, Point{r.X + sw, yc}, 0, v*m.k, size), Style: Style{Fill: OfficialC}})
		})
		if v == 20 {
			y += max(0, v*m.k-lineH)
		}
	}
	for _, d := range dests {
		switch d.Flow.Kind {
		case data.OtherCountries:
			st := d.Style
			entry("legend", "", i18n.T(l, "legend.group"), Ink, func(top, h float64) {
				yc := mid(top, h)
				c.add(Mark{ID: "legend/group", Role: "legend", Kind: PathMark, Closed: true,
					Points: arcPolygon(Point{r.X, yc}, Point{r.X + sw*0.7, yc}, 0, d.Figure.Value*m.k, size), Style: st})
			})
		}
	}
	if !compact {
		estimate()
	}
	swatch := func(id, fill string) func(top, h float64) {
		return func(top, h float64) {
			c.add(Mark{ID: "legend/" + id, Role: "legend", Kind: RectMark, Rect: Rect{r.X, top + 1, sw * 0.8, min(h, lineH) - 2},
				Style: Style{Fill: fill, Stroke: Grid, StrokeWidth: 0.8}})
		}
	}
	entry("legend", "", i18n.T(l, "legend.origin"), Ink, swatch("origin", OriginC))
	if tot.ID != "" {
		entry("legend", "", i18n.T(l, "legend.dest", c.Year), Ink, swatch("dest", DestLandC))
	}
	entry("legend", "", i18n.T(l, "legend.land"), Ink, swatch("land", LandC))
	if s.Context {
		entry("legend", "", i18n.T(l, "legend.routes"), Ink, func(top, h float64) {
			yc := mid(top, h)
			c.add(Mark{ID: "legend/route", Role: "legend", Kind: PathMark, Points: []Point{{r.X, yc}, {r.X + sw, yc}},
				Style: Style{Stroke: RouteC, StrokeWidth: 1.3, Dash: []float64{1.5, 3}}})
		})
	}
}

// describeCountry tells what a country's shape stands for in a year: "country/TR/2010".
func describeCountry(l i18n.Lang, id string) []string {
	rest, ok := strings.CutPrefix(id, "country/")
	if !ok {
		return nil
	}
	code, ys, ok := strings.Cut(rest, "/")
	if !ok {
		return nil
	}
	year := 0
	fmt.Sscanf(ys, "%d", &year)
	name := countryName(l, code)
	head := fmt.Sprintf("%s, %d", name, year)
	if code == "AZ" {
		tot := yearTotal(year)
		if tot.ID == "" {
			return []string{head, i18n.T(l, "tip.nocount.year")}
		}
		return append([]string{i18n.T(l, "tip.origin", head)}, TooltipLines(l, tot.ID)...)
	}
	var group *data.Flow
	for _, fl := range data.FlowsFor(year) {
		fl := fl
		if fl.Kind == data.Country && fl.To == code {
			return append([]string{head}, TooltipLines(l, fl.FigureID)...)
		}
		if fl.Kind == data.OtherCountries {
			group = &fl
		}
	}
	lines := []string{head}
	if group != nil && includes(*group, code) {
		fig, _ := data.FigureByID(group.FigureID)
		cs := i18n.FigCaveats(l, fig)
		lines = append(lines, i18n.T(l, "tip.ingroup", name, i18n.FlowLabel(l, *group), i18n.FigText(l, fig)),
			i18n.T(l, "tip.footnote", fig.Footnote), cs[len(cs)-1])
		return lines
	}
	lines = append(lines, i18n.T(l, "tip.nocount", name, year))
	for _, r := range data.Routes {
		for _, to := range r.To {
			if to == code {
				lines = append(lines, i18n.T(l, "tip.routedest", i18n.Purpose(l, r), i18n.RoutePeriod(l, r), r.Footnote))
			}
		}
	}
	return lines
}

// describeRoute tells what a route of the context layer is.
func describeRoute(l i18n.Lang, id string) []string {
	for _, r := range data.Routes {
		if r.ID != id {
			continue
		}
		var to []string
		for _, c := range r.To {
			to = append(to, countryName(l, c))
		}
		lines := []string{i18n.T(l, "tip.route", i18n.Purpose(l, r), i18n.Who(l, r), strings.Join(to, ", ")),
			i18n.T(l, "tip.route.period", capitalize(l, i18n.RoutePeriod(l, r))), i18n.T(l, "tip.footnote", r.Footnote)}
		if cs := i18n.RouteCaveats(l, r); len(cs) > 0 {
			lines = append(lines, cs[len(cs)-1])
		}
		return lines
	}
	return nil
}

// countryName is a country's name in l: the catalog's ("country.XX"), else the base map's.
func countryName(l i18n.Lang, code string) string {
	if n := i18n.Country(l, code); n != "" {
		return n
	}
	if c, ok := baseMap.Country(code); ok {
		return c.Name
	}
	return code
}
