package layout

import (
	"fmt"
	"strings"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
)

// The records the compare view sets side by side.
const (
	cmpConvicted  = "convicted-2010"
	cmpIdentified = "victims-2010"
	cmpNoSchool   = "victims-2010-no-school"
	cmpReferred   = "victims-2012"
	cmpTotal      = "victims-2006-2012"
	cmpNGO        = "ngo-estimate-females-per-year"
	cmpAge        = "victim-age-range"
)

// Compare lays out the counts that belong together. On the left, one scale for the official
// one-year counts (2010's convicted beside identified, the 9 of 34 who had not finished school
// as a part of the 34, 2012's referred); on the right, apart from them because they are not
// comparable: the multi-year total with both of the paper's wordings of its period, and the
// estimates, each on its own scale and drawn as estimates (dashed, no solid fill).
func Compare(a charts.Assets, year int, w, h float64) *charts.Chart {
	return withSubject(withTips(measured(compare(a, i18n.EN, year, w, h))))
}

func compare(a charts.Assets, l i18n.Lang, year int, w, h float64) *charts.Chart {
	c := &charts.Chart{View: "compare", Year: year, W: w, H: h, Background: charts.Background, Lang: l, Assets: a}
	c.Title = i18n.T(l, "compare.title", year)
	notes := []string{i18n.T(l, "caveat.trend")}
	src := i18n.T(l, "source.compare",
		data.ShortSource, footnoteList(cmpNGO, cmpAge, cmpConvicted, cmpTotal, cmpReferred))
	// The halves side by side where they fit, else stacked (phones); where neither fits, the
	// notes go to the table, then, in the smallest frames, the right half does (a line says so).
	// The subtitle says where each half is, in the layout that fits.
	type layout struct {
		sub  string
		fits func(f *frame, k float64) bool
	}
	gap := func(f *frame) float64 { return f.base * 0.6 }
	leftW := func(f *frame) float64 { return (f.plot.W - f.base*1.8) * 0.52 }
	sideBySide := layout{i18n.T(l, "compare.subtitle", year), func(f *frame, k float64) bool {
		rx := f.plot.X + leftW(f) + f.base*1.8
		bottom := f.plot.Y + f.plot.H
		return compareLeft(c, f, year, f.plot.X, leftW(f), f.plot.Y, k) <= bottom && compareRight(c, f, rx, f.plot.X+f.plot.W-rx, f.plot.Y, gap(f), k) <= bottom
	}}
	stacked := layout{i18n.T(l, "compare.subtitle.stacked", year), func(f *frame, k float64) bool {
		y := compareLeft(c, f, year, f.plot.X, f.plot.W, f.plot.Y, k) + f.base
		return compareRight(c, f, f.plot.X, f.plot.W, y, gap(f), k) <= f.plot.Y+f.plot.H
	}}
	// A phone's frame: both halves stacked, tight, every part drawn (k is not used); where
	// the subtitle leaves no room, it names only the year (the halves' headers say the rest).
	tight := func(sub string) layout {
		return layout{sub, func(f *frame, k float64) bool {
			if k != 1 {
				return false
			}
			y := compareLeftTight(c, f, year, f.plot.X, f.plot.W, f.plot.Y, 1, true)
			return compareRightTight(c, f, f.plot.X, f.plot.W, y, gap(f), 1, true) <= f.plot.Y+f.plot.H
		}}
	}
	stackedTight, yearTight, bareTight := tight(stacked.sub), tight(i18n.T(l, "compare.subtitle.year", year)), tight("")
	for _, tryNotes := range [][]string{notes, {i18n.T(l, "frame.morenotes")}} {
		c.Marks, c.Panels, c.Notes = nil, nil, nil
		order := []layout{sideBySide, stacked}
		if newFrame(c, c.Title, sideBySide.sub, tryNotes, src, 0).plot.W < 480 { // phones: stacked reads better where it fits
			order = []layout{stacked, stackedTight, yearTight, bareTight, sideBySide}
		}
		for _, lay := range order {
			c.Marks, c.Panels, c.Notes = nil, nil, nil
			f := newFrame(c, c.Title, lay.sub, tryNotes, src, 0)
			c.Notes = notes // whole, whatever the frame shows
			base := len(c.Marks)
			for _, k := range []float64{1.8, 1.4, 1} { // roomier where the frame allows
				if lay.fits(f, k) {
					return c
				}
				c.Marks, c.Panels = c.Marks[:base], nil
			}
		}
	}
	// The left half alone: the subtitle, where it leaves room, names its one scale.
	rest := i18n.T(l, "compare.rest", i18n.FigText(l, mustFigure(cmpTotal)))
	for _, sub := range []string{i18n.T(l, "compare.subtitle.one", year), ""} {
		for _, say := range []string{rest, i18n.T(l, "frame.morenotes")} { // the shorter where the longer does not leave room
			c.Marks, c.Panels, c.Notes = nil, nil, nil
			f := newFrame(c, c.Title, sub, []string{say}, src, 0)
			c.Notes = notes
			if compareLeftTight(c, f, year, f.plot.X, f.plot.W, f.plot.Y, 1, true) <= f.plot.Y+f.plot.H+f.base*0.4 {
				return c
			}
		}
	}
	return c
}

