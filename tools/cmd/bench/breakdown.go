//go:build !(js && wasm)

package main

import (
	"fmt"
	"io"
	"slices"
	"sort"

	"github.com/chromedp/chromedp"

	"azflows/site"
)

// ---- where the time to ready goes ----

// milestones are the start-up's steps, ms after the page's navigation start, by name: those
// of the page (first chart, ready), of the request of view.wasm (its start, first and last
// byte: the frame's resource timing on the main-thread path; on the worker path the worker's,
// which it hands back as marks of the same names) and the performance marks that the frame (frame-…),
// the view's worker (host-…) and the program (go-…) set, which window.azflowsViewStats
// (web/view/view.js) hands back with their time since the epoch.
type milestones map[string]float64

// stageNames says what each milestone is, for the printed breakdown.
var stageNames = map[string]string{
	"first-chart":      "the page's first chart (static SVG)",
	"frame":            "the live view's frame created (its navigation starts)",
	"frame-start":      "view.js starts",
	"frame-worker":     "view.js has created the worker",
	"host-fetch":       "worker: asks for view.wasm",
	"wasm-request":     "view.wasm requested",
	"wasm-first-byte":  "view.wasm's first byte",
	"wasm-last-byte":   "view.wasm's last byte",
	"host-init":        "worker: the canvas and config arrive",
	"host-probe":       "worker: WebGL 2 context made",
	"frame-probe":      "frame: the worker can draw",
	"host-first-chunk": "worker: first chunk of view.wasm",
	"host-last-chunk":  "worker: last chunk of view.wasm",
	"host-fonts":       "worker: the fonts arrive",
	"host-compiled":    "worker: view.wasm compiled (module ready)",
	"host-run":         "worker: instantiated; Go starts (runtime, packages' init)",
	"go-main":          "Go: main starts",
	"go-fonts":         "Go: fonts decoded",
	"go-run":           "Go: ebiten starts (RunGame)",
	"go-update":        "Go: first Update",
	"go-chart":         "Go: the chart is laid out",
	"go-painted":       "Go: its first picture is painted",
	"go-ready":         "Go: ready posted (a frame is on screen)",
	"frame-ready":      "frame: relays azflows:ready (after the worker's 2 frames)",
	"ready":            "the page gets azflows:ready",
}

