package layout

import (
	"math"
	"sort"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
	"azflows/internal/geo"
)

// The map view: where identified victims from Azerbaijan were taken, as arcs over a base map
// (see basemap.go), each arc's width proportional to the official count on a scale shared by
// both years. What the paper leaves open is drawn as such: a group of "other countries" is a
// dashed stub that points at no country, victims without a destination are a dashed note at
// Azerbaijan, and the NGO estimate is a note in the estimate colour, never an arc.

// Map colours: land is quiet, Azerbaijan dark, the year's named destinations tinted.
const (
	LandC     = "#e6e9ed"
	DestLandC = "#c9d8e8"
	OriginC   = "#57606a"
	CoastC    = "#ffffff"
	RouteC    = "#6e7781"
	PlaceC    = "#545d66" // names of context countries and seas: 4.5:1 on land (contrast_test.go)
)

// places are where arcs start and end: Azerbaijan's middle, and a point well inside each
// destination (European Russia for Russia), with the arc's bend (a fraction of its length,
// positive to the reader's left of the direction of travel) chosen so that arcs part.
var places = map[string]struct {
	At   geo.LonLat
	Bend float64
}{
	"AZ": {geo.LonLat{Lon: 48.1, Lat: 40.6}, 0},
	"TR": {geo.LonLat{Lon: 34.5, Lat: 39.2}, -0.22},
	"IR": {geo.LonLat{Lon: 54.5, Lat: 32.8}, 0.22},
	"AE": {geo.LonLat{Lon: 54.6, Lat: 23.8}, -0.16},
	"RU": {geo.LonLat{Lon: 39.5, Lat: 53.5}, 0.2},
	"PK": {geo.LonLat{Lon: 68.5, Lat: 29.5}, 0},
}

// otherStub is where the dashed stub of "other countries" ends: north-east out of Azerbaijan,
// short, in the Caspian Sea, so that it points at no one country.
var otherStub = geo.LonLat{Lon: 50.6, Lat: 42.6}

// minRouteLen is the least length, in CSS px, the group's stub is drawn at: on a phone's map
// the Caspian is a few px across, and a stub that ends where otherStub lies would be a speck,
// not a route.
const minRouteLen = 24

// stubEnd is the end of the group's stub from origin: towards otherStub, at least minRouteLen
// long, turned a little where that is what keeps its tip in the sea: it never ends in a
// country of c's map (it points at no one country).
func stubEnd(c *charts.Chart, origin, end charts.Point) charts.Point {
	dx, dy := end.X-origin.X, end.Y-origin.Y
	d := math.Hypot(dx, dy)
	if d >= minRouteLen || d == 0 {
		return end
	}
	inLand := func(p charts.Point) bool {
		for _, mk := range c.Marks {
			if mk.Role == charts.RoleCountry && mk.Closed && charts.InPolygon(p, mk.Points) {
				return true
			}
		}
		return false
	}
	// At minRouteLen, the direction nearest otherStub's whose tip lies in the sea; else the
	// longest stub towards otherStub whose tip does.
	ux, uy := dx/d, dy/d
	for a := 0.0; a <= 45; a += 5 {
		for _, sg := range []float64{1, -1} {
			sin, cos := math.Sincos(sg * a * math.Pi / 180)
			if p := (charts.Point{X: origin.X + (ux*cos-uy*sin)*minRouteLen, Y: origin.Y + (ux*sin+uy*cos)*minRouteLen}); !inLand(p) {
				return p
			}
		}
	}
	for l := float64(minRouteLen); l > d; l-- {
		if p := (charts.Point{X: origin.X + ux*l, Y: origin.Y + uy*l}); !inLand(p) {
			return p
		}
	}
	return end
}

// seas are labelled for orientation where they fit.
var seas = []struct {
	Name string
	At   geo.LonLat
}{{"caspian", geo.LonLat{Lon: 51.0, Lat: 41.9}}, {"black", geo.LonLat{Lon: 34.3, Lat: 43.3}}} // names: "sea.<Name>"

