package layout

import (
	"fmt"
	"strings"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
)

// Bars lays out the destinations of every year as small multiples: one panel per year, side
// by side, rows aligned by destination, all panels on one scale. The chosen year's panel comes
// first and is outlined, the other years' are muted (withSubject); a category a year lacks is
// said in words, never drawn as a zero bar.
func Bars(a charts.Assets, year int, w, h float64) *charts.Chart {
	return withSubject(withTips(measured(bars(a, i18n.EN, year, w, h))))
}

func bars(a charts.Assets, l i18n.Lang, year int, w, h float64) *charts.Chart {
	c := &charts.Chart{View: "bars", Year: year, W: w, H: h, Background: charts.Background, Lang: l, Assets: a}
	years := data.FlowYears()
	rows := destRows(l)
	var ys []string
	var all []destination
	for _, y := range years {
		ys = append(ys, itoa(y))
		all = append(all, destinations(l, y)...)
	}
	// The title names the chosen year first, the others as the reference they are drawn as.
	var others []string
	for _, y := range ys {
		if y != itoa(year) {
			others = append(others, y)
		}
	}
	c.Title = i18n.T(l, "bars.title", year, strings.Join(others, i18n.T(l, "and")))
	sub := i18n.T(l, "bars.subtitle", year)
	f := newFrame(c, c.Title, sub, barsNotes(l, years, rows), sourceLine(l, all), 0)
	if len(rows) == 0 {
		c.Add(charts.Mark{ID: "empty", Role: charts.RoleNote, Kind: charts.TextMark, Text: i18n.T(l, "bars.empty"),
			At: charts.Point{X: f.plot.X, Y: f.plot.Y + f.base}, Size: f.base, Style: charts.Style{Fill: charts.Ink}})
		return c
	}

	// A frame taller than wide with little width stacks the years, one under the other, each
	// row's label above its bar; otherwise the years stand side by side, labels on the left.
	if f.plot.W < 520 && f.plot.H > f.plot.W*0.9 {
		if f.plot.H < stackedHeight(f, l, years, rows) {
			// Not all the notes fit beside the stacked years: the table has them.
			notes := c.Notes
			c.Marks, c.Notes = nil, nil
			f = newFrame(c, c.Title, sub, []string{i18n.T(l, "frame.morenotes")}, sourceLine(l, all), 0)
			c.Notes = notes // whole, whatever the frame shows
		}
		barsStacked(c, f, l, year, subjectFirst(years, year), rows)
	} else {
		if need := float64(len(rows))*f.small*1.3 + f.base*charts.Ascent + f.small*2.6 + f.small*1.6 + f.base*0.5; f.plot.H < need {
			// Rows too thin for their labels beside all the notes: the notes go to the table.
			notes := c.Notes
			c.Marks, c.Notes = nil, nil
			f = newFrame(c, c.Title, sub, []string{i18n.T(l, "frame.morenotes")}, sourceLine(l, all), 0)
			c.Notes = notes // whole, whatever the frame shows
		}
		barsSideBySide(c, f, l, year, subjectFirst(years, year), rows)
	}
	return c
}

// rowLabel is a row's label, or its short form where the full one is wider than w.
func rowLabel(fonts *charts.Fonts, l i18n.Lang, r destRow, size, w float64) string {
	if fonts.TextWidth(r.Label, size, false) <= w {
		return r.Label
	}
	return shortName(l, r.Kind, r.Key, r.Label)
}

// missingFit is what an empty cell says, short where the full words are wider than w.
func missingFit(fonts *charts.Fonts, l i18n.Lang, r destRow, y int, size, w float64) string {
	if t := missingText(l, r, y); fonts.TextWidth(t, size, false) <= w {
		return t
	}
	if t := missingWords(l, r, y, true); fonts.TextWidth(t, size, false) <= w {
		return t
	}
	return "—" // the smallest frames: the notes and the cell's tooltip say why
}

