package layout

import (
	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
)

// Flow lays out the year's destinations as bands from Azerbaijan to each destination, band
// width proportional to the count, on a scale shared by all years.
func Flow(a charts.Assets, year int, w, h float64) *charts.Chart {
	return withTips(measured(flow(a, i18n.EN, year, w, h)))
}

func flow(a charts.Assets, l i18n.Lang, year int, w, h float64) *charts.Chart {
	c := &charts.Chart{View: "flow", Year: year, W: w, H: h, Background: charts.Background, Lang: l, Assets: a}
	dests := destinations(l, year)
	tot := yearTotal(year)
	c.Title = i18n.T(l, "flow.title", year)
	sub := i18n.T(l, "flow.subtitle", i18n.TotalSentence(l, tot))
	f, labelW := destFrame(c, year, c.Title, sub, dests)
	if len(dests) == 0 {
		c.Add(charts.Mark{ID: "empty", Role: charts.RoleNote, Kind: charts.TextMark, Text: i18n.T(l, "flow.empty", year),
			At: charts.Point{X: f.plot.X, Y: f.plot.Y + f.base}, Size: f.base, Style: charts.Style{Fill: charts.Ink}})
		return c
	}

	labelW += a.Fonts.TextWidth("  00", f.base, true)
	labelW = min(labelW, f.plot.W*0.42)
	// Each label in full where it fits, else its short form, and room for the widest chosen.
	// The group's label ("Other countries, incl. Russia") wraps to two lines before it would
	// lose what it names (Dropped: fewerNames).
	labels := make([][]string, len(dests))
	need := 0.0
	for i, d := range dests {
		valW := a.Fonts.TextWidth("  "+i18n.FigText(l, d.Figure), f.base, true)
		lim := labelW - valW
		if d.Flow.Kind == data.OtherCountries {
			labels[i] = groupLines(a.Fonts, l, d, f.base, f.plot.W)
		} else {
			labels[i] = []string{labelFor(a.Fonts, l, d, f.base, false, lim)}
		}
		for _, ln := range labels[i] {
			need = max(need, a.Fonts.TextWidth(ln, f.base, false)+valW)
		}
	}
	labelW = max(labelW, min(need, f.plot.W*0.6))
	az := i18n.T(l, "country.AZ")
	originW := a.Fonts.TextWidth(az, f.base, true)
	nodeW := max(f.base*0.7, 6)
	gap := f.base * 0.5
	lineH := f.base * 1.25

	xL := f.plot.X + originW + gap // left node's left edge
	xR := f.plot.X + f.plot.W - labelW - gap - nodeW
	k := flowScale(f.plot.H, lineH, gap, func(fl data.Flow) int {
		if fl.Kind != data.OtherCountries {
			return 1
		}
		fig, _ := data.FigureByID(fl.FigureID)
		return len(groupLines(a.Fonts, l, destination{Flow: fl, Figure: fig, Label: destLabel(l, fl)}, f.base, f.plot.W))
	})

	// Right nodes: each slot is at least as tall as its label's lines so labels never collide.
	slots := make([]float64, len(dests))
	used := 0.0
	for i, d := range dests {
		slots[i] = max(d.Figure.Value*k, lineH*float64(len(labels[i])))
		used += slots[i]
	}
	used += gap * float64(len(dests)-1)
	yR := f.plot.Y + (f.plot.H-used)/2
	total := 0.0
	for _, d := range dests {
		total += d.Figure.Value
	}
	yL := f.plot.Y + (f.plot.H-total*k)/2
	origin := charts.Rect{X: xL, Y: yL, W: nodeW, H: total * k}
	panel := charts.Panel{ID: "flow", Rect: f.plot, Rows: []charts.Row{{Key: "AZ", Label: az, Y0: origin.Y, Y1: origin.Y + origin.H}}}
	c.Add(charts.Mark{ID: "node/AZ", Role: charts.RoleNode, Panel: "flow", Row: "AZ", Datum: tot.ID, Kind: charts.RectMark, Rect: origin, Style: charts.Style{Fill: charts.Ink}, Label: az, Value: tot.Value})
	c.Add(charts.Mark{ID: "label/AZ", Role: charts.RoleLabel, Panel: "flow", Row: "AZ", Datum: tot.ID, Kind: charts.TextMark, Text: az, At: charts.Point{X: xL - gap, Y: origin.Y + origin.H/2 + f.base*charts.Midline}, Size: f.base, Bold: true, Anchor: charts.End, Style: charts.Style{Fill: charts.Ink}})

	y0 := yL
	for i, d := range dests {
		v := d.Figure.Value
		bh := v * k
		slotY := yR
		yR += slots[i] + gap
		ty := slotY + (slots[i]-bh)/2 // band end centred in its slot
		panel.Rows = append(panel.Rows, charts.Row{Key: d.Figure.ID, Label: d.Label, Y0: slotY, Y1: slotY + slots[i]})
		band := bandPolygon(xL+nodeW, y0, xR, ty, bh)
		st := d.Style
		st.Opacity = 0.75
		if d.Flow.Kind == data.NotGiven {
			st.Opacity = 1
		}
		c.Add(charts.Mark{ID: "band/" + d.Figure.ID, Role: charts.RoleBand, Panel: "flow", Row: d.Figure.ID, Datum: d.Figure.ID, Kind: charts.PathMark, Points: band, Closed: true, Style: st,
			Label: d.Label, Value: v, Source: az, Target: d.Label})
		node := charts.Rect{X: xR, Y: ty, W: nodeW, H: bh}
		c.Add(charts.Mark{ID: "node/" + d.Figure.ID, Role: charts.RoleNode, Panel: "flow", Row: d.Figure.ID, Datum: d.Figure.ID, Kind: charts.RectMark, Rect: node, Style: d.Style, Label: d.Label, Value: v})
		n := float64(len(labels[i]))
		yc := slotY + slots[i]/2 - (n-1)*lineH/2 + f.base*charts.Midline // the lines' block centred in its slot
		val := i18n.FigText(l, d.Figure)
		for j, lbl := range labels[i] {
			c.Add(charts.Mark{ID: lineID("label/"+d.Figure.ID, j), Role: charts.RoleLabel, Panel: "flow", Row: d.Figure.ID, Datum: d.Figure.ID, Kind: charts.TextMark, Text: lbl, At: charts.Point{X: xR + nodeW + gap, Y: yc + float64(j)*lineH}, Size: f.base, Style: charts.Style{Fill: charts.Ink}})
		}
		last := labels[i][len(labels[i])-1]
		c.Add(charts.Mark{ID: "value/" + d.Figure.ID, Role: charts.RoleValue, Panel: "flow", Row: d.Figure.ID, Datum: d.Figure.ID, Kind: charts.TextMark, Text: val,
			At: charts.Point{X: xR + nodeW + gap + a.Fonts.TextWidth(last+"  ", f.base, false), Y: yc + (n-1)*lineH}, Size: f.base, Bold: true, Style: charts.Style{Fill: charts.Ink}})
		y0 += bh
	}
	c.Panels = append(c.Panels, panel)
	return c
}

