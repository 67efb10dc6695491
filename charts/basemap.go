package charts

import (
	"math"
	"sync"

	"azflows/internal/geo"
)

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

// planeRing places a ring given in geo.Region's plane on the frame, clips it to the frame and
// simplifies it to tol pixels.
func (p projector) planeRing(plane []geo.XY, tol float64) []Point {
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
	out := make([]Point, len(xy))
	for i, q := range xy {
		out[i] = Point{q.X, q.Y}
	}
	return out
}

// The base map's shapes are the same in every layout at the same frame: a map view tries
// several shapes of its key (and Build several heights, and the English layout a translated
// chart is held to), and each draws the same countries again. The Assets' memo keeps them.

// memo holds the layouts' caches of one Assets (NewAssets): what the layouts would otherwise
// compute again and again from the same fonts and base map. Each is bounded.
type memo struct {
	// planeRings are the base map's rings projected to geo.Region's plane, per country and ring.
	planeRings struct {
		sync.Mutex
		m  *geo.Map
		xy [][][]geo.XY
	}
	// projectedRings keeps the last frames' projected, clipped and simplified rings.
	projectedRings *boundedCache[ringsKey, [][][]Point]
	// english keeps the English layouts a translated chart is held to (englishLayout).
	english *boundedCache[englishKey, *Chart]
}

func newMemo() *memo {
	return &memo{
		projectedRings: newBoundedCache[ringsKey, [][][]Point](ringsCacheSize),
		english:        newBoundedCache[englishKey, *Chart](englishMax),
	}
}

type ringsKey struct {
	m   *geo.Map
	p   projector
	tol float64
}

// ringsCacheSize bounds projectedRings: the frames of one Build's growth search and the
// English layout beside it.
const ringsCacheSize = 64

// plane returns the base map's rings in geo.Region's plane, kept in mo (when not nil) for the
// last base map asked for.
func (mo *memo) plane(bm *geo.Map) [][][]geo.XY {
	if mo == nil {
		return projectPlane(bm)
	}
	mo.planeRings.Lock()
	defer mo.planeRings.Unlock()
	if mo.planeRings.m != bm {
		mo.planeRings.m, mo.planeRings.xy = bm, projectPlane(bm)
	}
	return mo.planeRings.xy
}

// projectPlane is every ring of bm in geo.Region's plane.
func projectPlane(bm *geo.Map) [][][]geo.XY {
	out := make([][][]geo.XY, len(bm.Countries))
	for i, ct := range bm.Countries {
		out[i] = make([][]geo.XY, len(ct.Rings))
		for j, r := range ct.Rings {
			xy := make([]geo.XY, len(r))
			for k, q := range r {
				xy[k].X, xy[k].Y = geo.Region.Project(q)
			}
			out[i][j] = xy
		}
	}
	return out
}

// countryRings are p.ring of every ring of every country of a's base map (nil where a ring
// leaves nothing), each a fresh copy the caller may keep.
func (a Assets) countryRings(p projector, tol float64) [][][]Point {
	k := ringsKey{a.BaseMap, p, tol}
	var v [][][]Point
	ok := false
	if a.memo != nil {
		v, ok = a.memo.projectedRings.get(k)
	}
	if !ok {
		pl := a.memo.plane(a.BaseMap)
		v = make([][][]Point, len(pl))
		for i, rs := range pl {
			v[i] = make([][]Point, len(rs))
			for j, r := range rs {
				v[i][j] = p.planeRing(r, tol)
			}
		}
		if a.memo != nil {
			a.memo.projectedRings.put(k, v)
		}
	}
	out := make([][][]Point, len(v))
	for i, rs := range v {
		out[i] = make([][]Point, len(rs))
		for j, r := range rs {
			if r != nil {
				out[i][j] = append([]Point(nil), r...)
			}
		}
	}
	return out
}
