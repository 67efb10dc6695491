package geo

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
)

// Limits of DecodeTopoJSON, a little above world-atlas' countries-50m.json, the one file it
// reads: 0.76 MB, whose rings join 96,819 points (TestTopoJSONLimitsFitTheInput).
const (
	// MaxTopoJSONSize is the largest TopoJSON input DecodeTopoJSON reads.
	MaxTopoJSONSize = 1 << 20
	// MaxRingPoints is the most points all rings together may have once their arcs are
	// joined (each arc can be named many times, so this is checked as they are joined).
	MaxRingPoints = 1 << 17
)

// LonLat is a position in degrees.
type LonLat struct{ Lon, Lat float64 }

// Feature is one country as world-atlas draws it: its outer rings (holes are dropped: no
// country of the region has a hole another country does not fill).
type Feature struct {
	Numeric string // ISO 3166-1 numeric, "" for the few shapes without one (Kosovo, N. Cyprus)
	Name    string // world-atlas' short name
	Rings   [][]LonLat
}

type topology struct {
	Type      string `json:"type"`
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects map[string]struct {
		Type       string `json:"type"`
		Geometries []struct {
			Type       string          `json:"type"`
			Arcs       json.RawMessage `json:"arcs"`
			ID         json.RawMessage `json:"id"`
			Properties struct {
				Name string `json:"name"`
			} `json:"properties"`
		} `json:"geometries"`
	} `json:"objects"`
}

// DecodeTopoJSON reads a world-atlas countries file (countries-50m.json) and returns the
// features of its object "countries". It reads at most MaxTopoJSONSize bytes and joins at
// most MaxRingPoints points; beyond either, or with coordinates that are not finite numbers,
// the input is an error.
func DecodeTopoJSON(r io.Reader) ([]Feature, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxTopoJSONSize+1))
	if err != nil {
		return nil, fmt.Errorf("geo: reading TopoJSON: %w", err)
	}
	if len(b) > MaxTopoJSONSize {
		return nil, fmt.Errorf("geo: TopoJSON larger than %d bytes", MaxTopoJSONSize)
	}
	var t topology
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, fmt.Errorf("geo: reading TopoJSON: %w", err)
	}
	if t.Type != "Topology" {
		return nil, fmt.Errorf("geo: not a TopoJSON topology (type %q)", t.Type)
	}
	obj, ok := t.Objects["countries"]
	if !ok {
		return nil, fmt.Errorf("geo: the topology has no object \"countries\"")
	}
	// Decode every arc once: quantized arcs are delta-encoded.
	arcs := make([][]LonLat, len(t.Arcs))
	for i, a := range t.Arcs {
		pts := make([]LonLat, len(a))
		x, y := 0.0, 0.0
		for j, p := range a {
			if t.Transform != nil {
				x, y = x+p[0], y+p[1]
				pts[j] = LonLat{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
			} else {
				pts[j] = LonLat{p[0], p[1]}
			}
		}
		for _, p := range pts {
			if math.IsNaN(p.Lon) || math.IsInf(p.Lon, 0) || math.IsNaN(p.Lat) || math.IsInf(p.Lat, 0) {
				return nil, fmt.Errorf("geo: arc %d has a coordinate that is not a finite number", i)
			}
		}
		arcs[i] = pts
	}
	joined := 0 // points in all rings so far
	ring := func(idx []int) ([]LonLat, error) {
		var out []LonLat
		for _, i := range idx {
			rev := i < 0
			if rev {
				i = ^i
			}
			if i >= len(arcs) {
				return nil, fmt.Errorf("geo: arc %d out of range", i)
			}
			a := arcs[i]
			if joined += len(a); joined > MaxRingPoints {
				return nil, fmt.Errorf("geo: the rings join more than %d points", MaxRingPoints)
			}
			for k := range a {
				p := a[k]
				if rev {
					p = a[len(a)-1-k]
				}
				if len(out) > 0 && k == 0 { // arcs share their end points
					continue
				}
				out = append(out, p)
			}
		}
		return out, nil
	}
	var feats []Feature
	for _, g := range obj.Geometries {
		f := Feature{Name: g.Properties.Name}
		var id any
		if len(g.ID) > 0 && json.Unmarshal(g.ID, &id) == nil {
			switch v := id.(type) {
			case string:
				f.Numeric = v
			case float64:
				f.Numeric = fmt.Sprintf("%03s", strconv.Itoa(int(v)))
			}
		}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, fmt.Errorf("geo: %s: %w", f.Name, err)
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, fmt.Errorf("geo: %s: %w", f.Name, err)
			}
		default:
			continue // null geometries
		}
		for _, p := range polys {
			if len(p) == 0 {
				continue
			}
			r, err := ring(p[0])
			if err != nil {
				return nil, err
			}
			f.Rings = append(f.Rings, r)
		}
		feats = append(feats, f)
	}
	return feats, nil
}
