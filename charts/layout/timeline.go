package layout

import (
	"math"
	"sort"
	"strings"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
)

// The time axis runs from before the 1990s emigration to after the articles of early 2013.
const tlFrom, tlTo = 1989.5, 2014.0

// vagueSpans read the source's vague datings as spans of years; the label keeps the "~" and
// the tooltip the paper's words and caveat.
var vagueSpans = map[string][2]float64{
	"the first half of the 1990s": {1990, 1995},
	"the early 2000\u2019s":       {2000, 2003},
}

// eventLabels are the short labels drawn on the axis (catalog keys "tl.<event id>"); the
// tooltip gives the full title.
var eventLabels = map[string]bool{
	"ev-1990s-emigration":           true,
	"ev-1997-relevant":              true,
	"ev-2000-conference":            true,
	"ev-early-2000s-estimates":      true,
	"ev-2001-police-programme":      true,
	"ev-2001-life-without-violence": true,
	"ev-2002-brussels":              true,
	"ev-2003-un-convention":         true,
	"ev-2003-coe-translated":        true,
	"ev-2004-action-plan":           true,
	"ev-2006-conferences":           true,
	"ev-2012-12-statistics":         true,
	"ev-shelter":                    true,
}

// figureEvents are events that only restate figures; the figures lane draws those figures.
var figureEvents = map[string][]string{
	"ev-2010-figures": {"convicted-2010", "victims-2010"},
	"ev-2012-figures": {"victims-2012"},
}

// tlFigures are the counts placed on the time axis, with the span each refers to.
var tlFigures = []struct {
	ID     string
	X0, X1 float64 // the label is the catalog's "tl.<id>"
}{
	{"conferences-march-2006", 2006 + 2.5/12, 2006 + 2.5/12},
	{"victims-2006-2012", 2006, 2013},
	{"convicted-2010", 2010, 2011},
	{"victims-2010", 2010, 2011},
	{"victims-2012", 2012, 2013},
	{"media-articles-2013", 2012 + 11.0/12, 2013 + 4.0/12},
}

// tlItem is one thing on the axis: a marker or span, and its label beside it.
type tlItem struct {
	ID, Datum string
	X0, X1    float64 // years; X0 == X1 for a point
	Label     string
	Short     string // the label's short form with its date ("tl.short.<id>"), for the smallest frames
	Style     charts.Style
	Point     bool
}

// shortened are the items with their short labels, for a frame where the full ones do not fit.
func shortened(items []tlItem) []tlItem {
	out := append([]tlItem(nil), items...)
	for i := range out {
		if out[i].Short != "" {
			out[i].Label = out[i].Short
		}
	}
	return out
}

// Timeline lays out the dated steps and the yearly counts on one time axis, in two lanes, with
// the undated shelter in a lane of its own. Labels sit beside their marks, in as many rows as
// it takes for none to overlap.
func Timeline(a charts.Assets, year int, w, h float64) *charts.Chart {
	return withSubject(withTips(measured(timeline(a, i18n.EN, year, w, h))))
}

