package geo

import "math"

// Simplify drops the points of a closed ring that lie within tol of the line through their
// neighbours (Douglas–Peucker), keeping the ring's shape to within tol. Rings that shrink to
// fewer than three points are returned as nil: they are smaller than tol.
func Simplify(ring []XY, tol float64) []XY {
	if len(ring) < 4 || tol <= 0 {
		return ring
	}
	// A closed ring has no natural ends: split it at the point farthest from the first.
	far, fd := 0, -1.0
	for i, p := range ring {
		if d := math.Hypot(p.X-ring[0].X, p.Y-ring[0].Y); d > fd {
			far, fd = i, d
		}
	}
	keep := make([]bool, len(ring)+1)
	pts := append(append([]XY{}, ring...), ring[0])
	keep[0], keep[far], keep[len(ring)] = true, true, true
	dp(pts, 0, far, tol, keep)
	dp(pts, far, len(ring), tol, keep)
	var out []XY
	for i := 0; i < len(ring); i++ {
		if keep[i] {
			out = append(out, ring[i])
		}
	}
	if len(out) < 3 {
		return nil
	}
	return out
}

func dp(pts []XY, a, b int, tol float64, keep []bool) {
	for b-a > 1 {
		idx, d := -1, tol
		for i := a + 1; i < b; i++ {
			if e := segDist(pts[i], pts[a], pts[b]); e > d {
				idx, d = i, e
			}
		}
		if idx < 0 {
			return
		}
		keep[idx] = true
		dp(pts, a, idx, tol, keep)
		a = idx
	}
}

// segDist is the distance from p to the segment a–b.
func segDist(p, a, b XY) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	l := dx*dx + dy*dy
	if l == 0 {
		return math.Hypot(p.X-a.X, p.Y-a.Y)
	}
	t := max(0, min(1, ((p.X-a.X)*dx+(p.Y-a.Y)*dy)/l))
	return math.Hypot(p.X-a.X-t*dx, p.Y-a.Y-t*dy)
}