// mapFrame is the layout of the map view at one size.
type mapFrame struct {
	f      *frame
	rect   charts.Rect // the map
	legend charts.Rect // the key, beside the map on wide frames, under it otherwise
	side   charts.Rect // on a phone, the room beside the map that its width leaves: the key's first part
	proj   projector
	k      float64 // arc px per person
	// unnamed are the context countries whose names fit nowhere near their routes' heads:
	// the routes' key entry names them.
	unnamed []string
	phone   bool // a tall narrow frame: the map across the top, a compact key under it
	short   bool // the key and the credit in their short forms (a phone whose key holds not all the long ones)
	// tightKey: the key's entries closer together (a key at its largest that holds not all)
	tightKey bool
	// mustOnly: a small embed's key that holds not all its entries at any size keeps those that
	// explain the map's data and layers, and leaves out, in every language, what every mark
	// means (the widths, the colours of the land, the year's total) as a whole
	mustOnly bool
}

// smallMapW is the least width a short frame's map keeps as its key grows (beyond 75 % of the
// plot for the key).
const smallMapW = 80

// mapLayout gives the key its share of the plot; each step of grow gives it more, for keys
// whose entries do not fit.
func mapLayout(c *charts.Chart, title, subtitle string, notes []string, source string, grow int) *mapFrame {
	return mapLayoutTaller(c, title, subtitle, notes, source, grow, 0)
}

// mapLayoutTaller is mapLayout with a phone's map frame taller by extra px (phoneFill): the
// height its key leaves.
func mapLayoutTaller(c *charts.Chart, title, subtitle string, notes []string, source string, grow int, extra float64) *mapFrame {
	f := newFrame(c, title, subtitle, notes, source, len(notes))
	m := &mapFrame{f: f}
	p := f.plot
	gap := f.pad
	switch {
	case p.W >= 1.3*p.H && p.W >= 560:
		lw := min(clamp(p.W*0.34, 220, f.base*26)*(1+0.2*float64(grow)), p.W*0.7)
		m.rect = charts.Rect{X: p.X, Y: p.Y, W: p.W - lw - gap, H: p.H}
		m.legend = charts.Rect{X: p.X + m.rect.W + gap, Y: p.Y, W: lw, H: p.H}
	case p.W >= 1.3*p.H:
		// A short frame (a small embed, a phone on its side): the key beside the map, which
		// keeps the full height.
		lw := p.W * min(0.45+0.07*float64(grow), max(0.75, 1-smallMapW/p.W))
		m.rect = charts.Rect{X: p.X, Y: p.Y, W: p.W - lw - gap, H: p.H}
		m.legend = charts.Rect{X: p.X + m.rect.W + gap, Y: p.Y, W: lw, H: p.H}
	default:
		// A tall narrow frame (a phone): the map across the whole width at its own aspect,
		// the key under it in rows (legendFlow). Each grow step takes a little off the map's
		// height for the key; the map never becomes a thumbnail, because the key packs short
		// entries two to a row and leaves the wide frames' generous spacing.
		m.phone = true
		mh := min(p.W/focusAspect(), p.H*0.7) * (1 - 0.04*float64(grow))
		m.rect = charts.Rect{X: p.X, Y: p.Y, W: p.W, H: mh}
		m.legend = charts.Rect{X: p.X, Y: p.Y + mh + gap/2, W: p.W, H: p.H - mh - gap/2}
	}
	m.proj = newProjector(m.rect)
	// Some context east and west, but no wider than the base map reaches: centre the map in
	// what is left.
	w := m.proj.s * (projW() * 1.04 * 1.45)
	if w < m.rect.W-1 {
		if m.phone { // the map to the left, the key's short entries beside it
			m.side = charts.Rect{X: m.rect.X + w + gap, Y: m.rect.Y, W: m.rect.W - w - gap, H: m.rect.H}
		} else {
			m.rect.X += (m.rect.W - w) / 2
		}
		m.rect.W = w
		m.proj = newProjector(m.rect)
	}
	m.k = clamp(m.rect.H*0.055, 5, 40) / maxArcValue()
	if m.phone && extra > 0 {
		// The height the key leaves (phoneFill): the map's frame shows more land above and
		// below at the same scale, so that its places, arcs and the key beside it keep their
		// sizes; the key beside it has that much more room.
		m.rect.H += extra
		if m.side.W > 0 {
			m.side.H += extra
		}
		m.legend.Y += extra
		m.legend.H -= extra
		m.proj.rect = m.rect
	}
	return m
}