func timeline(a charts.Assets, l i18n.Lang, year int, w, h float64) *charts.Chart {
	if w <= 480 && h > w { // a phone: twenty-four years across a phone's width read badly
		return timelineVertical(a, l, year, w, h)
	}
	c := &charts.Chart{View: "timeline", Year: year, W: w, H: h, Background: charts.Background, Lang: l, Assets: a}
	c.Title = i18n.T(l, "timeline.title", year)
	sub := i18n.T(l, "timeline.subtitle", year)
	src := i18n.T(l, "source.timeline.fn", data.ShortSource, timelineFootnotes())
	notes := []string{i18n.T(l, "timeline.note")}
	f := newFrame(c, c.Title, sub, notes, src, 0)
	markerKey(c, f)

	events, figures, undated := timelineItems(l)
	gap := f.small * 0.5
	sx := charts.Linear{D0: tlFrom, D1: tlTo, R0: f.plot.X, R1: f.plot.X + f.plot.W}
	hdrH := f.small * 1.5
	axisH := f.small * 2.2
	undatedH := f.small * 1.8
	fixed := 2*hdrH + axisH + undatedH

	// Full labels where every row fits one text line and every label fits beside its marker;
	// else the compact form: each marker numbered, the labels listed under the axis by number.
	evRows := packRows(a.Fonts, events, sx, f.small, gap, f.plot.X, f.plot.X+f.plot.W)
	figRows := packRows(a.Fonts, figures, sx, f.small, gap, f.plot.X, f.plot.X+f.plot.W)
	nEv, nFig := rowCount(evRows), rowCount(figRows)
	rowH := min((f.plot.H-fixed)/float64(max(1, nEv+nFig)), f.small*1.7)
	undatedW := a.Fonts.TextWidth(i18n.T(l, "timeline.header.undated"), f.small, true) + gap*2
	for _, it := range undated {
		undatedW += f.small*0.8 + gap*4 + a.Fonts.TextWidth(it.Label, f.small, false)
	}
	var list []tlItem // the labels of the compact form, in number order
	var fit listFit
	if rowH < f.small*1.25 || !labelsFit(a.Fonts, events, sx, f.small, gap) || !labelsFit(a.Fonts, figures, sx, f.small, gap) || undatedW > f.plot.W {
		// The counts first, then the steps in order of time, then what has no date.
		list = append(append(append(list, figures...), events...), undated...)
		events, figures, undated = numbered(events, len(figures)), numbered(figures, 0), numbered(undated, len(events)+len(figures))
		evRows = packRows(a.Fonts, events, sx, f.small, gap, f.plot.X, f.plot.X+f.plot.W)
		figRows = packRows(a.Fonts, figures, sx, f.small, gap, f.plot.X, f.plot.X+f.plot.W)
		nEv, nFig = rowCount(evRows), rowCount(figRows)
		rowH = f.small * 1.3
		lanesH := fixed + rowH*float64(nEv+nFig) + f.small*1.8
		var ok bool
		if lanesH <= f.plot.H*0.75 {
			fit, ok = fitList(a.Fonts, c.Lang, list, f.plot.W, f.plot.H-lanesH, f.small, false)
		}
		if !ok {
			// No room for the lanes and the key (a small embed): a timeline that runs down the
			// frame, every item at its place in time, with its marker and its words. Nothing is
			// shaded there, so the frame is laid out again with the list's subtitle, which says
			// how the chosen year is marked.
			c = &charts.Chart{View: "timeline", Year: year, W: w, H: h, Background: charts.Background, Lang: l, Assets: a}
			c.Title = i18n.T(l, "timeline.title", year)
			f = newFrame(c, c.Title, i18n.T(l, "timeline.subtitle.list", year), notes, src, 0)
			markerKey(c, f)
			chrono := append([]tlItem(nil), list...)
			sort.SliceStable(chrono, func(i, j int) bool { return chronoLess(chrono[i], chrono[j]) })
			var whole bool
			fit, whole = fitList(a.Fonts, c.Lang, chrono, f.plot.W, f.plot.H, f.base, true)
			if !whole {
				// The smallest frames: the phone's timeline, without the note (the subtitle and
				// the undated group's header say it), in closer rows and short labels if need be.
				if v, ok := timelineVerticalFit(a, l, year, w, h); ok {
					return v
				}
				// Where not every item fits even so, the counts go first, so that the paper's
				// numbers stay.
				chrono = list
			}
			c.Panels = append(c.Panels, charts.Panel{ID: "list", Rect: f.plot})
			timelineList(c, f, chrono, f.plot.Y, year, fit)
			return c
		}
	}
	rowH = max(rowH, 1)
	evTop := f.plot.Y + hdrH
	figTop := evTop + rowH*float64(nEv) + hdrH
	axisY := figTop + rowH*float64(nFig) + f.small*0.3
	undatedY := axisY + axisH

	// The chosen year, shaded across the dated lanes.
	c.Add(charts.Mark{ID: "selected/" + itoa(year), Role: charts.RoleSelection, Panel: "time", From: float64(year), To: float64(year + 1), Kind: charts.RectMark,
		Rect: charts.Rect{X: sx.Map(float64(year)), Y: f.plot.Y, W: sx.Map(float64(year+1)) - sx.Map(float64(year)), H: axisY - f.plot.Y}, Style: charts.Style{Fill: charts.Grid, Opacity: 0.45}})
	tp := charts.Panel{ID: "time", Rect: charts.Rect{X: f.plot.X, Y: f.plot.Y, W: f.plot.W, H: axisY - f.plot.Y}, X: sx, Y: charts.Linear{D0: f.plot.Y, D1: axisY, R0: f.plot.Y, R1: axisY}}
	for t := 1990; t <= 2010; t += 5 {
		tp.Ticks = append(tp.Ticks, charts.Tick{Value: float64(t), Text: itoa(t)})
	}
	for r := 0; r < nEv; r++ {
		tp.Rows = append(tp.Rows, charts.Row{Key: "events/" + itoa(r), Y0: evTop + rowH*float64(r), Y1: evTop + rowH*float64(r+1)})
	}
	for r := 0; r < nFig; r++ {
		tp.Rows = append(tp.Rows, charts.Row{Key: "figures/" + itoa(r), Y0: figTop + rowH*float64(r), Y1: figTop + rowH*float64(r+1)})
	}
	addAxis(c, tp, "", f.plot.Y, axisY, 0, 0)
	c.Add(charts.Mark{ID: "header/events", Role: charts.RoleHeader, Kind: charts.TextMark, Text: shortIfWider(a.Fonts, l, "timeline.header.events", f.small, true, f.plot.W),
		At: charts.Point{X: f.plot.X, Y: f.plot.Y + f.small*charts.Ascent}, Size: f.small, Bold: true, Style: charts.Style{Fill: charts.Muted}})
	c.Add(charts.Mark{ID: "header/figures", Role: charts.RoleHeader, Kind: charts.TextMark, Text: shortIfWider(a.Fonts, l, "timeline.header.figures", f.small, true, f.plot.W),
		At: charts.Point{X: f.plot.X, Y: figTop - hdrH + f.small*charts.Ascent}, Size: f.small, Bold: true, Style: charts.Style{Fill: charts.Muted}})
	drawRows(c, "events/", events, evRows, sx, evTop, rowH, f.small, gap)
	drawRows(c, "figures/", figures, figRows, sx, figTop, rowH, f.small, gap)

	// The axis: a tick each year, a label every five years and for the chosen year.
	c.Add(charts.Mark{ID: "axis/line", Role: charts.RoleAxis, Panel: "time", Kind: charts.PathMark, Points: []charts.Point{{X: f.plot.X, Y: axisY}, {X: f.plot.X + f.plot.W, Y: axisY}}, Style: charts.Style{Stroke: charts.Muted, StrokeWidth: 1}})
	for t := 1990; t <= 2013; t++ {
		x := sx.Map(float64(t))
		l := f.small * 0.3
		if t%5 == 0 {
			l = f.small * 0.6
		}
		c.Add(charts.Mark{ID: "tick/" + itoa(t), Role: charts.RoleAxis, Panel: "time", Kind: charts.PathMark, Points: []charts.Point{{X: x, Y: axisY}, {X: x, Y: axisY + l}}, Style: charts.Style{Stroke: charts.Muted, StrokeWidth: 1}})
		if t%5 == 0 || t == year {
			c.Add(charts.Mark{ID: "ticklabel/" + itoa(t), Role: charts.RoleTick, Panel: "time", Kind: charts.TextMark, Text: itoa(t), At: charts.Point{X: sx.Map(float64(t) + 0.5), Y: axisY + f.small*1.6},
				Size: f.small, Anchor: charts.Middle, Bold: t == year, Style: charts.Style{Fill: charts.Muted}})
		}
	}

	// Not dated: its own lane, never at a guessed year.
	c.Panels = append(c.Panels, tp, charts.Panel{ID: "undated", Rect: charts.Rect{X: f.plot.X, Y: undatedY, W: f.plot.W, H: undatedH},
		Rows: []charts.Row{{Key: "undated", Y0: undatedY, Y1: undatedY + undatedH}}})
	hd := shortIfWider(a.Fonts, l, "timeline.header.undated", f.small, true, f.plot.W/2)
	c.Add(charts.Mark{ID: "header/undated", Role: charts.RoleHeader, Kind: charts.TextMark, Text: hd, At: charts.Point{X: f.plot.X, Y: undatedY + f.small*charts.Ascent},
		Size: f.small, Bold: true, Style: charts.Style{Fill: charts.Muted}})
	x := f.plot.X + a.Fonts.TextWidth(hd, f.small, true) + gap*2
	for _, it := range undated {
		box := charts.Rect{X: x, Y: undatedY + f.small*0.15, W: f.small * 0.8, H: f.small * 0.8}
		if x+box.W > f.plot.X+f.plot.W {
			break
		}
		c.Add(charts.Mark{ID: "marker/" + it.ID, Role: charts.RoleEvent, Panel: "undated", Row: "undated", Datum: it.Datum, Kind: charts.RectMark, Rect: box, Style: it.Style, Label: it.Label})
		t := it.Label
		c.Add(charts.Mark{ID: "label/" + it.ID, Role: charts.RoleLabel, Panel: "undated", Row: "undated", Datum: it.Datum, Kind: charts.TextMark, Text: t, At: charts.Point{X: box.X + box.W + gap, Y: undatedY + f.small*charts.Ascent},
			Size: f.small, Style: charts.Style{Fill: charts.Ink}})
		x += box.W + gap*3 + a.Fonts.TextWidth(t, f.small, false)
	}
	if len(list) > 0 {
		timelineList(c, f, list, undatedY+f.small*1.8, 0, fit)
	}
	return c
}