// groupLines is the group's label as the flow writes it: whole on one line where it fits in 60 %
// of the plot's width beside its value, else wrapped to two lines there, else its short form.
func groupLines(fonts *charts.Fonts, l i18n.Lang, d destination, size, plotW float64) []string {
	lim := plotW*0.6 - fonts.TextWidth("  "+i18n.FigText(l, d.Figure), size, true)
	if fonts.TextWidth(d.Label, size, false) <= lim {
		return []string{d.Label}
	}
	if ls := wrap(fonts, d.Label, size, lim); len(ls) == 2 {
		return ls
	}
	return []string{shortLabel(l, d)}
}

// flowScale is the pixels per person that fits the largest year into height h, with each
// destination's slot at least as tall as its label's lines (lines gives their number).
func flowScale(h, lineH, gap float64, lines func(data.Flow) int) float64 {
	k := h / maxYearTotal()
	for _, y := range data.FlowYears() {
		fls := data.FlowsFor(y)
		avail := h - gap*float64(len(fls)-1)
		for i := 0; i < 200; i++ {
			used := 0.0
			for _, fl := range fls {
				used += max(data.FlowValue(fl)*k, lineH*float64(lines(fl)))
			}
			if used <= avail {
				break
			}
			k *= 0.97
		}
	}
	return k
}

// bandPolygon is a band of constant thickness t from (x0, y0) to (x1, y1) (top edges), its
// edges cubic curves flattened to 24 segments each.
func bandPolygon(x0, y0, x1, y1, t float64) []charts.Point {
	const n = 24
	mx := (x0 + x1) / 2
	curve := func(ya, yb float64) []charts.Point {
		pts := make([]charts.Point, n+1)
		for i := 0; i <= n; i++ {
			u := float64(i) / n
			a, b, cc, d := (1-u)*(1-u)*(1-u), 3*(1-u)*(1-u)*u, 3*(1-u)*u*u, u*u*u
			pts[i] = charts.Point{X: a*x0 + b*mx + cc*mx + d*x1, Y: a*ya + b*ya + cc*yb + d*yb}
		}
		return pts
	}
	top := curve(y0, y1)
	bottom := curve(y0+t, y1+t)
	out := append([]charts.Point{}, top...)
	for i := len(bottom) - 1; i >= 0; i-- {
		out = append(out, bottom[i])
	}
	return out
}
