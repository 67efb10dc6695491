package layout

import (
	"math"
	"sort"
	"strings"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
	"azflows/internal/geo"
)

// placer keeps labels apart: each new label must lie inside the map, clear of the labels
// already placed and of every arc.
type placer struct {
	rect  charts.Rect
	pad   float64 // checked around each label (a box's padding)
	taken []charts.Rect
	avoid [][]charts.Point // closed polygons labels must not touch (the arcs)
	// apart is the room kept clear on either side of the next label taken (a key's number
	// beside a label on its line would read as part of it: «2 Иран 3»).
	apart float64
}

func (p *placer) fits(r charts.Rect) bool {
	const m = 2
	r = charts.Rect{X: r.X - p.pad, Y: r.Y - p.pad, W: r.W + 2*p.pad, H: r.H + 2*p.pad}
	if r.X < p.rect.X+m || r.Y < p.rect.Y+m || r.X+r.W > p.rect.X+p.rect.W-m || r.Y+r.H > p.rect.Y+p.rect.H-m {
		return false
	}
	wide := charts.Rect{X: r.X - p.apart, Y: r.Y, W: r.W + 2*p.apart, H: r.H}
	for _, t := range p.taken {
		if overlaps(wide, t) {
			return false
		}
	}
	near := charts.Rect{X: r.X - 1, Y: r.Y - 1, W: r.W + 2, H: r.H + 2} // a line's own width off the text
	for _, poly := range p.avoid {
		if rectTouchesPolygon(near, poly) {
			return false
		}
	}
	return true
}

// take reserves r, with a margin.
func (p *placer) take(r charts.Rect) {
	m := max(2, p.apart)
	p.taken = append(p.taken, charts.Rect{X: r.X - m, Y: r.Y - 1, W: r.W + 2*m, H: r.H + 2})
}