// projW is the projected width of the focus places.
func projW() float64 {
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, q := range focus {
		x, _ := geo.Region.Project(q)
		minX, maxX = min(minX, x), max(maxX, x)
	}
	return maxX - minX
}

// maxArcValue is the largest count drawn as an arc in any year: the width scale's domain.
func maxArcValue() float64 {
	m := 0.0
	for _, fl := range data.Flows {
		if fl.Kind != data.NotGiven {
			m = max(m, data.FlowValue(fl))
		}
	}
	return m
}

// mapCredit names the base map and its projection.
func mapCredit(l i18n.Lang) string { return i18n.T(l, "map.credit", geo.Source) }

// Map lays out the year's destinations as arcs on the base map.
func Map(a charts.Assets, s charts.State, w, h float64) *charts.Chart {
	return withTips(measured(mapView(a, s, w, h)))
}

// mapGrowSteps is how many times the map gives its key more room before it gives up.
const mapGrowSteps = 16

// focusAspect is the width over the height of the places every map shows, as projected.
func focusAspect() float64 {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range focus {
		x, y := geo.Region.Project(q)
		minX, maxX, minY, maxY = min(minX, x), max(maxX, x), min(minY, y), max(maxY, y)
	}
	return (maxX - minX) / (maxY - minY)
}

// On a phone the map first keeps the key's full texts while the map stays at least
// phoneMapFloor of its full-width height; where they do not fit that way, the key and the
// credit take their short forms (the same facts, fewer words) and the map grows back. A small
// embed's key takes the short forms where the full ones do not fit at any step.
func mapView(a charts.Assets, s charts.State, w, h float64) *charts.Chart {
	probe := mapLayout(&charts.Chart{W: w, H: h, Lang: lang(s), Assets: a}, "", "", nil, "", 0)
	if probe.phone || w < 560 { // phones and small embeds
		for _, short := range []bool{false, true} {
			for g := 0; g <= mapGrowSteps; g++ {
				if !short && probe.phone && 1-0.04*float64(g) < phoneMapFloor {
					break
				}
				if c, ok := mapViewKey(a, s, w, h, g, short, false); ok || (short && probe.phone && g == mapGrowSteps) {
					if ok && probe.phone {
						return phoneFill(a, s, w, h, g, short, c)
					}
					return c
				}
			}
		}
		if !probe.phone { // a small embed: the key keeps what explains the data, the map grows back
			for g := 0; ; g++ {
				if c, ok := mapViewKey(a, s, w, h, g, true, true); ok || g == mapGrowSteps {
					return c
				}
			}
		}
	}
	for g := 0; ; g++ {
		if c, ok := mapViewKey(a, s, w, h, g, false, false); ok || g == mapGrowSteps {
			return c
		}
	}
}

// phoneFill gives a phone's map the height its key leaves. The map keeps its full-width height
// (or what the key's growth left it) and the key under it may take fewer rows than the room
// left: the blank would stand between the key and the credits, at the screen's foot on a
// phone's first screen. The map takes that blank, as far as the key still holds all it must;
// the least taller map that holds is found by halving.
func phoneFill(a charts.Assets, s charts.State, w, h float64, grow int, short bool, c *charts.Chart) *charts.Chart {
	cur := 0.0 // how much taller than its layout's own c's map was drawn
	for range 3 {
		excess := footExcess(c)
		if excess <= 4 {
			return c
		}
		extra := cur + excess
		var next *charts.Chart
		for lo, hi := cur, extra; hi-lo > 2; {
			t, ok := mapViewKeyTaller(a, s, w, h, grow, short, false, hi)
			if ok {
				next, extra = t, hi
				break
			}
			hi = (lo + hi) / 2
		}
		if next == nil || footExcess(next) >= excess {
			return c
		}
		c, cur = next, extra
	}
	return c
}

