package geo

// Box is an axis-aligned box in whatever plane its points are in.
type Box struct{ MinX, MinY, MaxX, MaxY float64 }

// XY is a point in a plane (degrees or pixels).
type XY struct{ X, Y float64 }

// ClipRing clips a closed ring to the box (Sutherland–Hodgman). The result is closed
// implicitly (its last point is not repeated); nil when nothing is left.
func ClipRing(ring []XY, b Box) []XY {
	out := ring
	edges := []struct {
		in    func(XY) bool
		cross func(a, c XY) XY
	}{
		{func(p XY) bool { return p.X >= b.MinX }, func(a, c XY) XY { return atX(a, c, b.MinX) }},
		{func(p XY) bool { return p.X <= b.MaxX }, func(a, c XY) XY { return atX(a, c, b.MaxX) }},
		{func(p XY) bool { return p.Y >= b.MinY }, func(a, c XY) XY { return atY(a, c, b.MinY) }},
		{func(p XY) bool { return p.Y <= b.MaxY }, func(a, c XY) XY { return atY(a, c, b.MaxY) }},
	}
	for _, e := range edges {
		if len(out) == 0 {
			return nil
		}
		in := out
		out = nil
		prev := in[len(in)-1]
		for _, cur := range in {
			switch {
			case e.in(cur) && !e.in(prev):
				out = append(out, e.cross(prev, cur), cur)
			case e.in(cur):
				out = append(out, cur)
			case e.in(prev):
				out = append(out, e.cross(prev, cur))
			}
			prev = cur
		}
	}
	if len(out) < 3 {
		return nil
	}
	return out
}

func atX(a, c XY, x float64) XY {
	t := (x - a.X) / (c.X - a.X)
	return XY{x, a.Y + t*(c.Y-a.Y)}
}

func atY(a, c XY, y float64) XY {
	t := (y - a.Y) / (c.Y - a.Y)
	return XY{a.X + t*(c.X-a.X), y}
}

// Area is the signed area of a ring (positive when counter-clockwise with y up).
func Area(ring []XY) float64 {
	a := 0.0
	for i := range ring {
		p, q := ring[i], ring[(i+1)%len(ring)]
		a += p.X*q.Y - q.X*p.Y
	}
	return a / 2
}

// Centroid is the area-weighted centre of a ring.
func Centroid(ring []XY) XY {
	var cx, cy, a float64
	for i := range ring {
		p, q := ring[i], ring[(i+1)%len(ring)]
		k := p.X*q.Y - q.X*p.Y
		a += k
		cx += (p.X + q.X) * k
		cy += (p.Y + q.Y) * k
	}
	if a == 0 {
		return ring[0]
	}
	return XY{cx / (3 * a), cy / (3 * a)}
}

// Inside reports whether p lies in the ring (even-odd rule).
func Inside(p XY, ring []XY) bool {
	in := false
	for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
		a, c := ring[i], ring[j]
		if (a.Y > p.Y) != (c.Y > p.Y) && p.X < (c.X-a.X)*(p.Y-a.Y)/(c.Y-a.Y)+a.X {
			in = !in
		}
	}
	return in
}