func overlaps(a, b charts.Rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// rectTouchesPolygon reports whether r and the closed polygon share any point.
func rectTouchesPolygon(r charts.Rect, poly []charts.Point) bool {
	if len(poly) == 0 {
		return false
	}
	b := charts.Mark{Kind: charts.PathMark, Points: poly}.Bounds()
	if !overlaps(r, b) {
		return false
	}
	if charts.InPolygon(charts.Point{X: r.X + r.W/2, Y: r.Y + r.H/2}, poly) {
		return true
	}
	for i := range poly {
		if segmentTouchesRect(poly[i], poly[(i+1)%len(poly)], r) {
			return true
		}
	}
	return false
}

// segmentTouchesRect clips the segment a–b to r (Liang–Barsky).
func segmentTouchesRect(a, b charts.Point, r charts.Rect) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := b.X-a.X, b.Y-a.Y
	for _, e := range [4][2]float64{{-dx, a.X - r.X}, {dx, r.X + r.W - a.X}, {-dy, a.Y - r.Y}, {dy, r.Y + r.H - a.Y}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// line is one line of a label: a name and, bold after it, a value.
type line struct {
	Name, Value string
	Size        float64
	Bold        bool // the name too
	Fill        string
}

func (l line) width(fonts *charts.Fonts) float64 {
	w := fonts.TextWidth(l.Name, l.Size, l.Bold)
	if l.Value != "" {
		if l.Name != "" {
			w += fonts.TextWidth("  ", l.Size, false)
		}
		w += fonts.TextWidth(l.Value, l.Size, true)
	}
	return w
}

// block measures lines set one under the other.
func block(fonts *charts.Fonts, lines []line) (w, h float64) {
	for i, l := range lines {
		w = max(w, l.width(fonts))
		h += l.Size * (charts.Ascent + charts.Descent)
		if i > 0 {
			h += l.Size * lineGap
		}
	}
	return w, h
}

// lineGap is the space between the lines of a label, in font sizes.
const lineGap = 0.1

// candidates are boxes of w×h around p, nearest first: right, left, above, below, then the
// corners, at growing distances.
func candidates(p charts.Point, w, h, gap float64) []charts.Rect {
	var out []charts.Rect
	for _, k := range []float64{1, 2, 3.5, 5.5, 8} {
		g := gap * k
		out = append(out,
			charts.Rect{X: p.X + g, Y: p.Y - h/2, W: w, H: h}, charts.Rect{X: p.X - g - w, Y: p.Y - h/2, W: w, H: h},
			charts.Rect{X: p.X - w/2, Y: p.Y - g - h, W: w, H: h}, charts.Rect{X: p.X - w/2, Y: p.Y + g, W: w, H: h},
			charts.Rect{X: p.X + g*0.7, Y: p.Y - g*0.7 - h, W: w, H: h}, charts.Rect{X: p.X - g*0.7 - w, Y: p.Y - g*0.7 - h, W: w, H: h},
			charts.Rect{X: p.X + g*0.7, Y: p.Y + g*0.7, W: w, H: h}, charts.Rect{X: p.X - g*0.7 - w, Y: p.Y + g*0.7, W: w, H: h})
	}
	return out
}

// flush are boxes of w×h above and below p whose left or right end, or a point between, is
// at p: where a box centred beside p would reach over a neighbour, one shifted along the line
// may stay on the country or the sea.
func flush(p charts.Point, w, h, gap float64) []charts.Rect {
	var out []charts.Rect
	for _, k := range []float64{0.5, 1, 2, 3.5} {
		g := gap * k
		for _, f := range []float64{0, 1, 0.25, 0.75} {
			out = append(out, charts.Rect{X: p.X - w*f, Y: p.Y - g - h, W: w, H: h}, charts.Rect{X: p.X - w*f, Y: p.Y + g, W: w, H: h})
		}
	}
	return out
}

// place puts a label block at the first free candidate (or, when none is free, at the one
// that stays in the map and covers least), reserves it and adds its text marks.
func (p *placer) place(c *charts.Chart, id, datum string, lines []line, cands func(w, h float64) []charts.Rect) (charts.Rect, bool) {
	w, h := block(c.Fonts(), lines)
	best, bestBad, ok := charts.Rect{}, math.Inf(1), false
	for _, r := range cands(w, h) {
		if p.fits(r) {
			best, ok = r, true
			break
		}
		if bad := p.badness(r); bad < bestBad {
			best, bestBad = r, bad
		}
	}
	if !ok && math.IsInf(bestBad, 1) {
		return charts.Rect{}, false
	}
	p.take(best)
	y := best.Y
	for i, l := range lines {
		if i > 0 {
			y += l.Size * lineGap
		}
		y += l.Size * charts.Ascent
		sfx := ""
		if i > 0 {
			sfx = "/" + itoa(i)
		}
		x := best.X
		if l.Name != "" {
			c.Add(charts.Mark{ID: "label/" + id + sfx, Role: charts.RoleLabel, Datum: datum, Kind: charts.TextMark, Text: l.Name, At: charts.Point{X: x, Y: y}, Size: l.Size, Bold: l.Bold, Style: charts.Style{Fill: l.Fill}})
			x += c.Fonts().TextWidth(l.Name+"  ", l.Size, l.Bold)
		}
		if l.Value != "" {
			c.Add(charts.Mark{ID: "value/" + id + sfx, Role: charts.RoleValue, Datum: datum, Kind: charts.TextMark, Text: l.Value, At: charts.Point{X: x, Y: y}, Size: l.Size, Bold: true, Style: charts.Style{Fill: l.Fill}})
		}
		y += l.Size * charts.Descent
	}
	return best, true
}

// badness of a fallback box: infinite outside the map, else how many things it overlaps.
func (p *placer) badness(r charts.Rect) float64 {
	r = charts.Rect{X: r.X - p.pad, Y: r.Y - p.pad, W: r.W + 2*p.pad, H: r.H + 2*p.pad}
	if r.X < p.rect.X || r.Y < p.rect.Y || r.X+r.W > p.rect.X+p.rect.W || r.Y+r.H > p.rect.Y+p.rect.H {
		return math.Inf(1)
	}
	n := 0.0
	for _, t := range p.taken {
		if overlaps(r, t) {
			n += 10
		}
	}
	near := charts.Rect{X: r.X - 1, Y: r.Y - 1, W: r.W + 2, H: r.H + 2} // a line's own width off the text
	for _, poly := range p.avoid {
		if rectTouchesPolygon(near, poly) {
			n++
		}
	}
	return n
}

func (m *mapFrame) originLabel(c *charts.Chart, pl *placer, year int, origin charts.Point) {
	lines := []line{{Name: countryName(c.Assets.BaseMap, c.Lang, "AZ"), Size: m.f.base, Bold: true, Fill: charts.Ink}}
	// Only where it is clear of the arcs; else the key's swatch for Azerbaijan names it.
	pl.pad = 2 // clear of the arcs' outlines too
	pl.placeClear(c, "AZ", countryDatum("AZ", year), lines, func(w, h float64) []charts.Rect { return candidates(origin, w, h, m.f.base*0.8) })
	pl.pad = 0
}

// arcLabels names each arc's destination and count near its arrowhead, or along it. An arc
// whose label fits nowhere clear gets a number at its arrowhead instead, and its name and count
// go to the key (returned, in order); where even the number does not fit, the key alone names it.
func (m *mapFrame) arcLabels(c *charts.Chart, pl *placer, dests []destination, arcs []arcMark) []keyedLabel {
	var keyed []keyedLabel
	numbered := 0
	for _, a := range arcs {
		d := a.d
		lines := []line{{Name: d.Label, Value: i18n.FigText(c.Lang, d.Figure), Size: m.f.base, Fill: charts.Ink}}
		if d.Flow.Kind == data.OtherCountries {
			lines = []line{{Name: d.Label, Value: i18n.FigText(c.Lang, d.Figure), Size: m.f.base, Fill: charts.Ink},
				{Name: i18n.T(c.Lang, "map.notbroken"), Size: m.f.small, Fill: charts.Muted}}
		}
		gap := m.f.base * 0.45
		// Beside the arrowhead, else beside the arc, two thirds of the way.
		n := arcSamples
		mid := charts.Point{X: (a.Points[n*2/3].X + a.Points[len(a.Points)-1-n*2/3].X) / 2, Y: (a.Points[n*2/3].Y + a.Points[len(a.Points)-1-n*2/3].Y) / 2}
		near := m.nearCountry(c, d.Flow.To, a.end)
		if _, ok := pl.placeClear(c, d.Figure.ID, d.Figure.ID, lines, func(w, h float64) []charts.Rect {
			return keep(append(append(candidates(a.end, w, h, gap), flush(a.end, w, h, gap)...), candidates(mid, w, h, gap+a.Value*m.k/2)...), near)
		}); ok {
			continue
		}
		// Numbered in the order the numbers are drawn: an arc the key alone names takes none.
		k := keyedLabel{N: numbered + 1, d: d}
		num := []line{{Name: itoa(k.N), Size: m.f.small, Fill: charts.Ink}} // regular weight: a reference, not a count
		pl.apart = m.f.small * 1.5                                          // a number beside a label on its line would read as part of it
		_, k.Numbered = pl.placeClear(c, "key/"+d.Figure.ID, d.Figure.ID, num, func(w, h float64) []charts.Rect {
			onOther := m.overOther(c, d.Flow.To)
			return keep(append(candidates(a.end, w, h, gap*0.5), flush(a.end, w, h, gap*0.5)...), func(r charts.Rect) bool {
				return rectPointDist(r, a.end) <= m.reach() && !onOther(r)
			})
		})
		pl.apart = 0
		if k.Numbered {
			numbered++
		}
		keyed = append(keyed, k)
	}
	return keyed
}

// keyedLabel is an arc named in the key rather than beside it.
type keyedLabel struct {
	N        int  // its number in the key
	Numbered bool // the number is drawn at the arc
	d        destination
}

// placeClear is place without the fallback: it places the block only where it is clear.
func (p *placer) placeClear(c *charts.Chart, id, datum string, lines []line, cands func(w, h float64) []charts.Rect) (charts.Rect, bool) {
	w, h := block(c.Fonts(), lines)
	var clear []charts.Rect
	for _, r := range cands(w, h) {
		if p.fits(r) {
			clear = append(clear, r)
			break
		}
	}
	if len(clear) == 0 {
		return charts.Rect{}, false
	}
	return p.place(c, id, datum, lines, func(float64, float64) []charts.Rect { return clear })
}

// unplaced draws the victims the paper gives no destination for as a dashed note at
// Azerbaijan, tied to it by a dashed leader: a count with no direction.
//
// Where the note fits nowhere clear of the arcs and labels, the box holds its count alone, or,
// where even that does not fit, is not drawn on the map: the key says it instead (unplaced
// returns false in both cases).
func (m *mapFrame) unplaced(c *charts.Chart, pl *placer, dests []destination, origin charts.Point) bool {
	for _, d := range dests {
		if d.Flow.Kind != data.NotGiven {
			continue
		}
		tot := yearTotal(d.Flow.Year)
		placed := tot.Value - d.Figure.Value
		head := line{Name: d.Label, Value: i18n.FigText(c.Lang, d.Figure), Size: m.f.base, Fill: charts.Ink}
		referred := i18n.T(c.Lang, "map.referred", i18n.FigText(c.Lang, tot), ftoa(placed))
		// The note on one line, else wrapped to the width of its head, else narrower still.
		shapes := [][]line{{head, {Name: referred, Size: m.f.small, Fill: charts.Muted}}}
		small := head
		small.Size = m.f.small
		for _, hd := range []line{head, small} { // then the head at the notes' size
			for _, w := range []float64{hd.width(c.Fonts()), hd.width(c.Fonts()) * 0.75, hd.width(c.Fonts()) * 0.5, m.f.small * 9} {
				w = max(w, m.f.small*9)
				// The head wraps too where it is wider than w, its count on its last line.
				var set []line
				names := wrapText(c.Fonts(), hd.Name, hd.Size, hd.Bold, w)
				for i, t := range names {
					l := line{Name: t, Size: hd.Size, Fill: hd.Fill}
					if i == len(names)-1 {
						l.Value = hd.Value
					}
					set = append(set, l)
				}
				for _, t := range wrap(c.Fonts(), referred, m.f.small, w) {
					set = append(set, line{Name: t, Size: m.f.small, Fill: charts.Muted})
				}
				shapes = append(shapes, set)
			}
		}
		placedBox := false
		for _, lines := range shapes {
			if m.boxed(c, pl, d.Figure.ID, charts.RoleUnknown, d.Figure.ID, lines, origin, charts.Style{Fill: charts.Background, Stroke: charts.UnknownC, StrokeWidth: 1.2, Dash: charts.Dashed}, true) {
				placedBox = true
				break
			}
		}
		if !placedBox {
			// Where no shape of the note fits, the box holds its count alone (as an arc whose
			// label fits nowhere keeps its number): the key says what it is.
			count := []line{{Value: i18n.FigText(c.Lang, d.Figure), Size: m.f.small, Fill: charts.Ink}}
			m.boxed(c, pl, d.Figure.ID, charts.RoleUnknown, d.Figure.ID, count, origin, charts.Style{Fill: charts.Background, Stroke: charts.UnknownC, StrokeWidth: 1.2, Dash: charts.Dashed}, true)
			return false
		}
	}
	return true
}

// callout is a one-line boxed note near p.
func (m *mapFrame) callout(c *charts.Chart, pl *placer, id string, role charts.Role, datum, text string, p charts.Point, st charts.Style) {
	size := m.f.base
	text = c.Fonts().Fit(text, size, false, m.rect.W-size*2)
	m.boxed(c, pl, id, role, datum, []line{{Name: text, Size: size, Fill: charts.Ink}}, p, st, false)
}

// boxed places lines in a box near p (leader: a dashed line from p to the box).
//
// A box with a leader is placed only where it is clear (else boxed returns false); one
// without takes the least crowded place when none is clear.
func (m *mapFrame) boxed(c *charts.Chart, pl *placer, id string, role charts.Role, datum string, lines []line, p charts.Point, st charts.Style, leader bool) bool {
	pad := m.f.base * 0.4
	gap := m.f.base * 1.2
	cands := func(w, h float64) []charts.Rect {
		var out []charts.Rect
		if leader {
			// East, over the Caspian, first: away from the arcs.
			for _, k := range []float64{1.5, 2.5, 4, 6} {
				out = append(out, charts.Rect{X: p.X + gap*k, Y: p.Y - h/2, W: w, H: h}, charts.Rect{X: p.X + gap*k, Y: p.Y - gap*k - h, W: w, H: h}, charts.Rect{X: p.X + gap*k, Y: p.Y + gap*k, W: w, H: h})
			}
			out = append(out, candidates(p, w, h, gap*2)...)
			// Then anywhere on the map, nearest first, the leader reaching it: the box is never
			// left off the map while there is a clear place for it.
			var far []charts.Rect
			step := max(gap, 4)
			for y := m.rect.Y + pad; y+h+pad <= m.rect.Y+m.rect.H; y += step {
				for x := m.rect.X + pad; x+w+pad <= m.rect.X+m.rect.W; x += step {
					far = append(far, charts.Rect{X: x - pad, Y: y - pad, W: w, H: h})
				}
			}
			dist := func(r charts.Rect) float64 {
				return math.Hypot(clamp(p.X, r.X, r.X+r.W)-p.X, clamp(p.Y, r.Y, r.Y+r.H)-p.Y)
			}
			sort.SliceStable(far, func(i, j int) bool { return dist(far[i]) < dist(far[j]) })
			out = append(out, far...)
		} else {
			out = append([]charts.Rect{{X: p.X - w/2, Y: p.Y - h/2, W: w, H: h}}, candidates(p, w, h, gap)...)
		}
		for i := range out { // the box's padding is part of the label
			out[i].X += pad
			out[i].Y += pad
		}
		return out
	}
	pl.pad = pad + 1 // the box's outline clear of the lines it must not meet
	start := len(c.Marks)
	place := pl.place
	if leader {
		place = pl.placeClear
	}
	r, ok := place(c, id, datum, lines, cands)
	pl.pad = 0
	if !ok {
		return false
	}
	box := charts.Rect{X: r.X - pad, Y: r.Y - pad, W: r.W + 2*pad, H: r.H + 2*pad}
	pl.take(box)
	var pre []charts.Mark
	if leader {
		end := charts.Point{X: clamp(p.X, box.X, box.X+box.W), Y: clamp(p.Y, box.Y, box.Y+box.H)}
		pre = append(pre, charts.Mark{ID: string(role) + "/" + id + "/leader", Role: role, Kind: charts.PathMark, Points: []charts.Point{p, end},
			Style: charts.Style{Stroke: st.Stroke, StrokeWidth: 1, Dash: charts.Dashed}})
	}
	// The box's label is its head whole: the lines at the head's size, up to its count.
	label, value := "", ""
	for _, l := range lines {
		if l.Size != lines[0].Size || value != "" {
			break
		}
		label = strings.TrimSpace(label + " " + l.Name)
		value = l.Value
	}
	pre = append(pre, charts.Mark{ID: string(role) + "/" + id, Role: role, Datum: datum, Kind: charts.RectMark, Rect: box, Style: st,
		Label: label, Value: valueOf(value)})
	// The box goes under its text.
	texts := append([]charts.Mark{}, c.Marks[start:]...)
	c.Marks = append(append(c.Marks[:start], pre...), texts...)
	return true
}

func valueOf(s string) float64 {
	v := 0.0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			v = v*10 + float64(r-'0')
		}
	}
	return v
}

