//go:build !(js && wasm)

package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
)

// ---- figures and the table ----

func figures(rs []run, it interactionResult) []figure {
	col := func(f func(run) float64) []float64 {
		var out []float64
		for _, r := range rs {
			out = append(out, f(r))
		}
		return out
	}
	var figs []figure
	add := func(id, name, budget, unit string, xs []float64, ok func(median float64) bool, note string) *figure {
		f := stats(xs)
		f.ID, f.Figure, f.Budget, f.Unit, f.Note = id, name, budget, unit, note
		if f.Median != nil && ok != nil {
			f.Met = new(ok(*f.Median))
		}
		figs = append(figs, f)
		return &figs[len(figs)-1]
	}
	le := func(limit float64) func(float64) bool { return func(m float64) bool { return m <= limit } }

	enc := ""
	for _, r := range rs {
		if r.viewEnc != "" {
			enc = r.viewEnc
		}
	}
	add("view_br", "interactive view transfer, br (view.html, view.js, wasm_exec.js, view.wasm, viewhost.js)", "≤ 2.6 MB", "B",
		col(func(r run) float64 { return r.viewBr }), le(budgetViewBr), "Chromium's own Accept-Encoding; view.wasm came with Content-Encoding "+strconv.Quote(enc))
	add("view_gzip", "interactive view transfer, gzip", "≤ 3.6 MB", "B",
		col(func(r run) float64 { return r.viewGzip }), le(budgetViewGzip), "")

	fullEcharts := fullEchartsGzip()
	var fbPage string
	var fbEcharts, fbMap float64
	for _, r := range rs {
		if r.fbPage != "" {
			fbPage, fbEcharts, fbMap = r.fbPage, r.fbEchartsGzip, r.fbMapGzip
		}
	}
	note := fmt.Sprintf("largest: %s; its echarts %s + map data %s; the full echarts.min.js is %s gzip",
		fbPage, human(fbEcharts, "B"), human(fbMap, "B"), human(fullEcharts, "B"))
	fb := add("fallback_gzip", "fallback page transfer, gzip (page, echarts, map data)", "≤ 450 KB and < full echarts + map", "B",
		col(func(r run) float64 { return r.fbGzip }), nil, note)
	if fb.Median != nil {
		met := *fb.Median <= budgetFallback && (math.IsNaN(fullEcharts) || fbEcharts < fullEcharts)
		fb.Met = &met
	}
	add("fallback_br", "  reference: fallback page transfer, br", "", "B", col(func(r run) float64 { return r.fbBr }), nil, "")

	fbChart := stats(col(func(r run) float64 { return r.fbFirstChart }))
	fc := add("first_chart", "first chart painted after navigation (static SVG), loopback", "≤ 250 ms, ≤ fallback's", "ms",
		col(func(r run) float64 { return r.firstChart }), nil, "max(first frame with the chart in the DOM, FCP)")
	if fc.Median != nil && fbChart.Median != nil {
		fc.Met = new(*fc.Median <= budgetFirstChart && *fc.Median <= *fbChart.Median)
	}
	add("fallback_first_chart", "  reference: fallback page's first chart (echarts, fallback/bars-2010.html)", "", "ms",
		col(func(r run) float64 { return r.fbFirstChart }), nil, "")
	add("first_chart_ratio", "  first chart over the fallback's first chart, per run", "≤ 1", "×",
		col(func(r run) float64 { return r.firstChart / r.fbFirstChart }), le(1), "the ratio of the two in the same run: the machine's noise moves both")
	med := func(f func(run) float64) string {
		st := stats(col(f))
		if st.Median == nil {
			return "—"
		}
		return human(*st.Median, "ms")
	}
	add("ready", "interactive view ready (azflows:ready after the first ebiten frame)", "reference (was ≤ 1.0 s: under the floor below on software GL)", "ms",
		col(func(r run) float64 { return r.ready }), nil,
		fmt.Sprintf("medians: view frame starts %s, view.wasm requested %s, last byte %s; the rest is compiling and starting the Go program, ebiten and WebGL, and the first frame",
			med(func(r run) float64 { return r.frameStart }), med(func(r run) float64 { return r.wasmStart }), med(func(r run) float64 { return r.wasmEnd })))
	add("ready_floor", "  reference: the floor's ready, the smallest ebiten program on the same path (tools/cmd/bench/floorview)", "", "ms",
		col(func(r run) float64 { return r.floorReady }), nil, "one rectangle in place of the chart, same page, frame, worker and GPU; measured in the same runs")
	add("ready_over_floor", "ready minus the floor's ready, per run", "≤ 150 ms", "ms",
		col(func(r run) float64 { return r.ready - r.floorReady }), le(budgetReadyOver), "what the chart's own program adds to the path's cost")
	add("idle_cpu", fmt.Sprintf("idle CPU, %s without input after load, all Chromium processes, 800×450", *idle), "", "%",
		col(func(r run) float64 { return r.idleCPU }), nil, "")
	add("blank_cpu", "  reference: idle CPU of about:blank", "", "%", col(func(r run) float64 { return r.blankCPU }), nil, "")
	add("idle_cpu_over_blank", "  idle CPU minus about:blank's, per run", "≤ 1 point", "pt",
		col(func(r run) float64 { return r.idleCPU - r.blankCPU }), le(budgetIdleOver), "percentage points of one core; the two measured in the same run")
	add("idle_frames", fmt.Sprintf("animation frames in the view's frame over the %s idle", *idle), "0", "",
		col(func(r run) float64 { return r.idleRAF }), le(budgetIdleRAF), "requestAnimationFrame callbacks that ran: the view's worker's (counted by its frame gate), or the frame's own (a wrapper installed before its scripts)")
	longNote := ""
	for _, r := range rs {
		if len(r.longTasks) > 0 {
			var s []string
			for i, lt := range r.longTasks {
				if i == 3 {
					break
				}
				s = append(s, fmt.Sprintf("%.0f ms at %.0f ms: %s", lt.Ms, lt.StartMs, lt.What))
			}
			longNote = "longest of the last run: " + strings.Join(s, "; ")
		}
	}
	add("longest_task", fmt.Sprintf("  reference: longest main-thread task, navigation to ready, %d× CPU slowdown (page and view frame), commits included", cpuSlowdown), "", "ms",
		col(func(r run) float64 { return r.longest }), nil, longNote)
	// The budgets of the two rows below hold against the floor program's figures of the same
	// runs where the floor itself is over the absolute budget.
	floorTBT := stats(col(func(r run) float64 { return r.ltFloor.tbt }))
	tbtOver := stats(col(func(r run) float64 { return r.tbt - r.ltFloor.tbt }))
	add("total_blocking_time", fmt.Sprintf("total blocking time, navigation to ready, %d× CPU slowdown, navigation commits included", cpuSlowdown), "≤ 150 ms, or ≤ the floor program's + 100 ms where the floor's is over 150", "ms",
		col(func(r run) float64 { return r.tbt }), func(m float64) bool {
			return m <= budgetTBT || floorTBT.Median != nil && *floorTBT.Median > budgetTBT && tbtOver.Median != nil && *tbtOver.Median <= budgetTBTOver
		}, fmt.Sprintf("the sum of each task's time over %d ms (a trace of every renderer main thread; DevTools' Network, DOM and CSS agents off, the bench's own polls left out)", longTaskMs))
	add("total_blocking_time_floor", "  reference: the floor program's total blocking time, traced the same way in the same runs", "", "ms",
		col(func(r run) float64 { return r.ltFloor.tbt }), nil, "tools/cmd/bench/floorview in place of view.wasm: same page, frame and worker")
	add("total_blocking_time_over_floor", "  total blocking time minus the floor program's, per run", "≤ 100 ms", "ms",
		col(func(r run) float64 { return r.tbt - r.ltFloor.tbt }), le(budgetTBTOver), "the budget where the floor's own is over 150 ms")
	add("commit_task", "  reference: the longest task that commits a navigation (the browser's DocumentLoader::CommitNavigation)", "", "ms",
		col(func(r run) float64 { return r.lt.commit }), nil, "the top frame's or the view frame's; long or not")
	add("commit_task_floor", "  reference: the same for a minimal page (the floor any page pays), same server, same run", "", "ms",
		col(func(r run) float64 { return r.pageFloor.commit }), nil, "a 140-byte index.html with one deferred script, served by internal/server from a temporary directory")
	add("longest_task_floor", "  reference: the minimal page's longest task, same run", "", "ms",
		col(func(r run) float64 { return r.pageFloor.longest }), nil, "its commit, or its first layout (the renderer's font set-up: 55 ms at 4× for one paragraph in one trace)")
	floorOwn := stats(col(func(r run) float64 { return r.ltFloor.longestNoCommit }))
	ownOver := stats(col(func(r run) float64 { return r.lt.longestNoCommit - r.ltFloor.longestNoCommit }))
	add("longest_task_no_commit", fmt.Sprintf("the page's own longest task, %d× CPU slowdown (the tasks that commit a navigation left out)", cpuSlowdown), "≤ 100 ms, or ≤ the floor program's + 30 ms where the floor's is over 100", "ms",
		col(func(r run) float64 { return r.lt.longestNoCommit }), func(m float64) bool {
			return m <= budgetOwnLongest || floorOwn.Median != nil && *floorOwn.Median > budgetOwnLongest && ownOver.Median != nil && *ownOver.Median <= budgetLongestOver
		}, "the tasks that commit a navigation left out: the floor shows the browser's own commit over 50 ms at 4×")
	add("longest_task_no_commit_floor", "  reference: the floor program's longest task without the commits, same runs", "", "ms",
		col(func(r run) float64 { return r.ltFloor.longestNoCommit }), nil, "")
	add("longest_task_floor_program", "  reference: the floor program's longest task, commits included", "", "ms",
		col(func(r run) float64 { return r.ltFloor.longest }), nil, "")
	add("longest_task_no_commit_over_floor", "  the page's own longest task minus the floor program's, per run", "≤ 30 ms", "ms",
		col(func(r run) float64 { return r.lt.longestNoCommit - r.ltFloor.longestNoCommit }), le(budgetLongestOver), "the budget where the floor's own is over 100 ms")
	add("total_blocking_time_no_commit", "  total blocking time WITHOUT the navigation commits (not the budget's figure)", "≤ 150 ms", "ms",
		col(func(r run) float64 { return r.lt.tbtNoCommit }), le(budgetTBT), "")
	add("lazy_compiles_main", "  reference: wasm functions V8 compiled lazily on the main threads, to ready", "", "",
		col(func(r run) float64 { return r.lt.lazyOnMain() }), nil, "on the view's worker's thread instead: see -v")
	add("longest_task_main_thread", "  reference: longest task, the same start-up with the view on the frame's main thread", "", "ms",
		col(func(r run) float64 { return r.ltMain.longest }), nil, "without transferControlToOffscreen, so on the frame's main thread; measured in the same runs (-only mainthread)")
	add("total_blocking_time_main_thread", "  reference: total blocking time, the view on the main thread", "", "ms",
		col(func(r run) float64 { return r.ltMain.tbt }), nil, "")
	add("lazy_compiles_main_main_thread", "  reference: wasm functions compiled lazily on the main threads, the view on the main thread", "", "",
		col(func(r run) float64 { return r.ltMain.lazyOnMain() }), nil, "")

	add("save_data_bytes", "with Save-Data on: bytes on the wire before the reader acts (br, 800×450)", "≤ 0.4 MB", "B",
		col(func(r run) float64 { return r.saveDataBytes }), le(budgetSaveData), "the live view waits for the reader's first mouse, press or key on the chart (web/page/app.js); counted once the network was quiet for 1.5 s")
	add("intent_to_live", "  with Save-Data on: from the first mouse over the chart to azflows:ready", "", "ms",
		col(func(r run) float64 { return r.intentToLive }), nil, "the whole view's load, after the intent: frame, view.wasm, fonts, start-up")

	d := add("draw_p95", "Go-side Draw time hovering across all marks, 1920×1080, p95", "≤ 2 ms", "ms",
		[]float64{it.drawP95}, le(budgetDrawP95), it.drawNote)
	d.Samples = nil

	m := figure{ID: "wasm_memory", Figure: fmt.Sprintf("wasm memory after %s of scripted interaction", *interact),
		Budget: "no growth after warm-up, ≤ 64 MB", Unit: "B", Samples: it.mem}
	if len(it.mem) > 0 {
		first, last := it.mem[it.memWarmup], it.mem[len(it.mem)-1]
		lo, hi := slices.Min(it.mem), slices.Max(it.mem)
		m.Median, m.Min, m.Max = &last, &lo, &hi
		m.Met = new(last <= first && last <= budgetWasmMemory)
		m.Note = fmt.Sprintf("first after %s warm-up %s, last %s (every %s: %s); JS heap %s → %s",
			*warmup, human(first, "B"), human(last, "B"), *sample, series(it.mem), human(it.jsHeap[it.memWarmup], "B"), human(it.jsHeap[len(it.jsHeap)-1], "B"))
	} else {
		m.Note = "not measured: neither window.azflowsViewStats nor the frame's WebAssembly.Memory answered"
	}
	figs = append(figs, m)

	off := figure{ID: "offline_file", Figure: "dist/azflows.html (single offline file)", Budget: "≤ 5 MB", Unit: "B"}
	if fi, err := os.Stat(filepath.Join(*distDir, "azflows.html")); err == nil {
		n := float64(fi.Size())
		off.Median = &n
		off.Met = new(n <= budgetOfflineFile)
	} else {
		off.Note = "not built yet"
	}
	figs = append(figs, off)
	return figs
}

