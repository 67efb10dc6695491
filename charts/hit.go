package charts

import "strings"

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
			if m.Closed && inPolygon(p, m.Points) {
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

// inPolygon is the even-odd rule.
func inPolygon(p Point, poly []Point) bool {
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

// FocusOrder lists the chart's data in the order a keyboard visits them, each datum once: the
// figures first (bars, bands, arcs, events, in the model's order), then the context shapes
// that only describe them (the map's countries), save a shape that would say again a figure an
// earlier stop said (a destination's country after its arc): each figure once per walk.
func (c *Chart) FocusOrder() []string {
	seen := map[string]bool{}
	heads := map[string]bool{} // the figures the stops so far say
	var out []string
	for _, context := range []bool{false, true} {
		for _, m := range c.Marks {
			if m.Interactive() && !seen[m.Datum] && strings.HasPrefix(m.Datum, "country/") == context {
				seen[m.Datum] = true
				lines := tipLines(c.Lang, m.Datum)
				if context && repeats(lines, heads) {
					continue // a destination's country says its arc's figure again: one stop
				}
				if len(lines) > 0 {
					heads[lines[0].text] = true
				}
				out = append(out, m.Datum)
			}
		}
	}
	return out
}

// repeats reports whether any of lines is the figure of an earlier stop (in heads).
func repeats(lines []tipLine, heads map[string]bool) bool {
	for _, ln := range lines {
		if heads[ln.text] {
			return true
		}
	}
	return false
}