// footExcess is the blank between the lowest mark of the chart's plot and the top of its foot
// beyond the frame's usual gap.
func footExcess(c *charts.Chart) float64 {
	slack, gap := FootSlack(c)
	return slack - gap
}

// FootSlack is the blank, in CSS px, between the lowest mark of the chart's plot (the map, its
// key, the notes under it) and the top of its foot (the credits and the source line), and the
// frame's usual gap there.
func FootSlack(c *charts.Chart) (slack, gap float64) {
	foot, top := 0.0, c.H
	for _, m := range c.Marks {
		b := m.Bounds()
		switch m.Role {
		case charts.RoleSource, charts.RoleNote:
			top = min(top, b.Y)
		case charts.RoleTitle, charts.RoleSubtitle:
		default:
			foot = max(foot, b.Y+b.H)
		}
	}
	return top - foot, 1.1 * baseSize(c.W, c.H)
}

// phoneMapFloor is the least share of its full-width height a phone's map keeps before its
// key takes the short forms.
const phoneMapFloor = 0.75

// mapViewKey lays the map out with its key grown grow steps (in its short forms with short);
// false when the key does not hold all its entries (with mustOnly, all it must keep).
func mapViewKey(a charts.Assets, s charts.State, w, h float64, grow int, short, mustOnly bool) (*charts.Chart, bool) {
	return mapViewKeyTaller(a, s, w, h, grow, short, mustOnly, 0)
}

// mapViewKeyTaller is mapViewKey with a phone's map extra px taller (phoneFill).
func mapViewKeyTaller(a charts.Assets, s charts.State, w, h float64, grow int, short, mustOnly bool, extra float64) (*charts.Chart, bool) {
	year := s.Year
	l := lang(s)
	c := &charts.Chart{View: "map", Year: year, W: w, H: h, Background: charts.Background, Lang: l, Assets: a}
	dests := destinations(l, year)
	c.Title = i18n.T(l, "map.title", year)
	sub := i18n.T(l, "map.subtitle")
	source := i18n.T(l, "source.plain", data.ShortSource)
	if len(dests) > 0 {
		source = sourceLine(l, dests)
	}
	credit := mapCredit(l)
	if short {
		credit = i18n.T(l, "map.credit.short", geo.Source)
	}
	m := mapLayoutTaller(c, c.Title, sub, []string{credit}, source, grow, extra)
	m.short, m.mustOnly = short, mustOnly
	pl := &placer{rect: m.rect}
	// The map's scales: the projection's plane (geo.Region) to pixels.
	px, py := m.proj.scales()
	c.Panels = append(c.Panels, charts.Panel{ID: "map", Rect: m.rect, X: px, Y: py})

	dest := map[string]bool{}
	for _, d := range dests {
		if d.Flow.Kind == data.Country {
			dest[d.Flow.To] = true
		}
	}
	m.countries(c, year, dest)
	c.Add(charts.Mark{ID: "map/frame", Role: charts.RoleMapFrame, Kind: charts.RectMark, Rect: m.rect, Style: charts.Style{Stroke: charts.Grid, StrokeWidth: 1}})
	if s.Context {
		m.routes(c, pl)
	}
	origin := m.proj.at(places["AZ"].At)
	arcs := m.arcs(c, dests, origin)
	for _, a := range arcs {
		pl.avoid = append(pl.avoid, a.Points)
	}
	// Every arc-like mark (the stub of the group too) keeps labels and boxes off it, and so
	// does every dotted route of the context layer (as a polygon there and back along it).
	for _, mk := range c.Marks {
		switch {
		case mk.Role == charts.RoleArc && mk.Closed:
			pl.avoid = append(pl.avoid, mk.Points)
		case mk.Role == charts.RoleRoute:
			back := append([]charts.Point{}, mk.Points...)
			for i := len(mk.Points) - 1; i >= 0; i-- {
				back = append(back, mk.Points[i])
			}
			pl.avoid = append(pl.avoid, back)
		}
	}
	// Azerbaijan's name first, then the arcs' labels, then the notes, then context names.
	m.originLabel(c, pl, year, origin)
	keyed := m.arcLabels(c, pl, dests, arcs)
	boxedOnMap := m.unplaced(c, pl, dests, origin)
	if len(dests) == 0 {
		msg := i18n.T(l, "map.empty", year)
		m.callout(c, pl, "empty", charts.RoleNote, "", msg, charts.Point{X: m.rect.X + m.rect.W/2, Y: m.rect.Y + m.rect.H/2}, charts.Style{Fill: charts.Background, Stroke: charts.UnknownC, StrokeWidth: 1, Dash: charts.Dashed})
	}
	if c.Assets.BaseMap == nil {
		m.callout(c, pl, "nobasemap", charts.RoleNote, "", i18n.T(l, "map.nobasemap"), charts.Point{X: m.rect.X + m.rect.W/2, Y: m.rect.Y + m.f.base*2}, charts.Style{Fill: charts.Background, Stroke: charts.Grid, StrokeWidth: 1})
	}
	m.placeNames(c, pl, dest)
	if s.Context {
		m.routeLabels(c, pl, dest)
	}
	ok := m.legendMarks(c, s, dests, keyed, boxedOnMap, grow == mapGrowSteps)
	return c, ok
}