func ftoa(v float64) string { return itoa(int(math.Round(v))) }

// placeNames labels context countries and seas where their names fit inside their shapes and
// clear of everything placed before, largest first.
func (m *mapFrame) placeNames(c *charts.Chart, pl *placer, dest map[string]bool) {
	size := m.f.small
	type cand struct {
		id, name string
		ring     []charts.Point
		area     float64
	}
	best := map[string]cand{}
	for _, mk := range c.Marks {
		if mk.Role != charts.RoleCountry {
			continue
		}
		id := mk.ID[len("country/"):]
		for i := len(id) - 1; i >= 0; i-- {
			if id[i] == '/' {
				id = id[:i]
				break
			}
		}
		if id == "AZ" || dest[id] {
			continue
		}
		a := math.Abs(polyArea(mk.Points))
		if a > best[id].area {
			best[id] = cand{id, mk.Label, mk.Points, a}
		}
	}
	var list []cand
	for _, v := range best {
		list = append(list, v)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].area > list[j].area })
	for _, k := range list {
		w := c.Fonts().TextWidth(k.name, size, false)
		h := size * (charts.Ascent + charts.Descent)
		if w*h*2.5 > k.area {
			continue
		}
		ctr := polyCentroid(k.ring)
		for _, off := range []charts.Point{{X: 0, Y: 0}, {X: -w / 3, Y: 0}, {X: w / 3, Y: 0}, {X: 0, Y: -h}, {X: 0, Y: h}, {X: -w / 2, Y: h}, {X: w / 2, Y: -h}} {
			r := charts.Rect{X: ctr.X + off.X - w/2, Y: ctr.Y + off.Y - h/2, W: w, H: h}
			if !boxInside(r, k.ring) || !pl.fits(r) {
				continue
			}
			pl.take(r)
			c.Add(charts.Mark{ID: "place/" + k.id, Role: charts.RolePlace, Kind: charts.TextMark, Text: k.name, At: charts.Point{X: r.X, Y: r.Y + size*charts.Ascent}, Size: size, Style: charts.Style{Fill: PlaceC}})
			break
		}
	}
	for _, s := range seas {
		p := m.proj.at(s.At)
		name := i18n.T(c.Lang, "sea."+s.Name)
		w := c.Fonts().TextWidth(name, size, false)
		h := size * (charts.Ascent + charts.Descent)
		r := charts.Rect{X: p.X - w/2, Y: p.Y - h/2, W: w, H: h}
		if pl.fits(r) && !m.onLand(c, r) {
			pl.take(r)
			c.Add(charts.Mark{ID: "sea/" + s.Name, Role: charts.RolePlace, Kind: charts.TextMark, Text: name, At: charts.Point{X: r.X, Y: r.Y + size*charts.Ascent}, Size: size, Style: charts.Style{Fill: PlaceC}})
		}
	}
}

