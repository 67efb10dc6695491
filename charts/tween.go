package charts

import (
	"math"
	"strconv"
)

// Tween is the chart between a (t = 0) and b (t = 1): marks with the same id and shape move
// and change colour from a's to b's, marks only in b fade in, marks only in a fade out. Text
// switches to b's halfway. The ebiten view drives t to animate a change of year; the result
// is for drawing only (hit tests use b).
func Tween(a, b *Chart, t float64) *Chart {
	if a == nil || t >= 1 {
		return b
	}
	t = max(0, t)
	out := *b
	out.Marks = make([]Mark, 0, len(b.Marks)+len(a.Marks))
	old := make(map[string]Mark, len(a.Marks))
	for _, m := range a.Marks {
		old[m.ID] = m
	}
	seen := make(map[string]bool, len(b.Marks))
	for _, m := range b.Marks {
		seen[m.ID] = true
		p, ok := old[m.ID]
		switch {
		case ok && m.Kind == TextMark && p.Kind == TextMark:
			if t < 0.5 {
				q := p
				q.At = lerpPoint(p.At, m.At, t)
				m = q
			} else {
				m.At = lerpPoint(p.At, m.At, t)
			}
		case ok && m.Kind == p.Kind && len(m.Points) == len(p.Points):
			n := m
			n.Points = make([]Point, len(m.Points))
			for i := range m.Points {
				n.Points[i] = lerpPoint(p.Points[i], m.Points[i], t)
			}
			n.Rect = Rect{lerp(p.Rect.X, m.Rect.X, t), lerp(p.Rect.Y, m.Rect.Y, t), lerp(p.Rect.W, m.Rect.W, t), lerp(p.Rect.H, m.Rect.H, t)}
			n.Style.Fill = lerpColor(p.Style.Fill, m.Style.Fill, t)
			n.Style.Stroke = lerpColor(p.Style.Stroke, m.Style.Stroke, t)
			n.Style.StrokeWidth = lerp(p.Style.StrokeWidth, m.Style.StrokeWidth, t)
			n.Value = lerp(p.Value, m.Value, t)
			m = n
		case !ok:
			m.Style.Opacity = fade(m.Style.Opacity, t)
		}
		out.Marks = append(out.Marks, m)
	}
	for _, m := range a.Marks {
		if !seen[m.ID] && t < 1 {
			m.Style.Opacity = fade(m.Style.Opacity, 1-t)
			out.Marks = append(out.Marks, m)
		}
	}
	return &out
}

// fade scales an opacity (0 meaning opaque) by k, never to 0 (which would mean opaque).
func fade(o, k float64) float64 {
	if o <= 0 {
		o = 1
	}
	return max(o*k, 0.001)
}

func lerp(a, b, t float64) float64 { return a + (b-a)*t }

func lerpPoint(a, b Point, t float64) Point { return Point{lerp(a.X, b.X, t), lerp(a.Y, b.Y, t)} }

// lerpColor mixes two "#rrggbb" colours; anything else switches halfway.
func lerpColor(a, b string, t float64) string {
	pa, okA := hexRGB(a)
	pb, okB := hexRGB(b)
	if !okA || !okB {
		if t < 0.5 {
			return a
		}
		return b
	}
	s := "#"
	for i := 0; i < 3; i++ {
		v := int(math.Round(lerp(float64(pa[i]), float64(pb[i]), t)))
		s += hex2(v)
	}
	return s
}

func hexRGB(s string) ([3]uint8, bool) {
	if len(s) != 7 || s[0] != '#' {
		return [3]uint8{}, false
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return [3]uint8{}, false
	}
	return [3]uint8{uint8(v >> 16), uint8(v >> 8), uint8(v)}, true
}

func hex2(v int) string {
	const digits = "0123456789abcdef"
	v = max(0, min(255, v))
	return string([]byte{digits[v>>4], digits[v&15]})
}
