package charts

import "fmt"

// Bars lays out the year's destinations as horizontal bars on a scale shared by all years.
func Bars(year int, w, h float64) *Chart {
	c := &Chart{View: "bars", Year: year, W: w, H: h, Background: Background}
	dests := destinations(year)
	tot := yearTotal(year)
	c.Title = fmt.Sprintf("Where identified victims were taken, %d", year)
	sub := fmt.Sprintf("Official figures: %v victims (%s), Ministry of Internal Affairs of Azerbaijan", tot.Value, tot.Measure)
	f, labelW := destFrame(c, year, c.Title, sub, dests)
	if len(dests) == 0 {
		c.add(Mark{ID: "empty", Role: "note", Kind: TextMark, Text: fmt.Sprintf("The paper gives no destinations for %d.", year),
			At: Point{f.plot.X, f.plot.Y + f.base}, Size: f.base, Style: Style{Fill: Ink}})
		return c
	}

	// Left margin fits the longest category label (at most 40% of the width).
	labelW = min(labelW, f.plot.W*0.4)
	gap := f.base * 0.6
	valueW := TextWidth("000", f.base, true) + gap
	x0 := f.plot.X + labelW + gap
	axisH := f.small * 2.6
	plot := Rect{x0, f.plot.Y, f.plot.X + f.plot.W - valueW - x0, f.plot.H - axisH}

	ticks := NiceTicks(maxFlow(), 5)
	sx := Linear{0, ticks[len(ticks)-1], plot.X, plot.X + plot.W}
	for _, t := range ticks {
		x := sx.Map(t)
		c.add(Mark{ID: "grid/" + itoa(int(t)), Role: "grid", Kind: PathMark, Points: []Point{{x, plot.Y}, {x, plot.Y + plot.H}}, Style: Style{Stroke: Grid, StrokeWidth: 1}})
		c.add(Mark{ID: "tick/" + itoa(int(t)), Role: "tick", Kind: TextMark, Text: itoa(int(t)), At: Point{x, plot.Y + plot.H + f.small*1.2}, Size: f.small, Anchor: Middle, Style: Style{Fill: Muted}})
	}
	c.add(Mark{ID: "axis/title", Role: "axis", Kind: TextMark, Text: "persons (same scale for every year)", At: Point{plot.X + plot.W/2, plot.Y + plot.H + f.small*2.5}, Size: f.small, Anchor: Middle, Style: Style{Fill: Muted}})

	band := plot.H / float64(len(dests))
	thick := min(band*0.64, f.base*2.4)
	for i, d := range dests {
		v := d.Figure.Value
		yc := plot.Y + band*(float64(i)+0.5)
		r := Rect{sx.Map(0), yc - thick/2, sx.Map(v) - sx.Map(0), thick}
		c.add(Mark{ID: "bar/" + d.Figure.ID, Role: "bar", Datum: d.Figure.ID, Kind: RectMark, Rect: r, Style: d.Style, Label: d.Label, Value: v})
		c.add(Mark{ID: "label/" + d.Figure.ID, Role: "label", Datum: d.Figure.ID, Kind: TextMark, Text: Fit(d.Label, f.base, false, labelW),
			At: Point{x0 - gap, yc + f.base*0.35}, Size: f.base, Anchor: End, Style: Style{Fill: Ink}})
		c.add(Mark{ID: "value/" + d.Figure.ID, Role: "value", Datum: d.Figure.ID, Kind: TextMark, Text: d.Figure.Text,
			At: Point{r.X + r.W + gap*0.6, yc + f.base*0.35}, Size: f.base, Bold: true, Style: Style{Fill: Ink}})
	}
	c.add(Mark{ID: "axis/baseline", Role: "axis", Kind: PathMark, Points: []Point{{sx.Map(0), plot.Y}, {sx.Map(0), plot.Y + plot.H}}, Style: Style{Stroke: Muted, StrokeWidth: 1}})
	return c
}