func barsSideBySide(c *charts.Chart, f *frame, l i18n.Lang, year int, years []int, rows []destRow) {
	gap := f.base * 0.6
	panelGap := f.base * 1.6
	n := float64(len(years))
	labels := make([][]string, len(rows))
	labelW := 0.0
	capW := f.plot.W * 0.28
	for i, r := range rows {
		t := rowLabel(c.Fonts(), l, r, f.base, capW)
		labels[i] = []string{t}
		// A label wider than its column even in its short form takes two lines where the
		// rows are tall enough, so that the panels keep their width.
		if lines := wrap(c.Fonts(), t, f.base, capW); len(lines) == 2 && f.plot.H >= 14*f.base && f.plot.H/float64(len(rows)) >= 3.2*f.base {
			labels[i] = lines
		}
		for _, t := range labels[i] {
			labelW = max(labelW, c.Fonts().TextWidth(t, f.base, false))
		}
	}
	x0 := f.plot.X + labelW + gap
	pw := (f.plot.X + f.plot.W - x0 - panelGap*(n-1)) / n
	valueW := c.Fonts().TextWidth("000", f.base, true) + gap*0.6

	// A short frame (a small embed): the years' totals in their short form, the axis's unit on
	// its last tick, row text at the small size.
	short := f.plot.H < 14*f.base
	// The years' totals wrap to the panel's width; the header is as tall as the longest.
	totals, rawTotals := map[int][]string{}, map[int]string{}
	totalLines := 1
	for _, y := range years {
		if tot := yearTotal(y); tot.ID != "" {
			key := "bars.total." + tot.ID
			if short && i18n.Has(key+".short") {
				key += ".short"
			}
			rawTotals[y] = i18n.T(l, key, i18n.FigText(l, tot))
			totals[y] = wrapText(c.Fonts(), rawTotals[y], f.small, false, pw)
			totalLines = max(totalLines, len(totals[y]))
		}
	}
	headH := f.base*charts.Ascent + f.small*1.3*float64(totalLines) + f.small*charts.Descent + f.base*0.5
	axisH := f.small * 3
	if short {
		axisH = f.small * 1.6
	}
	// The shortest frames: each year's total on the year's own line, where it fits there.
	// Where a line is wider than its panel (longer words than English's), the lines tighten
	// (the year at the small size, a narrower space) and run into the gap between the panels:
	// the last panel's line ends at the frame's edge and runs leftwards, and the lines stay
	// apart, the outline of the chosen year passing between them.
	inline := false
	yearSize, yearSep := f.base, c.Fonts().TextWidth("  ", f.base, true)
	headX := make([]float64, len(years)) // where each year's line starts
	headW := make([]float64, len(years)) // and how wide it is
	place := func(overflow bool) bool {
		for i, y := range years {
			px := x0 + float64(i)*(pw+panelGap)
			if rawTotals[y] == "" {
				return false
			}
			headW[i] = c.Fonts().TextWidth(itoa(y), yearSize, true) + yearSep + c.Fonts().TextWidth(rawTotals[y], f.small, false)
			headX[i] = px
			last := i == len(years)-1
			switch {
			case headW[i] <= pw:
			case !overflow || last && i == 0:
				return false
			case last:
				headX[i] = px + pw - headW[i]
			}
			if i > 0 && headX[i-1]+headW[i-1]+f.small*0.5 > headX[i] {
				return false
			}
		}
		return true
	}
	if short && (f.plot.H-headH-axisH)/float64(len(rows)) < f.small*1.25 {
		inline = place(false)
		if !inline {
			yearSize, yearSep = f.small, f.small*0.4
			if inline = place(true); !inline {
				yearSize, yearSep = f.base, c.Fonts().TextWidth("  ", f.base, true)
			}
		}
		if inline {
			headH = f.base*(charts.Ascent+charts.Descent) + f.base*0.4
			for _, y := range years {
				totals[y] = []string{rawTotals[y]}
			}
		}
	}
	if short && !inline && (f.plot.H-headH-axisH)/float64(len(rows)) < f.small*1.2 {
		// Rows thinner than their text under totals that wrap (longer words than English's):
		// the header is the year alone, the totals are left to the table and the summary.
		totals = map[int][]string{}
		headH = f.base*(charts.Ascent+charts.Descent) + f.base*0.4
	}
	top := f.plot.Y + headH
	bottom := f.plot.Y + f.plot.H - axisH
	band := max(bottom-top, 1) / float64(len(rows))
	thick := min(band*0.64, f.base*1.8)
	rowSize := f.base
	if band < f.base*1.3 {
		rowSize = f.small
		thick = min(thick, band-2)
	}
	ticks := charts.NiceTicks(maxFlow(), int(clamp((pw-valueW)/(f.small*4), 2, 5)))

	for i, y := range years {
		px := x0 + float64(i)*(pw+panelGap)
		sx := charts.Linear{D0: 0, D1: ticks[len(ticks)-1], R0: px, R1: px + pw - valueW}
		yr := itoa(y)
		p := charts.Panel{ID: yr, Rect: charts.Rect{X: px, Y: top, W: pw - valueW, H: bottom - top}, X: sx, Ticks: ticksOf(l, ticks), Selected: y == year}
		for j, r := range rows {
			p.Rows = append(p.Rows, charts.Row{Key: r.Key, Label: r.Label, Y0: top + band*float64(j), Y1: top + band*float64(j+1), Selected: y == year})
		}
		c.Panels = append(c.Panels, p)
		if y == year {
			right := px + pw + gap*0.3
			if inline && i+1 < len(years) && (headX[i]+headW[i] > right-1 || headX[i+1] < right+1) {
				// The year lines run into the gap: the outline passes between them.
				right = (headX[i] + headW[i] + headX[i+1]) / 2
			}
			c.Add(charts.Mark{ID: "selected/" + yr, Role: charts.RoleSelection, Panel: yr, Kind: charts.RectMark,
				Rect:  charts.Rect{X: px - gap*0.6, Y: f.plot.Y - f.base*0.3, W: right - (px - gap*0.6), H: bottom + f.small*1.6 - f.plot.Y + f.base*0.3},
				Style: charts.Style{Stroke: charts.Ink, StrokeWidth: 1.5}})
		}
		hx := px
		if inline {
			hx = headX[i]
		}
		c.Add(charts.Mark{ID: "year/" + yr, Role: charts.RoleHeader, Panel: yr, Kind: charts.TextMark, Text: yr, At: charts.Point{X: hx, Y: f.plot.Y + f.base*charts.Ascent},
			Size: yearSize, Bold: true, Style: charts.Style{Fill: yearInk(y, year)}})
		tot := yearTotal(y)
		for k, t := range totals[y] {
			at := charts.Point{X: px, Y: f.plot.Y + f.base*charts.Ascent + f.small*1.5 + f.small*1.3*float64(k)}
			if inline {
				at = charts.Point{X: headX[i] + c.Fonts().TextWidth(yr, yearSize, true) + yearSep, Y: f.plot.Y + f.base*charts.Ascent}
			}
			c.Add(charts.Mark{ID: lineID("total/"+yr, k), Role: charts.RoleHeader, Panel: yr, Datum: tot.ID, Kind: charts.TextMark, Text: t,
				At: at, Size: f.small, Style: charts.Style{Fill: charts.Muted}})
		}
		addAxis(c, p, yr+"/", top, bottom, bottom+f.small*1.2, f.small)
		if short && i == 0 {
			// The unit under the row labels, on the ticks' line.
			c.Add(charts.Mark{ID: "axis/title", Role: charts.RoleAxis, Kind: charts.TextMark, Text: i18n.T(l, "bars.axis.short"),
				At: charts.Point{X: x0 - gap, Y: bottom + f.small*1.2}, Size: f.small, Anchor: charts.End, Style: charts.Style{Fill: charts.Muted}})
		}
		for j, r := range rows {
			yc := top + band*(float64(j)+0.5)
			d, ok := r.Cells[y]
			if !ok {
				lines := []string{missingFit(c.Fonts(), l, r, y, f.small, pw-gap)}
				if w := wrap(c.Fonts(), missingWords(l, r, y, true), f.small, pw-gap); lines[0] == "—" && len(w) == 2 && band >= f.small*1.3*2 {
					lines = w // words longer than the cell is wide: two lines where the row is tall enough
				}
				for k, t := range lines {
					dy := (float64(k) - float64(len(lines)-1)/2) * f.small * 1.3
					c.Add(charts.Mark{ID: lineID("missing/"+yr+"/"+r.Key, k), Role: charts.RoleMissing, Panel: yr, Row: r.Key, Datum: missingDatum(r, y), Kind: charts.TextMark,
						Text: t, At: charts.Point{X: sx.Map(0) + gap*0.5, Y: yc + dy + f.small*charts.Midline}, Size: f.small, Style: charts.Style{Fill: charts.Muted}})
				}
				continue
			}
			v := d.Figure.Value
			rect := charts.Rect{X: sx.Map(0), Y: yc - thick/2, W: sx.Map(v) - sx.Map(0), H: thick}
			c.Add(charts.Mark{ID: "bar/" + d.Figure.ID, Role: charts.RoleBar, Panel: yr, Row: r.Key, Datum: d.Figure.ID, Kind: charts.RectMark, Rect: rect, Style: d.Style, Label: r.Label, Value: v})
			c.Add(charts.Mark{ID: "value/" + d.Figure.ID, Role: charts.RoleValue, Panel: yr, Row: r.Key, Datum: d.Figure.ID, Kind: charts.TextMark, Text: i18n.FigText(l, d.Figure),
				At: charts.Point{X: rect.X + rect.W + gap*0.6, Y: yc + rowSize*charts.Midline}, Size: rowSize, Bold: true, Style: charts.Style{Fill: charts.Ink}})
		}
		c.Add(charts.Mark{ID: "axis/baseline/" + yr, Role: charts.RoleAxis, Panel: yr, Kind: charts.PathMark, Points: []charts.Point{{X: sx.Map(0), Y: top}, {X: sx.Map(0), Y: bottom}}, Style: charts.Style{Stroke: charts.Muted, StrokeWidth: 1}})
	}
	for j := range rows {
		yc := top + band*(float64(j)+0.5)
		for i, t := range labels[j] {
			dy := (float64(i) - float64(len(labels[j])-1)/2) * rowSize * 1.2
			c.Add(charts.Mark{ID: lineID("label/"+rows[j].Key, i), Role: charts.RoleLabel, Row: rows[j].Key, Kind: charts.TextMark, Text: t,
				At: charts.Point{X: x0 - gap, Y: yc + dy + rowSize*charts.Midline}, Size: rowSize, Anchor: charts.End, Style: charts.Style{Fill: charts.Ink}})
		}
	}
	if short {
		return
	}
	axis := i18n.T(l, "bars.axis")
	if aw := f.plot.X + f.plot.W - x0; c.Fonts().TextWidth(axis, f.small, false) > aw {
		axis = i18n.T(l, "bars.axis.short")
	}
	c.Add(charts.Mark{ID: "axis/title", Role: charts.RoleAxis, Kind: charts.TextMark, Text: axis,
		At: charts.Point{X: (x0 + f.plot.X + f.plot.W) / 2, Y: bottom + f.small*2.75}, Size: f.small, Anchor: charts.Middle, Style: charts.Style{Fill: charts.Muted}})
}