// timelineVertical is the timeline of a phone or a small frame: a time axis that runs down the
// frame, every item at its place in time (the paper's date, a vague span by its start), each
// with its marker on the axis, its year beside the axis where the year changes, and its words;
// what the paper does not date comes last, under its own header. Where the frame is short,
// the shape changes (smaller type down to MinText, more columns, closer rows, the words taking
// the years' column); no item is left out.
func timelineVertical(a charts.Assets, l i18n.Lang, year int, w, h float64) *charts.Chart {
	c, _ := timelineVerticalFit(a, l, year, w, h)
	return c
}

// timelineVerticalFit is timelineVertical, and whether every item fits.
func timelineVerticalFit(a charts.Assets, l i18n.Lang, year int, w, h float64) (*charts.Chart, bool) {
	c := &charts.Chart{View: "timeline", Year: year, W: w, H: h, Background: charts.Background, Lang: l, Assets: a}
	c.Title = i18n.T(l, "timeline.title", year)
	sub := i18n.T(l, "timeline.subtitle.list", year)
	src := i18n.T(l, "source.timeline.fn", data.ShortSource, timelineFootnotes())
	// No note: the lanes' note (vague steps drawn as spans, the undated apart) is said here by
	// the subtitle and the undated group's header.
	f := newFrame(c, c.Title, sub, nil, src, 0)
	markerKey(c, f)
	events, figures, undated := timelineItems(l)
	items := append(append(append([]tlItem(nil), events...), figures...), undated...)
	sort.SliceStable(items, func(i, j int) bool { return chronoLess(items[i], items[j]) })
	fit, ok := fitVertical(a.Fonts, items, f.plot.W, f.plot.H, f.base, false)
	if !ok {
		// The short labels, each with its date, so without the column of years (which would
		// give every date twice).
		if sf, sok := fitVertical(a.Fonts, shortened(items), f.plot.W, f.plot.H, f.base, true); sok {
			items, fit, ok = shortened(items), sf, true
		}
	}
	if !ok {
		// Not even then (the 40 %-longer pseudo-locale in the smallest 3:4 frames): the old
		// compact key, the items in time order as far as they fit and a line naming the rest.
		fit, _ = fitList(a.Fonts, l, items, f.plot.W, f.plot.H, f.base, true)
	}
	c.Panels = append(c.Panels, charts.Panel{ID: "list", Rect: f.plot})
	timelineList(c, f, items, f.plot.Y, year, fit)
	return c, ok
}