// countries draws the base map: Azerbaijan dark, the year's destinations tinted, the rest quiet.
func (m *mapFrame) countries(c *charts.Chart, year int, dest map[string]bool) {
	bm := c.Assets.BaseMap
	if bm == nil {
		return
	}
	named := map[string]bool{"AZ": true}
	for id := range places {
		named[id] = true
	}
	rings := countryRings(c.Assets, m.proj, 0.4)
	for ci, ct := range bm.Countries {
		st := charts.Style{Fill: LandC, Stroke: CoastC, StrokeWidth: 0.8}
		switch {
		case ct.ID == "AZ":
			st.Fill = OriginC
		case dest[ct.ID]:
			st.Fill = DestLandC
		}
		datum := ""
		if named[ct.ID] {
			datum = countryDatum(ct.ID, year)
		}
		for i, pts := range rings[ci] {
			if pts == nil {
				continue
			}
			c.Add(charts.Mark{ID: "country/" + ct.ID + "/" + itoa(i), Role: charts.RoleCountry, Panel: "map", Row: ct.ID, Datum: datum, Kind: charts.PathMark, Points: pts, Closed: true,
				Style: st, Label: countryName(c.Assets.BaseMap, c.Lang, ct.ID)})
		}
	}
}

func countryDatum(id string, year int) string { return "country/" + id + "/" + itoa(year) }

// arcMark is an arc and its destination.
type arcMark struct {
	charts.Mark
	d   destination
	end charts.Point
}

// arcs draws one band with an arrowhead per destination: named countries, then the stub of
// the group the paper does not break down. Wider arcs go under narrower ones.
func (m *mapFrame) arcs(c *charts.Chart, dests []destination, origin charts.Point) []arcMark {
	var out []arcMark
	for _, d := range dests {
		var end charts.Point
		bend := 0.0
		id := "arc/" + d.Flow.To
		switch d.Flow.Kind {
		case data.Country:
			pl, ok := places[d.Flow.To]
			if !ok {
				continue
			}
			end, bend = m.proj.at(pl.At), pl.Bend
		case data.OtherCountries:
			end, id = stubEnd(c, origin, m.proj.at(otherStub)), "arc/other"
		default:
			continue
		}
		w := d.Figure.Value * m.k
		st := d.Style
		if d.Flow.Kind == data.Country {
			st = charts.Style{Fill: charts.OfficialC, Stroke: charts.Background, StrokeWidth: 0.8}
		}
		pts := arcPolygon(origin, end, bend, w, m.f.base)
		target := d.Label
		out = append(out, arcMark{Mark: charts.Mark{ID: id, Role: charts.RoleArc, Panel: "map", Datum: d.Figure.ID, Kind: charts.PathMark, Points: pts, Closed: true, Style: st,
			Label: d.Label, Value: d.Figure.Value, Source: countryName(c.Assets.BaseMap, c.Lang, "AZ"), Target: target}, d: d, end: end})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Value > out[j].Value })
	for _, a := range out {
		c.Add(a.Mark)
	}
	return out
}

