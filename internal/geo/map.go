package geo

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"

	"azflows/internal/repo"
)

// Map is the base map: the region's countries, clipped, simplified and rounded.
type Map struct {
	Source    string    // what the shapes are, for the source line
	Box       Box       // the lon/lat box the shapes were clipped to
	Countries []Country // in the order world-atlas lists them
}

// Country is one country's shapes.
type Country struct {
	ID    string     // ISO 3166-1 alpha-2, or "n" + the numeric code, or "x:" + name
	Name  string     // world-atlas' short name
	Rings [][]LonLat // outer rings, clipped to the Map's Box
}

// Country returns the country with the alpha-2 id.
func (m *Map) Country(id string) (Country, bool) {
	if m == nil {
		return Country{}, false
	}
	for _, c := range m.Countries {
		if c.ID == id {
			return c, true
		}
	}
	return Country{}, false
}

// RegionBox is the lon/lat box the base map keeps: wide enough that the view, whatever its
// aspect, never shows a cut edge (the view clips again to its frame).
var RegionBox = Box{MinX: 8, MinY: 12, MaxX: 96, MaxY: 68}

// Tolerance is the simplification tolerance in degrees: about half a pixel on the largest map
// the page draws (1920×1080, some 25 px per degree), and the grid the coordinates are rounded to.
const Tolerance = 0.02

// WorldAtlasVersion is the version of the npm package world-atlas that package.json pins.
const WorldAtlasVersion = "2.0.2"

// Source is what the base map shows, for source lines.
const Source = "Natural Earth 1:50m (world-atlas " + WorldAtlasVersion + ")"

// FromFeatures keeps the features that reach into box, clips each ring to it, simplifies it
// to within tol degrees and rounds it to 0.01°.
func FromFeatures(feats []Feature, box Box, tol float64) *Map {
	m := &Map{Source: Source, Box: box}
	for _, f := range feats {
		c := Country{Name: f.Name}
		switch {
		case Alpha2(f.Numeric) != "":
			c.ID = Alpha2(f.Numeric)
		case f.Numeric != "":
			c.ID = "n" + f.Numeric
		default:
			c.ID = "x:" + f.Name
		}
		for _, r := range f.Rings {
			xy := make([]XY, len(r))
			for i, p := range r {
				xy[i] = XY{p.Lon, p.Lat}
			}
			xy = Simplify(ClipRing(xy, box), tol)
			var out []LonLat
			for _, p := range xy {
				q := LonLat{round2(p.X), round2(p.Y)}
				if len(out) > 0 && out[len(out)-1] == q {
					continue
				}
				out = append(out, q)
			}
			if len(out) >= 3 {
				c.Rings = append(c.Rings, out)
			}
		}
		if len(c.Rings) > 0 {
			m.Countries = append(m.Countries, c)
		}
	}
	sort.SliceStable(m.Countries, func(i, j int) bool { return m.Countries[i].ID < m.Countries[j].ID })
	return m
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// The file format: rings as flat arrays of integers in hundredths of a degree, the first
// point absolute and every later one as the difference to the one before.
type fileMap struct {
	Source    string        `json:"source"`
	Box       [4]float64    `json:"box"`
	Countries []fileCountry `json:"countries"`
}

type fileCountry struct {
	ID    string    `json:"id"`
	Name  string    `json:"name"`
	Rings [][]int64 `json:"rings"`
}

// MarshalJSON writes the compact file format.
func (m *Map) MarshalJSON() ([]byte, error) {
	f := fileMap{Source: m.Source, Box: [4]float64{m.Box.MinX, m.Box.MinY, m.Box.MaxX, m.Box.MaxY}}
	for _, c := range m.Countries {
		fc := fileCountry{ID: c.ID, Name: c.Name}
		for _, r := range c.Rings {
			flat := make([]int64, 0, 2*len(r))
			var px, py int64
			for _, p := range r {
				x, y := int64(math.Round(p.Lon*100)), int64(math.Round(p.Lat*100))
				flat = append(flat, x-px, y-py)
				px, py = x, y
			}
			fc.Rings = append(fc.Rings, flat)
		}
		f.Countries = append(f.Countries, fc)
	}
	return json.Marshal(f)
}

// Limits of Parse: dist/basemap.json is about 70 KB, 83 countries, 11,000 points
// (TestBaseMapLimitFitsTheInput).
const (
	// MaxBaseMapSize is the largest base map Parse reads, a little above the real one.
	MaxBaseMapSize = 128 << 10
	// maxCoord bounds a coordinate in hundredths of a degree (the box is well inside ±360°).
	maxCoord = 36000
)

// Parse reads a base map written by MarshalJSON (dist/basemap.json). Input over
// MaxBaseMapSize, rings of fewer than 3 points, coordinates outside ±360° and a box that is
// not finite are errors.
func Parse(b []byte) (*Map, error) {
	if len(b) > MaxBaseMapSize {
		return nil, fmt.Errorf("geo: base map of %d bytes, more than the %d this reads", len(b), MaxBaseMapSize)
	}
	var f fileMap
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("geo: base map: %w", err)
	}
	for _, v := range f.Box {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, errors.New("geo: base map box is not finite")
		}
	}
	m := &Map{Source: f.Source, Box: Box{f.Box[0], f.Box[1], f.Box[2], f.Box[3]}}
	for _, fc := range f.Countries {
		c := Country{ID: fc.ID, Name: fc.Name}
		for _, flat := range fc.Rings {
			if len(flat)%2 != 0 || len(flat) < 6 {
				return nil, fmt.Errorf("geo: base map: %s has a ring of %d numbers", fc.ID, len(flat))
			}
			r := make([]LonLat, len(flat)/2)
			var x, y int64
			for i := range r {
				dx, dy := flat[2*i], flat[2*i+1]
				if dx < -2*maxCoord || dx > 2*maxCoord || dy < -2*maxCoord || dy > 2*maxCoord {
					return nil, fmt.Errorf("geo: base map: %s has a step of (%d, %d)", fc.ID, dx, dy)
				}
				x, y = x+dx, y+dy
				if x < -maxCoord || x > maxCoord || y < -maxCoord || y > maxCoord {
					return nil, fmt.Errorf("geo: base map: %s has a point outside ±360°", fc.ID)
				}
				r[i] = LonLat{float64(x) / 100, float64(y) / 100}
			}
			c.Rings = append(c.Rings, r)
		}
		m.Countries = append(m.Countries, c)
	}
	if len(m.Countries) == 0 {
		return nil, errors.New("geo: base map has no countries")
	}
	return m, nil
}

