//go:build !(js && wasm)

// Command bench measures the built site (dist/) in headless Chromium against the performance
// budgets of docs/performance.md, with the go-echarts fallback page measured in the same run as the
// reference. It builds nothing: `make bench` builds dist/ first and then runs
//
//	go run ./cmd/bench -dist dist
//
// It serves dist/ in-process with internal/server on a random port of 127.0.0.1 and, for each
// of -runs runs, starts a fresh headless Chromium (fresh profile, so a cold cache) for each
// measurement, one browser at a time:
//
//   - the page (index.html) at 800×450: bytes on the wire of the interactive view (view.html,
//     view.js, wasm_exec.js, view.wasm, viewhost.js) with the browser's own Accept-Encoding (br), the time
//     of the first frame that shows a chart (the static SVG), the time until the page switched
//     to the live ebiten view (azflows:ready, sent after the view's first frame), and then the
//     CPU time of all the browser's processes over -idle without input; then, cache disabled
//     and Accept-Encoding forced to gzip, the same bytes again;
//   - the fallback page fallback/bars-2010.html on its own: the time of the first frame with
//     the echarts chart, and the bytes of every fallback page with all it loads (br, gzip);
//   - about:blank: idle CPU, as the floor of the machine.
//
// After the runs, one browser at 1920×1080 hovers across the whole chart while it times the
// view's Draw (when window.azflowsView exposes drawMs), then keeps moving the mouse and
// switching the year for -interact while it samples the size of the wasm memory every
// -sample.
//
// It prints one table (figure | budget | median (min–max) | met?) and writes the same figures
// as JSON to dist/bench.json. Nothing in `make test` depends on it: timings are not tests.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"azflows/internal/repo"
	"azflows/internal/server"
)

var (
	distDir  = flag.String("dist", "dist", "the built site to measure")
	runs     = flag.Int("runs", 5, "runs of the load measurements (the table shows their median); at least 5 for the budgets")
	idle     = flag.Duration("idle", 10*time.Second, "how long idle CPU is measured, without input, after load")
	interact = flag.Duration("interact", 120*time.Second, "how long the scripted interaction of the memory measurement lasts")
	warmup   = flag.Duration("warmup", 30*time.Second, "the start of the interaction that does not count for memory growth")
	sample   = flag.Duration("sample", 10*time.Second, "how often the wasm memory is sampled during the interaction")
	jsonOut  = flag.String("json", "", "where to write the figures as JSON (default: <dist>/bench.json)")
	chromium = flag.String("chromium", "", "the Chromium binary (default: $CHROMIUM, else /usr/bin/chromium)")
	verbose  = flag.Bool("v", false, "print each measurement as it is taken")
	soakFor  = flag.Duration("soak", 0, "also run the soak for this long (make bench: 5m): views, years, hover sweeps and resizes, counting console errors and watching wasm memory; 0 skips it")
	traceOut = flag.String("trace", "", "write the trace of the last long-task measurement to this file (opens in DevTools' Performance panel)")
	noWorker = flag.Bool("noworker", false, "remove Worker from every document, so the view runs on the frame's main thread: for a comparison with a run without the flag")
	only     = flag.String("only", "", "comma-separated measurements to take, for iterating (default: all): page, longtasks, mainthread, floor, savedata, fallback, blank, interaction; or layout alone: the page's first layout at 4× with parts of it taken out, beside a minimal page's (layout.go; not in the default set; its figures go to -json)")
)

// measuring reports whether -only leaves the measurement named what in.
func measuring(what string) bool {
	if *only == "" {
		return true
	}
	for _, w := range strings.Split(*only, ",") {
		if strings.TrimSpace(w) == what {
			return true
		}
	}
	return false
}