func stats(xs []float64) figure {
	var ok []float64
	for _, x := range xs {
		if !math.IsNaN(x) {
			ok = append(ok, x)
		}
	}
	f := figure{Samples: ok}
	if len(ok) == 0 {
		return f
	}
	med, lo, hi := percentile(ok, 50), slices.Min(ok), slices.Max(ok)
	f.Median, f.Min, f.Max = &med, &lo, &hi
	return f
}

// percentile returns the p-th percentile of xs (nearest rank; the median of an even count is
// the mean of the middle two).
func percentile(xs []float64, p float64) float64 {
	s := slices.Clone(xs)
	sort.Float64s(s)
	if p == 50 && len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(0, min(i, len(s)-1))]
}

func printTable(w io.Writer, rep report) {
	fmt.Fprintf(w, "\nazflows bench — %s, %s, %d runs (median (min–max)), load average at start %s\n\n", rep.Commit, rep.Browser, rep.Runs, rep.Load)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "figure\tbudget\tmeasured\tmet?")
	fmt.Fprintln(tw, "------\t------\t--------\t----")
	for _, f := range rep.Figures {
		v, met := measured(f)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", f.Figure, f.Budget, v, met)
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, f := range rep.Figures {
		if f.Note != "" {
			fmt.Fprintf(w, "  %s: %s\n", f.ID, f.Note)
		}
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(w, "  problem: %s\n", p)
	}
	fmt.Fprintln(w)
}