// arcSamples is the number of points along each edge of an arc's band: the same for every arc,
// so that Tween can move an arc from one year's shape to the other's.
const arcSamples = 28

// arcPolygon is a band of width w along a quadratic curve from a to b, bent by bend × length to
// the left of the direction of travel, ending in an arrowhead whose tip is b. It always has
// 2·arcSamples+3 points.
func arcPolygon(a, b charts.Point, bend, w, base float64) []charts.Point {
	dx, dy := b.X-a.X, b.Y-a.Y
	L := math.Hypot(dx, dy)
	if L == 0 {
		L, dx = 1, 1
	}
	// Screen y points down: the left of travel is (dy, -dx).
	ctrl := charts.Point{X: (a.X+b.X)/2 + dy/L*bend*L, Y: (a.Y+b.Y)/2 - dx/L*bend*L}
	bez := func(u float64) charts.Point {
		v := 1 - u
		return charts.Point{X: v*v*a.X + 2*v*u*ctrl.X + u*u*b.X, Y: v*v*a.Y + 2*v*u*ctrl.Y + u*u*b.Y}
	}
	// Arc length table, to place samples evenly.
	const n = 200
	lens := make([]float64, n+1)
	prev := a
	for i := 1; i <= n; i++ {
		p := bez(float64(i) / n)
		lens[i] = lens[i-1] + math.Hypot(p.X-prev.X, p.Y-prev.Y)
		prev = p
	}
	total := lens[n]
	at := func(s float64) float64 { // curve parameter at arc length s
		i := sort.SearchFloat64s(lens, s)
		if i <= 0 {
			return 0
		}
		if i > n {
			return 1
		}
		f := (s - lens[i-1]) / max(lens[i]-lens[i-1], 1e-12)
		return (float64(i-1) + f) / n
	}
	head := min(max(w*1.2, base*0.75), total*0.45)
	half := w/2 + max(w*0.45, base*0.3)
	start := 0.0
	normal := func(u float64) charts.Point {
		e := 1e-4
		p, q := bez(max(0, u-e)), bez(min(1, u+e))
		l := math.Hypot(q.X-p.X, q.Y-p.Y)
		if l == 0 {
			return charts.Point{X: 0, Y: 1}
		}
		return charts.Point{X: (q.Y - p.Y) / l, Y: -(q.X - p.X) / l}
	}
	left := make([]charts.Point, arcSamples)
	right := make([]charts.Point, arcSamples)
	for i := 0; i < arcSamples; i++ {
		u := at(start + (total-head-start)*float64(i)/float64(arcSamples-1))
		p, nn := bez(u), normal(u)
		left[i] = charts.Point{X: p.X + nn.X*w/2, Y: p.Y + nn.Y*w/2}
		right[i] = charts.Point{X: p.X - nn.X*w/2, Y: p.Y - nn.Y*w/2}
	}
	un := at(total - head)
	neck, nn := bez(un), normal(un)
	pts := append([]charts.Point{}, left...)
	pts = append(pts, charts.Point{X: neck.X + nn.X*half, Y: neck.Y + nn.Y*half}, b, charts.Point{X: neck.X - nn.X*half, Y: neck.Y - nn.Y*half})
	for i := arcSamples - 1; i >= 0; i-- {
		pts = append(pts, right[i])
	}
	return pts
}