// WorldAtlasFile is the file the base map is made from, relative to the repository root.
var WorldAtlasFile = filepath.Join("node_modules", "world-atlas", "countries-50m.json")

// FromWorldAtlas makes the base map from the world-atlas package installed under root (the
// directory holding package.json): the region, simplified and rounded, exactly as
// dist/basemap.json holds it (it goes through MarshalJSON and Parse).
func FromWorldAtlas(root string) (*Map, error) {
	pkg, err := os.ReadFile(filepath.Join(root, "node_modules", "world-atlas", "package.json"))
	if err != nil {
		return nil, fmt.Errorf("geo: %w (run `npm ci` in %s; make build does it)", err, root)
	}
	var meta struct{ Version string }
	if err := json.Unmarshal(pkg, &meta); err != nil {
		return nil, fmt.Errorf("geo: world-atlas package.json: %w", err)
	}
	if meta.Version != WorldAtlasVersion {
		return nil, fmt.Errorf("geo: world-atlas %s is installed, want %s (run `npm ci`)", meta.Version, WorldAtlasVersion)
	}
	fh, err := os.Open(filepath.Join(root, WorldAtlasFile))
	if err != nil {
		return nil, fmt.Errorf("geo: %w (run `npm ci` in %s; make build does it)", err, root)
	}
	defer fh.Close()
	feats, err := DecodeTopoJSON(fh)
	if err != nil {
		return nil, err
	}
	b, err := FromFeatures(feats, RegionBox, Tolerance).MarshalJSON()
	if err != nil {
		return nil, err
	}
	return Parse(b)
}

// ForTests loads the base map for tests run anywhere in the repository. It fails, never
// skips, when world-atlas is not installed: run `npm ci` (make build and make test do).
func ForTests() (*Map, error) {
	root, err := repo.Root()
	if err != nil {
		return nil, err
	}
	return FromWorldAtlas(root)
}