// measured is a figure's median with its range over the runs, and whether its budget is met.
func measured(f figure) (v, met string) {
	v = "—"
	if f.Median != nil {
		v = human(*f.Median, f.Unit)
		if f.Min != nil && f.Max != nil && len(f.Samples) > 1 && f.ID != "wasm_memory" {
			v += fmt.Sprintf(" (%s–%s)", human(*f.Min, f.Unit), human(*f.Max, f.Unit))
		}
	}
	switch {
	case f.Met != nil && *f.Met:
		met = "yes"
	case f.Met != nil:
		met = "NO"
	case f.Budget != "":
		met = "?"
	}
	return v, met
}

// printMarkdown writes the table printTable prints as a Markdown table, the notes below it
// as a list: what docs/performance.md takes as it is.
func printMarkdown(w io.Writer, rep report) {
	cell := func(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "|", "\\|") }
	fmt.Fprintf(w, "`make bench` at %s, %s, %d runs (median (min–max)), load average at start %s.\n\n", rep.Commit, rep.Browser, rep.Runs, rep.Load)
	fmt.Fprintln(w, "| figure | budget | measured | met? |")
	fmt.Fprintln(w, "| --- | --- | --- | --- |")
	for _, f := range rep.Figures {
		v, met := measured(f)
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", cell(f.Figure), cell(f.Budget), cell(v), met)
	}
	fmt.Fprintln(w)
	for _, f := range rep.Figures {
		if f.Note != "" {
			fmt.Fprintf(w, "- `%s`: %s\n", f.ID, f.Note)
		}
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(w, "- problem: %s\n", p)
	}
	if len(rep.ReadyBesideFloor) > 0 {
		ms := func(x *float64) string {
			if x == nil {
				return "—"
			}
			return fmt.Sprintf("%.0f", *x)
		}
		phase := func(x *float64) string {
			if x == nil {
				return ""
			}
			return fmt.Sprintf("%+.0f", *x)
		}
		fmt.Fprintln(w, "\nThe ready breakdown beside the floor program's (medians, ms after navigation start; the phase since the last milestone both reached):")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| milestone | ours | floor | phase, ours | the floor's | ours − floor's |")
		fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | ---: |")
		for _, r := range rep.ReadyBesideFloor {
			diff := ""
			if r.PhaseMs != nil && r.FloorPhase != nil {
				diff = fmt.Sprintf("%+.0f", *r.PhaseMs-*r.FloorPhase)
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", cell(r.What), ms(r.AtMs), ms(r.FloorAtMs), phase(r.PhaseMs), phase(r.FloorPhase), diff)
		}
	}
}