// fitVertical finds the shape of the vertical timeline in which every item fits w×h: the
// largest type and fewest columns; then, at MinText, closer rows; then the words taking the
// column of years. With dated labels (each carries its date) there is no column of years in
// any shape. It reports false where no shape holds every item.
func fitVertical(fonts *charts.Fonts, items []tlItem, w, h, size float64, dated bool) (listFit, bool) {
	maxCols := func(sz float64) int { return max(1, int(w/(sz*13))) }
	for sz := size; sz >= MinText-1e-9; sz -= 0.5 {
		for cols := 1; cols <= maxCols(sz); cols++ {
			if listHeight(fonts, items, w, sz, cols, true, dated, false) <= h {
				return listFit{size: sz, cols: cols, whole: true, noYears: dated}, true
			}
		}
	}
	for _, noYears := range []bool{dated, true} {
		for cols := 1; cols <= maxCols(MinText); cols++ {
			if listHeight(fonts, items, w, MinText, cols, true, noYears, true) <= h {
				return listFit{size: MinText, cols: cols, whole: true, noYears: noYears, tight: true}, true
			}
		}
	}
	return listFit{}, false
}

// labelsFit reports whether every item's label fits beside its marker, right or left.
func labelsFit(fonts *charts.Fonts, items []tlItem, sx charts.Linear, size, gap float64) bool {
	for _, it := range items {
		x0, x1 := markerX(it, sx, size)
		w := fonts.TextWidth(it.Label, size, false)
		if x1+gap+w > sx.R1 && x0-gap-w < sx.R0 {
			return false
		}
	}
	return true
}

// numbered gives the items their numbers, from first+1, as labels.
func numbered(items []tlItem, first int) []tlItem {
	out := append([]tlItem(nil), items...)
	for i := range out {
		out[i].Label = itoa(first + i + 1)
	}
	return out
}

// chronoLess orders items by time, the undated last; in the same month an event comes before
// a figure, which the paper counts from such an event (the articles "at the moment of
// appearance" of the December 2012 statistics and after, footnote 10).
func chronoLess(a, b tlItem) bool {
	ka, kb := chronoKey(a), chronoKey(b)
	if ma, mb := math.Floor(ka*12+1e-6), math.Floor(kb*12+1e-6); ma == mb && ka < 1e8 {
		_, fa := data.FigureByID(a.Datum)
		_, fb := data.FigureByID(b.Datum)
		if fa != fb {
			return fb
		}
	}
	return ka < kb
}

// chronoKey orders items by time, the undated last.
func chronoKey(it tlItem) float64 {
	if it.X0 == 0 && it.X1 == 0 {
		return 1e9
	}
	return it.X0
}

// listFit is a shape for the compact form's key: its type size and columns.
type listFit struct {
	size    float64
	cols    int
	whole   bool // every item fits
	noYears bool // the vertical form without its column of years (each label has its date)
	tight   bool // rows closer together, for a short frame
}

// listGeom measures the key's parts at a type size: line height, the column gap, the width
// before each label (the number, or the vertical axis with its year and marker).
func listGeom(fonts *charts.Fonts, size float64, vertical, tight bool) (lineH, colGap, numW float64) {
	lineH, colGap = size*1.3, size*1.5
	if tight {
		lineH = size * 1.15
	}
	numW = fonts.TextWidth("00 ", size, true)
	if vertical {
		numW = yearW(fonts, size, false, tight) + markW(size, tight) + size*0.5
		if tight {
			numW -= size * 0.15
		}
	}
	return
}

// yearW is the width of the vertical form's column of years, with its gap.
func yearW(fonts *charts.Fonts, size float64, none, tight bool) float64 {
	if none {
		return 0
	}
	if tight {
		return fonts.TextWidth("0000", size, true) + size*0.4
	}
	return fonts.TextWidth("0000", size, true) + size*0.6
}

// markW is the width of an item's marker in the vertical form; closer rows take a square.
func markW(size float64, tight bool) float64 {
	if tight {
		return size * 0.8
	}
	return size * 0.8 * 1.6
}

// itemGap is the space under each item of the vertical form.
func itemGap(size float64, tight bool) float64 {
	if tight {
		return size * 0.05
	}
	return size * 0.15
}

