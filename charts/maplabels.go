package charts

import (
	"math"
	"sort"
	"strings"

	"azflows/data"
	"azflows/i18n"
	"azflows/internal/geo"
)

// placer keeps labels apart: each new label must lie inside the map, clear of the labels
// already placed and of every arc.
type placer struct {
	rect  Rect
	pad   float64 // checked around each label (a box's padding)
	taken []Rect
	avoid [][]Point // closed polygons labels must not touch (the arcs)
	// apart is the room kept clear on either side of the next label taken (a key's number
	// beside a label on its line would read as part of it: «2 Иран 3»).
	apart float64
}

func (p *placer) fits(r Rect) bool {
	const m = 2
	r = Rect{r.X - p.pad, r.Y - p.pad, r.W + 2*p.pad, r.H + 2*p.pad}
	if r.X < p.rect.X+m || r.Y < p.rect.Y+m || r.X+r.W > p.rect.X+p.rect.W-m || r.Y+r.H > p.rect.Y+p.rect.H-m {
		return false
	}
	wide := Rect{r.X - p.apart, r.Y, r.W + 2*p.apart, r.H}
	for _, t := range p.taken {
		if overlaps(wide, t) {
			return false
		}
	}
	near := Rect{r.X - 1, r.Y - 1, r.W + 2, r.H + 2} // a line's own width off the text
	for _, poly := range p.avoid {
		if rectTouchesPolygon(near, poly) {
			return false
		}
	}
	return true
}

// take reserves r, with a margin.
func (p *placer) take(r Rect) {
	m := max(2, p.apart)
	p.taken = append(p.taken, Rect{r.X - m, r.Y - 1, r.W + 2*m, r.H + 2})
}

