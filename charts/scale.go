package charts

import (
	"math"

	"azflows/i18n"
)

// Linear maps a domain [D0, D1] onto a range [R0, R1].
type Linear struct{ D0, D1, R0, R1 float64 }

// Map returns v's position.
func (s Linear) Map(v float64) float64 {
	if s.D1 == s.D0 {
		return s.R0
	}
	return s.R0 + (v-s.D0)/(s.D1-s.D0)*(s.R1-s.R0)
}

// NiceTicks returns about n round tick values covering [0, max], the last one ≥ max.
func NiceTicks(max float64, n int) []float64 {
	if max <= 0 || n < 1 {
		return []float64{0}
	}
	raw := max / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 5, 10} {
		step = m * mag
		if step >= raw {
			break
		}
	}
	var ticks []float64
	for v := 0.0; ; v += step {
		ticks = append(ticks, v)
		if v >= max-1e-9 {
			break
		}
	}
	return ticks
}

// ticksOf labels tick values as the chart's language writes numbers.
func ticksOf(l i18n.Lang, vs []float64) []Tick {
	out := make([]Tick, len(vs))
	for i, v := range vs {
		out[i] = Tick{Value: v, Text: i18n.Number(l, v)}
	}
	return out
}

// axisMarks are a panel's X axis as marks, the one way every view draws one: a grid line per
// tick from y0 to y1 ("grid/<prefix><value>") and, when size > 0, the tick's label centred
// under it on the baseline labelY ("tick/<prefix><value>"). The caller decides where they go
// in the drawing order.
func axisMarks(p Panel, prefix string, y0, y1, labelY, size float64) (grid, labels []Mark) {
	for _, t := range p.Ticks {
		x := p.X.Map(t.Value)
		v := itoa(int(t.Value))
		grid = append(grid, Mark{ID: "grid/" + prefix + v, Role: RoleGrid, Panel: p.ID, Kind: PathMark, Points: []Point{{x, y0}, {x, y1}}, Style: Style{Stroke: Grid, StrokeWidth: 1}})
		if size > 0 {
			labels = append(labels, Mark{ID: "tick/" + prefix + v, Role: RoleTick, Panel: p.ID, Kind: TextMark, Text: t.Text, At: Point{x, labelY}, Size: size, Anchor: Middle, Style: Style{Fill: Muted}})
		}
	}
	return grid, labels
}

// addAxis adds a panel's axis marks, each grid line followed by its label.
func (c *Chart) addAxis(p Panel, prefix string, y0, y1, labelY, size float64) {
	grid, labels := axisMarks(p, prefix, y0, y1, labelY, size)
	for i, g := range grid {
		c.add(g)
		if i < len(labels) {
			c.add(labels[i])
		}
	}
}

// Invert is the value at position p.
func (s Linear) Invert(p float64) float64 {
	if s.R1 == s.R0 {
		return s.D0
	}
	return s.D0 + (p-s.R0)/(s.R1-s.R0)*(s.D1-s.D0)
}
