package geo

import (
	"bytes"
	"io"
	"math"
	"runtime"
	"strings"
	"testing"
)

var region *Map

func TestMain(m *testing.M) {
	var err error
	region, err = ForTests()
	if err != nil {
		panic(err) // a clear message: run npm ci
	}
	m.Run()
}

// inCountry reports whether a lon/lat lies in one of the country's rings, tested after
// projecting both with the map's projection, as the view draws them.
func inCountry(t *testing.T, id string, q LonLat) bool {
	t.Helper()
	c, ok := region.Country(id)
	if !ok {
		t.Fatalf("no country %s in the base map", id)
	}
	x, y := Region.Project(q)
	for _, r := range c.Rings {
		ring := make([]XY, len(r))
		for i, p := range r {
			ring[i].X, ring[i].Y = Region.Project(p)
		}
		if Inside(XY{x, y}, ring) {
			return true
		}
	}
	return false
}

func TestCitiesLandInTheirCountry(t *testing.T) {
	cities := []struct {
		name, country string
		at            LonLat
	}{
		{"Baku", "AZ", LonLat{49.87, 40.41}},
		{"Ganja", "AZ", LonLat{46.36, 40.68}},
		{"Nakhchivan", "AZ", LonLat{45.41, 39.21}},
		{"Ankara", "TR", LonLat{32.85, 39.93}},
		{"Edirne", "TR", LonLat{26.56, 41.68}},
		{"Tehran", "IR", LonLat{51.39, 35.69}},
		{"Tabriz", "IR", LonLat{46.29, 38.08}},
		{"Dubai", "AE", LonLat{55.27, 25.20}},
		{"Al Ain", "AE", LonLat{55.76, 24.21}},
		{"Moscow", "RU", LonLat{37.62, 55.76}},
		{"Makhachkala", "RU", LonLat{47.50, 42.98}},
		{"Tbilisi", "GE", LonLat{44.79, 41.72}},
		{"Yerevan", "AM", LonLat{44.51, 40.18}},
		{"Karachi", "PK", LonLat{67.01, 24.86}},
		{"Islamabad", "PK", LonLat{73.05, 33.68}},
	}
	for _, c := range cities {
		if !inCountry(t, c.country, c.at) {
			t.Errorf("%s %v is not inside %s", c.name, c.at, c.country)
		}
	}
	// And not inside a neighbour.
	for _, wrong := range []struct{ name, country string }{{"AM", "Baku"}, {"IR", "Baku"}, {"RU", "Baku"}, {"GE", "Baku"}} {
		if inCountry(t, wrong.name, LonLat{49.87, 40.41}) {
			t.Errorf("%s lies inside %s", wrong.country, wrong.name)
		}
	}
}

func TestRegionIsClippedAndCompact(t *testing.T) {
	for _, id := range []string{"AZ", "TR", "IR", "AE", "RU", "PK", "GE", "AM"} {
		if _, ok := region.Country(id); !ok {
			t.Errorf("the base map lacks %s", id)
		}
	}
	if _, ok := region.Country("US"); ok {
		t.Error("the base map holds the United States")
	}
	n := 0
	for _, c := range region.Countries {
		for _, r := range c.Rings {
			n += len(r)
			for _, p := range r {
				if p.Lon < RegionBox.MinX-1e-9 || p.Lon > RegionBox.MaxX+1e-9 || p.Lat < RegionBox.MinY-1e-9 || p.Lat > RegionBox.MaxY+1e-9 {
					t.Fatalf("%s: %v outside the region box", c.ID, p)
				}
				if math.Abs(p.Lon*100-math.Round(p.Lon*100)) > 1e-6 {
					t.Fatalf("%s: %v not rounded to 0.01°", c.ID, p)
				}
			}
		}
	}
	if n > 40000 {
		t.Errorf("%d points: not simplified", n)
	}
	t.Logf("%d countries, %d points", len(region.Countries), n)
}

