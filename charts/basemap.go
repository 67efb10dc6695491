package charts

import (
	"sync"

	"azflows/internal/geo"
)

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
	// projectedRings keeps the last frames' projected, clipped and simplified rings (FrameRings).
	projectedRings *boundedCache[ringsKey, [][][]Point]
	// layouts keeps the layouts asked for by Assets.Layout: the English layouts a translated
	// chart is held to.
	layouts *boundedCache[layoutKey, *Chart]
}

func newMemo() *memo {
	return &memo{
		projectedRings: newBoundedCache[ringsKey, [][][]Point](ringsCacheSize),
		layouts:        newBoundedCache[layoutKey, *Chart](layoutsMax),
	}
}

type ringsKey struct {
	m     *geo.Map
	frame any // FrameRings' key
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

// FrameRings are the base map's rings placed on a frame (nil where a ring leaves nothing), each
// a fresh copy the caller may keep. place places the rings given in geo.Region's plane on the
// frame; k names the frame and how it is placed (a comparable value: equal keys place alike),
// so that a's memo keeps the last frames' rings.
func (a Assets) FrameRings(k any, place func(plane []geo.XY) []Point) [][][]Point {
	key := ringsKey{a.BaseMap, k}
	var v [][][]Point
	ok := false
	if a.memo != nil {
		v, ok = a.memo.projectedRings.get(key)
	}
	if !ok {
		pl := a.memo.plane(a.BaseMap)
		v = make([][][]Point, len(pl))
		for i, rs := range pl {
			v[i] = make([][]Point, len(rs))
			for j, r := range rs {
				v[i][j] = place(r)
			}
		}
		if a.memo != nil {
			a.memo.projectedRings.put(key, v)
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