// textBlock adds s wrapped to w from the top y down, each line a mark (id, id/1…); it returns the y
// under the last line.
func textBlock(c *charts.Chart, id string, role charts.Role, datum, s string, size float64, bold bool, fill string, x, y, w float64) float64 {
	for i, t := range wrapText(c.Fonts(), s, size, bold, w) {
		c.Add(charts.Mark{ID: lineID(id, i), Role: role, Datum: datum, Kind: charts.TextMark, Text: t, At: charts.Point{X: x, Y: y + size*charts.Ascent}, Size: size, Bold: bold, Style: charts.Style{Fill: fill}})
		y += size * 1.3
	}
	return y
}

// compareLeft lays out the official one-year counts on one scale in x…x+w from y down, and
// returns the y under them.
func compareLeft(c *charts.Chart, f *frame, year int, x, w, y, k float64) float64 {
	return compareLeftTight(c, f, year, x, w, y, k, false)
}

// compareLeftTight is compareLeft, with tight for the smallest frames: thinner bars, less
// space, and no axis title (the header names the unit).
//
// k (≥ 1) spreads bars and gaps where the frame has height to spare.
func compareLeftTight(c *charts.Chart, f *frame, year int, x, w, y, k float64, tight bool) float64 {
	l := c.Lang
	start := len(c.Marks)
	fig := func(id string) data.Figure { f, _ := data.FigureByID(id); return f }
	gap := f.base * 0.6
	header := i18n.T(l, "compare.header.official")
	if tight {
		header = shortIfWider(c.Fonts(), l, "compare.header.official", f.small, true, w)
	}
	y = textBlock(c, "header/official", charts.RoleHeader, "", header, f.small, true, charts.Muted, x, y, w) + f.small*0.3
	valueW := c.Fonts().TextWidth("000", f.base, true) + gap
	// The chosen year's counts first (withSubject mutes the others').
	var official []data.Figure
	for _, y := range subjectFirst(charts.Years, year) {
		for _, o := range []data.Figure{fig(cmpConvicted), fig(cmpIdentified), fig(cmpReferred)} {
			if o.Period.From == y {
				official = append(official, o)
			}
		}
	}
	hi := 0.0
	for _, o := range official {
		hi = max(hi, o.Value)
	}
	ticks := charts.NiceTicks(hi, int(clamp(w/(f.small*5), 2, 5)))
	sx := charts.Linear{D0: 0, D1: ticks[len(ticks)-1], R0: x, R1: x + w - valueW}
	th, rowGap := f.base*1.2*k, f.base*0.7*k
	if tight {
		th, rowGap = f.small*0.75, f.small*0.2
	}
	top := y
	gridAt := len(c.Marks)
	type span struct{ y0, y1 float64 }
	rows := map[int]span{}
	op := charts.Panel{ID: "official", X: sx, Ticks: ticksOf(l, ticks)}
	for i, o := range official {
		y0 := y
		lbl := fmt.Sprintf("%d \u00b7 %s", o.Period.From, i18n.Measure(l, o))
		if tight && i18n.Has("compare.short."+o.ID) && len(wrapText(c.Fonts(), lbl, f.small, false, w)) > 1 {
			lbl = fmt.Sprintf("%d \u00b7 %s", o.Period.From, i18n.T(l, "compare.short."+o.ID))
		}
		from := len(c.Marks)
		y = textBlock(c, "label/"+o.ID, charts.RoleLabel, o.ID, lbl, f.small, false, charts.Ink, x, y, w) + f.small*0.1
		tag(c, from, op.ID, o.ID)
		r := charts.Rect{X: sx.Map(0), Y: y, W: sx.Map(o.Value) - sx.Map(0), H: th}
		op.Rows = append(op.Rows, charts.Row{Key: o.ID, Label: lbl, Y0: y, Y1: y + th, Selected: o.Period.From == year})
		c.Add(charts.Mark{ID: "bar/" + o.ID, Role: charts.RoleBar, Panel: op.ID, Row: o.ID, Datum: o.ID, Kind: charts.RectMark, Rect: r, Style: charts.Style{Fill: charts.OfficialC}, Label: lbl, Value: o.Value})
		c.Add(charts.Mark{ID: "value/" + o.ID, Role: charts.RoleValue, Panel: op.ID, Row: o.ID, Datum: o.ID, Kind: charts.TextMark, Text: i18n.FigText(l, o),
			At: charts.Point{X: r.X + r.W + gap*0.6, Y: y + th/2 + f.base*charts.Midline}, Size: f.base, Bold: true, Style: charts.Style{Fill: charts.Ink}})
		y += th
		if o.ID == cmpIdentified {
			p := fig(cmpNoSchool)
			pr := charts.Rect{X: sx.Map(0), Y: r.Y, W: sx.Map(p.Value) - sx.Map(0), H: th}
			plbl := i18n.T(l, "compare.noschool", i18n.FigText(l, p), i18n.FigText(l, o))
			c.Add(charts.Mark{ID: "part/" + p.ID, Role: charts.RoleBar, Panel: op.ID, Row: o.ID, Datum: p.ID, Kind: charts.RectMark, Rect: pr, Style: charts.Style{Fill: charts.PartC, Stroke: charts.Background, StrokeWidth: 1}, Label: plbl, Value: p.Value})
			share := i18n.T(l, "compare.share", 100*p.Value/o.Value)
			if tight && len(wrapText(c.Fonts(), plbl+share, f.small, false, w)) > 1 {
				share = "" // the share is computed here; the smallest frames keep the paper's words
			}
			from := len(c.Marks)
			y = textBlock(c, "label/"+p.ID, charts.RoleLabel, p.ID, plbl+share, f.small, false, charts.Ink, sx.Map(0), y+f.small*0.2, w)
			tag(c, from, op.ID, o.ID)
		}
		y += rowGap
		rows[i] = span{y0, y - rowGap*0.6}
	}
	bottom := y - rowGap*0.4
	op.Rect = charts.Rect{X: sx.R0, Y: top, W: sx.R1 - sx.R0, H: bottom - top}
	c.Panels = append(c.Panels, op)
	grid, tickLabels := axisMarks(op, "official/", top, bottom, bottom+f.small*1.2, f.small)
	c.Marks = append(c.Marks, tickLabels...)
	c.Marks = append(c.Marks[:gridAt], append(grid, c.Marks[gridAt:]...)...) // under the bars
	y = bottom + f.small*1.4
	if !tight {
		y = textBlock(c, "axis/official", charts.RoleAxis, "", i18n.T(l, "compare.axis"), f.small, false, charts.Muted, sx.Map(0), bottom+f.small*1.6, w)
	}
	// The chosen year's rows are outlined.
	sel := span{}
	for i, o := range official {
		if o.Period.From == year {
			if sel.y1 == 0 {
				sel.y0 = rows[i].y0
			}
			sel.y1 = rows[i].y1
		}
	}
	if sel.y1 > 0 { // under the column's marks (and after the frame's, which a retry keeps)
		outline := charts.Mark{ID: "selected/" + itoa(year), Role: charts.RoleSelection, Panel: op.ID, Kind: charts.RectMark,
			Rect:  charts.Rect{X: x - gap*0.5, Y: sel.y0 - f.small*0.3, W: w + gap*0.5, H: sel.y1 - sel.y0 + f.small*0.3},
			Style: charts.Style{Stroke: charts.Ink, StrokeWidth: 1.2}}
		c.Marks = append(c.Marks[:start], append([]charts.Mark{outline}, c.Marks[start:]...)...)
	}
	return y
}