// onLand reports whether any corner of r lies on a country.
func (m *mapFrame) onLand(c *charts.Chart, r charts.Rect) bool {
	for _, mk := range c.Marks {
		if mk.Role != charts.RoleCountry {
			continue
		}
		for _, q := range []charts.Point{{X: r.X, Y: r.Y}, {X: r.X + r.W, Y: r.Y}, {X: r.X, Y: r.Y + r.H}, {X: r.X + r.W, Y: r.Y + r.H}} {
			if charts.InPolygon(q, mk.Points) {
				return true
			}
		}
	}
	return false
}

func boxInside(r charts.Rect, ring []charts.Point) bool {
	for _, q := range []charts.Point{{X: r.X, Y: r.Y}, {X: r.X + r.W, Y: r.Y}, {X: r.X, Y: r.Y + r.H}, {X: r.X + r.W, Y: r.Y + r.H}, {X: r.X + r.W/2, Y: r.Y + r.H/2}} {
		if !charts.InPolygon(q, ring) {
			return false
		}
	}
	for i := range ring {
		if segmentTouchesRect(ring[i], ring[(i+1)%len(ring)], r) {
			return false
		}
	}
	return true
}

// polyArea and polyCentroid measure a projected ring with package geo's formulas.
func polyArea(ring []charts.Point) float64 { return geo.Area(toXY(ring)) }

