package layout

import (
	"fmt"
	"sort"
	"strings"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
	"azflows/internal/geo"
)

// legendEntry is one entry of the map's key: its text, wrapped beside a sample.
type legendEntry struct {
	name              string
	role              charts.Role
	datum, text, fill string
	short             string // a shorter text, for a key that holds not every entry
	oneLine           string // the same in fewer words, where text wraps and this does not
	// sample draws the entry's sample with its left edge at x, beside text top..top+h, in a
	// sample column sw wide.
	sample func(x, top, h, sw float64)
	extra  float64 // height the sample needs below the text's first line (the widest arc)
	must   bool    // a small key keeps it whatever else it leaves out (smallKeyOrder)
	bar    float64 // the sample's width where it is a bar narrower than the sample column
	abbrev bool    // oneLine only abbreviates a country's name ("ОАЭ"): it says all text says
}

// legendMarks writes the key: what width, colour and dashes mean, what the map leaves out.
//
// Entries that name data come first (the arcs named only here, the estimate), then what every
// mark of the map means. The key keeps every entry: where the entries do not fit its box at
// the frame's type size, it tries smaller type (down to MinText) and more columns; it reports
// false when even that does not hold them all, and the map is laid out again with a larger key.
//
// When the box of victims without a destination found no clear place on the map (boxedOnMap
// false), its entry in the key carries its count.
//
// A small embed's key (beside the map) is a run-in paragraph instead (flowKey), in the fewest
// words that say it all (the catalog's ".embed" forms): the year's total first, then the
// destinations it breaks down into, what nothing else explains, the widths ("▬ 5 ━ 20
// persons"), the colours of the land and the routes (smallKeyOrder); where not all fit at any
// size the map is laid out again keeping only those (mapFrame.mustOnly), never a language's
// chance selection of the rest.
func (m *mapFrame) legendMarks(c *charts.Chart, s charts.State, dests []destination, keyed []keyedLabel, boxedOnMap bool, last bool) bool {
	l := c.Lang
	var es []legendEntry
	add := func(e legendEntry) { es = append(es, e) }
	small := m.short && !m.phone
	// A small embed's key gives the dashed arc of the group its sample beside the group's
	// numbered entry ("- - 3 Other countries, incl. Russia 4"), which then says what the dashes
	// mean; and it leaves Azerbaijan's swatch to the label that names Azerbaijan on the map.
	groupKeyed, azNamed := false, false
	for _, mk := range c.Marks {
		azNamed = azNamed || (mk.Kind == charts.TextMark && mk.Datum == countryDatum("AZ", c.Year))
	}
	groupSample := func(d destination) func(x, top, h, sw float64) {
		return func(x, top, h, sw float64) {
			c.Add(charts.Mark{ID: "legend/group", Role: charts.RoleLegend, Kind: charts.PathMark, Closed: true,
				Points: arcPolygon(charts.Point{X: x, Y: top + h/2}, charts.Point{X: x + sw*0.7, Y: top + h/2}, 0, d.Figure.Value*m.k, m.f.small), Style: d.Style})
		}
	}
	for _, k := range keyed {
		text := k.d.Label + " " + i18n.FigText(l, k.d.Figure)
		if k.Numbered {
			text = itoa(k.N) + " " + text
		}
		short := ""
		if sn := shortLabel(l, k.d); m.short && sn != k.d.Label && k.d.Flow.Kind != data.OtherCountries {
			// A small key: the country's short name where the full one takes a line more (the
			// group keeps its "incl. Russia", as the large key does, on a line more).
			short = strings.TrimSuffix(text, k.d.Label+" "+i18n.FigText(l, k.d.Figure)) + sn + " " + i18n.FigText(l, k.d.Figure)
		}
		e := legendEntry{name: "key-" + k.d.Figure.ID, role: charts.RoleLegend, datum: k.d.Figure.ID, text: text, fill: charts.Ink, oneLine: short,
			abbrev: k.d.Flow.Kind == data.Country}
		if small && k.d.Flow.Kind == data.OtherCountries {
			e.sample, groupKeyed = groupSample(k.d), true
		}
		add(e)
	}
	for _, d := range dests {
		if d.Flow.Kind == data.NotGiven {
			text, datum := i18n.T(l, "legend.unknown"), ""
			if !boxedOnMap {
				tot := yearTotal(d.Flow.Year)
				text += ": " + i18n.FigText(l, d.Figure) + " (" + i18n.T(l, "map.referred", i18n.FigText(l, tot), ftoa(tot.Value-d.Figure.Value)) + ")"
				datum = d.Figure.ID
			}
			short := ""
			if !boxedOnMap {
				short = i18n.T(l, "legend.unknown.embed") + ": " + i18n.FigText(l, d.Figure)
			}
			if m.short { // the box's words, and that its count is computed here (the large key's
				// "computed here from its totals"); the year's total is the key's next entry but one
				text = i18n.T(l, "legend.unknown.embed")
				if !boxedOnMap {
					text += ": " + i18n.FigText(l, d.Figure)
				}
			}
			add(legendEntry{name: "unknown", role: charts.RoleLegend, datum: datum, text: text, short: short, fill: charts.Ink, sample: func(x, top, h, sw float64) {
				c.Add(charts.Mark{ID: "legend/unknown", Role: charts.RoleLegend, Kind: charts.RectMark, Rect: charts.Rect{X: x, Y: top, W: sw * 0.8, H: h},
					Style: charts.Style{Fill: charts.Background, Stroke: charts.UnknownC, StrokeWidth: 1.2, Dash: charts.Dashed}})
			}})
		}
	}
	est, _ := data.FigureByID("ngo-estimate-females-per-year")
	estKey := "legend.estimate"
	switch {
	case m.short && !m.phone: // a small embed: the fewest words that say it all
		estKey = "legend.estimate.embed"
	case m.short:
		estKey = "legend.estimate.short"
	}
	add(legendEntry{name: "estimate", role: charts.RoleEstimate, datum: est.ID, text: i18n.T(l, estKey, i18n.FigText(l, est), est.Footnote), fill: charts.EstimateC, bar: 3,
		sample: func(x, top, h, sw float64) {
			c.Add(charts.Mark{ID: "legend/estimate", Role: charts.RoleEstimate, Datum: est.ID, Kind: charts.RectMark, Rect: charts.Rect{X: x, Y: top, W: 3, H: h}, Style: charts.Style{Fill: charts.EstimateC}})
		}})
	tot := yearTotal(c.Year)
	if tot.ID != "" {
		total := i18n.TotalSentence(l, tot)
		if small { // "34 identified (official count, footnote 9).", first in the small key
			total = i18n.T(l, "bars.total."+tot.ID+".short", i18n.FigText(l, tot))
		}
		totKey := "legend.total"
		if small {
			totKey = "legend.total.embed"
		}
		add(legendEntry{name: "total", role: charts.RoleLegend, text: i18n.T(l, totKey, total, tot.Footnote), fill: charts.Ink})
	} else {
		add(legendEntry{name: "total", role: charts.RoleLegend, text: i18n.T(l, "legend.none", c.Year), fill: charts.Ink})
	}
	// Width key: two arcs, 5 and 20 persons, on the map's scale.
	for _, v := range []float64{5, 20} {
		v := v
		text := i18n.T(l, "legend.persons", v)
		if small && v == 5 { // "▬ 5 ━ 20 persons": the two widths, one run of words
			text = ftoa(v)
		}
		extra := 0.0
		if v == 20 {
			if !m.short { // short: the subtitle says what the width means
				text = i18n.T(l, "legend.width", v)
			}
			extra = v * m.k
		}
		add(legendEntry{name: "arc" + ftoa(v), role: charts.RoleLegend, text: text, fill: charts.Ink, extra: extra, sample: func(x, top, h, sw float64) {
			yc := top + max(v*m.k, h)/2
			c.Add(charts.Mark{ID: fmt.Sprintf("legend/arc/%v", v), Role: charts.RoleLegend, Kind: charts.PathMark, Closed: true,
				Points: arcPolygon(charts.Point{X: x, Y: yc}, charts.Point{X: x + sw, Y: yc}, 0, v*m.k, m.f.small), Style: charts.Style{Fill: charts.OfficialC}})
		}})
	}
	for _, d := range dests {
		if d.Flow.Kind == data.OtherCountries && !groupKeyed {
			d := d
			gk := "legend.group"
			switch {
			case small:
				gk = "legend.group.embed"
			case m.short:
				gk = "legend.group.short"
			}
			add(legendEntry{name: "group", role: charts.RoleLegend, text: i18n.T(l, gk), fill: charts.Ink, sample: groupSample(d)})
		}
	}
	swatch := func(id, fill string) func(x, top, h, sw float64) {
		return func(x, top, h, sw float64) {
			c.Add(charts.Mark{ID: "legend/" + id, Role: charts.RoleLegend, Kind: charts.RectMark, Rect: charts.Rect{X: x, Y: top + 1, W: sw * 0.8, H: h - 2},
				Style: charts.Style{Fill: fill, Stroke: charts.Grid, StrokeWidth: 0.8}})
		}
	}
	origin := i18n.T(l, "legend.origin")
	if m.short { // the arcs say where victims were taken from
		origin = countryName(c.Assets.BaseMap, l, "AZ")
	}
	if !small || !azNamed {
		add(legendEntry{name: "origin", role: charts.RoleLegend, datum: countryDatum("AZ", c.Year), text: origin, fill: charts.Ink, sample: swatch("origin", OriginC)})
	}
	destKey, landKey := "legend.dest", "legend.land"
	if small {
		destKey, landKey = "legend.dest.short", "legend.land.short"
	}
	if tot.ID != "" {
		add(legendEntry{name: "dest", role: charts.RoleLegend, text: i18n.T(l, destKey, c.Year), fill: charts.Ink, sample: swatch("dest", DestLandC)})
	}
	add(legendEntry{name: "land", role: charts.RoleLegend, text: i18n.T(l, landKey), fill: charts.Ink, sample: swatch("land", LandC)})
	if s.Context {
		rk := "legend.routes"
		if small { // the sample shows the dots
			rk = "legend.routes.embed"
		}
		rt := i18n.T(l, rk)
		if len(m.unnamed) > 0 { // the countries no label on the map names
			rt = i18n.T(l, "legend.routes.countries", rt, strings.Join(m.unnamed, ", "))
		}
		add(legendEntry{name: "route", role: charts.RoleLegend, text: rt, fill: charts.Ink, sample: func(x, top, h, sw float64) {
			c.Add(charts.Mark{ID: "legend/route", Role: charts.RoleLegend, Kind: charts.PathMark, Points: []charts.Point{{X: x, Y: top + h/2}, {X: x + sw, Y: top + h/2}},
				Style: charts.Style{Stroke: RouteC, StrokeWidth: 1.3, Dash: []float64{1.5, 3}}})
		}})
	}

	r := m.legend
	if m.short && !m.phone {
		// A small embed's key may take half the gaps that part the plot from the title and
		// from the notes: a run-in paragraph of 11 px type needs every line of them.
		r.Y -= m.f.base * 0.4
		r.H += m.f.base * 0.8
		es = m.smallKeyOrder(c, es)
		if m.mustOnly {
			var must []legendEntry
			for _, e := range es {
				if e.must {
					must = append(must, e)
				}
			}
			es = must
		}
		// An entry that runs on from the line of the one before takes its first two words
		// with it (keepHead); only where no type size holds the key so does an entry's first
		// word end a line alone, before the picture would grow.
		for _, keepHead := range []bool{true, false} {
			for size := m.f.small; size >= MinText-1e-9; size -= 0.5 {
				if m.flowKey(c, es, r, size, keepHead, false) {
					m.flowKey(c, es, r, size, keepHead, true)
					return true
				}
			}
		}
		if last { // what fits: the test of the rule names what is left out
			m.flowKey(c, es, r, MinText, false, true)
		}
		return false
	}
	if m.phone {
		for size := m.f.small; size >= MinText-1e-9; size -= 0.5 {
			if m.legendFlow(c, es, r, size, false) {
				m.legendFlow(c, es, r, size, true)
				return true
			}
		}
		if last {
			m.legendFlow(c, es, r, MinText, true)
		}
		return false
	}
	for size := m.f.small; size >= MinText-1e-9; size -= 0.5 {
		for cols := 1; cols <= 3; cols++ {
			if m.layLegend(c, es, r, size, cols, false) {
				m.layLegend(c, es, r, size, cols, true)
				return true
			}
		}
	}
	if last { // what fits, at the smallest type, the entries closer: the test of the rule names what is left out
		m.tightKey = true
		m.layLegend(c, es, r, MinText, 1, true)
	}
	return false
}

