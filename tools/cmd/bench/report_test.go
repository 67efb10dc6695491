//go:build !(js && wasm)

package main

import (
	"strings"
	"testing"
)

// The Markdown table has the figures of printTable, one row each, with a '|' inside a cell
// escaped, the notes as a list, and the breakdown beside the floor's as a table of its own.
func TestMarkdownTable(t *testing.T) {
	v, lo, hi, yes := 150.0, 120.0, 180.0, true
	no := false
	at, fat, ph, fph := 933.0, 842.0, 33.0, 87.0
	rep := report{Commit: "abc1234", Browser: "Chromium 1", Runs: 5, Load: "0.50 0.40 0.30",
		Figures: []figure{
			{ID: "ready", Figure: "ready (loopback)", Budget: "reference", Unit: "ms", Median: &v, Min: &lo, Max: &hi, Samples: []float64{1, 2}},
			{ID: "tbt", Figure: "a | b", Budget: "≤ 150 ms", Unit: "ms", Median: &v, Met: &yes, Note: "a note"},
			{ID: "draw_p95", Figure: "Draw p95", Budget: "≤ 2 ms", Unit: "ms", Median: &v, Met: &no},
		},
		ReadyBesideFloor: []besideRow{{What: "Go: ready posted", AtMs: &at, FloorAtMs: &fat, PhaseMs: &ph, FloorPhase: &fph}},
	}
	var b strings.Builder
	printMarkdown(&b, rep)
	md := b.String()
	for _, want := range []string{
		"| figure | budget | measured | met? |",
		"| ready (loopback) | reference | 150 ms (120 ms–180 ms) | ? |",
		`| a \| b | ≤ 150 ms | 150 ms | yes |`,
		"| Draw p95 | ≤ 2 ms | 150 ms | NO |",
		"- `tbt`: a note",
		"| Go: ready posted | 933 | 842 | +33 | +87 | -54 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("no %q in\n%s", want, md)
		}
	}
}