// fitList finds the largest type (from size down to MinText) and then the fewest columns in
// which every item of the key fits w×h whole. Where none does, it gives the smallest type in
// the most columns, and reports false.
func fitList(fonts *charts.Fonts, l i18n.Lang, items []tlItem, w, h, size float64, vertical bool) (listFit, bool) {
	var last listFit
	for sz := size; sz >= MinText-1e-9; sz -= 0.5 {
		maxCols := max(1, int(w/(sz*13)))
		first := 1
		if vertical { // a wide frame reads down two or three columns, not one with a blank half
			first = max(1, min(maxCols, int(w/(sz*30))))
		}
		for cols := first; cols <= maxCols; cols++ {
			last = listFit{size: sz, cols: cols}
			if listHeight(fonts, items, w, sz, cols, vertical, false, false) <= h {
				last.whole = true
				return last, true
			}
		}
	}
	if vertical { // the years' column gives its width to the words
		for cols := 1; cols <= max(1, int(w/(MinText*13))); cols++ {
			if listHeight(fonts, items, w, MinText, cols, true, true, false) <= h {
				return listFit{size: MinText, cols: cols, whole: true, noYears: true}, true
			}
		}
		// Not all: as many as fit, the smallest type, one column of words as wide as the frame.
		return listFit{size: MinText, cols: max(1, int(w/(MinText*26))), noYears: true}, false
	}
	return last, false
}

// listHeight is the height of the tallest column when the items fill cols columns top down,
// each column about as tall as the others.
func listHeight(fonts *charts.Fonts, items []tlItem, w, size float64, cols int, vertical, noYears, tight bool) float64 {
	lineH, colGap, numW := listGeom(fonts, size, vertical, tight)
	if vertical && noYears {
		numW -= yearW(fonts, size, false, tight)
	}
	colW := (w - colGap*float64(cols-1)) / float64(cols)
	hs := make([]float64, len(items))
	total := 0.0
	for i, it := range items {
		hs[i] = lineH*float64(len(wrapText(fonts, it.Label, size, true, colW-numW))) + itemGap(size, tight)
		total += hs[i]
	}
	if vertical && len(items) > 0 && chronoKey(items[len(items)-1]) > 1e8 {
		// The undated group's header, on a line of its own.
		hs[len(hs)-len(undatedOf(items))] += lineH
		total += lineH
	}
	// The shortest column height that takes every item in cols columns.
	target := total / float64(cols)
	for {
		col, y, tallest := 0, 0.0, 0.0
		for _, hh := range hs {
			if y > 0 && y+hh > target+1e-9 {
				col, y = col+1, 0
			}
			y += hh
			tallest = max(tallest, y)
		}
		if col < cols {
			return tallest
		}
		target += lineH / 2
	}
}

// undatedOf are the undated items at the end of a list in time order.
func undatedOf(items []tlItem) []tlItem {
	i := len(items)
	for i > 0 && chronoKey(items[i-1]) > 1e8 {
		i--
	}
	return items[i:]
}