func polyCentroid(ring []charts.Point) charts.Point {
	c := geo.Centroid(toXY(ring))
	return charts.Point{X: c.X, Y: c.Y}
}

func toXY(ring []charts.Point) []geo.XY {
	out := make([]geo.XY, len(ring))
	for i, p := range ring {
		out[i] = geo.XY{X: p.X, Y: p.Y}
	}
	return out
}

// reach is how far a label that names a country may lie from what it names: the nearest point
// of its box within one and a half times the map's base type size of its arrowhead (18 px in
// the small embeds, 25 px at 800×450), or touching the country's shape (within a pixel): a
// shape is large, and a label even a little off its far edge already sits over a neighbour.
// The nearer candidates come first anyway; the bound keeps a label from taking a far free
// place beside another country. A destination with no place within reach becomes a number at
// its arrowhead (arcLabels); a context name, an entry in the routes' key (routeLabels).
func (m *mapFrame) reach() float64 { return m.f.base * 1.5 }

// nearCountry accepts a label box within reach of tip, or touching the country id's shape on
// the map, and only where the box lies on the country's side of the arrowhead: its centre is
// on the country itself or on the sea, never on another country's shape (a label over a
// neighbour reads as naming the neighbour: «Иран 3» east of an arrowhead on Iran's western
// border sat over Iraq).
func (m *mapFrame) nearCountry(c *charts.Chart, id string, tip charts.Point) func(charts.Rect) bool {
	var rings [][]charts.Point
	for _, mk := range c.Marks {
		if mk.Role == charts.RoleCountry && mk.Row == id {
			rings = append(rings, mk.Points)
		}
	}
	reach := m.reach()
	onOther := m.overOther(c, id)
	return func(r charts.Rect) bool {
		if onOther(r) {
			return false
		}
		if rectPointDist(r, tip) <= reach {
			return true
		}
		for _, ring := range rings {
			if rectRingDist(r, ring) <= 1 {
				return true
			}
		}
		return false
	}
}