func overlaps(a, b Rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// rectTouchesPolygon reports whether r and the closed polygon share any point.
func rectTouchesPolygon(r Rect, poly []Point) bool {
	if len(poly) == 0 {
		return false
	}
	b := Mark{Kind: PathMark, Points: poly}.Bounds()
	if !overlaps(r, b) {
		return false
	}
	if inPolygon(Point{r.X + r.W/2, r.Y + r.H/2}, poly) {
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
func segmentTouchesRect(a, b Point, r Rect) bool {
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

func (l line) width(fonts *Fonts) float64 {
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
func block(fonts *Fonts, lines []line) (w, h float64) {
	for i, l := range lines {
		w = max(w, l.width(fonts))
		h += l.Size * (ascent + descent)
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
func candidates(p Point, w, h, gap float64) []Rect {
	var out []Rect
	for _, k := range []float64{1, 2, 3.5, 5.5, 8} {
		g := gap * k
		out = append(out,
			Rect{p.X + g, p.Y - h/2, w, h}, Rect{p.X - g - w, p.Y - h/2, w, h},
			Rect{p.X - w/2, p.Y - g - h, w, h}, Rect{p.X - w/2, p.Y + g, w, h},
			Rect{p.X + g*0.7, p.Y - g*0.7 - h, w, h}, Rect{p.X - g*0.7 - w, p.Y - g*0.7 - h, w, h},
			Rect{p.X + g*0.7, p.Y + g*0.7, w, h}, Rect{p.X - g*0.7 - w, p.Y + g*0.7, w, h})
	}
	return out
}

// flush are boxes of w×h above and below p whose left or right end, or a point between, is
// at p: where a box centred beside p would reach over a neighbour, one shifted along the line
// may stay on the country or the sea.
func flush(p Point, w, h, gap float64) []Rect {
	var out []Rect
	for _, k := range []float64{0.5, 1, 2, 3.5} {
		g := gap * k
		for _, f := range []float64{0, 1, 0.25, 0.75} {
			out = append(out, Rect{p.X - w*f, p.Y - g - h, w, h}, Rect{p.X - w*f, p.Y + g, w, h})
		}
	}
	return out
}

// place puts a label block at the first free candidate (or, when none is free, at the one
// that stays in the map and covers least), reserves it and adds its text marks.
func (p *placer) place(c *Chart, id, datum string, lines []line, cands func(w, h float64) []Rect) (Rect, bool) {
	w, h := block(c.Fonts(), lines)
	best, bestBad, ok := Rect{}, math.Inf(1), false
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
		return Rect{}, false
	}
	p.take(best)
	y := best.Y
	for i, l := range lines {
		if i > 0 {
			y += l.Size * lineGap
		}
		y += l.Size * ascent
		sfx := ""
		if i > 0 {
			sfx = "/" + itoa(i)
		}
		x := best.X
		if l.Name != "" {
			c.add(Mark{ID: "label/" + id + sfx, Role: RoleLabel, Datum: datum, Kind: TextMark, Text: l.Name, At: Point{x, y}, Size: l.Size, Bold: l.Bold, Style: Style{Fill: l.Fill}})
			x += c.Fonts().TextWidth(l.Name+"  ", l.Size, l.Bold)
		}
		if l.Value != "" {
			c.add(Mark{ID: "value/" + id + sfx, Role: RoleValue, Datum: datum, Kind: TextMark, Text: l.Value, At: Point{x, y}, Size: l.Size, Bold: true, Style: Style{Fill: l.Fill}})
		}
		y += l.Size * descent
	}
	return best, true
}

// badness of a fallback box: infinite outside the map, else how many things it overlaps.
func (p *placer) badness(r Rect) float64 {
	r = Rect{r.X - p.pad, r.Y - p.pad, r.W + 2*p.pad, r.H + 2*p.pad}
	if r.X < p.rect.X || r.Y < p.rect.Y || r.X+r.W > p.rect.X+p.rect.W || r.Y+r.H > p.rect.Y+p.rect.H {
		return math.Inf(1)
	}
	n := 0.0
	for _, t := range p.taken {
		if overlaps(r, t) {
			n += 10
		}
	}
	near := Rect{r.X - 1, r.Y - 1, r.W + 2, r.H + 2} // a line's own width off the text
	for _, poly := range p.avoid {
		if rectTouchesPolygon(near, poly) {
			n++
		}
	}
	return n
}

func (m *mapFrame) originLabel(c *Chart, pl *placer, year int, origin Point) {
	lines := []line{{Name: countryName(c.Assets.BaseMap, c.Lang, "AZ"), Size: m.f.base, Bold: true, Fill: Ink}}
	// Only where it is clear of the arcs; else the key's swatch for Azerbaijan names it.
	pl.pad = 2 // clear of the arcs' outlines too
	pl.placeClear(c, "AZ", countryDatum("AZ", year), lines, func(w, h float64) []Rect { return candidates(origin, w, h, m.f.base*0.8) })
	pl.pad = 0
}

// arcLabels names each arc's destination and count near its arrowhead, or along it. An arc
// whose label fits nowhere clear gets a number at its arrowhead instead, and its name and count
// go to the key (returned, in order); where even the number does not fit, the key alone names it.
func (m *mapFrame) arcLabels(c *Chart, pl *placer, dests []destination, arcs []arcMark) []keyedLabel {
	var keyed []keyedLabel
	numbered := 0
	for _, a := range arcs {
		d := a.d
		lines := []line{{Name: d.Label, Value: i18n.FigText(c.Lang, d.Figure), Size: m.f.base, Fill: Ink}}
		if d.Flow.Kind == data.OtherCountries {
			lines = []line{{Name: d.Label, Value: i18n.FigText(c.Lang, d.Figure), Size: m.f.base, Fill: Ink},
				{Name: i18n.T(c.Lang, "map.notbroken"), Size: m.f.small, Fill: Muted}}
		}
		gap := m.f.base * 0.45
		// Beside the arrowhead, else beside the arc, two thirds of the way.
		n := arcSamples
		mid := Point{(a.Points[n*2/3].X + a.Points[len(a.Points)-1-n*2/3].X) / 2, (a.Points[n*2/3].Y + a.Points[len(a.Points)-1-n*2/3].Y) / 2}
		near := m.nearCountry(c, d.Flow.To, a.end)
		if _, ok := pl.placeClear(c, d.Figure.ID, d.Figure.ID, lines, func(w, h float64) []Rect {
			return keep(append(append(candidates(a.end, w, h, gap), flush(a.end, w, h, gap)...), candidates(mid, w, h, gap+a.Value*m.k/2)...), near)
		}); ok {
			continue
		}
		// Numbered in the order the numbers are drawn: an arc the key alone names takes none.
		k := keyedLabel{N: numbered + 1, d: d}
		num := []line{{Name: itoa(k.N), Size: m.f.small, Fill: Ink}} // regular weight: a reference, not a count
		pl.apart = m.f.small * 1.5                                   // a number beside a label on its line would read as part of it
		_, k.Numbered = pl.placeClear(c, "key/"+d.Figure.ID, d.Figure.ID, num, func(w, h float64) []Rect {
			onOther := m.overOther(c, d.Flow.To)
			return keep(append(candidates(a.end, w, h, gap*0.5), flush(a.end, w, h, gap*0.5)...), func(r Rect) bool {
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
func (p *placer) placeClear(c *Chart, id, datum string, lines []line, cands func(w, h float64) []Rect) (Rect, bool) {
	w, h := block(c.Fonts(), lines)
	var clear []Rect
	for _, r := range cands(w, h) {
		if p.fits(r) {
			clear = append(clear, r)
			break
		}
	}
	if len(clear) == 0 {
		return Rect{}, false
	}
	return p.place(c, id, datum, lines, func(float64, float64) []Rect { return clear })
}

// unplaced draws the victims the paper gives no destination for as a dashed note at
// Azerbaijan, tied to it by a dashed leader: a count with no direction.
//
// Where the note fits nowhere clear of the arcs and labels, the box holds its count alone, or,
// where even that does not fit, is not drawn on the map: the key says it instead (unplaced
// returns false in both cases).
func (m *mapFrame) unplaced(c *Chart, pl *placer, dests []destination, origin Point) bool {
	for _, d := range dests {
		if d.Flow.Kind != data.NotGiven {
			continue
		}
		tot := yearTotal(d.Flow.Year)
		placed := tot.Value - d.Figure.Value
		head := line{Name: d.Label, Value: i18n.FigText(c.Lang, d.Figure), Size: m.f.base, Fill: Ink}
		referred := i18n.T(c.Lang, "map.referred", i18n.FigText(c.Lang, tot), ftoa(placed))
		// The note on one line, else wrapped to the width of its head, else narrower still.
		shapes := [][]line{{head, {Name: referred, Size: m.f.small, Fill: Muted}}}
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
					set = append(set, line{Name: t, Size: m.f.small, Fill: Muted})
				}
				shapes = append(shapes, set)
			}
		}
		placedBox := false
		for _, lines := range shapes {
			if m.boxed(c, pl, d.Figure.ID, RoleUnknown, d.Figure.ID, lines, origin, Style{Fill: Background, Stroke: UnknownC, StrokeWidth: 1.2, Dash: Dashed}, true) {
				placedBox = true
				break
			}
		}
		if !placedBox {
			// Where no shape of the note fits, the box holds its count alone (as an arc whose
			// label fits nowhere keeps its number): the key says what it is.
			count := []line{{Value: i18n.FigText(c.Lang, d.Figure), Size: m.f.small, Fill: Ink}}
			m.boxed(c, pl, d.Figure.ID, RoleUnknown, d.Figure.ID, count, origin, Style{Fill: Background, Stroke: UnknownC, StrokeWidth: 1.2, Dash: Dashed}, true)
			return false
		}
	}
	return true
}

// callout is a one-line boxed note near p.
func (m *mapFrame) callout(c *Chart, pl *placer, id string, role Role, datum, text string, p Point, st Style) {
	size := m.f.base
	text = c.Fonts().Fit(text, size, false, m.rect.W-size*2)
	m.boxed(c, pl, id, role, datum, []line{{Name: text, Size: size, Fill: Ink}}, p, st, false)
}

// boxed places lines in a box near p (leader: a dashed line from p to the box).
//
// A box with a leader is placed only where it is clear (else boxed returns false); one
// without takes the least crowded place when none is clear.
func (m *mapFrame) boxed(c *Chart, pl *placer, id string, role Role, datum string, lines []line, p Point, st Style, leader bool) bool {
	pad := m.f.base * 0.4
	gap := m.f.base * 1.2
	cands := func(w, h float64) []Rect {
		var out []Rect
		if leader {
			// East, over the Caspian, first: away from the arcs.
			for _, k := range []float64{1.5, 2.5, 4, 6} {
				out = append(out, Rect{p.X + gap*k, p.Y - h/2, w, h}, Rect{p.X + gap*k, p.Y - gap*k - h, w, h}, Rect{p.X + gap*k, p.Y + gap*k, w, h})
			}
			out = append(out, candidates(p, w, h, gap*2)...)
			// Then anywhere on the map, nearest first, the leader reaching it: the box is never
			// left off the map while there is a clear place for it.
			var far []Rect
			step := max(gap, 4)
			for y := m.rect.Y + pad; y+h+pad <= m.rect.Y+m.rect.H; y += step {
				for x := m.rect.X + pad; x+w+pad <= m.rect.X+m.rect.W; x += step {
					far = append(far, Rect{x - pad, y - pad, w, h})
				}
			}
			dist := func(r Rect) float64 {
				return math.Hypot(clamp(p.X, r.X, r.X+r.W)-p.X, clamp(p.Y, r.Y, r.Y+r.H)-p.Y)
			}
			sort.SliceStable(far, func(i, j int) bool { return dist(far[i]) < dist(far[j]) })
			out = append(out, far...)
		} else {
			out = append([]Rect{{p.X - w/2, p.Y - h/2, w, h}}, candidates(p, w, h, gap)...)
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
	box := Rect{r.X - pad, r.Y - pad, r.W + 2*pad, r.H + 2*pad}
	pl.take(box)
	var pre []Mark
	if leader {
		end := Point{clamp(p.X, box.X, box.X+box.W), clamp(p.Y, box.Y, box.Y+box.H)}
		pre = append(pre, Mark{ID: string(role) + "/" + id + "/leader", Role: role, Kind: PathMark, Points: []Point{p, end},
			Style: Style{Stroke: st.Stroke, StrokeWidth: 1, Dash: Dashed}})
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
	pre = append(pre, Mark{ID: string(role) + "/" + id, Role: role, Datum: datum, Kind: RectMark, Rect: box, Style: st,
		Label: label, Value: valueOf(value)})
	// The box goes under its text.
	texts := append([]Mark{}, c.Marks[start:]...)
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
func (m *mapFrame) placeNames(c *Chart, pl *placer, dest map[string]bool) {
	size := m.f.small
	type cand struct {
		id, name string
		ring     []Point
		area     float64
	}
	best := map[string]cand{}
	for _, mk := range c.Marks {
		if mk.Role != RoleCountry {
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
		h := size * (ascent + descent)
		if w*h*2.5 > k.area {
			continue
		}
		ctr := polyCentroid(k.ring)
		for _, off := range []Point{{0, 0}, {-w / 3, 0}, {w / 3, 0}, {0, -h}, {0, h}, {-w / 2, h}, {w / 2, -h}} {
			r := Rect{ctr.X + off.X - w/2, ctr.Y + off.Y - h/2, w, h}
			if !boxInside(r, k.ring) || !pl.fits(r) {
				continue
			}
			pl.take(r)
			c.add(Mark{ID: "place/" + k.id, Role: RolePlace, Kind: TextMark, Text: k.name, At: Point{r.X, r.Y + size*ascent}, Size: size, Style: Style{Fill: PlaceC}})
			break
		}
	}
	for _, s := range seas {
		p := m.proj.at(s.At)
		name := i18n.T(c.Lang, "sea."+s.Name)
		w := c.Fonts().TextWidth(name, size, false)
		h := size * (ascent + descent)
		r := Rect{p.X - w/2, p.Y - h/2, w, h}
		if pl.fits(r) && !m.onLand(c, r) {
			pl.take(r)
			c.add(Mark{ID: "sea/" + s.Name, Role: RolePlace, Kind: TextMark, Text: name, At: Point{r.X, r.Y + size*ascent}, Size: size, Style: Style{Fill: PlaceC}})
		}
	}
}

// onLand reports whether any corner of r lies on a country.
func (m *mapFrame) onLand(c *Chart, r Rect) bool {
	for _, mk := range c.Marks {
		if mk.Role != RoleCountry {
			continue
		}
		for _, q := range []Point{{r.X, r.Y}, {r.X + r.W, r.Y}, {r.X, r.Y + r.H}, {r.X + r.W, r.Y + r.H}} {
			if inPolygon(q, mk.Points) {
				return true
			}
		}
	}
	return false
}

func boxInside(r Rect, ring []Point) bool {
	for _, q := range []Point{{r.X, r.Y}, {r.X + r.W, r.Y}, {r.X, r.Y + r.H}, {r.X + r.W, r.Y + r.H}, {r.X + r.W/2, r.Y + r.H/2}} {
		if !inPolygon(q, ring) {
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
func polyArea(ring []Point) float64 { return geo.Area(toXY(ring)) }

func polyCentroid(ring []Point) Point {
	c := geo.Centroid(toXY(ring))
	return Point{c.X, c.Y}
}

func toXY(ring []Point) []geo.XY {
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
func (m *mapFrame) nearCountry(c *Chart, id string, tip Point) func(Rect) bool {
	var rings [][]Point
	for _, mk := range c.Marks {
		if mk.Role == RoleCountry && mk.Row == id {
			rings = append(rings, mk.Points)
		}
	}
	reach := m.reach()
	onOther := m.overOther(c, id)
	return func(r Rect) bool {
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
func (m *mapFrame) overOther(c *Chart, id string) func(Rect) bool {
	if id == "" {
		return func(Rect) bool { return false }
	}
	type shape struct {
		b    Rect
		ring []Point
	}
	var others []shape
	for _, mk := range c.Marks {
		if mk.Role == RoleCountry && mk.Row != id && len(mk.Points) > 2 {
			others = append(others, shape{mk.Bounds(), mk.Points})
		}
	}
	return func(r Rect) bool {
		p := Point{r.X + r.W/2, r.Y + r.H/2}
		for _, o := range others {
			if o.b.Contains(p) && inPolygon(p, o.ring) {
				return true
			}
		}
		return false
	}
}

// keep returns the rects ok accepts, in order.
func keep(rs []Rect, ok func(Rect) bool) []Rect {
	var out []Rect
	for _, r := range rs {
		if ok(r) {
			out = append(out, r)
		}
	}
	return out
}

// rectPointDist is the distance from p to the nearest point of r (0 inside).
func rectPointDist(r Rect, p Point) float64 {
	dx := max(r.X-p.X, 0, p.X-(r.X+r.W))
	dy := max(r.Y-p.Y, 0, p.Y-(r.Y+r.H))
	return math.Hypot(dx, dy)
}

// rectRingDist is the distance from r to a closed ring: 0 where they meet, else the distance
// to the ring's nearest vertex (rings are simplified to under a pixel, so this is close).
func rectRingDist(r Rect, ring []Point) float64 {
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
