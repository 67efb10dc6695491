package layout

import (
	"math"

	"azflows/charts"
	"azflows/internal/geo"
)

// projector places lon/lat on the map's frame: the Region projection (named in the legend),
// scaled so that the places the story needs fill the frame, north up.
type projector struct {
	rect   charts.Rect
	s      float64 // px per projected unit
	cx, cy float64 // projected centre of the frame
}

// focus are the places every map must show: the Bosporus, Moscow, the Gulf, Pakistan.
var focus = []geo.LonLat{{Lon: 26, Lat: 36}, {Lon: 26, Lat: 42.5}, {Lon: 36, Lat: 57.5}, {Lon: 50, Lat: 57}, {Lon: 71, Lat: 34}, {Lon: 66.5, Lat: 23.5}, {Lon: 56.5, Lat: 22}, {Lon: 40, Lat: 30}}

func newProjector(r charts.Rect) projector {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range focus {
		x, y := geo.Region.Project(q)
		minX, maxX, minY, maxY = min(minX, x), max(maxX, x), min(minY, y), max(maxY, y)
	}
	w, h := (maxX-minX)*1.04, (maxY-minY)*1.04
	return projector{rect: r, s: min(r.W/w, r.H/h), cx: (minX + maxX) / 2, cy: (minY + maxY) / 2}
}

// scales are the projection's plane (geo.Region's units, y up) to the frame's pixels.
func (p projector) scales() (x, y charts.Linear) {
	hw, hh := p.rect.W/2/p.s, p.rect.H/2/p.s
	return charts.Linear{D0: p.cx - hw, D1: p.cx + hw, R0: p.rect.X, R1: p.rect.X + p.rect.W}, charts.Linear{D0: p.cy + hh, D1: p.cy - hh, R0: p.rect.Y, R1: p.rect.Y + p.rect.H}
}

// at is the pixel position of a place.
func (p projector) at(q geo.LonLat) charts.Point {
	x, y := geo.Region.Project(q)
	return charts.Point{X: p.rect.X + p.rect.W/2 + (x-p.cx)*p.s, Y: p.rect.Y + p.rect.H/2 - (y-p.cy)*p.s}
}

// planeRing places a ring given in geo.Region's plane on the frame, clips it to the frame and
// simplifies it to tol pixels.
func (p projector) planeRing(plane []geo.XY, tol float64) []charts.Point {
	xy := make([]geo.XY, len(plane))
	lo, hi := geo.XY{X: math.Inf(1), Y: math.Inf(1)}, geo.XY{X: math.Inf(-1), Y: math.Inf(-1)}
	for i, q := range plane {
		xy[i] = geo.XY{X: p.rect.X + p.rect.W/2 + (q.X-p.cx)*p.s, Y: p.rect.Y + p.rect.H/2 - (q.Y-p.cy)*p.s}
		lo.X, lo.Y, hi.X, hi.Y = min(lo.X, xy[i].X), min(lo.Y, xy[i].Y), max(hi.X, xy[i].X), max(hi.Y, xy[i].Y)
	}
	b := geo.Box{MinX: p.rect.X, MinY: p.rect.Y, MaxX: p.rect.X + p.rect.W, MaxY: p.rect.Y + p.rect.H}
	switch {
	case hi.X < b.MinX-1 || lo.X > b.MaxX+1 || hi.Y < b.MinY-1 || lo.Y > b.MaxY+1:
		return nil // wholly off the frame (by more than a pixel): the clip leaves nothing
	case lo.X >= b.MinX && hi.X <= b.MaxX && lo.Y >= b.MinY && hi.Y <= b.MaxY:
		// wholly inside: the clip would give the ring back as it is
	default:
		xy = geo.ClipRing(xy, b)
	}
	xy = geo.Simplify(xy, tol)
	if len(xy) < 3 || math.Abs(geo.Area(xy)) < 1 {
		return nil
	}
	out := make([]charts.Point, len(xy))
	for i, q := range xy {
		out[i] = charts.Point{X: q.X, Y: q.Y}
	}
	return out
}

// countryRings are p.planeRing of every ring of every country of a's base map at tolerance tol
// (nil where a ring leaves nothing), each a fresh copy the caller may keep; a's memo keeps
// them by frame (Assets.FrameRings).
func countryRings(a charts.Assets, p projector, tol float64) [][][]charts.Point {
	return a.FrameRings(ringsFrame{p, tol}, func(r []geo.XY) []charts.Point { return p.planeRing(r, tol) })
}

// ringsFrame names a frame's rings: its projection and tolerance.
type ringsFrame struct {
	p   projector
	tol float64
}
