package charts

import (
	"math"
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

// Invert is the value at position p.
func (s Linear) Invert(p float64) float64 {
	if s.R1 == s.R0 {
		return s.D0
	}
	return s.D0 + (p-s.R0)/(s.R1-s.R0)*(s.D1-s.D0)
}
