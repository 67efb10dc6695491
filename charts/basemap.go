package charts

import (
	"math"

	"azflows/internal/geo"
)

// baseMap holds the country shapes the map view draws; nil until SetBaseMap.
var baseMap *geo.Map

// SetBaseMap gives the map view its country shapes (dist/basemap.json, see package geo). The
// view draws its arcs without them, and says so. Call it before Build, from the goroutine that
// builds charts.
func SetBaseMap(m *geo.Map) { baseMap = m }

// BaseMap returns the shapes set with SetBaseMap, or nil.
func BaseMap() *geo.Map { return baseMap }

// projector places lon/lat on the map's frame: the Region projection (named in the legend),
// scaled so that the places the story needs fill the frame, north up.
type projector struct {
	rect   Rect
	s      float64 // px per projected unit
	cx, cy float64 // projected centre of the frame
}

// focus are the places every map must show: the Bosporus, Moscow, the Gulf, Pakistan.
var focus = []geo.LonLat{{Lon: 26, Lat: 36}, {Lon: 26, Lat: 42.5}, {Lon: 36, Lat: 57.5}, {Lon: 50, Lat: 57}, {Lon: 71, Lat: 34}, {Lon: 66.5, Lat: 23.5}, {Lon: 56.5, Lat: 22}, {Lon: 40, Lat: 30}}

func newProjector(r Rect) projector {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range focus {
		x, y := geo.Region.Project(q)
		minX, maxX, minY, maxY = min(minX, x), max(maxX, x), min(minY, y), max(maxY, y)
	}
	w, h := (maxX-minX)*1.04, (maxY-minY)*1.04
	return projector{rect: r, s: min(r.W/w, r.H/h), cx: (minX + maxX) / 2, cy: (minY + maxY) / 2}
}

// scales are the projection's plane (geo.Region's units, y up) to the frame's pixels.
func (p projector) scales() (x, y Linear) {
	hw, hh := p.rect.W/2/p.s, p.rect.H/2/p.s
	return Linear{p.cx - hw, p.cx + hw, p.rect.X, p.rect.X + p.rect.W}, Linear{p.cy + hh, p.cy - hh, p.rect.Y, p.rect.Y + p.rect.H}
}

// at is the pixel position of a place.
func (p projector) at(q geo.LonLat) Point {
	x, y := geo.Region.Project(q)
	return Point{p.rect.X + p.rect.W/2 + (x-p.cx)*p.s, p.rect.Y + p.rect.H/2 - (y-p.cy)*p.s}
}

// ring projects, clips to the frame and simplifies a ring to tol pixels.
func (p projector) ring(r []geo.LonLat, tol float64) []Point {
	xy := make([]geo.XY, len(r))
	for i, q := range r {
		pt := p.at(q)
		xy[i] = geo.XY{X: pt.X, Y: pt.Y}
	}
	xy = geo.ClipRing(xy, geo.Box{MinX: p.rect.X, MinY: p.rect.Y, MaxX: p.rect.X + p.rect.W, MaxY: p.rect.Y + p.rect.H})
	xy = geo.Simplify(xy, tol)
	if len(xy) < 3 || math.Abs(geo.Area(xy)) < 1 {
		return nil
	}
	out := make([]Point, len(xy))
	for i, q := range xy {
		out[i] = Point{q.X, q.Y}
	}
	return out
}