// stackedHeight is the least height the stacked layout needs.
func stackedHeight(f *frame, l i18n.Lang, years []int, rows []destRow) float64 {
	h := f.small * 3
	for _, y := range years {
		lines := 1
		if tot := yearTotal(y); tot.ID != "" {
			lines = len(wrapText(f.c.Fonts(), i18n.T(l, "bars.total."+tot.ID, i18n.FigText(l, tot)), f.small, false, f.plot.W))
		}
		h += f.base*1.2 + f.small*1.3*float64(lines) + f.base*0.6
	}
	return h + float64(len(rows)*len(years))*(f.small*1.25+f.small*(charts.Ascent+charts.Descent)+2)
}

// barsStacked draws the years one under the other on one scale, each row's label above its
// bar, for frames taller than wide (phones).
func barsStacked(c *charts.Chart, f *frame, l i18n.Lang, year int, years []int, rows []destRow) {
	gap := f.base * 0.5
	valueW := c.Fonts().TextWidth("000", f.base, true) + gap
	x0, x1 := f.plot.X, f.plot.X+f.plot.W
	labelH := f.small * 1.25
	axisH := f.small * 3
	// Header lines per year, then rows of label + bar, then the shared axis.
	totals := map[int][]string{}
	heads := 0.0
	for _, y := range years {
		if tot := yearTotal(y); tot.ID != "" {
			totals[y] = wrapText(c.Fonts(), i18n.T(l, "bars.total."+tot.ID, i18n.FigText(l, tot)), f.small, false, f.plot.W)
		}
		heads += f.base*1.2 + f.small*1.3*float64(len(totals[y])) + f.base*0.6
	}
	avail := f.plot.H - axisH - heads
	rowH := clamp(avail/float64(len(rows)*len(years)), labelH+f.small*(charts.Ascent+charts.Descent)+2, labelH+f.base*1.8)
	thick := max(rowH-labelH-3, 2)
	ticks := charts.NiceTicks(maxFlow(), int(clamp((x1-x0-valueW)/(f.small*4), 2, 5)))
	sx := charts.Linear{D0: 0, D1: ticks[len(ticks)-1], R0: x0, R1: x1 - valueW}
	y := f.plot.Y
	gridTop := y
	for _, yv := range years {
		yr := itoa(yv)
		panelTop := y
		y += f.base * charts.Ascent
		c.Add(charts.Mark{ID: "year/" + yr, Role: charts.RoleHeader, Kind: charts.TextMark, Text: yr, At: charts.Point{X: x0, Y: y}, Size: f.base, Bold: true, Style: charts.Style{Fill: yearInk(yv, year)}})
		y += f.base * charts.Descent
		tot := yearTotal(yv)
		for k, t := range totals[yv] {
			y += f.small * 1.3
			c.Add(charts.Mark{ID: lineID("total/"+yr, k), Role: charts.RoleHeader, Datum: tot.ID, Kind: charts.TextMark, Text: t,
				At: charts.Point{X: x0, Y: y - f.small*charts.Descent}, Size: f.small, Style: charts.Style{Fill: charts.Muted}})
		}
		y += f.base * 0.4
		rowsTop := y
		p := charts.Panel{ID: yr, X: sx, Ticks: ticksOf(l, ticks), Selected: yv == year}
		for _, r := range rows {
			p.Rows = append(p.Rows, charts.Row{Key: r.Key, Label: r.Label, Y0: y, Y1: y + rowH, Selected: yv == year})
			label := rowLabel(c.Fonts(), l, r, f.small, f.plot.W)
			c.Add(charts.Mark{ID: "label/" + yr + "/" + r.Key, Role: charts.RoleLabel, Panel: yr, Row: r.Key, Datum: cellDatum(r, yv), Kind: charts.TextMark, Text: label,
				At: charts.Point{X: x0, Y: y + f.small*charts.Ascent}, Size: f.small, Style: charts.Style{Fill: charts.Ink}})
			by := y + labelH
			if d, ok := r.Cells[yv]; ok {
				v := d.Figure.Value
				rect := charts.Rect{X: sx.Map(0), Y: by, W: sx.Map(v) - sx.Map(0), H: thick}
				c.Add(charts.Mark{ID: "bar/" + d.Figure.ID, Role: charts.RoleBar, Panel: yr, Row: r.Key, Datum: d.Figure.ID, Kind: charts.RectMark, Rect: rect, Style: d.Style, Label: r.Label, Value: v})
				c.Add(charts.Mark{ID: "value/" + d.Figure.ID, Role: charts.RoleValue, Panel: yr, Row: r.Key, Datum: d.Figure.ID, Kind: charts.TextMark, Text: i18n.FigText(l, d.Figure),
					At: charts.Point{X: rect.X + rect.W + gap*0.6, Y: by + max(thick, f.small*(charts.Ascent+charts.Descent))/2 + f.small*0.35}, Size: f.small, Bold: true, Style: charts.Style{Fill: charts.Ink}})
			} else {
				// The words go after the label, on its line: the bar line stays empty.
				lw := c.Fonts().TextWidth(label+"  ", f.small, false)
				c.Add(charts.Mark{ID: "missing/" + yr + "/" + r.Key, Role: charts.RoleMissing, Panel: yr, Row: r.Key, Datum: missingDatum(r, yv), Kind: charts.TextMark,
					Text: missingFit(c.Fonts(), l, r, yv, f.small, f.plot.W-lw), At: charts.Point{X: x0 + lw, Y: y + f.small*charts.Ascent},
					Size: f.small, Style: charts.Style{Fill: charts.Muted}})
			}
			y += rowH
		}
		p.Rect = charts.Rect{X: sx.R0, Y: rowsTop, W: sx.R1 - sx.R0, H: y - rowsTop}
		c.Panels = append(c.Panels, p)
		c.Add(charts.Mark{ID: "axis/baseline/" + yr, Role: charts.RoleAxis, Panel: yr, Kind: charts.PathMark, Points: []charts.Point{{X: sx.Map(0), Y: rowsTop}, {X: sx.Map(0), Y: y}}, Style: charts.Style{Stroke: charts.Muted, StrokeWidth: 1}})
		if yv == year {
			c.Add(charts.Mark{ID: "selected/" + yr, Role: charts.RoleSelection, Panel: yr, Kind: charts.RectMark,
				Rect: charts.Rect{X: x0 - gap*0.6, Y: panelTop - f.base*0.2, W: x1 - x0 + gap*0.9, H: y - panelTop + f.base*0.1}, Style: charts.Style{Stroke: charts.Ink, StrokeWidth: 1.5}})
		}
		y += f.base * 0.6
	}
	bottom := y - f.base*0.6
	// One axis under both years (they share the scale), its grid through both.
	addAxis(c, c.Panels[len(c.Panels)-1], "", gridTop, bottom, bottom+f.small*1.2, f.small)
	axis := i18n.T(l, "bars.axis")
	if c.Fonts().TextWidth(axis, f.small, false) > f.plot.W {
		axis = i18n.T(l, "bars.axis.short")
	}
	c.Add(charts.Mark{ID: "axis/title", Role: charts.RoleAxis, Kind: charts.TextMark, Text: axis,
		At: charts.Point{X: x0, Y: bottom + f.small*2.75}, Size: f.small, Style: charts.Style{Fill: charts.Muted}})
}

