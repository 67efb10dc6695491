// Package paint holds what every pixel backend (the ebiten view, the PNG writer) needs to turn
// chart marks into painted shapes: colours with opacity, and strokes cut into dashes.
package paint

import (
	"image/color"
	"math"
	"strconv"

	"azflows/charts"
)

// Color parses "#rrggbb" into an opaque colour; ok is false for "" or anything malformed.
func Color(s string) (color.NRGBA, bool) {
	if len(s) != 7 || s[0] != '#' {
		return color.NRGBA{}, false
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.NRGBA{}, false
	}
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}, true
}

// Opacity is the style's fill opacity in [0, 1] (0 in a style means opaque).
func Opacity(s charts.Style) float64 {
	if s.Opacity <= 0 || s.Opacity > 1 || math.IsNaN(s.Opacity) {
		return 1
	}
	return s.Opacity
}

// maxDashes bounds the pieces one stroke may be cut into; beyond it the stroke is drawn solid.
const maxDashes = 20000

// Dash cuts a polyline (closed: back to its first point) into the "on" pieces of an SVG dash
// pattern that continues around corners. ok is false when the pattern means a solid line (nil,
// all zeros, negative or non-finite lengths) or would make too many pieces.
func Dash(pts []charts.Point, closed bool, pattern []float64) (lines [][]charts.Point, ok bool) {
	if len(pattern) == 0 || len(pts) < 2 {
		return nil, false
	}
	sum := 0.0
	for _, d := range pattern {
		if d < 0 || math.IsNaN(d) || math.IsInf(d, 0) {
			return nil, false
		}
		sum += d
	}
	if sum <= 0 {
		return nil, false
	}
	if len(pattern)%2 == 1 { // SVG repeats an odd list to make it even
		pattern = append(append([]float64{}, pattern...), pattern...)
		sum *= 2
	}
	if closed {
		pts = append(append([]charts.Point{}, pts...), pts[0])
	}
	total := 0.0
	for i := 1; i < len(pts); i++ {
		total += dist(pts[i-1], pts[i])
	}
	if total/sum*float64(len(pattern)) > 2*maxDashes {
		return nil, false
	}
	idx, left := 0, pattern[0]
	on := true
	var cur []charts.Point
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		seg := dist(a, b)
		pos := 0.0
		if on && len(cur) == 0 {
			cur = append(cur, a)
		}
		for seg-pos > left {
			pos += left
			p := lerp(a, b, pos/seg)
			if on {
				cur = append(cur, p)
				lines = appendLine(lines, cur)
				cur = nil
			} else {
				cur = []charts.Point{p}
			}
			on = !on
			idx = (idx + 1) % len(pattern)
			left = pattern[idx]
		}
		left -= seg - pos
		if on {
			cur = append(cur, b)
		}
	}
	if on {
		lines = appendLine(lines, cur)
	}
	return lines, true
}

func appendLine(lines [][]charts.Point, l []charts.Point) [][]charts.Point {
	for i := 1; i < len(l); i++ {
		if l[i] != l[0] {
			return append(lines, l)
		}
	}
	return lines
}

func dist(a, b charts.Point) float64 { return math.Hypot(b.X-a.X, b.Y-a.Y) }

func lerp(a, b charts.Point, t float64) charts.Point {
	return charts.Point{X: a.X + t*(b.X-a.X), Y: a.Y + t*(b.Y-a.Y)}
}
