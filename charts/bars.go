package charts

import (
	"fmt"
	"strings"

	"azflows/data"
	"azflows/i18n"
)

// Bars lays out the destinations of every year as small multiples: one panel per year, side
// by side, rows aligned by destination, all panels on one scale. The chosen year's panel is
// outlined; a category a year lacks is said in words, never drawn as a zero bar.
func Bars(year int, w, h float64) *Chart { return bars(i18n.EN, year, w, h).withTips() }

func bars(l i18n.Lang, year int, w, h float64) *Chart {
	c := &Chart{View: "bars", Year: year, W: w, H: h, Background: Background, Lang: l}
	years := data.FlowYears()
	rows := destRows(l)
	var ys []string
	var all []destination
	for _, y := range years {
		ys = append(ys, itoa(y))
		all = append(all, destinations(l, y)...)
	}
	c.Title = i18n.T(l, "bars.title", strings.Join(ys, i18n.T(l, "and")))
	sub := i18n.T(l, "bars.subtitle", year)
	f := newFrame(c, c.Title, sub, barsNotes(l, years, rows), sourceLine(l, all), 0)
	if len(rows) == 0 {
		c.add(Mark{ID: "empty", Role: "note", Kind: TextMark, Text: i18n.T(l, "bars.empty"),
			At: Point{f.plot.X, f.plot.Y + f.base}, Size: f.base, Style: Style{Fill: Ink}})
		return c
	}

	labelW := 0.0
	for _, r := range rows {
		labelW = max(labelW, TextWidth(r.Label, f.base, false))
	}
	labelW = min(labelW, f.plot.W*0.28)
	gap := f.base * 0.6
	panelGap := f.base * 1.6
	x0 := f.plot.X + labelW + gap
	n := float64(len(years))
	pw := (f.plot.X + f.plot.W - x0 - panelGap*(n-1)) / n
	valueW := TextWidth("000", f.base, true) + gap*0.6

	headH := f.base*ascent + f.small*1.5 + f.small*descent + f.base*0.5
	axisH := f.small * 3
	top := f.plot.Y + headH
	bottom := f.plot.Y + f.plot.H - axisH
	band := max(bottom-top, 1) / float64(len(rows))
	thick := min(band*0.64, f.base*1.8)
	ticks := NiceTicks(maxFlow(), int(clamp((pw-valueW)/(f.small*4), 2, 5)))

	for i, y := range years {
		px := x0 + float64(i)*(pw+panelGap)
		sx := Linear{0, ticks[len(ticks)-1], px, px + pw - valueW}
		yr := itoa(y)
		p := Panel{ID: yr, Rect: Rect{px, top, pw - valueW, bottom - top}, X: sx, Ticks: ticksOf(l, ticks), Selected: y == year}
		for j, r := range rows {
			p.Rows = append(p.Rows, Row{Key: r.Key, Label: r.Label, Y0: top + band*float64(j), Y1: top + band*float64(j+1), Selected: y == year})
		}
		c.Panels = append(c.Panels, p)
		if y == year {
			c.add(Mark{ID: "selected/" + yr, Role: "selection", Panel: yr, Kind: RectMark,
				Rect:  Rect{px - gap*0.6, f.plot.Y - f.base*0.3, pw + gap*0.9, bottom + f.small*1.6 - f.plot.Y + f.base*0.3},
				Style: Style{Stroke: Ink, StrokeWidth: 1.5}})
		}
		tot := yearTotal(y)
		c.add(Mark{ID: "year/" + yr, Role: "header", Panel: yr, Kind: TextMark, Text: yr, At: Point{px, f.plot.Y + f.base*ascent},
			Size: f.base, Bold: true, Style: Style{Fill: Ink}})
		if tot.ID != "" {
			c.add(Mark{ID: "total/" + yr, Role: "header", Panel: yr, Datum: tot.ID, Kind: TextMark,
				Text: Fit(i18n.T(l, "bars.total."+tot.ID, i18n.FigText(l, tot)), f.small, false, pw),
				At:   Point{px, f.plot.Y + f.base*ascent + f.small*1.5}, Size: f.small, Style: Style{Fill: Muted}})
		}
		c.addAxis(p, yr+"/", top, bottom, bottom+f.small*1.2, f.small)
		for j, r := range rows {
			yc := top + band*(float64(j)+0.5)
			d, ok := r.Cells[y]
			if !ok {
				c.add(Mark{ID: "missing/" + yr + "/" + r.Key, Role: "missing", Panel: yr, Row: r.Key, Datum: missingDatum(r, y), Kind: TextMark,
					Text: Fit(missingText(l, r, y), f.small, false, pw-gap), At: Point{sx.Map(0) + gap*0.5, yc + f.small*midline},
					Size: f.small, Style: Style{Fill: Muted}})
				continue
			}
			v := d.Figure.Value
			rect := Rect{sx.Map(0), yc - thick/2, sx.Map(v) - sx.Map(0), thick}
			c.add(Mark{ID: "bar/" + d.Figure.ID, Role: "bar", Panel: yr, Row: r.Key, Datum: d.Figure.ID, Kind: RectMark, Rect: rect, Style: d.Style, Label: r.Label, Value: v})
			c.add(Mark{ID: "value/" + d.Figure.ID, Role: "value", Panel: yr, Row: r.Key, Datum: d.Figure.ID, Kind: TextMark, Text: i18n.FigText(l, d.Figure),
				At: Point{rect.X + rect.W + gap*0.6, yc + f.base*midline}, Size: f.base, Bold: true, Style: Style{Fill: Ink}})
		}
		c.add(Mark{ID: "axis/baseline/" + yr, Role: "axis", Panel: yr, Kind: PathMark, Points: []Point{{sx.Map(0), top}, {sx.Map(0), bottom}}, Style: Style{Stroke: Muted, StrokeWidth: 1}})
	}
	for j, r := range rows {
		yc := top + band*(float64(j)+0.5)
		c.add(Mark{ID: "label/" + r.Key, Role: "label", Row: r.Key, Kind: TextMark, Text: Fit(shortLabel(l, r.Key, r.Label, f.base, labelW), f.base, false, labelW),
			At: Point{x0 - gap, yc + f.base*midline}, Size: f.base, Anchor: End, Style: Style{Fill: Ink}})
	}
	c.add(Mark{ID: "axis/title", Role: "axis", Kind: TextMark, Text: Fit(i18n.T(l, "bars.axis"), f.small, false, f.plot.X+f.plot.W-x0),
		At: Point{(x0 + f.plot.X + f.plot.W) / 2, bottom + f.small*2.75}, Size: f.small, Anchor: Middle, Style: Style{Fill: Muted}})
	return c
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

// shortLabel is a country's short name ("ОАЭ", "UAE") where its full name does not fit in w.
func shortLabel(l i18n.Lang, code, label string, size, w float64) string {
	if TextWidth(label, size, false) <= w || !i18n.Has("country.short."+code) {
		return label
	}
	return i18n.T(l, "country.short."+code)
}
