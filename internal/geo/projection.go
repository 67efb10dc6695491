package geo

import "math"

// LCC is a Lambert conformal conic projection on the sphere (Snyder, Map Projections: A
// Working Manual, 1987, pp. 104–110). It returns x east and y north, in units of the sphere's
// radius.
type LCC struct {
	Lon0, Lat0 float64 // origin, degrees
	Lat1, Lat2 float64 // standard parallels, degrees

	n, f, rho0 float64
}

// Region is the projection of the map view: standard parallels 30°N and 50°N bracket the
// region (the Gulf at 24°N to Moscow at 56°N), central meridian 48°E runs through Azerbaijan.
var Region = NewLCC(48, 40, 30, 50)

// ProjectionName names Region for legends and source lines.
const ProjectionName = "Lambert conformal conic, standard parallels 30°N and 50°N"

// NewLCC returns the projection with origin (lon0, lat0) and standard parallels lat1, lat2.
func NewLCC(lon0, lat0, lat1, lat2 float64) *LCC {
	p := &LCC{Lon0: lon0, Lat0: lat0, Lat1: lat1, Lat2: lat2}
	r1, r2 := rad(lat1), rad(lat2)
	t := func(phi float64) float64 { return math.Tan(math.Pi/4 + phi/2) }
	if lat1 == lat2 {
		p.n = math.Sin(r1)
	} else {
		p.n = math.Log(math.Cos(r1)/math.Cos(r2)) / math.Log(t(r2)/t(r1))
	}
	p.f = math.Cos(r1) * math.Pow(t(r1), p.n) / p.n
	p.rho0 = p.f / math.Pow(t(rad(lat0)), p.n)
	return p
}

// Project returns the position of a point, y pointing north.
func (p *LCC) Project(q LonLat) (x, y float64) {
	rho := p.f / math.Pow(math.Tan(math.Pi/4+rad(q.Lat)/2), p.n)
	theta := p.n * rad(q.Lon-p.Lon0)
	return rho * math.Sin(theta), p.rho0 - rho*math.Cos(theta)
}

// Inverse returns the point at (x, y).
func (p *LCC) Inverse(x, y float64) LonLat {
	dy := p.rho0 - y
	rho := math.Copysign(math.Hypot(x, dy), p.n)
	theta := math.Atan2(x, dy)
	if p.n < 0 {
		theta = math.Atan2(-x, -dy)
	}
	lat := 2*math.Atan(math.Pow(p.f/rho, 1/p.n)) - math.Pi/2
	return LonLat{p.Lon0 + deg(theta/p.n), deg(lat)}
}

func rad(d float64) float64 { return d * math.Pi / 180 }
func deg(r float64) float64 { return r * 180 / math.Pi }
