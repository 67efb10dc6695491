package ebiten

import (
	"math"

	"azflows/charts"
	"azflows/internal/paint"
)

// This file translates chart marks into draw operations in device pixels. It decides what is
// painted (fill, stroke, dashes, text position by anchor) but never where things go: every
// coordinate comes from the model, scaled by the device scale factor.

type opKind uint8

const (
	opFill   opKind = iota // fill polys[0]
	opStroke               // stroke each of polys (polys[0] closed when closed)
	opText                 // one line of text, baseline from (x, y)
)

// vec is a point in device pixels.
type vec struct{ X, Y float32 }

// rgba is a straight (not premultiplied) colour.
type rgba struct {
	R, G, B uint8
	A       float32
}

// drawOp is one thing the renderer paints.
type drawOp struct {
	kind   opKind
	color  rgba
	polys  [][]vec
	closed bool    // opStroke: the single polyline is a closed outline
	convex bool    // opFill: a convex polygon (no fill rule needed)
	width  float32 // opStroke: line width in device px

	text string       // opText, with glyphs the fonts lack replaced as the model measured them
	runs []charts.Run // opText: text in runs by the font of the chain each is drawn with
	x, y float64      // opText: left end of the baseline, device px
	size float64      // opText: font size, device px
	bold bool
}

// parseColor reads "#rrggbb" (charts/paint); anything else is no paint.
func parseColor(s string) (rgba, bool) {
	c, ok := paint.Color(s)
	if !ok {
		return rgba{}, false
	}
	return rgba{c.R, c.G, c.B, 1}, true
}

// opacity is the style's fill opacity (0 means opaque), as the SVG backend paints it.
func opacity(s charts.Style) float32 {
	o := s.Opacity
	if !(o > 0) || o >= 1 || math.IsNaN(o) {
		return 1
	}
	return float32(o)
}

// appendMarkOps appends the operations that paint m at scale k (device px per CSS px), its
// text with the fonts f it was measured with (the chart's).
func appendMarkOps(ops []drawOp, f *charts.Fonts, m charts.Mark, k float64) []drawOp {
	switch m.Kind {
	case charts.RectMark:
		r := m.Rect
		if !finite(r.X, r.Y, r.W, r.H) || r.W < 0 || r.H < 0 {
			return ops
		}
		pts := []vec{sc(r.X, r.Y, k), sc(r.X+r.W, r.Y, k), sc(r.X+r.W, r.Y+r.H, k), sc(r.X, r.Y+r.H, k)}
		ops = appendFill(ops, m.Style, pts, true)
		ops = appendStroke(ops, m.Style, pts, true, k)
	case charts.PathMark:
		if len(m.Points) < 2 {
			return ops
		}
		pts := make([]vec, 0, len(m.Points))
		for _, p := range m.Points {
			if !finite(p.X, p.Y) {
				return ops
			}
			pts = append(pts, sc(p.X, p.Y, k))
		}
		if m.Closed {
			ops = appendFill(ops, m.Style, pts, false)
		}
		ops = appendStroke(ops, m.Style, pts, m.Closed, k)
	case charts.TextMark:
		c, ok := parseColor(m.Style.Fill)
		if !ok || m.Text == "" || !(m.Size > 0) || !finite(m.At.X, m.At.Y, m.Size) {
			return ops
		}
		c.A = opacity(m.Style)
		x := m.TextStart()
		t := f.Drawable(m.Text, m.Bold)
		ops = append(ops, drawOp{kind: opText, color: c, text: t, runs: f.FaceRuns(t, m.Bold),
			x: x * k, y: m.At.Y * k, size: m.Size * k, bold: m.Bold})
	}
	return ops
}

func appendFill(ops []drawOp, s charts.Style, pts []vec, convex bool) []drawOp {
	c, ok := parseColor(s.Fill)
	if !ok || len(pts) < 3 {
		return ops
	}
	c.A = opacity(s)
	return append(ops, drawOp{kind: opFill, color: c, polys: [][]vec{pts}, convex: convex})
}

func appendStroke(ops []drawOp, s charts.Style, pts []vec, closed bool, k float64) []drawOp {
	c, ok := parseColor(s.Stroke)
	if !ok || !(s.StrokeWidth > 0) || math.IsInf(s.StrokeWidth, 0) {
		return ops
	}
	op := drawOp{kind: opStroke, color: c, width: float32(s.StrokeWidth * k)}
	pattern := make([]float64, len(s.Dash))
	for i, d := range s.Dash {
		pattern[i] = d * k
	}
	if lines, ok := dash(pts, closed, pattern); ok {
		op.polys = lines
	} else {
		op.polys, op.closed = [][]vec{pts}, closed
	}
	if len(op.polys) == 0 {
		return ops
	}
	return append(ops, op)
}

// dash cuts a polyline into the "on" pieces of an SVG dash pattern (charts/paint.Dash, shared
// with the PNG backend). ok is false when the pattern means a solid line.
func dash(pts []vec, closed bool, pattern []float64) (lines [][]vec, ok bool) {
	in := make([]charts.Point, len(pts))
	for i, p := range pts {
		in[i] = charts.Point{X: float64(p.X), Y: float64(p.Y)}
	}
	pieces, ok := paint.Dash(in, closed, pattern)
	if !ok {
		return nil, false
	}
	lines = make([][]vec, len(pieces))
	for i, piece := range pieces {
		l := make([]vec, len(piece))
		for j, p := range piece {
			l[j] = vec{float32(p.X), float32(p.Y)}
		}
		lines[i] = l
	}
	return lines, true
}

func dist(a, b vec) float64 { return math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y)) }

func sc(x, y, k float64) vec { return vec{float32(x * k), float32(y * k)} }

func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}