func human(x float64, unit string) string {
	if math.IsNaN(x) {
		return "—"
	}
	switch unit {
	case "B":
		switch {
		case x >= 1e6:
			return fmt.Sprintf("%.2f MB", x/1e6)
		case x >= 1e3:
			return fmt.Sprintf("%.0f KB", x/1e3)
		}
		return fmt.Sprintf("%.0f B", x)
	case "ms":
		if x >= 1000 {
			return fmt.Sprintf("%.2f s", x/1000)
		}
		if x < 10 {
			return fmt.Sprintf("%.2f ms", x)
		}
		return fmt.Sprintf("%.0f ms", x)
	case "%":
		return fmt.Sprintf("%.1f %%", x)
	case "pt":
		return fmt.Sprintf("%+.1f pt", x)
	case "×":
		return fmt.Sprintf("%.2f×", x)
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}

func series(xs []float64) string {
	var s []string
	for _, x := range xs {
		s = append(s, fmt.Sprintf("%.1f", x/(1<<20)))
	}
	return strings.Join(s, " ") + " MiB"
}

// fullEchartsGzip is the gzip size of the complete echarts.min.js from node_modules, the
// reference a custom build has to beat; NaN when it is not there.
func fullEchartsGzip() float64 {
	b, err := os.ReadFile(filepath.Join("node_modules", "echarts", "dist", "echarts.min.js"))
	if err != nil {
		return nan()
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return float64(buf.Len())
}

func gitDescribe() string {
	b, err := exec.Command("git", "describe", "--always", "--dirty").Output()
	if err != nil {
		return "(unversioned)"
	}
	return strings.TrimSpace(string(b))
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func nan() float64 { return math.NaN() }