func main() {
	flag.Parse()
	// Paths (-dist, node_modules) are the repository's, wherever make runs it from (tools/).
	if err := chdirRoot(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	if *jsonOut == "" {
		*jsonOut = filepath.Join(*distDir, "bench.json")
	}
	if err := bench(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// Budgets, from the performance issue (docs/performance.md).
const (
	budgetViewBr      = 2.6e6 // bytes
	budgetViewGzip    = 3.6e6
	budgetFallback    = 450e3
	budgetFirstChart  = 250   // ms
	budgetReadyOver   = 150   // ms, ready minus the floor program's ready, same run
	budgetOwnLongest  = 100   // ms at cpuSlowdown×, the page's own longest task (navigation commits left out)
	budgetTBTOver     = 100   // ms: TBT minus the floor program's TBT, where the floor's own TBT is over budgetTBT
	budgetLongestOver = 30    // ms: own longest task minus the floor program's, where the floor's is over budgetOwnLongest
	budgetSaveData    = 400e3 // bytes on the wire before the reader acts, with Save-Data on
	budgetIdleOver    = 1     // percentage points of one core above about:blank, same run
	budgetIdleRAF     = 0     // animation frames in the view's frame while idle
	budgetTBT         = 150   // ms, at cpuSlowdown×
	budgetDrawP95     = 2     // ms
	budgetWasmMemory  = 64 << 20
	budgetOfflineFile = 5e6
)

// figure is one row of the table and of bench.json.
type figure struct {
	ID      string    `json:"id"`
	Figure  string    `json:"figure"`
	Budget  string    `json:"budget"`
	Unit    string    `json:"unit"`
	Median  *float64  `json:"median"` // nil: not measured
	Min     *float64  `json:"min,omitempty"`
	Max     *float64  `json:"max,omitempty"`
	Samples []float64 `json:"samples,omitempty"`
	Met     *bool     `json:"met"` // nil: no budget (a reference row), or not measured
	Note    string    `json:"note,omitempty"`
}

type report struct {
	Date     string      `json:"date"`
	Commit   string      `json:"commit"`
	Browser  string      `json:"browser"`
	Runs     int         `json:"runs"`
	Load     string      `json:"load"` // /proc/loadavg at the start
	Figures  []figure    `json:"figures"`
	Problems []string    `json:"problems,omitempty"`
	Soak     *soakResult `json:"soak,omitempty"`
	// ReadyBreakdown: where the time to ready goes, the milestones' medians in order.
	ReadyBreakdown []stage `json:"ready_breakdown,omitempty"`
	FloorBreakdown []stage `json:"floor_breakdown,omitempty"` // the same for the floor program
	// ReadyBesideFloor: both, milestone by milestone, with each phase in each (breakdown.go).
	ReadyBesideFloor []besideRow `json:"ready_beside_floor,omitempty"`
}

// run is what one run measured; NaN where a measurement failed.
type run struct {
	viewBr, viewGzip         float64
	firstChart, ready        float64
	idleCPU                  float64
	fbFirstChart             float64
	fbBr, fbGzip             float64 // the largest fallback page, with all it loads
	fbEchartsGzip, fbMapGzip float64 // of that page: the echarts script and map data
	fbPage                   string
	blankCPU                 float64
	idleRAF                  float64 // animation frames in the view's frame over -idle
	longest, tbt             float64 // ms at cpuSlowdown×, navigation to ready
	longTasks                []longTask
	lt, ltMain               longTaskResult  // the traced start-ups: as the page runs, and with the view on the frame's main thread
	ltFloor                  longTaskResult  // the floor program's start-up, traced the same way (floor.go)
	saveDataBytes            float64         // with Save-Data on: bytes on the wire before the reader acts (savedata.go)
	intentToLive             float64         // and ms from the reader's first mouse over the chart to azflows:ready
	pageFloor                pageFloorResult // a minimal page's traced load, in the same run (measurePageFloor)
	viewEnc                  string          // Content-Encoding of view.wasm in the default load
	// Where the time to ready goes, ms after the navigation start: the view's frame starts
	// loading, view.wasm's request starts and its last byte arrives.
	frameStart, wasmStart, wasmEnd float64
	marks                          milestones // every milestone of the start-up (breakdown.go)
	floorReady                     float64    // the floor program's ready (floor.go)
	floorMarks                     milestones
}

func bench() error {
	if *runs < 0 {
		return errors.New("-runs must not be negative")
	}
	if _, err := os.Stat(filepath.Join(*distDir, "index.html")); err != nil {
		return fmt.Errorf("%s/index.html is missing: run `make build` first (make bench does it)", *distDir)
	}
	exe := chromiumPath()
	if fi, err := os.Stat(exe); err != nil || fi.IsDir() {
		return fmt.Errorf("no Chromium at %s: run `make chromium`, or set CHROMIUM", exe)
	}
	if *only == "layout" {
		fmt.Printf("bench: the first layout of %s; %d runs of each variant, one browser at a time; load average %s\n", *distDir, *runs, loadavg())
		return layoutBench()
	}
	base, stop, err := serve(server.Handler(*distDir))
	if err != nil {
		return err
	}
	defer stop()

	rep := report{Date: time.Now().UTC().Format(time.RFC3339), Commit: gitDescribe(), Runs: *runs, Load: loadavg()}
	fmt.Printf("bench: %s served at %s; %d runs, one browser at a time; load average %s\n", *distDir, base, *runs, rep.Load)

	floorBase := ""
	if measuring("floor") {
		b, stop, err := floorServer()
		if err != nil {
			rep.Problems = append(rep.Problems, "floor: "+err.Error())
			fmt.Fprintln(os.Stderr, "bench: floor:", err)
		} else {
			defer stop()
			floorBase = b
		}
	}

	var rs []run
	for i := range *runs {
		r, problems := oneRun(base, floorBase, &rep)
		rep.Problems = append(rep.Problems, problems...)
		rs = append(rs, r)
		fmt.Printf("  run %d/%d: view %.0f KB br / %.0f KB gzip, chart %.0f ms (fallback %.0f ms), ready %.0f ms, idle CPU %.1f %% (about:blank %.1f %%), %.0f idle frames, fallback %s %.0f KB gzip\n",
			i+1, *runs, r.viewBr/1e3, r.viewGzip/1e3, r.firstChart, r.fbFirstChart, r.ready, r.idleCPU, r.blankCPU, r.idleRAF, r.fbPage, r.fbGzip/1e3)
		if measuring("longtasks") {
			printLongTasks("at "+strconv.Itoa(cpuSlowdown)+"× CPU slowdown", r.lt)
		}
		if measuring("mainthread") {
			printLongTasks("the same with the view on the frame's main thread", r.ltMain)
		}
	}

	it := interactionResult{drawP95: nan()}
	if measuring("interaction") {
		fmt.Printf("  interaction at 1920×1080 for %s (hover sweep for Draw timing, then mouse and year switches) …\n", *interact)
		var err error
		if it, err = interaction(base); err != nil {
			rep.Problems = append(rep.Problems, "interaction: "+err.Error())
		}
	}

	rep.Figures = figures(rs, it)
	printTable(os.Stdout, rep)
	var ms []milestones
	for _, r := range rs {
		if r.marks != nil {
			ms = append(ms, r.marks)
		}
	}
	rep.ReadyBreakdown = breakdown(ms)
	printBreakdown(os.Stdout, "where the time to ready goes, unthrottled, loopback", rep.ReadyBreakdown)
	ms = nil
	for _, r := range rs {
		if r.floorMarks != nil {
			ms = append(ms, r.floorMarks)
		}
	}
	rep.FloorBreakdown = breakdown(ms)
	if len(rep.FloorBreakdown) > 0 {
		// The floor program: tools/cmd/bench/floorview, one rectangle, same page, frame and worker.
		rep.ReadyBesideFloor = beside(rep.ReadyBreakdown, rep.FloorBreakdown)
		printBeside(os.Stdout, rep.ReadyBesideFloor, len(ms))
	}
	if *soakFor > 0 {
		fmt.Printf("\n  soak for %s …\n", *soakFor)
		sr, err := soak(base, *soakFor)
		if err != nil {
			rep.Problems = append(rep.Problems, "soak: "+err.Error())
		} else {
			rep.Soak = &sr
			printSoak(sr)
		}
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(*jsonOut, append(b, '\n'), 0o644); err != nil {
		return err
	}
	// The same table in Markdown beside it (bench.md): what docs/performance.md takes.
	var md bytes.Buffer
	printMarkdown(&md, rep)
	mdOut := strings.TrimSuffix(*jsonOut, filepath.Ext(*jsonOut)) + ".md"
	if err := os.WriteFile(mdOut, md.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("bench: wrote %s and %s\n", *jsonOut, mdOut)
	return nil
}

// printLongTasks prints one traced start-up: its longest tasks and where V8 compiled.
func printLongTasks(what string, lt longTaskResult) {
	fmt.Printf("    %s: longest task %.0f ms, total blocking time %.0f ms, ready %.0f ms; %d tasks over %d ms; wasm functions compiled lazily: %d in %.0f ms on the main threads, %d in %.0f ms elsewhere; view on %q\n",
		what, lt.longest, lt.tbt, lt.ready, len(lt.tasks), longTaskMs, lt.lazyMain.N, lt.lazyMain.Ms, lt.lazyOther.N, lt.lazyOther.Ms, lt.mode)
	fmt.Printf("      without the tasks that commit a navigation: longest %.0f ms, total blocking time %.0f ms; the longest commit task %.0f ms; %d of the bench's own DevTools calls over %d ms left out\n",
		lt.longestNoCommit, lt.tbtNoCommit, lt.commit, lt.probes, longTaskMs)
	for j, t := range lt.tasks {
		if j == 5 {
			fmt.Printf("      … %d more\n", len(lt.tasks)-j)
			break
		}
		fmt.Printf("      %6.0f ms at %6.0f ms: %s\n", t.Ms, t.StartMs, t.What)
	}
}

// oneRun takes the load measurements of one run, each in a fresh browser.
func oneRun(base, floorBase string, rep *report) (run, []string) {
	r := run{floorReady: nan(), frameStart: nan(), wasmStart: nan(), wasmEnd: nan(), viewBr: nan(), viewGzip: nan(), firstChart: nan(), ready: nan(), idleCPU: nan(), fbFirstChart: nan(),
		fbBr: nan(), fbGzip: nan(), fbEchartsGzip: nan(), fbMapGzip: nan(), blankCPU: nan(), idleRAF: nan(), longest: nan(), tbt: nan(),
		lt: unmeasuredLongTasks(), ltMain: unmeasuredLongTasks(), ltFloor: unmeasuredLongTasks(), saveDataBytes: nan(), intentToLive: nan(), pageFloor: pageFloorResult{commit: nan(), longest: nan()}}
	var problems []string
	fail := func(what string, err error) {
		problems = append(problems, what+": "+err.Error())
		fmt.Fprintf(os.Stderr, "bench: %s: %v\n", what, err)
	}
	if measuring("page") {
		if err := measurePage(base, &r, rep); err != nil {
			fail("page", err)
		}
	}
	if floorBase != "" {
		var err error
		if r.floorReady, r.floorMarks, err = measureReadyFloor(floorBase); err != nil {
			fail("floor", err)
		}
	}
	if measuring("longtasks") {
		var err error
		if r.lt, err = measureLongTasks(base, false); err != nil {
			fail("long tasks", err)
		}
		r.longTasks, r.tbt, r.longest = r.lt.tasks, r.lt.tbt, r.lt.longest
		if floorBase != "" {
			if r.ltFloor, err = measureLongTasks(floorBase, false); err != nil {
				fail("long tasks of the floor program", err)
			} else {
				fmt.Printf("    the floor program (tools/cmd/bench/floorview), traced the same way: longest task %.0f ms, total blocking time %.0f ms; without the commits %.0f / %.0f ms\n",
					r.ltFloor.longest, r.ltFloor.tbt, r.ltFloor.longestNoCommit, r.ltFloor.tbtNoCommit)
			}
		}
		if r.pageFloor, err = measurePageFloor(); err != nil {
			fail("the floor's navigation commit", err)
		} else {
			fmt.Printf("    the floor (a minimal page, same server): its commit task %.0f ms, its longest task %.0f ms\n", r.pageFloor.commit, r.pageFloor.longest)
		}
	}
	if measuring("mainthread") {
		var err error
		if r.ltMain, err = measureLongTasks(base, true); err != nil {
			fail("long tasks with the view on the main thread", err)
		}
	}
	if measuring("savedata") {
		if err := measureSaveData(base, &r); err != nil {
			fail("save-data", err)
		} else {
			fmt.Printf("    with Save-Data: %.0f KB before the reader acts; intent to live %.0f ms\n", r.saveDataBytes/1e3, r.intentToLive)
		}
	}
	if measuring("fallback") {
		if err := measureFallback(base, &r); err != nil {
			fail("fallback", err)
		}
	}
	if measuring("blank") {
		if err := measureBlank(&r); err != nil {
			fail("about:blank", err)
		}
	}
	return r, problems
}

// serve serves h on a loopback port: its base URL ("http://127.0.0.1:port") and a function
// that stops it.
func serve(h http.Handler) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

// chdirRoot makes the repository's root the working directory.
func chdirRoot() error {
	root, err := repo.Root()
	if err != nil {
		return err
	}
	return os.Chdir(root)
}