// compareRight lays out the multi-year total in words, then the estimates, in x…x+w from y
// down, and returns the y under them.
func compareRight(c *charts.Chart, f *frame, x, w, y, gap, k float64) float64 {
	return compareRightTight(c, f, x, w, y, gap, k, false)
}

// compareRightTight is compareRight, with tight for phones: thinner outlines and less space
// between the parts, every part still drawn.
func compareRightTight(c *charts.Chart, f *frame, x, w, y, gap, k float64, tight bool) float64 {
	l := c.Lang
	fig := func(id string) data.Figure { f, _ := data.FigureByID(id); return f }
	barH := f.base * 1.1 * k
	partGap := f.base * 0.8 * k // between the total and the estimates
	headGap, axisH := f.small*0.3, f.small*1.6
	if tight {
		barH, partGap, headGap, axisH = f.small*0.9, f.small*0.4, f.small*0.15, f.small*1.45
	}

	tot := fig(cmpTotal)
	y = textBlock(c, "header/total", charts.RoleHeader, "", i18n.T(l, "compare.header.total"), f.small, true, charts.Muted, x, y, w) + headGap
	big := f.base * 1.6
	if tight {
		big = f.base * 1.3
	}
	c.Add(charts.Mark{ID: "value/" + tot.ID, Role: charts.RoleValue, Datum: tot.ID, Kind: charts.TextMark, Text: i18n.FigText(l, tot), At: charts.Point{X: x, Y: y + big*charts.Ascent}, Size: big, Bold: true, Style: charts.Style{Fill: charts.OfficialC}})
	nx := x + c.Fonts().TextWidth(i18n.FigText(l, tot), big, true) + gap
	ly := textBlock(c, "label/"+tot.ID, charts.RoleLabel, tot.ID, i18n.T(l, "compare.total.label"), f.small, false, charts.Ink, nx, y+big*charts.Ascent-f.small*charts.Ascent, x+w-nx)
	y = max(y+big*(charts.Ascent+charts.Descent), ly) + headGap
	wordings := periodWordings(l, tot)
	for i, wd := range wordings {
		if tight && len(wordings) > 1 {
			if i == 0 {
				continue // the label beside the total quotes the first wording already
			}
			_, second, _ := periodParts(l, tot)
			wd = i18n.T(l, "compare.wording2.alone", second)
		}
		y = textBlock(c, "period/"+itoa(i), charts.RoleLabel, tot.ID, wd, f.small, false, charts.Ink, x, y, w)
	}
	if len(wordings) > 1 {
		y = textBlock(c, "flag/"+tot.ID, charts.RoleLabel, tot.ID, i18n.T(l, "compare.disagree"), f.small, true, charts.Ink, x, y, w)
	}
	y += partGap

	y = textBlock(c, "header/estimates", charts.RoleHeader, "", i18n.T(l, "compare.header.estimates"), f.small, true, charts.Muted, x, y, w) + headGap
	est := charts.Style{Stroke: charts.EstimateC, StrokeWidth: 1.5, Dash: charts.Dashed}
	valueW := c.Fonts().TextWidth(i18n.T(l, "value.upto", i18n.Number(l, 8888)), f.base, true) + gap

	// NGOs: an upper bound, drawn as an outline from 0 to the bound.
	ngo := fig(cmpNGO)
	y = textBlock(c, "label/"+ngo.ID, charts.RoleLabel, ngo.ID, i18n.T(l, "compare.ngo.label"), f.small, false, charts.Ink, x, y, w) + f.small*0.1
	nticks := charts.NiceTicks(ngo.High, 2)
	if n := len(nticks); n > 2 && c.Fonts().TextWidth(i18n.Number(l, nticks[n-1]), f.small, false)*1.3 > (w-valueW)/float64(n-1) {
		nticks = []float64{0, nticks[n-1]} // too narrow for the middle tick's label
	}
	nx0 := charts.Linear{D0: 0, D1: nticks[len(nticks)-1], R0: x, R1: x + w - valueW}
	r := charts.Rect{X: nx0.Map(0), Y: y, W: nx0.Map(ngo.High) - nx0.Map(0), H: barH}
	np := charts.Panel{ID: "ngo", Rect: charts.Rect{X: nx0.R0, Y: r.Y, W: nx0.R1 - nx0.R0, H: r.H}, X: nx0, Ticks: ticksOf(l, nticks),
		Rows: []charts.Row{{Key: ngo.ID, Label: i18n.T(l, "compare.ngo.label"), Y0: r.Y, Y1: r.Y + r.H}}}
	c.Panels = append(c.Panels, np)
	c.Add(charts.Mark{ID: "bar/" + ngo.ID, Role: charts.RoleBar, Panel: np.ID, Row: ngo.ID, Datum: ngo.ID, Kind: charts.RectMark, Rect: r, Style: est, Label: i18n.T(l, "value.upto", i18n.FigText(l, ngo)) + " " + i18n.Unit(l, ngo), Value: ngo.High})
	c.Add(charts.Mark{ID: "value/" + ngo.ID, Role: charts.RoleValue, Panel: np.ID, Row: ngo.ID, Datum: ngo.ID, Kind: charts.TextMark, Text: i18n.T(l, "value.upto", i18n.FigText(l, ngo)),
		At: charts.Point{X: r.X + r.W + gap*0.6, Y: r.Y + r.H/2 + f.base*charts.Midline}, Size: f.base, Bold: true, Style: charts.Style{Fill: charts.EstimateC}})
	addAxis(c, np, "ngo/", r.Y-2, r.Y+r.H+2, r.Y+r.H+f.small*1.15, f.small)
	y += barH + axisH + min(f.base*0.5*k, partGap)

	// Ages: a range whose upper end is itself a span ("35-40").
	age := fig(cmpAge)
	y = textBlock(c, "label/"+age.ID, charts.RoleLabel, age.ID, i18n.T(l, "compare.age.label"), f.small, false, charts.Ink, x, y, w) + f.small*0.1
	ageText := i18n.FigQuoted(l, age)
	aValueW := c.Fonts().TextWidth(ageText, f.small, true) + gap
	aticks := charts.NiceTicks(50, int(clamp(w/(f.small*5), 2, 5)))
	ax := charts.Linear{D0: 0, D1: aticks[len(aticks)-1], R0: x, R1: x + w - aValueW}
	lo, sure := age.Value, ageSureHigh(age)
	core := charts.Rect{X: ax.Map(lo), Y: y, W: ax.Map(sure) - ax.Map(lo), H: barH}
	fuzzy := charts.Rect{X: ax.Map(sure), Y: y, W: ax.Map(age.High) - ax.Map(sure), H: barH}
	apl := charts.Panel{ID: "age", Rect: charts.Rect{X: ax.R0, Y: core.Y, W: ax.R1 - ax.R0, H: core.H}, X: ax, Ticks: ticksOf(l, aticks),
		Rows: []charts.Row{{Key: age.ID, Label: i18n.T(l, "compare.age.label"), Y0: core.Y, Y1: core.Y + core.H}}}
	c.Panels = append(c.Panels, apl)
	c.Add(charts.Mark{ID: "range/" + age.ID, Role: charts.RoleBar, Panel: apl.ID, Row: age.ID, From: lo, To: sure, Datum: age.ID, Kind: charts.RectMark, Rect: core,
		Style: charts.Style{Fill: charts.EstimateC, Opacity: 0.3, Stroke: charts.EstimateC, StrokeWidth: 1.5, Dash: charts.Dashed},
		Label: i18n.T(l, "compare.age.core", lo, sure), Value: sure})
	c.Add(charts.Mark{ID: "range-end/" + age.ID, Role: charts.RoleBar, Panel: apl.ID, Row: age.ID, From: sure, To: age.High, Datum: age.ID, Kind: charts.RectMark, Rect: fuzzy, Style: est,
		Label: i18n.T(l, "compare.age.end", sure, age.High), Value: age.High})
	c.Add(charts.Mark{ID: "value/" + age.ID, Role: charts.RoleValue, Panel: apl.ID, Row: age.ID, Datum: age.ID, Kind: charts.TextMark, Text: ageText,
		At: charts.Point{X: fuzzy.X + fuzzy.W + gap*0.6, Y: y + core.H/2 + f.small*charts.Midline}, Size: f.small, Bold: true, Style: charts.Style{Fill: charts.EstimateC}})
	addAxis(c, apl, "age/", core.Y-2, core.Y+core.H+2, core.Y+core.H+f.small*1.15, f.small)
	return y + barH + axisH
}

