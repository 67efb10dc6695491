//go:build !(js && wasm)

package main

import (
	"math"
	"testing"
)

// breakdown orders the milestones by their median over the runs, gives each the time since
// the one before, leaves out what a run did not measure (NaN) and names unknown marks by id.
func TestBreakdown(t *testing.T) {
	st := breakdown([]milestones{
		{"ready": 900, "go-main": 500, "frame": 200, "extra": math.NaN()},
		{"ready": 1100, "go-main": 700, "frame": 100, "extra": 50},
		{"ready": 1000, "go-main": 600, "frame": 300},
	})
	want := []struct {
		id           string
		at, delta    float64
		samples      int
		namedByItsID bool
	}{{"extra", 50, 0, 1, true}, {"frame", 200, 150, 3, false}, {"go-main", 600, 400, 3, false}, {"ready", 1000, 400, 3, false}}
	if len(st) != len(want) {
		t.Fatalf("%d stages, want %d: %+v", len(st), len(want), st)
	}
	for i, w := range want {
		s := st[i]
		if s.ID != w.id || s.AtMs != w.at || s.DeltaMs != w.delta || len(s.Samples) != w.samples || (s.What == s.ID) != w.namedByItsID {
			t.Errorf("stage %d = %+v, want %s at %v (+%v), %d samples", i, s, w.id, w.at, w.delta, w.samples)
		}
	}
}
