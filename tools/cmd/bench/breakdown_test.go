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

// beside lines the floor's milestones up with ours: a phase ends at each milestone both
// reached and is measured in each from the last one before it that both reached, so that
// ours' extra steps (go-fonts here) fall inside the floor's next common phase; a milestone
// only one has gets its time and no phase.
func TestBeside(t *testing.T) {
	ours := breakdown([]milestones{{"go-main": 800, "go-fonts": 900, "go-painted": 1100, "ready": 1300}})
	floor := breakdown([]milestones{{"go-main": 850, "go-painted": 950, "floor-only": 990, "ready": 1000}})
	rows := beside(ours, floor)
	type want struct {
		id, since         string
		at, floorAt       float64 // NaN: none
		phase, floorPhase float64 // NaN: none
	}
	n := math.NaN()
	wants := []want{
		{"go-main", "", 800, 850, n, n},
		{"go-fonts", "", 900, n, n, n},
		{"floor-only", "", n, 990, n, n},
		{"go-painted", "go-main", 1100, 950, 300, 100},
		{"ready", "go-painted", 1300, 1000, 200, 50},
	}
	if len(rows) != len(wants) {
		t.Fatalf("%d rows, want %d: %+v", len(rows), len(wants), rows)
	}
	eq := func(p *float64, v float64) bool { return p == nil && v != v || p != nil && *p == v }
	for i, w := range wants {
		r := rows[i]
		if r.ID != w.id || r.Since != w.since || !eq(r.AtMs, w.at) || !eq(r.FloorAtMs, w.floorAt) || !eq(r.PhaseMs, w.phase) || !eq(r.FloorPhase, w.floorPhase) {
			t.Errorf("row %d = %s since %q, at %v / %v, phase %v / %v; want %+v", i, r.ID, r.Since, val(r.AtMs), val(r.FloorAtMs), val(r.PhaseMs), val(r.FloorPhase), w)
		}
	}
}

func val(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