// layLegend places the entries in cols columns of r at the given type size, top down, and
// reports whether they all fit; with draw it adds their marks.
func (m *mapFrame) layLegend(c *charts.Chart, es []legendEntry, r charts.Rect, size float64, cols int, draw bool) bool {
	lineH := size * 1.3
	colGap := size * 1.5
	sw := clamp(size*3.2, 26, 60)
	colW := (r.W - colGap*float64(cols-1)) / float64(cols)
	tw := colW - sw - size*0.7
	if tw < size*8 {
		return false
	}
	col, y := 0, r.Y
	for _, e := range es {
		lines := wrap(c.Fonts(), e.text, size, tw)
		if e.oneLine != "" && len(lines) > 1 && len(wrap(c.Fonts(), e.oneLine, size, tw)) == 1 {
			lines = []string{e.oneLine}
		}
		h := lineH * float64(len(lines))
		need := max(h, e.extra+lineH*0.2)
		if draw && e.short != "" && y+need > r.Y+r.H && col >= cols-1 {
			lines = wrap(c.Fonts(), e.short, size, tw)
			h = lineH * float64(len(lines))
			need = max(h, e.extra+lineH*0.2)
		}
		if y+need > r.Y+r.H && y > r.Y {
			col, y = col+1, r.Y
		}
		if col >= cols || y+need > r.Y+r.H {
			if draw {
				continue
			}
			return false
		}
		x := r.X + float64(col)*(colW+colGap)
		if draw {
			if e.sample != nil {
				e.sample(x, y, min(h, lineH), sw)
			}
			tx := x + sw + size*0.7
			for i, t := range lines {
				c.Add(charts.Mark{ID: fmt.Sprintf("legend/%s/%d", e.name, i), Role: e.role, Datum: e.datum, Kind: charts.TextMark, Text: t,
					At: charts.Point{X: tx, Y: y + size*charts.Ascent + lineH*float64(i)}, Size: size, Style: charts.Style{Fill: e.fill}})
			}
		}
		if m.tightKey {
			y += need + size*0.2
		} else {
			y += need + size*0.5
		}
	}
	return true
}