// timelineList writes the compact form's key from top down: the number and the full label of
// each item, wrapped, in the columns and at the type size fit found, so that every item is
// named in words.
//
// With a year (the list-only form), the key is itself a timeline running down the frame: a
// vertical axis with each item's year where it changes, the item's marker on the axis, its
// words beside it; the items of that year are bold.
func timelineList(c *charts.Chart, f *frame, items []tlItem, top float64, year int, fit listFit) {
	size, cols := fit.size, fit.cols
	vertical := year != 0
	lineH, colGap, numW := listGeom(c.Fonts(), size, vertical, fit.tight)
	yw := yearW(c.Fonts(), size, fit.noYears, fit.tight)
	if vertical {
		numW += yw - yearW(c.Fonts(), size, false, fit.tight)
	}
	colW := (f.plot.W - colGap*float64(cols-1)) / float64(cols)
	target := listHeight(c.Fonts(), items, f.plot.W, size, cols, vertical, fit.noYears, fit.tight)
	col, y := 0, top
	lastYear := ""
	colTop := top
	colStart := len(c.Marks)
	offAxis := false // the undated group
	axis := func(x, y0, y1 float64) {
		if vertical && y1 > y0 && !offAxis {
			ax := x + yw + markW(size, fit.tight)/2
			// The axis goes under its column's markers.
			c.Marks = append(c.Marks[:colStart], append([]charts.Mark{{ID: "list/axis/" + itoa(col), Role: charts.RoleAxis, Panel: "list", Kind: charts.PathMark, Points: []charts.Point{{X: ax, Y: y0}, {X: ax, Y: y1}}, Style: charts.Style{Stroke: charts.Grid, StrokeWidth: 1.5}}}, c.Marks[colStart:]...)...)
		}
	}
	for i, it := range items {
		bold := vertical && it.X0 < float64(year+1) && it.X1 >= float64(year) && !(it.X0 == it.X1 && it.X0 < float64(year))
		lines := wrapText(c.Fonts(), it.Label, size, true, colW-numW)
		h := lineH*float64(len(lines)) + itemGap(size, fit.tight)
		undatedHead := vertical && chronoKey(it) > 1e8 && (i == 0 || chronoKey(items[i-1]) < 1e8)
		if undatedHead {
			h += lineH
		}
		if fit.whole && y > colTop && y-colTop+h > target+1e-9 && col < cols-1 {
			axis(f.plot.X+float64(col)*(colW+colGap), colTop, y)
			col, y = col+1, top
			colTop, lastYear, colStart = top, "", len(c.Marks)
		}
		x := f.plot.X + float64(col)*(colW+colGap)
		if !fit.whole {
			// A frame too small for every item at the smallest type (a small embed, never an
			// image that travels alone): the items that fit, then one line that names the rest
			// and the file that holds them.
			rest := wrapText(c.Fonts(), i18n.T(c.Lang, "timeline.list.rest", i+1, len(items)), size, false, colW)
			bottom := f.plot.Y + f.plot.H
			if col == cols-1 && (y+h+lineH*float64(len(rest)) > bottom || i == len(items)-1 && y+h > bottom) {
				for k, t := range rest {
					c.Add(charts.Mark{ID: lineID("list/rest", k), Role: charts.RoleNote, Kind: charts.TextMark, Text: t,
						At: charts.Point{X: x, Y: y + size*charts.Ascent + lineH*float64(k)}, Size: size, Style: charts.Style{Fill: charts.Muted}})
				}
				break
			}
			if y+h > bottom && col < cols-1 {
				axis(x, colTop, y)
				col, y = col+1, top
				colTop, lastYear, colStart = top, "", len(c.Marks)
				x = f.plot.X + float64(col)*(colW+colGap)
			}
		}
		if undatedHead {
			// What the paper does not date: a group of its own, under its header, off the axis.
			axis(x, colTop, y)
			c.Add(charts.Mark{ID: "header/undated", Role: charts.RoleHeader, Panel: "list", Kind: charts.TextMark, Text: shortIfWider(c.Fonts(), c.Lang, "timeline.header.undated", size, true, colW),
				At: charts.Point{X: x, Y: y + size*charts.Ascent}, Size: size, Bold: true, Style: charts.Style{Fill: charts.Muted}})
			y += lineH
			colTop, colStart, lastYear, offAxis = y, len(c.Marks), "—", true
		}
		if !vertical {
			c.Add(charts.Mark{ID: "list/num/" + it.ID, Role: charts.RoleLabel, Datum: it.Datum, Kind: charts.TextMark, Text: itoa(i + 1),
				At: charts.Point{X: x, Y: y + size*charts.Ascent}, Size: size, Bold: true, Style: charts.Style{Fill: charts.Ink}})
		} else {
			yr := itoa(int(it.X0))
			if chronoKey(it) > 1e8 {
				yr = "—"
			}
			if yr != lastYear && !fit.noYears {
				c.Add(charts.Mark{ID: "list/year/" + it.ID, Role: charts.RoleTick, Panel: "list", Kind: charts.TextMark, Text: yr,
					At: charts.Point{X: x, Y: y + size*charts.Ascent}, Size: size, Bold: true, Style: charts.Style{Fill: charts.Muted}})
				lastYear = yr
			}
			var role charts.Role = charts.RoleEvent
			if _, ok := data.FigureByID(it.Datum); ok {
				role = charts.RoleBar
			}
			m := size * 0.8
			mx := x + yw
			c.Add(charts.Mark{ID: "marker/" + it.ID, Role: role, Panel: "list", Datum: it.Datum, Kind: charts.RectMark, Rect: charts.Rect{X: mx, Y: y + (lineH-m)/2, W: markW(size, fit.tight), H: m},
				Style: it.Style, Label: it.Label, Value: it.X0})
		}
		for k, t := range lines {
			c.Add(charts.Mark{ID: lineID("list/"+it.ID, k), Role: charts.RoleLabel, Datum: it.Datum, Kind: charts.TextMark, Text: t,
				At: charts.Point{X: x + numW, Y: y + size*charts.Ascent + lineH*float64(k)}, Size: size, Bold: bold, Style: charts.Style{Fill: charts.Ink}})
		}
		y += h
	}
	axis(f.plot.X+float64(col)*(colW+colGap), colTop, y)
}

// shortIfWider is the catalog's text for key, or its short form (key+".short") where the text
// is wider than w.
func shortIfWider(fonts *charts.Fonts, l i18n.Lang, key string, size float64, bold bool, w float64) string {
	if t := i18n.T(l, key); fonts.TextWidth(t, size, bold) <= w || !i18n.Has(key+".short") {
		return t
	}
	return i18n.T(l, key+".short")
}

// markerKinds are the kinds of marker the timeline draws, each a look and the key entry that
// says what it means (catalog "timeline.key.<name>"): a step dated to a day or month, to a
// year, only vaguely, not at all; an official count for one year, for several years; a count
// that is not official. timelineItems gives every item one of these looks, and every
// timeline draws their key (markerKey).
var markerKinds = []struct {
	Name  string
	Count bool // a count's marker, not a step's
	Style charts.Style
}{
	{"day", false, charts.Style{Fill: charts.Background, Stroke: charts.Ink, StrokeWidth: 1.2}},
	{"year", false, charts.Style{Fill: charts.Grid, Stroke: charts.Ink, StrokeWidth: 1}},
	{"vague", false, charts.Style{Fill: charts.Grid, Opacity: 0.6, Stroke: charts.Muted, StrokeWidth: 1.2, Dash: charts.Dashed}},
	{"undated", false, charts.Style{Fill: charts.Background, Stroke: charts.Ink, StrokeWidth: 1.2, Dash: charts.Dashed}},
	{"official", true, charts.Style{Fill: charts.OfficialC}},
	{"official-period", true, charts.Style{Fill: charts.GroupC, Stroke: charts.OfficialC, StrokeWidth: 1.2, Dash: charts.Dashed}},
	{"other", true, charts.Style{Fill: charts.Background, Stroke: charts.Muted, StrokeWidth: 1.2, Dash: charts.Dashed}},
}