// readMilestones reads the view's marks and the resource timing of view.wasm once the page is
// ready; firstChart and ready are the page's own.
func readMilestones(t *tab, firstChart, ready float64) (milestones, error) {
	type mark struct {
		Name string  `json:"name"`
		At   float64 `json:"at"`
	}
	type got struct {
		PageOrigin, FrameOrigin float64
		WasmStart, WasmFirst    float64
		WasmEnd                 float64
		Marks                   []mark
	}
	g, err := chromedp.Run(t.ctx, chromedp.Evaluate[got](`(function () {
	  var w = `+viewFrame+`.contentWindow, off = w.performance.timeOrigin - performance.timeOrigin;
	  var cfg = w.document.getElementById('`+site.IDViewConfig+`'), url = cfg ? new URL(JSON.parse(cfg.textContent).wasm, w.location.href).href : '';
	  var e = w.performance.getEntriesByType('resource').filter(function (e) { return e.name === url; })[0];
	  var base = { PageOrigin: performance.timeOrigin, FrameOrigin: w.performance.timeOrigin,
	    WasmStart: e ? off + e.startTime : -1, WasmFirst: e ? off + e.responseStart : -1, WasmEnd: e ? off + e.responseEnd : -1, Marks: [] };
	  if (typeof w.azflowsViewStats !== 'function') return base;
	  return w.azflowsViewStats().then(function (s) { base.Marks = s.marks || []; return base; }, function () { return base; });
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, err
	}
	m := milestones{"first-chart": firstChart, "ready": ready, "frame": g.FrameOrigin - g.PageOrigin}
	if g.WasmStart >= 0 {
		m["wasm-request"], m["wasm-first-byte"], m["wasm-last-byte"] = g.WasmStart, g.WasmFirst, g.WasmEnd
	}
	for _, k := range g.Marks {
		if _, dup := m[k.Name]; !dup { // the first of each (go-… marks are set once)
			m[k.Name] = k.At - g.PageOrigin
		}
	}
	return m, nil
}

// stage is one row of the breakdown in bench.json: the median over the runs of when a
// milestone was reached, and of the time since the milestone before it.
type stage struct {
	ID      string    `json:"id"`
	What    string    `json:"what"`
	AtMs    float64   `json:"at_ms"`    // median, ms after navigation start
	DeltaMs float64   `json:"delta_ms"` // from the row before, the medians' difference
	Samples []float64 `json:"samples"`
}

// breakdown orders the milestones of every run by their median.
func breakdown(ms []milestones) []stage {
	byName := map[string][]float64{}
	for _, m := range ms {
		for k, v := range m {
			if v == v { // not NaN
				byName[k] = append(byName[k], v)
			}
		}
	}
	var out []stage
	for k, xs := range byName {
		s := slices.Clone(xs)
		slices.Sort(s)
		out = append(out, stage{ID: k, What: stageNames[k], AtMs: median(s), Samples: xs})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].AtMs < out[j].AtMs })
	for i := range out {
		if i > 0 {
			out[i].DeltaMs = out[i].AtMs - out[i-1].AtMs
		}
		if out[i].What == "" {
			out[i].What = out[i].ID
		}
	}
	return out
}

func median(sorted []float64) float64 {
	n := len(sorted)
	if n == 0 {
		return nan()
	}
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// printBreakdown prints the breakdown as a table: when (median), since the row before, what.
func printBreakdown(w io.Writer, title string, st []stage) {
	if len(st) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s (medians of %d runs, ms after navigation start):\n", title, len(st[0].Samples))
	for _, s := range st {
		fmt.Fprintf(w, "  %7.0f  %+6.0f  %s\n", s.AtMs, s.DeltaMs, s.What)
	}
}

// besideRow is one milestone of the start-up with the floor program's beside it (bench.json's
// ready_beside_floor): when each reached it (medians, ms after navigation start; NaN, null in
// the JSON, where one has no such mark), and the phase that ends here, from the last
// milestone before it that both have (Since), in each.
type besideRow struct {
	ID         string   `json:"id"`
	What       string   `json:"what"`
	AtMs       *float64 `json:"at_ms"`
	FloorAtMs  *float64 `json:"floor_at_ms"`
	Since      string   `json:"since,omitempty"`
	PhaseMs    *float64 `json:"phase_ms,omitempty"`       // ours, from Since to here
	FloorPhase *float64 `json:"floor_phase_ms,omitempty"` // the floor's, over the same span
}

// beside puts the floor program's breakdown beside ours: every milestone of either, in the
// order of ours (a mark only the floor has goes by its own time); where both have it, the
// phase that ends there, measured in each from the same earlier milestone (the last before
// it that both have), so that a phase of ours the floor has no mark for (the fonts, the
// chart's layout) is counted in the floor's next common phase, never left out.
func beside(ours, floor []stage) []besideRow {
	at := func(st []stage) map[string]float64 {
		m := map[string]float64{}
		for _, s := range st {
			m[s.ID] = s.AtMs
		}
		return m
	}
	o, f := at(ours), at(floor)
	type item struct {
		id, what string
		t        float64
	}
	var items []item
	for _, s := range ours {
		items = append(items, item{s.ID, s.What, s.AtMs})
	}
	for _, s := range floor {
		if _, ok := o[s.ID]; !ok {
			items = append(items, item{s.ID, s.What, s.AtMs})
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].t < items[j].t })
	var out []besideRow
	prev := ""
	for _, it := range items {
		r := besideRow{ID: it.id, What: it.what}
		ot, inO := o[it.id]
		ft, inF := f[it.id]
		if inO {
			r.AtMs = &ot
		}
		if inF {
			r.FloorAtMs = &ft
		}
		if inO && inF {
			if prev != "" {
				po, pf := ot-o[prev], ft-f[prev]
				r.Since, r.PhaseMs, r.FloorPhase = prev, &po, &pf
			}
			prev = it.id
		}
		out = append(out, r)
	}
	return out
}

// printBeside prints the breakdown beside the floor's: when each reached each milestone, and
// where both did, the phase since the last milestone both reached, ours, the floor's and the
// difference.
func printBeside(w io.Writer, rows []besideRow, runs int) {
	if len(rows) == 0 {
		return
	}
	fmt.Fprintf(w, "\nwhere the time to ready goes, ours beside the floor program's (medians of %d runs, ms after navigation start;\na phase is from the last milestone both reached; a step the floor has no mark for is inside its next phase):\n", runs)
	fmt.Fprintf(w, "  %7s  %7s  %8s  %8s  %8s  %s\n", "ours", "floor", "phase", "floor's", "ours −", "milestone")
	fmt.Fprintf(w, "  %7s  %7s  %8s  %8s  %8s\n", "at", "at", "(ours)", "phase", "floor's")
	num := func(p *float64, sign bool) string {
		if p == nil {
			return ""
		}
		if sign {
			return fmt.Sprintf("%+.0f", *p)
		}
		return fmt.Sprintf("%.0f", *p)
	}
	for _, r := range rows {
		diff := ""
		if r.PhaseMs != nil && r.FloorPhase != nil {
			diff = fmt.Sprintf("%+.0f", *r.PhaseMs-*r.FloorPhase)
		}
		fmt.Fprintf(w, "  %7s  %7s  %8s  %8s  %8s  %s\n", num(r.AtMs, false), num(r.FloorAtMs, false), num(r.PhaseMs, true), num(r.FloorPhase, true), diff, r.What)
	}
}