// smallKeyOrder orders a small embed's key: the year's total, then the numbered destinations it
// breaks down into, the box of victims without a destination and the estimate, then what every
// mark means (the widths, the colours of the land), then the dotted routes. All of these it
// must keep; the dashed arc's own entry (where the group is named on the map, not numbered)
// may go, since that label names the group.
func (m *mapFrame) smallKeyOrder(c *charts.Chart, es []legendEntry) []legendEntry {
	azNamed := false
	for _, mk := range c.Marks {
		azNamed = azNamed || (mk.Kind == charts.TextMark && mk.Datum == countryDatum("AZ", c.Year))
	}
	rank := func(e legendEntry) int {
		switch {
		case e.name == "total": // the year's total, then the destinations it breaks down into
			return 0
		case strings.HasPrefix(e.name, "key-"):
			return 1
		case e.name == "unknown", e.name == "estimate":
			return 2
		case e.name == "origin" && azNamed, e.name == "group":
			return 5 // a label on the map names Azerbaijan; a numbered entry the group
		case e.name == "route":
			return 4
		}
		return 3 // the widths, the colours of the land
	}
	out := append([]legendEntry{}, es...)
	for i := range out {
		out[i].must = rank(out[i]) <= 4
	}
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return out
}

// flowKey places a small embed's key in r at the given type size as a run-in paragraph: the
// entries one after another, each its narrow sample, then its text, which runs on into the
// next line where the line ends. An entry without a sample (a numbered destination, the year's
// total), a numbered destination (the group's with its dashed sample) and one no wider than
// half a line ("▬ 5 persons") go whole beside the one before where the line has room for them,
// else start the next line; with keepHead, an entry that runs on takes its first two words onto
// the line it starts on, or starts the next line. It reports
// whether every entry fits; with draw it adds the marks of those that fit.
func (m *mapFrame) flowKey(c *charts.Chart, es []legendEntry, r charts.Rect, size float64, keepHead, draw bool) bool {
	lineH := size * 1.15 // a paragraph's leading: the lines of one entry and of the next alike
	gap := size * 0.8
	sw := clamp(size*1.6, 16, 26)
	pre := sw + size*0.45 // the sample and the space after it
	right, bottom := r.X+r.W, r.Y+r.H
	x, y := r.X, r.Y // the pen; y is the top of its line
	ok := true
	for _, e := range es {
		x0, y0 := x, y
		p := 0.0
		switch {
		case e.bar > 0:
			p = e.bar + size*0.45
		case e.sample != nil:
			p = pre
		}
		// The short form where the full one would not fit a line; a country's abbreviated name
		// also where the full one takes more than half a line, or would not fit beside the
		// entry before and the short one does.
		text := e.text
		if e.oneLine != "" {
			fullW, oneW := p+c.Fonts().TextWidth(text, size, false), p+c.Fonts().TextWidth(e.oneLine, size, false)
			if (fullW > r.W && oneW <= r.W) || (e.abbrev && (fullW > r.W/2 || x > r.X && x+gap+fullW > right && x+gap+oneW <= right)) {
				text = e.oneLine
			}
		}
		full := p + c.Fonts().TextWidth(text, size, false)
		type seg struct {
			text string
			at   charts.Point
		}
		var segs []seg
		var at charts.Point // the sample's
		beside := x == r.X || x+gap+full <= right+1e-9
		if full <= r.W+1e-9 && (beside || e.sample == nil || full <= r.W/2 || strings.HasPrefix(e.name, "key-")) { // whole: beside the entry before, else on a line of its own
			if x > r.X {
				if x+gap+full <= right+1e-9 {
					x += gap
				} else {
					x, y = r.X, y+lineH
				}
			}
			at = charts.Point{X: x, Y: y}
			segs = []seg{{text, charts.Point{X: x + p, Y: y}}}
			x += full
		} else { // on from the pen, its words running on into the next lines (a longer entry with
			// a sample that does not fit beside the one before, or one longer than a line; one
			// without a sample starts a line: nothing else would mark its start)
			words := strings.Split(text, " ")
			head := words[0] // an entry's first two words stay together: «Оценка НПО», not «Оценка / НПО»
			if len(words) > 1 && keepHead {
				head += " " + words[1]
			}
			if x > r.X {
				x += gap
				if e.sample == nil || x+p+c.Fonts().TextWidth(head, size, false) > right+1e-9 {
					x, y = r.X, y+lineH
				}
			}
			at = charts.Point{X: x, Y: y}
			x += p
			cur := ""
			for _, w := range words {
				t := w
				if cur != "" {
					t = cur + " " + w
				}
				if cur != "" && x+c.Fonts().TextWidth(t, size, false) > right+1e-9 {
					segs = append(segs, seg{cur, charts.Point{X: x, Y: y}})
					x, y, t = r.X, y+lineH, w
				}
				cur = t
			}
			segs = append(segs, seg{cur, charts.Point{X: x, Y: y}})
			x += c.Fonts().TextWidth(cur, size, false)
		}
		if y+lineH > bottom+1e-9 {
			ok = false
			x, y = x0, y0 // this entry does not fit; a later, shorter one may
			continue
		}
		if draw {
			if e.sample != nil {
				e.sample(at.X, at.Y, lineH, sw)
			}
			for i, sg := range segs {
				c.Add(charts.Mark{ID: fmt.Sprintf("legend/%s/%d", e.name, i), Role: e.role, Datum: e.datum, Kind: charts.TextMark, Text: sg.text,
					At: charts.Point{X: sg.at.X, Y: sg.at.Y + size*charts.Ascent}, Size: size, Style: charts.Style{Fill: e.fill}})
			}
		}
	}
	return ok
}

