package charts

import (
	"fmt"
	"strings"

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
func Compare(year int, w, h float64) *Chart { return compare(i18n.EN, year, w, h).withTips() }

func compare(l i18n.Lang, year int, w, h float64) *Chart {
	c := &Chart{View: "compare", Year: year, W: w, H: h, Background: Background, Lang: l}
	c.Title = i18n.T(l, "compare.title")
	sub := i18n.T(l, "compare.subtitle", year)
	fig := func(id string) data.Figure { f, _ := data.FigureByID(id); return f }
	notes := []string{i18n.T(l, "caveat.trend")}
	src := i18n.T(l, "source.compare",
		data.ShortSource, footnoteList(cmpNGO, cmpAge, cmpConvicted, cmpTotal, cmpReferred))
	f := newFrame(c, c.Title, sub, notes, src, 0)

	gap := f.base * 0.6
	colGap := f.base * 1.8
	leftW := (f.plot.W - colGap) * 0.52
	rx := f.plot.X + leftW + colGap
	rightW := f.plot.X + f.plot.W - rx

	// Left: official counts, persons, one scale.
	rowH := f.small*1.35 + f.base*1.2 + f.base*0.7
	partH := f.small * 1.4
	axisH := f.small * 2.8
	hdrH := f.small * 1.7
	k := min(1.4, f.plot.H/(hdrH+3*rowH+partH+axisH))
	y := f.plot.Y
	c.add(Mark{ID: "header/official", Role: "header", Kind: TextMark, Text: Fit(i18n.T(l, "compare.header.official"), f.small, true, leftW),
		At: Point{f.plot.X, y + f.small*ascent}, Size: f.small, Bold: true, Style: Style{Fill: Muted}})
	y += hdrH * k
	valueW := TextWidth("000", f.base, true) + gap
	official := []data.Figure{fig(cmpConvicted), fig(cmpIdentified), fig(cmpReferred)}
	hi := 0.0
	for _, o := range official {
		hi = max(hi, o.Value)
	}
	ticks := NiceTicks(hi, int(clamp(leftW/(f.small*5), 2, 5)))
	sx := Linear{0, ticks[len(ticks)-1], f.plot.X, f.plot.X + leftW - valueW}
	th := f.base * 1.2 * k
	top := y
	gridAt := len(c.Marks)
	type span struct{ y0, y1 float64 }
	rows := map[int]span{}
	op := Panel{ID: "official", X: sx, Ticks: ticksOf(l, ticks)}
	for i, o := range official {
		y0 := y
		lbl := fmt.Sprintf("%d \u00b7 %s", o.Period.From, i18n.Measure(l, o))
		c.add(Mark{ID: "label/" + o.ID, Role: "label", Panel: op.ID, Row: o.ID, Datum: o.ID, Kind: TextMark, Text: Fit(lbl, f.small, false, leftW),
			At: Point{f.plot.X, y + f.small*ascent}, Size: f.small, Style: Style{Fill: Ink}})
		y += f.small * 1.35 * k
		r := Rect{sx.Map(0), y, sx.Map(o.Value) - sx.Map(0), th}
		op.Rows = append(op.Rows, Row{Key: o.ID, Label: lbl, Y0: y, Y1: y + th, Selected: o.Period.From == year})
		c.add(Mark{ID: "bar/" + o.ID, Role: "bar", Panel: op.ID, Row: o.ID, Datum: o.ID, Kind: RectMark, Rect: r, Style: Style{Fill: OfficialC}, Label: lbl, Value: o.Value})
		c.add(Mark{ID: "value/" + o.ID, Role: "value", Panel: op.ID, Row: o.ID, Datum: o.ID, Kind: TextMark, Text: i18n.FigText(l, o),
			At: Point{r.X + r.W + gap*0.6, y + th/2 + f.base*midline}, Size: f.base, Bold: true, Style: Style{Fill: Ink}})
		if o.ID == cmpIdentified {
			p := fig(cmpNoSchool)
			pr := Rect{sx.Map(0), y, sx.Map(p.Value) - sx.Map(0), th}
			plbl := i18n.T(l, "compare.noschool", i18n.FigText(l, p), i18n.FigText(l, o))
			c.add(Mark{ID: "part/" + p.ID, Role: "bar", Panel: op.ID, Row: o.ID, Datum: p.ID, Kind: RectMark, Rect: pr, Style: Style{Fill: PartC, Stroke: Background, StrokeWidth: 1}, Label: plbl, Value: p.Value})
			share := i18n.T(l, "compare.share", 100*p.Value/o.Value)
			c.add(Mark{ID: "label/" + p.ID, Role: "label", Panel: op.ID, Row: o.ID, Datum: p.ID, Kind: TextMark, Text: Fit(plbl+share, f.small, false, leftW),
				At: Point{sx.Map(0), y + th + f.small*1.15}, Size: f.small, Style: Style{Fill: Ink}})
			y += partH * k
		}
		y += (f.base*1.2 + f.base*0.7) * k
		rows[i] = span{y0, y - f.base*0.45*k}
	}
	bottom := y - f.base*0.3*k
	op.Rect = Rect{sx.R0, top, sx.R1 - sx.R0, bottom - top}
	c.Panels = append(c.Panels, op)
	grid, tickLabels := axisMarks(op, "official/", top, bottom, bottom+f.small*1.2, f.small)
	c.Marks = append(c.Marks, tickLabels...)
	c.Marks = append(c.Marks[:gridAt], append(grid, c.Marks[gridAt:]...)...) // under the bars
	c.add(Mark{ID: "axis/official", Role: "axis", Kind: TextMark, Text: Fit(i18n.T(l, "compare.axis"), f.small, false, leftW),
		At: Point{sx.Map(0), bottom + f.small*2.5}, Size: f.small, Style: Style{Fill: Muted}})
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
	if sel.y1 > 0 {
		c.Marks = append([]Mark{{ID: "selected/" + itoa(year), Role: "selection", Panel: op.ID, Kind: RectMark,
			Rect:  Rect{f.plot.X - gap*0.5, sel.y0 - f.small*0.3, leftW + gap*0.5, sel.y1 - sel.y0 + f.small*0.3},
			Style: Style{Stroke: Ink, StrokeWidth: 1.2}}}, c.Marks...)
	}

	compareRight(c, f, fig, rx, rightW, gap)
	return c
}

// compareRight lays out the right column: the multi-year total in words, then the estimates.
func compareRight(c *Chart, f *frame, fig func(string) data.Figure, x, w, gap float64) {
	l := c.Lang
	hdrH := f.small * 1.7
	lineH := f.small * 1.35
	barH := f.base * 1.1
	need := hdrH + f.base*1.9 + 3*lineH + f.base*0.8 + hdrH + 2*(lineH+barH+f.small*1.6+f.base*0.5)
	k := min(1.4, f.plot.H/need)
	y := f.plot.Y

	tot := fig(cmpTotal)
	c.add(Mark{ID: "header/total", Role: "header", Kind: TextMark, Text: Fit(i18n.T(l, "compare.header.total"), f.small, true, w),
		At: Point{x, y + f.small*ascent}, Size: f.small, Bold: true, Style: Style{Fill: Muted}})
	y += hdrH * k
	big := f.base * 1.6
	c.add(Mark{ID: "value/" + tot.ID, Role: "value", Datum: tot.ID, Kind: TextMark, Text: i18n.FigText(l, tot), At: Point{x, y + big*ascent}, Size: big, Bold: true, Style: Style{Fill: OfficialC}})
	nx := x + TextWidth(i18n.FigText(l, tot), big, true) + gap
	c.add(Mark{ID: "label/" + tot.ID, Role: "label", Datum: tot.ID, Kind: TextMark, Text: Fit(i18n.T(l, "compare.total.label"), f.small, false, x+w-nx),
		At: Point{nx, y + big*ascent}, Size: f.small, Style: Style{Fill: Ink}})
	y += f.base * 1.9 * k
	wordings := periodWordings(l, tot)
	for i, wd := range wordings {
		c.add(Mark{ID: "period/" + itoa(i), Role: "label", Datum: tot.ID, Kind: TextMark, Text: Fit(wd, f.small, false, w),
			At: Point{x, y + f.small*ascent}, Size: f.small, Style: Style{Fill: Ink}})
		y += lineH * k
	}
	if len(wordings) > 1 {
		c.add(Mark{ID: "flag/" + tot.ID, Role: "label", Datum: tot.ID, Kind: TextMark, Text: Fit(i18n.T(l, "compare.disagree"), f.small, true, w),
			At: Point{x, y + f.small*ascent}, Size: f.small, Bold: true, Style: Style{Fill: Ink}})
		y += lineH * k
	}
	y += f.base * 0.8 * k

	c.add(Mark{ID: "header/estimates", Role: "header", Kind: TextMark, Text: Fit(i18n.T(l, "compare.header.estimates"), f.small, true, w),
		At: Point{x, y + f.small*ascent}, Size: f.small, Bold: true, Style: Style{Fill: Muted}})
	y += hdrH * k
	est := Style{Stroke: EstimateC, StrokeWidth: 1.5, Dash: Dashed}
	valueW := TextWidth(i18n.T(l, "value.upto", i18n.Number(l, 8888)), f.base, true) + gap

	// NGOs: an upper bound, drawn as an outline from 0 to the bound.
	ngo := fig(cmpNGO)
	c.add(Mark{ID: "label/" + ngo.ID, Role: "label", Datum: ngo.ID, Kind: TextMark, Text: Fit(i18n.T(l, "compare.ngo.label"), f.small, false, w),
		At: Point{x, y + f.small*ascent}, Size: f.small, Style: Style{Fill: Ink}})
	y += lineH * k
	nticks := NiceTicks(ngo.High, 2)
	nx0 := Linear{0, nticks[len(nticks)-1], x, x + w - valueW}
	r := Rect{nx0.Map(0), y, nx0.Map(ngo.High) - nx0.Map(0), barH * k}
	np := Panel{ID: "ngo", Rect: Rect{nx0.R0, r.Y, nx0.R1 - nx0.R0, r.H}, X: nx0, Ticks: ticksOf(l, nticks),
		Rows: []Row{{Key: ngo.ID, Label: i18n.T(l, "compare.ngo.label"), Y0: r.Y, Y1: r.Y + r.H}}}
	c.Panels = append(c.Panels, np)
	c.add(Mark{ID: "bar/" + ngo.ID, Role: "bar", Panel: np.ID, Row: ngo.ID, Datum: ngo.ID, Kind: RectMark, Rect: r, Style: est, Label: i18n.T(l, "value.upto", i18n.FigText(l, ngo)) + " " + i18n.Unit(l, ngo), Value: ngo.High})
	c.add(Mark{ID: "value/" + ngo.ID, Role: "value", Panel: np.ID, Row: ngo.ID, Datum: ngo.ID, Kind: TextMark, Text: i18n.T(l, "value.upto", i18n.FigText(l, ngo)),
		At: Point{r.X + r.W + gap*0.6, r.Y + r.H/2 + f.base*midline}, Size: f.base, Bold: true, Style: Style{Fill: EstimateC}})
	c.addAxis(np, "ngo/", r.Y-2, r.Y+r.H+2, r.Y+r.H+f.small*1.15, f.small)
	y += (barH + f.small*1.6 + f.base*0.5) * k

	// Ages: a range whose upper end is itself a span ("35-40").
	age := fig(cmpAge)
	c.add(Mark{ID: "label/" + age.ID, Role: "label", Datum: age.ID, Kind: TextMark, Text: Fit(i18n.T(l, "compare.age.label"), f.small, false, w),
		At: Point{x, y + f.small*ascent}, Size: f.small, Style: Style{Fill: Ink}})
	y += lineH * k
	aticks := NiceTicks(50, int(clamp(w/(f.small*5), 2, 5)))
	ax := Linear{0, aticks[len(aticks)-1], x, x + w - valueW}
	lo, sure := age.Value, ageSureHigh(age)
	core := Rect{ax.Map(lo), y, ax.Map(sure) - ax.Map(lo), barH * k}
	fuzzy := Rect{ax.Map(sure), y, ax.Map(age.High) - ax.Map(sure), barH * k}
	apl := Panel{ID: "age", Rect: Rect{ax.R0, core.Y, ax.R1 - ax.R0, core.H}, X: ax, Ticks: ticksOf(l, aticks),
		Rows: []Row{{Key: age.ID, Label: i18n.T(l, "compare.age.label"), Y0: core.Y, Y1: core.Y + core.H}}}
	c.Panels = append(c.Panels, apl)
	c.add(Mark{ID: "range/" + age.ID, Role: "bar", Panel: apl.ID, Row: age.ID, From: lo, To: sure, Datum: age.ID, Kind: RectMark, Rect: core,
		Style: Style{Fill: EstimateC, Opacity: 0.3, Stroke: EstimateC, StrokeWidth: 1.5, Dash: Dashed},
		Label: i18n.T(l, "compare.age.core", lo, sure), Value: sure})
	c.add(Mark{ID: "range-end/" + age.ID, Role: "bar", Panel: apl.ID, Row: age.ID, From: sure, To: age.High, Datum: age.ID, Kind: RectMark, Rect: fuzzy, Style: est,
		Label: i18n.T(l, "compare.age.end", sure, age.High), Value: age.High})
	c.add(Mark{ID: "value/" + age.ID, Role: "value", Panel: apl.ID, Row: age.ID, Datum: age.ID, Kind: TextMark, Text: Fit(i18n.T(l, "quote", i18n.FigText(l, age)), f.small, true, x+w-fuzzy.X-fuzzy.W-gap*0.6),
		At: Point{fuzzy.X + fuzzy.W + gap*0.6, y + core.H/2 + f.small*midline}, Size: f.small, Bold: true, Style: Style{Fill: EstimateC}})
	c.addAxis(apl, "age/", core.Y-2, core.Y+core.H+2, core.Y+core.H+f.small*1.15, f.small)
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
	t := i18n.Period(l, f)
	i := strings.Index(t, "(")
	if i < 0 {
		return []string{i18n.T(l, "compare.period", t)}
	}
	first := strings.TrimSpace(t[:i])
	second := strings.TrimSuffix(strings.TrimSpace(t[i+1:]), ")")
	return []string{i18n.T(l, "compare.wording1", first), i18n.T(l, "compare.wording2", second)}
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