func TestProjectionRoundTripsAndIsConformal(t *testing.T) {
	for _, q := range []LonLat{{48, 40}, {30, 55}, {70, 25}, {25, 60}} {
		x, y := Region.Project(q)
		b := Region.Inverse(x, y)
		if math.Abs(b.Lon-q.Lon) > 1e-9 || math.Abs(b.Lat-q.Lat) > 1e-9 {
			t.Errorf("%v → (%v, %v) → %v", q, x, y, b)
		}
	}
	// North is up on the central meridian; Moscow is north-west of Baku, Dubai south-east.
	bx, by := Region.Project(LonLat{49.87, 40.41})
	mx, my := Region.Project(LonLat{37.62, 55.76})
	dx, dy := Region.Project(LonLat{55.27, 25.20})
	if !(mx < bx && my > by && dx > bx && dy < by) {
		t.Errorf("directions wrong: Baku (%v,%v) Moscow (%v,%v) Dubai (%v,%v)", bx, by, mx, my, dx, dy)
	}
	// Conformal: on the standard parallels, a small step east and north have the same scale.
	for _, lat := range []float64{30, 50} {
		e := 1e-4
		x0, y0 := Region.Project(LonLat{48, lat})
		x1, y1 := Region.Project(LonLat{48 + e, lat})
		x2, y2 := Region.Project(LonLat{48, lat + e})
		kx := math.Hypot(x1-x0, y1-y0) / (e * math.Pi / 180 * math.Cos(lat*math.Pi/180))
		ky := math.Hypot(x2-x0, y2-y0) / (e * math.Pi / 180)
		if math.Abs(kx-1) > 1e-3 || math.Abs(ky-1) > 1e-3 {
			t.Errorf("scale at %v°N: %v east, %v north, want 1", lat, kx, ky)
		}
	}
}

func TestClipRing(t *testing.T) {
	sq := []XY{{-1, -1}, {3, -1}, {3, 3}, {-1, 3}}
	got := ClipRing(sq, Box{0, 0, 2, 2})
	if math.Abs(math.Abs(Area(got))-4) > 1e-9 {
		t.Errorf("clipped square has area %v: %v", Area(got), got)
	}
	if ClipRing([]XY{{5, 5}, {6, 5}, {6, 6}}, Box{0, 0, 2, 2}) != nil {
		t.Error("a ring outside the box survives")
	}
}

func TestSimplifyKeepsShape(t *testing.T) {
	var ring []XY
	for i := 0; i < 360; i++ {
		a := float64(i) * math.Pi / 180
		ring = append(ring, XY{100 * math.Cos(a), 100 * math.Sin(a)})
	}
	s := Simplify(ring, 0.5)
	if len(s) >= len(ring) || len(s) < 8 {
		t.Errorf("circle of 360 points simplified to %d", len(s))
	}
	for _, p := range ring {
		d := math.Inf(1)
		for i := range s {
			d = min(d, segDist(p, s[i], s[(i+1)%len(s)]))
		}
		if d > 0.5+1e-9 {
			t.Fatalf("%v is %v from the simplified ring", p, d)
		}
	}
	if Simplify([]XY{{0, 0}, {0.1, 0}, {0.1, 0.1}, {0, 0.1}}, 1) != nil {
		t.Error("a ring smaller than the tolerance survives")
	}
}

// tinyTopology is a world-atlas-like topology with one country of one arc.
const tinyTopology = `{"type":"Topology","transform":{"scale":[0.01,0.01],"translate":[40,35]},
"arcs":[[[0,0],[1000,0],[0,1000],[-1000,0],[0,-1000]]],
"objects":{"countries":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]],"id":"031","properties":{"name":"Azerbaijan"}}]}}}`