// legendFlow places the entries of a phone's key in rows across r, top down, at the given type
// size, and reports whether they all fit; with draw it adds their marks. An entry that wraps to
// Beside the map first (m.side), the entries that take at most three lines there; under it,
// in rows, two entries sharing a row where that saves lines. Only entries with a sample keep a
// column for it.
func (m *mapFrame) legendFlow(c *charts.Chart, es []legendEntry, r charts.Rect, size float64, draw bool) bool {
	lineH := size * 1.3
	colGap := size * 1.2
	sw := clamp(size*2.4, 26, 44)
	half := (r.W - colGap) / 2
	rowGap := size * 0.45
	if m.short {
		rowGap = size * 0.3
	}
	type cell struct {
		e     legendEntry
		lines []string
	}
	cellOf := func(e legendEntry, w float64) cell {
		if e.sample != nil {
			w -= sw + size*0.7
		}
		return cell{e, wrap(c.Fonts(), e.text, size, w)}
	}
	need := func(cl cell) float64 {
		return max(lineH*float64(len(cl.lines)), cl.e.extra+lineH*0.2)
	}
	drawCell := func(cl cell, x, y float64) {
		tx := x
		if cl.e.sample != nil {
			cl.e.sample(x, y, lineH, sw)
			tx = x + sw + size*0.7
		}
		for i, t := range cl.lines {
			c.Add(charts.Mark{ID: fmt.Sprintf("legend/%s/%d", cl.e.name, i), Role: cl.e.role, Datum: cl.e.datum, Kind: charts.TextMark, Text: t,
				At: charts.Point{X: tx, Y: y + size*charts.Ascent + lineH*float64(i)}, Size: size, Style: charts.Style{Fill: cl.e.fill}})
		}
	}
	// Beside the map, the entries that take no more than three lines there, in order.
	var below []legendEntry
	sy := m.side.Y
	for _, e := range es {
		if m.side.W >= size*10 {
			cl := cellOf(e, m.side.W)
			if len(cl.lines) <= 3 && sy+need(cl) <= m.side.Y+m.side.H+1e-9 {
				if draw {
					drawCell(cl, m.side.X, sy)
				}
				sy += need(cl) + rowGap
				continue
			}
		}
		below = append(below, e)
	}
	es = below
	// Under the map, in rows: two entries share a row where that takes fewer lines than one
	// after the other.
	var rows [][]cell
	for i := 0; i < len(es); i++ {
		full := cellOf(es[i], r.W)
		if i+1 < len(es) {
			a, b := cellOf(es[i], half), cellOf(es[i+1], half)
			if max(len(a.lines), len(b.lines)) < len(full.lines)+len(cellOf(es[i+1], r.W).lines) {
				rows = append(rows, []cell{a, b})
				i++
				continue
			}
		}
		rows = append(rows, []cell{full})
	}
	y := r.Y
	for _, row := range rows {
		h := 0.0
		for _, cl := range row {
			h = max(h, need(cl))
		}
		if y+h > r.Y+r.H+1e-9 {
			if !draw {
				return false
			}
			y += h + rowGap
			continue
		}
		for j, cl := range row {
			if draw {
				drawCell(cl, r.X+float64(j)*(half+colGap), y)
			}
		}
		y += h + rowGap
	}
	return true
}