// markerKey takes the bottom of the frame's plot for the key of the markers (markerKinds) and
// draws it there: the steps' kinds on one line, the counts' on the next, each line headed by
// its group's word and running on to another line where the plot is narrow; every entry a
// swatch and its words.
func markerKey(c *charts.Chart, f *frame) {
	size := f.small
	sw, gap, sep, lineH := size*0.8, size*0.35, size*0.8, size*1.25
	type entry struct {
		id, text string
		swatch   *charts.Style
		w        float64
	}
	var groups [][]entry
	for _, k := range markerKinds {
		group := "steps"
		if k.Count {
			group = "counts"
		}
		if len(groups) == 0 || (group == "counts") != (groups[len(groups)-1][0].id == "mk-counts") {
			t := i18n.T(c.Lang, "timeline.key."+group)
			groups = append(groups, []entry{{"mk-" + group, t, nil, c.Fonts().TextWidth(t, size, true)}})
		}
		t := i18n.T(c.Lang, "timeline.key."+k.Name)
		groups[len(groups)-1] = append(groups[len(groups)-1], entry{"mk-" + k.Name, t, &k.Style, sw + gap + c.Fonts().TextWidth(t, size, false)})
	}
	// As many entries to a line as fit; a group's word goes on with its first entry.
	var all []entry
	for _, g := range groups {
		all = append(all, g...)
	}
	var lines [][]entry
	x := 0.0
	for i, e := range all {
		w := e.w
		if e.swatch == nil && i+1 < len(all) {
			w += sep + all[i+1].w
		}
		if len(lines) == 0 || (x > 0 && x+w > f.plot.W) {
			lines, x = append(lines, nil), 0
		}
		lines[len(lines)-1] = append(lines[len(lines)-1], e)
		x += e.w + sep
	}
	f.plot.H = max(f.plot.H-lineH*float64(len(lines)), 10)
	y := f.plot.Y + f.plot.H
	for _, ln := range lines {
		x := f.plot.X
		for _, e := range ln {
			tx := x
			if e.swatch != nil {
				c.Add(charts.Mark{ID: "legend/" + e.id + "/swatch", Role: charts.RoleLegend, Kind: charts.RectMark, Rect: charts.Rect{X: x, Y: y + (lineH-sw)/2, W: sw, H: sw}, Style: *e.swatch})
				tx += sw + gap
			}
			c.Add(charts.Mark{ID: "legend/" + e.id + "/0", Role: charts.RoleLegend, Kind: charts.TextMark, Text: e.text, At: charts.Point{X: tx, Y: y + lineH/2 + size*charts.Midline},
				Size: size, Bold: e.swatch == nil, Style: charts.Style{Fill: charts.Muted}})
			x += e.w + sep
		}
		y += lineH
	}
}

// timelineItems are the events (dated and not) and the counts, each with its span and style.
func timelineItems(l i18n.Lang) (events, figures, undated []tlItem) {
	evStyle := markerKinds[0].Style
	for _, e := range data.Events {
		if _, ok := figureEvents[e.ID]; ok {
			continue
		}
		lbl := i18n.EventTitle(l, e)
		if eventLabels[e.ID] {
			lbl = i18n.T(l, "tl."+e.ID)
		}
		when := i18n.EventWhen(l, e)
		it := tlItem{ID: e.ID, Datum: e.ID, X0: e.Year, X1: e.Year, Style: evStyle, Short: i18n.T(l, "tl.short."+e.ID)}
		switch e.Precision {
		case data.Undated:
			it.Label, it.Style = capitalize(l, lbl), markerKinds[3].Style
			it.Short = capitalize(l, it.Short)
			undated = append(undated, it)
			continue
		case data.Vague:
			sp, ok := vagueSpans[e.When]
			if !ok {
				sp = [2]float64{e.Year - 1, e.Year + 1}
			}
			it.X0, it.X1 = sp[0], sp[1]
			it.Label = "~ " + when + ": " + lbl
			it.Style = markerKinds[2].Style
		case data.Year:
			it.X0, it.X1 = e.Year, e.Year+1
			it.Label = when + ": " + lbl
			it.Style = markerKinds[1].Style
		default: // day, month: a point
			it.Point = true
			it.Label = when + ": " + lbl
		}
		events = append(events, it)
	}
	for _, tf := range tlFigures {
		fig, ok := data.FigureByID(tf.ID)
		if !ok {
			continue
		}
		it := tlItem{ID: fig.ID, Datum: fig.ID, X0: tf.X0, X1: tf.X1, Label: i18n.T(l, "tl."+tf.ID), Short: i18n.T(l, "tl.short."+tf.ID), Point: tf.X0 == tf.X1}
		switch {
		case fig.Status == data.Official && fig.Period.From != fig.Period.To:
			it.Style = markerKinds[5].Style
		case fig.Status == data.Official:
			it.Style = markerKinds[4].Style
		default:
			it.Style = markerKinds[6].Style
		}
		figures = append(figures, it)
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].X0 < events[j].X0 })
	return events, figures, undated
}

// packRows gives each item the first row where its marker and label fit after what is there;
// the label goes right of the marker, or left of it when it would leave the plot.
func packRows(fonts *charts.Fonts, items []tlItem, sx charts.Linear, size, gap, left, right float64) []int {
	rows := make([]int, len(items))
	var ends []float64
	for i, it := range items {
		a, b := extent(fonts, it, sx, size, gap, left, right)
		r := 0
		for r < len(ends) && ends[r]+gap*2 > a {
			r++
		}
		if r == len(ends) {
			ends = append(ends, 0)
		}
		ends[r] = b
		rows[i] = r
	}
	return rows
}