// cellDatum is the record a row of a year shows: its figure, or what explains its absence.
func cellDatum(r destRow, y int) string {
	if d, ok := r.Cells[y]; ok {
		return d.Figure.ID
	}
	return missingDatum(r, y)
}

// missingDatum is the record that explains an empty cell: the group a country is counted in,
// or the year's total when every victim was placed.
func missingDatum(r destRow, year int) string {
	switch r.Kind {
	case data.Country:
		for _, fl := range data.FlowsFor(year) {
			if fl.Kind == data.OtherCountries && includes(fl, r.Key) {
				return fl.FigureID
			}
		}
	case data.NotGiven:
		if allPlaced(year) {
			return yearTotal(year).ID
		}
	}
	return ""
}

// barsNotes says what the aligned rows leave open: different measures per year, the group
// that is not the same category as a country, and what the paper leaves unplaced.
func barsNotes(l i18n.Lang, years []int, rows []destRow) []string {
	var totals []string
	for _, y := range years {
		if t := yearTotal(y); t.ID != "" {
			totals = append(totals, fmt.Sprintf("%d: %s", y, i18n.T(l, "bars.total."+t.ID, i18n.FigText(l, t))))
		}
	}
	notes := []string{i18n.T(l, "bars.note.years", strings.Join(totals, "; "))}
	for _, r := range rows {
		for _, y := range years {
			d, ok := r.Cells[y]
			if !ok {
				continue
			}
			switch r.Kind {
			case data.OtherCountries:
				n := i18n.T(l, "bars.note.group", y, i18n.FigText(l, d.Figure), i18n.FlowTo(l, d.Flow))
				for _, o := range rows {
					for oy := range o.Cells {
						if o.Kind == data.Country && oy != y && includes(d.Flow, o.Key) {
							if _, both := o.Cells[y]; !both {
								n += i18n.T(l, "bars.note.notsame", oy, o.Label)
							}
						}
					}
				}
				notes = append(notes, n+".")
			case data.NotGiven:
				tot := yearTotal(y)
				notes = append(notes, i18n.T(l, "bars.note.notgiven", tot.Value-d.Figure.Value, i18n.TotalOf(l, tot), i18n.FigText(l, d.Figure)))
			}
		}
	}
	return notes
}