// describeCountry tells what a country's shape stands for in a year: "country/TR/2010".
func describeCountry(l i18n.Lang, id string) []tipLine {
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
	name := countryName(nil, l, code)
	head := fmt.Sprintf("%s, %d", name, year)
	if code == "AZ" {
		tot := yearTotal(year)
		if tot.ID == "" {
			return plain(head, i18n.T(l, "tip.nocount.year"))
		}
		lines := append(plain(i18n.T(l, "tip.origin", head)), figureLines(l, tot)...)
		for _, fl := range data.FlowsFor(year) {
			if fl.Kind == data.NotGiven {
				// The paper does not say the year's total were all taken from Azerbaijan.
				nf, _ := data.FigureByID(fl.FigureID)
				lines = append(lines, plain(i18n.T(l, "tip.origin.unknown", i18n.FigText(l, tot), i18n.Number(l, tot.Value-nf.Value)))...)
			}
		}
		return lines
	}
	var group *data.Flow
	for _, fl := range data.FlowsFor(year) {
		fl := fl
		if fl.Kind == data.Country && fl.To == code {
			f, _ := data.FigureByID(fl.FigureID)
			return append(plain(head), figureLines(l, f)...)
		}
		if fl.Kind == data.OtherCountries {
			group = &fl
		}
	}
	lines := plain(head)
	if group != nil && includes(*group, code) {
		fig, _ := data.FigureByID(group.FigureID)
		cs := i18n.FigCaveats(l, fig)
		lines = append(lines, plain(i18n.T(l, "tip.ingroup", name, i18n.FlowLabel(l, *group), i18n.FigText(l, fig)),
			i18n.T(l, "tip.footnote", fig.Footnote))...)
		lines = append(lines, caveatLine(cs[len(cs)-1]))
		return lines
	}
	lines = append(lines, plain(i18n.T(l, "tip.nocount", name, year))...)
	for _, r := range data.Routes {
		for _, to := range r.To {
			if to == code {
				lines = append(lines, plain(i18n.T(l, "tip.routedest", i18n.Purpose(l, r), i18n.RoutePeriod(l, r), r.Footnote))...)
			}
		}
	}
	return lines
}

// describeRoute tells what a route of the context layer is.
func describeRoute(l i18n.Lang, id string) []tipLine {
	for _, r := range data.Routes {
		if r.ID != id {
			continue
		}
		var to []string
		for _, c := range r.To {
			to = append(to, countryName(nil, l, c))
		}
		lines := plain(i18n.T(l, "tip.route", i18n.Purpose(l, r), i18n.Who(l, r), sumList(l, to)),
			i18n.T(l, "tip.route.period", capitalize(l, i18n.RoutePeriod(l, r))), i18n.T(l, "tip.footnote", r.Footnote))
		if cs := i18n.RouteCaveats(l, r); len(cs) > 0 {
			lines = append(lines, caveatLine(cs[len(cs)-1]))
		}
		return lines
	}
	return nil
}

// countryName is a country's name in l: the catalog's ("country.XX"), else the base map's (bm
// may be nil). The countries a tooltip names all have the catalog's (TestTipCountriesInCatalog),
// so tooltips pass no base map.
func countryName(bm *geo.Map, l i18n.Lang, code string) string {
	if n := i18n.Country(l, code); n != "" {
		return n
	}
	if c, ok := bm.Country(code); ok {
		return c.Name
	}
	return code
}
