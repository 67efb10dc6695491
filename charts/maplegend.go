package charts

import (
	"fmt"
	"strings"

	"azflows/data"
)

// legendMarks writes the key: what width, colour and dashes mean, what the map leaves out.
func (m *mapFrame) legendMarks(c *Chart, s State, dests []destination) {
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
	entry := func(role, datum, text, fill string, sample func(top, h float64)) {
		if full {
			return
		}
		lines := wrap(text, size, tw)
		h := lineH * float64(len(lines))
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

	tot := yearTotal(c.Year)
	if tot.ID != "" {
		entry("legend", "", fmt.Sprintf("%d: %s %s (official count, footnote %d).", c.Year, tot.Text, tot.Measure, tot.Footnote), Ink, nil)
	} else {
		entry("legend", "", fmt.Sprintf("%d: the paper gives no destinations.", c.Year), Ink, nil)
	}
	// Width key: two arcs, 5 and 20 persons, on the map's scale.
	for _, v := range []float64{5, 20} {
		v := v
		text := fmt.Sprintf("%v persons", v)
		if v == 20 {
			text = "20 persons: official count, one named country; arc width proportional to persons"
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
			entry("legend", "", "Dashed arc: official count whose destinations the paper does not break down; it points at no country", Ink, func(top, h float64) {
				yc := mid(top, h)
				c.add(Mark{ID: "legend/group", Role: "legend", Kind: PathMark, Closed: true,
					Points: arcPolygon(Point{r.X, yc}, Point{r.X + sw*0.7, yc}, 0, d.Figure.Value*m.k, size), Style: st})
			})
		case data.NotGiven:
			entry("legend", "", "Dashed box: victims the paper gives no destination for (computed here from its totals)", Ink, func(top, h float64) {
				c.add(Mark{ID: "legend/unknown", Role: "legend", Kind: RectMark, Rect: Rect{r.X, top, sw * 0.8, min(h, lineH)},
					Style: Style{Fill: Background, Stroke: UnknownC, StrokeWidth: 1.2, Dash: Dashed}})
			})
		}
	}
	swatch := func(id, fill string) func(top, h float64) {
		return func(top, h float64) {
			c.add(Mark{ID: "legend/" + id, Role: "legend", Kind: RectMark, Rect: Rect{r.X, top + 1, sw * 0.8, min(h, lineH) - 2},
				Style: Style{Fill: fill, Stroke: Grid, StrokeWidth: 0.8}})
		}
	}
	entry("legend", "", "Azerbaijan, where victims were taken from", Ink, swatch("origin", OriginC))
	if tot.ID != "" {
		entry("legend", "", fmt.Sprintf("A destination the paper names for %d", c.Year), Ink, swatch("dest", DestLandC))
	}
	entry("legend", "", "Other countries: context, no figures", Ink, swatch("land", LandC))
	if s.Context {
		entry("legend", "", "Dotted: routes named in the paper, no numbers (footnotes 2, 5)", Ink, func(top, h float64) {
			yc := mid(top, h)
			c.add(Mark{ID: "legend/route", Role: "legend", Kind: PathMark, Points: []Point{{r.X, yc}, {r.X + sw, yc}},
				Style: Style{Stroke: RouteC, StrokeWidth: 1.3, Dash: []float64{1.5, 3}}})
		})
	}
	est, _ := data.FigureByID("ngo-estimate-females-per-year")
	entry("estimate", est.ID, fmt.Sprintf("NGO estimate, not a count: up to %s females trafficked every year (footnote %d). No year, no destinations: not on the map.",
		est.Text, est.Footnote), EstimateC, func(top, h float64) {
		c.add(Mark{ID: "legend/estimate", Role: "estimate", Datum: est.ID, Kind: RectMark, Rect: Rect{r.X, top, 3, h},
			Style: Style{Fill: EstimateC}})
	})
}

// describeCountry tells what a country's shape stands for in a year: "country/TR/2010".
func describeCountry(id string) []string {
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
	name := countryName(code)
	head := fmt.Sprintf("%s, %d", name, year)
	if code == "AZ" {
		tot := yearTotal(year)
		if tot.ID == "" {
			return []string{head, "The paper gives no count for this year."}
		}
		return append([]string{head + ": where victims were taken from"}, TooltipLines(tot.ID)...)
	}
	var group *data.Flow
	for _, fl := range data.FlowsFor(year) {
		fl := fl
		if fl.Kind == data.Country && fl.To == code {
			return append([]string{head}, TooltipLines(fl.FigureID)...)
		}
		if fl.Kind == data.OtherCountries {
			group = &fl
		}
	}
	lines := []string{head}
	if group != nil && strings.Contains(strings.ToLower(group.Label), strings.ToLower(name)) {
		fig, _ := data.FigureByID(group.FigureID)
		lines = append(lines, fmt.Sprintf("No separate count: %s is among the \u201c%s\u201d that %s victims were taken to; the paper does not break them down.", name, group.Label, fig.Text),
			fmt.Sprintf("Source: footnote %d", fig.Footnote), fig.Caveats[len(fig.Caveats)-1])
		return lines
	}
	lines = append(lines, fmt.Sprintf("No count for %s in %d.", name, year))
	for _, r := range data.Routes {
		for _, to := range r.To {
			if to == code {
				lines = append(lines, fmt.Sprintf("Named without numbers as a destination of %s (%s), footnote %d.", r.Purpose, r.Period, r.Footnote))
			}
		}
	}
	return lines
}

// describeRoute tells what a route of the context layer is.
func describeRoute(id string) []string {
	for _, r := range data.Routes {
		if r.ID != id {
			continue
		}
		var to []string
		for _, c := range r.To {
			to = append(to, countryName(c))
		}
		lines := []string{fmt.Sprintf("Route named without numbers: %s, %s to %s", r.Purpose, r.Who, strings.Join(to, ", ")),
			fmt.Sprintf("%s; the paper gives no count", capitalize(r.Period)), fmt.Sprintf("Source: footnote %d", r.Footnote)}
		if len(r.Caveats) > 0 {
			lines = append(lines, r.Caveats[len(r.Caveats)-1])
		}
		return lines
	}
	return nil
}

var countryNames = map[string]string{"AZ": "Azerbaijan", "TR": "Turkey", "IR": "Iran", "AE": "United Arab Emirates", "RU": "Russia", "PK": "Pakistan"}

func countryName(code string) string {
	if n, ok := countryNames[code]; ok {
		return n
	}
	if c, ok := baseMap.Country(code); ok {
		return c.Name
	}
	return code
}
