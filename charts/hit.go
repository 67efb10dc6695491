package charts

import (
	"math"
)

// decoration roles never answer hit tests; every other mark with a datum does (text labels and
// values count as their datum too).
var decoration = map[Role]bool{RoleTitle: true, RoleSubtitle: true, RoleNote: true, RoleSource: true, RoleAxis: true,
	RoleTick: true, RoleGrid: true, RoleLegend: true, RoleTooltip: true, RoleHighlight: true}

// Interactive reports whether a mark answers hit tests and can be hovered or focused.
func (m Mark) Interactive() bool { return m.Datum != "" && !decoration[m.Role] }

// HitTest returns the topmost mark with a datum at p, allowing slop pixels around thin shapes.
func (c *Chart) HitTest(p Point, slop float64) (Mark, bool) {
	for i := len(c.Marks) - 1; i >= 0; i-- {
		m := c.Marks[i]
		if !m.Interactive() {
			continue
		}
		switch m.Kind {
		case RectMark:
			r := m.Rect
			if r.H < 2*slop { // a thin bar is easier to hit
				r.Y, r.H = r.Y+r.H/2-slop, 2*slop
			}
			if r.Contains(p) {
				return m, true
			}
		case PathMark:
			if m.Closed && InPolygon(p, m.Points) {
				return m, true
			}
			if !m.Closed && nearPolyline(p, m.Points, slop+m.Style.StrokeWidth/2) {
				return m, true
			}
		case TextMark:
			if m.Bounds().Contains(p) {
				return m, true
			}
		}
	}
	return Mark{}, false
}

// TouchSlop is how far, in CSS px, a finger's tap may land from a datum's mark or label and
// still select it: half of the 44×44 px a touch target needs (WCAG 2.5.5). A dense chart's rows
// (a phone's timeline, ~13 px apart) cannot each be 44 px tall; a tap selects the nearest.
const TouchSlop = 22

// HitNear is the hit test of a coarse pointer (a finger): the mark with a datum nearest p, when
// it lies within slop px. A rect or a band holding p is at 0 (the topmost of those wins, as in
// HitTest); a line is measured from its stroke; a text label from its centre line, so that a
// tap between two rows of labels selects the nearer row.
func (c *Chart) HitNear(p Point, slop float64) (Mark, bool) {
	best, bestD, found := Mark{}, math.Inf(1), false
	for i := len(c.Marks) - 1; i >= 0; i-- {
		m := c.Marks[i]
		if !m.Interactive() {
			continue
		}
		d := math.Inf(1)
		switch m.Kind {
		case RectMark:
			r := m.Rect
			d = math.Hypot(max(r.X-p.X, 0, p.X-(r.X+r.W)), max(r.Y-p.Y, 0, p.Y-(r.Y+r.H)))
		case PathMark:
			if m.Closed && InPolygon(p, m.Points) {
				d = 0
				break
			}
			pts := m.Points
			if m.Closed && len(pts) > 0 {
				pts = append(pts[:len(pts):len(pts)], pts[0])
			}
			d = max(0, polylineDist(p, pts)-m.Style.StrokeWidth/2)
		case TextMark:
			b := m.Bounds()
			y := b.Y + b.H/2
			d = polylineDist(p, []Point{{b.X, y}, {b.X + b.W, y}})
		}
		if d < bestD { // strictly nearer: of marks at the same distance the topmost stays
			best, bestD, found = m, d, true
		}
	}
	if !found || bestD > slop {
		return Mark{}, false
	}
	return best, true
}

// polylineDist is the distance from p to the polyline pts (a point for a single one).
func polylineDist(p Point, pts []Point) float64 {
	if len(pts) == 1 {
		return math.Hypot(p.X-pts[0].X, p.Y-pts[0].Y)
	}
	d := math.Inf(1)
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		dx, dy := b.X-a.X, b.Y-a.Y
		t := 0.0
		if l := dx*dx + dy*dy; l > 0 {
			t = max(0, min(1, ((p.X-a.X)*dx+(p.Y-a.Y)*dy)/l))
		}
		d = min(d, math.Hypot(p.X-a.X-t*dx, p.Y-a.Y-t*dy))
	}
	return d
}

// Center is a point inside the mark, for tests and keyboard focus.
func (m Mark) Center() Point {
	if m.Kind == PathMark && m.Closed && len(m.Points) > 2 {
		// A band's midpoint: halfway along its top and bottom edges.
		n := len(m.Points) / 2
		a, b := m.Points[n/2], m.Points[len(m.Points)-1-n/2]
		return Point{(a.X + b.X) / 2, (a.Y + b.Y) / 2}
	}
	r := m.Bounds()
	return Point{r.X + r.W/2, r.Y + r.H/2}
}

// InPolygon reports whether p lies inside poly, by the even-odd rule.
func InPolygon(p Point, poly []Point) bool {
	in := false
	for i, j := 0, len(poly)-1; i < len(poly); j, i = i, i+1 {
		a, b := poly[i], poly[j]
		if (a.Y > p.Y) != (b.Y > p.Y) && p.X < (b.X-a.X)*(p.Y-a.Y)/(b.Y-a.Y)+a.X {
			in = !in
		}
	}
	return in
}

// nearPolyline reports whether p lies within d of the polyline (a line mark, such as a route).
func nearPolyline(p Point, pts []Point, d float64) bool {
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		dx, dy := b.X-a.X, b.Y-a.Y
		t := 0.0
		if l := dx*dx + dy*dy; l > 0 {
			t = max(0, min(1, ((p.X-a.X)*dx+(p.Y-a.Y)*dy)/l))
		}
		ex, ey := p.X-a.X-t*dx, p.Y-a.Y-t*dy
		if ex*ex+ey*ey <= d*d {
			return true
		}
	}
	return false
}