// Sizes a TopoJSON file or a base map states or implies are checked before they are
// allocated: an arc named a million times, a file over the limit, coordinates that are not
// numbers, are errors.
func TestDecodersBounded(t *testing.T) {
	if feats, err := DecodeTopoJSON(strings.NewReader(tinyTopology)); err != nil || len(feats) != 1 || len(feats[0].Rings[0]) != 5 {
		t.Fatalf("the tiny topology: %v %+v", err, feats)
	}
	// One arc of 10,000 points named 1,000 times per ring, in 100 polygons: 1e9 points joined.
	var arc, ring, polys strings.Builder
	arc.WriteString("[[0,0]")
	for range 10000 {
		arc.WriteString(",[1,1]")
	}
	arc.WriteString("]")
	ring.WriteString("[[0")
	for range 1000 {
		ring.WriteString(",0")
	}
	ring.WriteString("]]")
	for i := range 100 {
		if i > 0 {
			polys.WriteString(",")
		}
		polys.WriteString(ring.String())
	}
	bomb := `{"type":"Topology","arcs":[` + arc.String() + `],"objects":{"countries":{"type":"GeometryCollection","geometries":[{"type":"MultiPolygon","arcs":[` + polys.String() + `],"id":"031"}]}}}`
	for name, in := range map[string]io.Reader{
		"an arc joined 100,000 times":     strings.NewReader(bomb),
		"a file over the limit":           io.MultiReader(strings.NewReader(`{"type":"Topology","arcs":[`), strings.NewReader(strings.Repeat(" ", MaxTopoJSONSize))),
		"a coordinate that is not finite": strings.NewReader(strings.Replace(tinyTopology, `"scale":[0.01,0.01]`, `"scale":[1e308,1e308]`, 1)),
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := DecodeTopoJSON(in)
		runtime.ReadMemStats(&after)
		if err == nil {
			t.Errorf("%s: decoded", name)
		}
		// JSON decoding takes up to some 30 bytes per byte of input, and joined rings at most
		// MaxRingPoints points.
		if d := after.TotalAlloc - before.TotalAlloc; d > 32*MaxTopoJSONSize {
			t.Errorf("%s: allocated %d MB", name, d>>20)
		}
	}
	b, err := region.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(b); err != nil {
		t.Fatalf("the base map: %v", err)
	}
	for name, in := range map[string]string{
		"over the limit":        `{"countries":[` + strings.Repeat(" ", MaxBaseMapSize) + `]}`,
		"a point beyond 360°":   `{"box":[0,0,1,1],"countries":[{"id":"AZ","rings":[[0,0,100,100,99999999,0]]}]}`,
		"a step that overflows": `{"box":[0,0,1,1],"countries":[{"id":"AZ","rings":[[9223372036854775807,0,9223372036854775807,0,1,1]]}]}`,
		"a ring of two points":  `{"box":[0,0,1,1],"countries":[{"id":"AZ","rings":[[0,0,1,1]]}]}`,
		"no countries":          `{"box":[0,0,1,1],"countries":[]}`,
		"not JSON":              `{"box":`,
	} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("base map %s: parsed", name)
		}
	}
}

// FuzzDecodeTopoJSON: any input decodes or fails without panicking, within the point limit.
func FuzzDecodeTopoJSON(f *testing.F) {
	f.Add([]byte(tinyTopology))
	f.Add([]byte(`{"type":"Topology","arcs":[[[0,0],[1,1]]],"objects":{"countries":{"geometries":[{"type":"MultiPolygon","arcs":[[[0,-1,0]],[[~0]]]}]}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		feats, err := DecodeTopoJSON(bytes.NewReader(b))
		if err != nil {
			return
		}
		n := 0
		for _, ft := range feats {
			for _, r := range ft.Rings {
				n += len(r)
			}
		}
		if n > MaxRingPoints {
			t.Fatalf("%d points joined", n)
		}
	})
}

// FuzzParseBaseMap: any input parses or fails without panicking; a parsed map writes back to
// a file that parses to the same shapes.
func FuzzParseBaseMap(f *testing.F) {
	f.Add([]byte(`{"source":"s","box":[8,12,96,68],"countries":[{"id":"AZ","name":"Azerbaijan","rings":[[4500,4000,100,0,0,100,-100,0]]}]}`))
	f.Add([]byte(`{"box":[0,0,1,1],"countries":[{"id":"AZ","rings":[[0,0,1,1]]}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Parse(b)
		if err != nil {
			return
		}
		out, err := m.MarshalJSON()
		if err != nil {
			t.Fatalf("a parsed map does not write back: %v", err)
		}
		again, err := Parse(out)
		if err != nil || len(again.Countries) != len(m.Countries) {
			t.Fatalf("written back, it parses as %v, %d countries of %d", err, len(again.Countries), len(m.Countries))
		}
	})
}