// overOther reports whether a box's centre lies on the shape of a country other than id. A
// label that names no one country (id "": the group "other countries") may lie anywhere.
func (m *mapFrame) overOther(c *charts.Chart, id string) func(charts.Rect) bool {
	if id == "" {
		return func(charts.Rect) bool { return false }
	}
	type shape struct {
		b    charts.Rect
		ring []charts.Point
	}
	var others []shape
	for _, mk := range c.Marks {
		if mk.Role == charts.RoleCountry && mk.Row != id && len(mk.Points) > 2 {
			others = append(others, shape{mk.Bounds(), mk.Points})
		}
	}
	return func(r charts.Rect) bool {
		p := charts.Point{X: r.X + r.W/2, Y: r.Y + r.H/2}
		for _, o := range others {
			if o.b.Contains(p) && charts.InPolygon(p, o.ring) {
				return true
			}
		}
		return false
	}
}

// keep returns the rects ok accepts, in order.
func keep(rs []charts.Rect, ok func(charts.Rect) bool) []charts.Rect {
	var out []charts.Rect
	for _, r := range rs {
		if ok(r) {
			out = append(out, r)
		}
	}
	return out
}

// rectPointDist is the distance from p to the nearest point of r (0 inside).
func rectPointDist(r charts.Rect, p charts.Point) float64 {
	dx := max(r.X-p.X, 0, p.X-(r.X+r.W))
	dy := max(r.Y-p.Y, 0, p.Y-(r.Y+r.H))
	return math.Hypot(dx, dy)
}

// rectRingDist is the distance from r to a closed ring: 0 where they meet, else the distance
// to the ring's nearest vertex (rings are simplified to under a pixel, so this is close).
func rectRingDist(r charts.Rect, ring []charts.Point) float64 {
	if len(ring) == 0 {
		return math.Inf(1)
	}
	if rectTouchesPolygon(r, ring) {
		return 0
	}
	d := math.Inf(1)
	for _, q := range ring {
		d = min(d, rectPointDist(r, q))
	}
	return d
}