// ageSureHigh is where the range's upper span starts: "35" of "18 and 35-40".
func ageSureHigh(f data.Figure) float64 {
	ns := data.ParseNumbers(f.Text)
	if len(ns) >= 3 {
		return ns[len(ns)-2]
	}
	return f.High
}

// periodWordings are the ways the paper words a figure's period: its own sentence, and, when
// the record's period text quotes another wording, that one too.
func periodWordings(l i18n.Lang, f data.Figure) []string {
	first, second, two := periodParts(l, f)
	if !two {
		return []string{i18n.T(l, "compare.period", first)}
	}
	return []string{i18n.T(l, "compare.wording1", first), i18n.T(l, "compare.wording2", second)}
}

// periodParts splits a record's period text into its own wording and, in parentheses, the
// other wording it quotes (two is false when there is none).
func periodParts(l i18n.Lang, f data.Figure) (first, second string, two bool) {
	t := i18n.Period(l, f)
	i := strings.Index(t, "(")
	if i < 0 {
		return t, "", false
	}
	return strings.TrimSpace(t[:i]), strings.TrimSuffix(strings.TrimSpace(t[i+1:]), ")"), true
}

// footnoteList names the footnotes of the records, in the order given, once each.
func footnoteList(ids ...string) string {
	seen := map[int]bool{}
	var out []string
	for _, id := range ids {
		if f, ok := data.FigureByID(id); ok && !seen[f.Footnote] {
			seen[f.Footnote] = true
			out = append(out, itoa(f.Footnote))
		}
	}
	return strings.Join(out, ", ")
}

// mustFigure is the record with the id (the zero Figure if there is none; the tests make sure
// the compare view's records exist).
func mustFigure(id string) data.Figure { f, _ := data.FigureByID(id); return f }

// tag names the panel and row of the marks from index from on.
func tag(c *charts.Chart, from int, panel, row string) {
	for i := from; i < len(c.Marks); i++ {
		c.Marks[i].Panel, c.Marks[i].Row = panel, row
	}
}