// routes draws the context layer: the routes the paper names without numbers, as thin dotted
// lines that carry no width, bent the other way from the counted arcs.
func (m *mapFrame) routes(c *charts.Chart, pl *placer) {
	origin := m.proj.at(places["AZ"].At)
	for ri, r := range data.Routes {
		for _, to := range r.To {
			p, ok := places[to]
			if !ok {
				continue
			}
			end := m.proj.at(p.At)
			bend := -p.Bend*1.4 - 0.1*float64(ri-1)
			if p.Bend == 0 {
				bend = 0.12 * float64(ri+1)
			}
			poly := arcPolygon(origin, end, bend, 0, m.f.base)
			// The centre line: the left edge, then the tip.
			line := append(append([]charts.Point{}, poly[:arcSamples]...), end)
			c.Add(charts.Mark{ID: "route/" + r.ID + "/" + to, Role: charts.RoleRoute, Datum: r.ID, Kind: charts.PathMark, Points: line,
				Style: charts.Style{Stroke: RouteC, StrokeWidth: 1.3, Dash: []float64{1.5, 3}}, Label: i18n.Purpose(c.Lang, r), Source: countryName(c.Assets.BaseMap, c.Lang, "AZ"), Target: to})
			// A small open chevron at the end gives the direction.
			a, b := line[len(line)-2], end
			dx, dy := b.X-a.X, b.Y-a.Y
			l := math.Max(math.Hypot(dx, dy), 1e-9)
			ux, uy := dx/l, dy/l
			s := m.f.base * 0.45
			c.Add(charts.Mark{ID: "route/" + r.ID + "/" + to + "/head", Role: charts.RoleRoute, Datum: r.ID, Kind: charts.PathMark,
				Points: []charts.Point{{X: b.X - ux*s + uy*s*0.6, Y: b.Y - uy*s - ux*s*0.6}, b, {X: b.X - ux*s - uy*s*0.6, Y: b.Y - uy*s + ux*s*0.6}},
				Style:  charts.Style{Stroke: RouteC, StrokeWidth: 1.3}})
		}
	}
}

// routeLabels names the end of every route whose country no text on the map names yet (a
// country with neither an arc nor room for its place name, such as Pakistan), beside the
// route's arrowhead. A country with an arc this year is named by the arc's label or its
// numbered key entry.
func (m *mapFrame) routeLabels(c *charts.Chart, pl *placer, dest map[string]bool) {
	named := map[string]bool{}
	for _, mk := range c.Marks {
		if mk.Kind == charts.TextMark {
			named[mk.Text] = true
		}
	}
	for _, mk := range c.Marks {
		if mk.Role != charts.RoleRoute || mk.Target == "" || len(mk.Points) == 0 {
			continue
		}
		name := countryName(c.Assets.BaseMap, c.Lang, mk.Target)
		if named[name] || dest[mk.Target] {
			continue
		}
		named[name] = true
		end := mk.Points[len(mk.Points)-1]
		lines := []line{{Name: name, Size: m.f.small, Fill: PlaceC}}
		near := m.nearCountry(c, mk.Target, end)
		cands := func(w, h float64) []charts.Rect {
			// Beside the head, then above or below it, flush with it on either side (a head
			// near the map's edge leaves no room for a box centred on it).
			cs := candidates(end, w, h, m.f.small*0.5)
			for _, k := range []float64{0.5, 1, 2} {
				g := m.f.small * k
				cs = append(cs, charts.Rect{X: end.X - w, Y: end.Y - g - h, W: w, H: h}, charts.Rect{X: end.X - w, Y: end.Y + g, W: w, H: h},
					charts.Rect{X: end.X, Y: end.Y - g - h, W: w, H: h}, charts.Rect{X: end.X, Y: end.Y + g, W: w, H: h})
			}
			return keep(cs, near)
		}
		// Clear of the arcs, the routes and the labels, and near the route's head or its
		// country; where there is no such place, the routes' key entry names the country
		// (m.unnamed) rather than a label floating beside another country.
		if _, ok := pl.placeClear(c, "route/"+mk.Target, mk.Datum, lines, cands); !ok {
			m.unnamed = append(m.unnamed, name)
		}
	}
}