// extent is the horizontal room an item takes: marker plus label.
func extent(fonts *charts.Fonts, it tlItem, sx charts.Linear, size, gap, left, right float64) (float64, float64) {
	x0, x1 := markerX(it, sx, size)
	lw := min(fonts.TextWidth(it.Label, size, false), right-left)
	if labelLeft(fonts, it, sx, size, gap, right) {
		return max(left, x0-gap-lw), x1
	}
	return x0, x1 + gap + lw
}

func markerX(it tlItem, sx charts.Linear, size float64) (float64, float64) {
	if it.Point {
		x := sx.Map(it.X0)
		return x - size*0.45, x + size*0.45
	}
	return sx.Map(it.X0), sx.Map(it.X1)
}

func labelLeft(fonts *charts.Fonts, it tlItem, sx charts.Linear, size, gap, right float64) bool {
	_, x1 := markerX(it, sx, size)
	return x1+gap+fonts.TextWidth(it.Label, size, false) > right
}

func rowCount(rows []int) int {
	n := 0
	for _, r := range rows {
		n = max(n, r+1)
	}
	return n
}

// drawRows places the items' markers and labels in their rows.
func drawRows(c *charts.Chart, lane string, items []tlItem, rows []int, sx charts.Linear, top, rowH, size, gap float64) {
	right := sx.R1
	for i, it := range items {
		yc := top + rowH*(float64(rows[i])+0.5)
		x0, x1 := markerX(it, sx, size)
		mh := min(size*0.9, rowH*0.8)
		var role charts.Role = charts.RoleEvent
		if _, ok := data.FigureByID(it.Datum); ok {
			role = charts.RoleBar
		}
		row := lane + itoa(rows[i])
		if it.Point { // a day or a month: a small square centred on the date
			r := mh * 0.4
			c.Add(charts.Mark{ID: "marker/" + it.ID, Role: role, Panel: "time", Row: row, From: it.X0, To: it.X1, Datum: it.Datum, Kind: charts.RectMark, Rect: charts.Rect{X: sx.Map(it.X0) - r, Y: yc - r, W: 2 * r, H: 2 * r},
				Style: it.Style, Label: it.Label, Value: it.X0, YValue: yc})
		} else {
			c.Add(charts.Mark{ID: "marker/" + it.ID, Role: role, Panel: "time", Row: row, From: it.X0, To: it.X1, Datum: it.Datum, Kind: charts.RectMark, Rect: charts.Rect{X: x0, Y: yc - mh/2, W: x1 - x0, H: mh},
				Style: it.Style, Label: it.Label, Value: it.X0, YValue: yc})
		}
		at, anchor := charts.Point{X: x1 + gap, Y: yc + size*charts.Midline}, charts.Start
		if labelLeft(c.Fonts(), it, sx, size, gap, right) {
			at, anchor = charts.Point{X: x0 - gap, Y: yc + size*charts.Midline}, charts.End
		}
		c.Add(charts.Mark{ID: "label/" + it.ID, Role: charts.RoleLabel, Panel: "time", Row: row, Datum: it.Datum, Kind: charts.TextMark, Text: it.Label,
			At: at, Size: size, Anchor: anchor, Style: charts.Style{Fill: charts.Ink}})
	}
}

// describeEvent is an event's tooltip: title, date as the paper words it, footnote, caveat.
func describeEvent(l i18n.Lang, id string) []tipLine {
	for _, e := range data.Events {
		if e.ID != id {
			continue
		}
		lines := plain(i18n.EventTitle(l, e), i18n.T(l, "tip.when", i18n.EventWhen(l, e)))
		if e.Footnote == 0 {
			// Once: where the event's caveat already says the paper gives no footnote, it
			// alone says it.
			if !(len(e.Caveats) > 0 && strings.Contains(strings.ToLower(e.Caveats[len(e.Caveats)-1]), "no footnote")) {
				lines = append(lines, plain(i18n.T(l, "tip.nofootnote"))...)
			}
		} else {
			lines = append(lines, plain(i18n.T(l, "tip.footnote", e.Footnote))...)
		}
		if cs := i18n.EventCaveats(l, e); len(cs) > 0 {
			lines = append(lines, caveatLine(cs[len(cs)-1]))
		}
		return lines
	}
	return nil
}

// timelineFootnotes names, in order, the footnotes behind the timeline's events and figures,
// so that an image without tooltips still says where each step comes from.
func timelineFootnotes() string {
	seen := map[int]bool{}
	for _, e := range data.Events {
		seen[e.Footnote] = true
	}
	for _, tf := range tlFigures { // only the counts the timeline shows (not the ages, footnote 7)
		if f, ok := data.FigureByID(tf.ID); ok {
			seen[f.Footnote] = true
		}
	}
	var fns []int
	for n := range seen {
		if n > 0 {
			fns = append(fns, n)
		}
	}
	sort.Ints(fns)
	out := make([]string, len(fns))
	for i, n := range fns {
		out[i] = itoa(n)
	}
	return strings.Join(out, ", ")
}
