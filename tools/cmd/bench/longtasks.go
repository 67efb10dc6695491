//go:build !(js && wasm)

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"azflows/internal/server"
)

// ---- long tasks: a trace from navigation to ready at 4× CPU slowdown ----

// cpuSlowdown is the CPU throttling of the long-task measurement (Emulation.setCPUThrottlingRate),
// the usual mobile simulation's.
const cpuSlowdown = 4

// longTaskMs is where a task starts to count as long (and to add to the total blocking time).
const longTaskMs = 50

// longTask is one main-thread task of a renderer over longTaskMs.
type longTask struct {
	StartMs float64 `json:"start_ms"` // after the navigation start
	Ms      float64 `json:"ms"`
	What    string  `json:"what"` // the largest events it ran, with their share
	// Commit: the task is the browser's commit of a navigation (DocumentLoader::CommitNavigation
	// inside), which every page pays (see the floor in measurePageFloor).
	Commit bool `json:"commit,omitempty"`
}

// traceEvent is the part of a Chrome trace event this reads.
type traceEvent struct {
	Name string          `json:"name"`
	Cat  string          `json:"cat"`
	Ph   string          `json:"ph"`
	Ts   float64         `json:"ts"`            // µs
	Dur  float64         `json:"dur,omitempty"` // µs
	Pid  int             `json:"pid"`
	Tid  int             `json:"tid"`
	Args json.RawMessage `json:"args,omitempty"`
}

// writeTrace writes the events, as the browser sent them (with the ids and samples the
// profiles need), as a trace file that DevTools' Performance panel opens.
func writeTrace(path string, events []json.RawMessage) {
	b, err := json.Marshal(map[string]any{"traceEvents": events})
	if err == nil {
		err = os.WriteFile(path, b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench: writing the trace:", err)
	}
}

// traceLog collects the events of a trace (Tracing.dataCollected) until it completes.
type traceLog struct {
	mu     sync.Mutex
	events []traceEvent
	raw    []json.RawMessage // the same events as sent, kept only for -trace
	done   chan struct{}
}

func (l *traceLog) listen(ev any) {
	switch e := ev.(type) {
	case *tracing.EventDataCollected:
		l.mu.Lock()
		for _, v := range e.Value {
			var te traceEvent
			if json.Unmarshal(v, &te) == nil {
				l.events = append(l.events, te)
				if *traceOut != "" {
					l.raw = append(l.raw, json.RawMessage(v))
				}
			}
		}
		l.mu.Unlock()
	case *tracing.EventTracingComplete:
		select {
		case <-l.done:
		default:
			close(l.done)
		}
	}
}

// traceCategories are what the long tasks and their contents need.
var traceCategories = []string{
	"-*", "toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline",
	"v8.execute", "blink.user_timing", "loading", "v8.wasm", "disabled-by-default-v8.wasm.detailed",
}

// longTaskResult is one traced start-up at cpuSlowdown×, navigation to ready.
type longTaskResult struct {
	tasks        []longTask
	tbt, longest float64 // slowed-down ms
	// The same without the tasks that commit a navigation (longTask.Commit): what the page's
	// own work costs beyond what the browser's navigation costs any page.
	tbtNoCommit, longestNoCommit float64
	commit                       float64 // the longest task that commits a navigation (commitTaskMs)
	probes                       int     // the bench's own DevTools calls over longTaskMs, left out of every figure
	ready                        float64 // the azflows-ready mark, ms after the navigation start
	// V8's lazy compilations of wasm functions (wasm.CompileLazy) before ready: on the
	// renderers' main threads and on every other thread (the view's worker's).
	lazyMain, lazyOther lazyCompiles
	mode                string // window.azflowsViewMode.mode there: where the view ran
}

// unmeasuredLongTasks is a longTaskResult with every figure NaN.
func unmeasuredLongTasks() longTaskResult {
	return longTaskResult{tbt: nan(), longest: nan(), ready: nan(), tbtNoCommit: nan(), longestNoCommit: nan(), commit: nan()}
}

// lazyOnMain is how many functions were compiled lazily on the main threads; NaN when the
// start-up was not traced.
func (r longTaskResult) lazyOnMain() float64 {
	if math.IsNaN(r.longest) {
		return math.NaN()
	}
	return float64(r.lazyMain.N)
}

// lazyCompiles counts wasm functions compiled on their first call, and the time it took.
type lazyCompiles struct {
	N  int
	Ms float64
}

// noWorkerJS removes Worker from every document before its scripts run: the view then runs
// on the frame's main thread (-noworker).
const noWorkerJS = `delete window.Worker;`

// mainThreadJS removes transferControlToOffscreen, so that the view runs on the frame's main
// thread, as it did before it ran in a worker: the reference.
const mainThreadJS = `delete HTMLCanvasElement.prototype.transferControlToOffscreen;`

// measureLongTasks loads the page at 800×450 in a fresh browser with the CPU slowed
// cpuSlowdown×, tracing every renderer's main thread (the page and the view's frame) from
// the navigation until azflows:ready, and returns the tasks over longTaskMs and the total
// blocking time (the sum of each task's time over longTaskMs), both in slowed-down ms.
// With onMain, the view runs on the frame's main thread (mainThreadJS).
func measureLongTasks(base string, onMain bool) (res longTaskResult, err error) {
	res = unmeasuredLongTasks()
	t, err := newTab(800, 450, 3*time.Minute)
	if err != nil {
		return res, err
	}
	defer t.stop()
	if onMain {
		if err := chromedp.Do(t.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: mainThreadJS})
			return err
		})); err != nil {
			return res, err
		}
	}
	events, err := traceStartUp(t, base+"/#view=bars&year=2010", func() error {
		if _, err := waitTiming(t.ctx, 90*time.Second, func(tm timing) bool { return tm.Ready > 0 && tm.Mode == "live" }); err != nil {
			return fmt.Errorf("waiting for the live view at %d× CPU slowdown: %w", cpuSlowdown, err)
		}
		res.mode = viewModeOf(t)
		return nil
	}, *traceOut)
	if err != nil {
		return res, err
	}
	if err := res.count(events); err != nil {
		return res, err
	}
	res.commit = commitTaskMs(events)
	res.ready, res.lazyMain, res.lazyOther = lazyCompilesIn(events)
	return res, nil
}

// count fills the long tasks and their figures from a trace.
func (res *longTaskResult) count(events []traceEvent) error {
	var err error
	if res.tasks, res.probes, err = longTasks(events); err != nil {
		return err
	}
	res.tbt, res.longest, res.tbtNoCommit, res.longestNoCommit = 0, 0, 0, 0
	for _, lt := range res.tasks {
		res.tbt += lt.Ms - longTaskMs
		res.longest = max(res.longest, lt.Ms)
		if !lt.Commit {
			res.tbtNoCommit += lt.Ms - longTaskMs
			res.longestNoCommit = max(res.longestNoCommit, lt.Ms)
		}
	}
	return nil
}

// traceStartUp traces every renderer (Tracing domain, traceCategories) at cpuSlowdown× CPU
// slowdown while the tab navigates to url and until wait returns, and returns the events
// (written to traceFile too, unless it is "").
// The DevTools agents the trace does not need are off first (quietAgents).
func traceStartUp(t *tab, url string, wait func() error, traceFile string) ([]traceEvent, error) {
	if err := quietAgents(t.ctx); err != nil {
		return nil, err
	}
	tl := &traceLog{done: make(chan struct{})}
	if err := chromedp.Listen(t.ctx, tl.listen); err != nil {
		return nil, err
	}
	if err := chromedp.Do(t.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: cpuSlowdown}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, tracing.Start, tracing.StartParams{
			TransferMode: tracing.StartTransferModeReportEvents,
			TraceConfig:  &tracing.TraceConfig{IncludedCategories: traceCategories, ExcludedCategories: []string{"*"}},
		})
		return err
	})); err != nil {
		return nil, fmt.Errorf("starting the trace: %w", err)
	}
	if err := chromedp.Do(t.ctx, chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	if err := wait(); err != nil {
		return nil, err
	}
	if err := chromedp.Do(t.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, tracing.End, cdp.Empty{})
		return err
	})); err != nil {
		return nil, fmt.Errorf("ending the trace: %w", err)
	}
	select {
	case <-tl.done:
	case <-time.After(60 * time.Second):
		return nil, fmt.Errorf("the trace did not complete")
	case <-t.ctx.Done():
		return nil, t.ctx.Err()
	}
	tl.mu.Lock()
	defer tl.mu.Unlock()
	if traceFile != "" {
		writeTrace(traceFile, tl.raw)
	}
	return tl.events, nil
}

// quietAgents turns off the DevTools agents chromedp enables in every tab that this
// measurement does not read: Network (which keeps a copy of every response body on the
// renderer's main thread: view.wasm's 12.5 MB, a 180 ms task at 4×), DOM and CSS (which follow
// every mutation and style change). A reader's browser runs none of them.
func quietAgents(ctx context.Context) error {
	return chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for _, off := range []struct {
			name string
			cmd  cdp.Command[cdp.Empty, cdp.Empty]
		}{{"Network", network.Disable}, {"CSS", css.Disable}, {"DOM", dom.Disable}} {
			if _, err := cdp.Call(ctx, tg, off.cmd, cdp.Empty{}); err != nil {
				return fmt.Errorf("disabling the %s agent: %w", off.name, err)
			}
		}
		return nil
	}))
}

// traceThread is one thread of a trace.
type traceThread struct{ pid, tid int }

// traceMarks reads, in a trace, every renderer's main thread (CrRendererMain), the top
// frame's navigationStart and the azflows-ready mark the timing script sets on the ready
// message (0 where missing).
func traceMarks(events []traceEvent) (mains map[traceThread]bool, navStart, readyAt float64) {
	mains = map[traceThread]bool{}
	for _, e := range events {
		switch {
		case e.Ph == "M" && e.Name == "thread_name":
			var a struct{ Name string }
			if json.Unmarshal(e.Args, &a) == nil && a.Name == "CrRendererMain" {
				mains[traceThread{e.Pid, e.Tid}] = true
			}
		case e.Name == "navigationStart" && navStart == 0:
			var a struct {
				Data struct {
					IsLoadingMainFrame bool   `json:"isLoadingMainFrame"`
					DocumentLoaderURL  string `json:"documentLoaderURL"`
				} `json:"data"`
			}
			if json.Unmarshal(e.Args, &a) == nil && a.Data.IsLoadingMainFrame && strings.HasPrefix(a.Data.DocumentLoaderURL, "http") {
				navStart = e.Ts
			}
		case e.Name == "azflows-ready" && readyAt == 0:
			readyAt = e.Ts
		}
	}
	return mains, navStart, readyAt
}

// longTasks finds, in a trace, the tasks of every renderer's main thread from the top
// frame's navigationStart to the azflows-ready mark (traceMarks), and returns those over
// longTaskMs, longest first. The tasks that only ran the bench's own DevTools calls (its
// polls for ready: a DevToolsSession message) are left out and counted in probes.
func longTasks(events []traceEvent) (tasks []longTask, probes int, err error) {
	mains, navStart, readyAt := traceMarks(events)
	if len(mains) == 0 {
		return nil, 0, fmt.Errorf("the trace has no renderer main thread (%d events)", len(events))
	}
	if navStart == 0 || readyAt == 0 {
		return nil, 0, fmt.Errorf("the trace lacks the navigation start or the ready mark (%d events)", len(events))
	}
	byThread := map[traceThread][]traceEvent{}
	for _, e := range events {
		if e.Ph == "X" && mains[traceThread{e.Pid, e.Tid}] {
			byThread[traceThread{e.Pid, e.Tid}] = append(byThread[traceThread{e.Pid, e.Tid}], e)
		}
	}
	var out []longTask
	for _, evs := range byThread {
		sort.Slice(evs, func(i, j int) bool { return evs[i].Ts < evs[j].Ts || evs[i].Ts == evs[j].Ts && evs[i].Dur > evs[j].Dur })
		for i, e := range evs {
			if e.Name != "RunTask" || e.Ts+e.Dur < navStart || e.Ts > readyAt {
				continue
			}
			ms := e.Dur / 1000
			if ms <= longTaskMs {
				continue
			}
			inside := eventsInside(e, evs[i+1:])
			if devToolsProbe(inside) {
				probes++
				continue
			}
			out = append(out, longTask{StartMs: (e.Ts - navStart) / 1000, Ms: ms, What: taskContents(e, inside), Commit: hasEvent(inside, "DocumentLoader::CommitNavigation")})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Ms > out[j].Ms })
	return out, probes, nil
}

// eventsInside are the events of evs (sorted by start, following task) that run inside task.
func eventsInside(task traceEvent, evs []traceEvent) []traceEvent {
	end := task.Ts + task.Dur
	var inside []traceEvent
	for _, e := range evs {
		if e.Ts >= end {
			break
		}
		if e.Dur > 0 && e.Ts+e.Dur <= end+1 {
			inside = append(inside, e)
		}
	}
	return inside
}

// hasEvent says whether one of the events is named name.
func hasEvent(evs []traceEvent, name string) bool {
	for _, e := range evs {
		if e.Name == name {
			return true
		}
	}
	return false
}

// devToolsProbe says whether a task's events are a DevTools message to the page (the bench's
// Runtime.evaluate polls), which no reader's browser runs.
func devToolsProbe(inside []traceEvent) bool {
	for _, e := range inside {
		if e.Name == "Receive mojo message" {
			var a struct {
				Info struct {
					Tag string `json:"mojo_interface_tag"`
				} `json:"chrome_mojo_event_info"`
			}
			return json.Unmarshal(e.Args, &a) == nil && a.Info.Tag == "blink.mojom.DevToolsSession"
		}
	}
	return false
}

// lazyCompilesIn counts, in a trace, the wasm.CompileLazy events from the navigation start
// to the azflows-ready mark, on the renderers' main threads and on the other threads, and
// returns the ready mark's time (ms after the navigation start).
func lazyCompilesIn(events []traceEvent) (ready float64, onMain, elsewhere lazyCompiles) {
	mains, navStart, readyAt := traceMarks(events)
	if readyAt == 0 {
		return nan(), onMain, elsewhere
	}
	for _, e := range events {
		if e.Name != "wasm.CompileLazy" || e.Ph != "X" || e.Ts < navStart || e.Ts > readyAt {
			continue
		}
		c := &elsewhere
		if mains[traceThread{e.Pid, e.Tid}] {
			c = &onMain
		}
		c.N++
		c.Ms += e.Dur / 1000
	}
	return (readyAt - navStart) / 1000, onMain, elsewhere
}

// viewModeOf is window.azflowsViewMode in the view's frame, as "worker" or "main (why)" ("" where
// it cannot be read).
func viewModeOf(t *tab) string {
	st, _ := chromedp.Run(t.ctx, chromedp.Evaluate[string](`(function () {
	  var f = document.querySelector('iframe');
	  try { var m = f && f.contentWindow.azflowsViewMode; return m ? String(m.mode) + (m.why ? ' (' + m.why + ')' : '') : ''; } catch (e) { return ''; }
	})()`))
	return st
}

// taskContents names the largest events inside task (eventsInside), looking through the scheduler's wrappers, with their script URL or function where
// the trace gives one.
func taskContents(task traceEvent, inside []traceEvent) string {
	end := task.Ts + task.Dur
	sums := map[string]float64{}
	var names []string
	// Walk the outermost events; a wrapper's children are walked instead of it.
	var walk func(list []traceEvent, to float64)
	walk = func(list []traceEvent, to float64) {
		for i := 0; i < len(list); {
			e := list[i]
			if e.Ts >= to {
				return
			}
			j := i + 1
			for j < len(list) && list[j].Ts < e.Ts+e.Dur {
				j++
			}
			if wrapperEvent[e.Name] {
				walk(list[i+1:j], e.Ts+e.Dur)
			} else {
				n := eventLabel(e)
				if _, ok := sums[n]; !ok {
					names = append(names, n)
				}
				sums[n] += e.Dur / 1000
			}
			i = j
		}
	}
	walk(inside, end)
	poster := ""
	for _, e := range inside {
		var a struct {
			File string `json:"src_file"`
			Func string `json:"src_func"`
		}
		if e.Name == "ThreadControllerImpl::RunTask" && json.Unmarshal(e.Args, &a) == nil && a.File != "" {
			f := a.Func
			if i := strings.IndexByte(f, '('); i > 0 {
				f = f[:i]
			}
			if i := strings.LastIndexByte(f, ' '); i >= 0 {
				f = f[i+1:]
			}
			poster = "posted by " + a.File[strings.LastIndexByte(a.File, '/')+1:] + " " + f
			break
		}
	}
	sort.SliceStable(names, func(i, j int) bool { return sums[names[i]] > sums[names[j]] })
	var s []string
	for i, n := range names {
		if i == 3 || sums[n] < 1 {
			break
		}
		s = append(s, fmt.Sprintf("%s %.0f ms", n, sums[n]))
	}
	if len(s) == 0 {
		s = append(s, "no trace events inside")
	}
	if poster != "" {
		s = append(s, "("+poster+")")
	}
	return strings.Join(s, ", ")
}

// wrapperEvent are trace events that only say a task or callback ran: what they ran is inside.
var wrapperEvent = map[string]bool{
	"RunTask": true, "ThreadControllerImpl::RunTask": true, "BlinkScheduler_PerformMicrotaskCheckpoint": true,
	"Receive mojo message": true, "Receive mojo reply": true, "ThreadPool_RunTask": true,
	"ScheduledActionSendBeginMainFrame": true, "V8.HandleInterrupts": true, "V8.StackGuard": true,
}

// eventLabel is an event's name with what it ran: the script's file, the function, the event type.
func eventLabel(e traceEvent) string {
	var a struct {
		Data struct {
			URL          string `json:"url"`
			FunctionName string `json:"functionName"`
			Type         string `json:"type"`
		} `json:"data"`
	}
	_ = json.Unmarshal(e.Args, &a)
	d := a.Data
	file := d.URL
	if i := strings.LastIndexByte(file, '/'); i >= 0 {
		file = file[i+1:]
	}
	var what []string
	if file != "" {
		what = append(what, file)
	}
	if d.FunctionName != "" {
		what = append(what, d.FunctionName)
	}
	if d.Type != "" {
		what = append(what, d.Type)
	}
	if len(what) == 0 {
		return e.Name
	}
	return e.Name + " (" + strings.Join(what, " ") + ")"
}

// floorHTML and floorJS are the floor's page: the least a page can be, served by the same
// server as the site, with a script that sets the ready mark on load.
const (
	floorHTML = "<!doctype html>\n<html lang=\"en\"><meta charset=\"utf-8\"><title>floor</title><script src=\"floor.js\" defer></script><p>floor</p></html>\n"
	floorJS   = "addEventListener('load', function () { performance.mark('azflows-ready'); window.__floorReady = true; });\n"
)

// pageFloorResult is the floor's traced load: its navigation commit and its longest task.
type pageFloorResult struct {
	commit, longest float64 // ms at cpuSlowdown×; NaN where not measured
}

// measurePageFloor traces the load of a minimal page (floorHTML), served by internal/server from a
// temporary directory, as measureLongTasks traces the site's: the task that commits its
// navigation is what the browser costs any page, the floor under the site's own commit.
func measurePageFloor() (res pageFloorResult, err error) {
	res = pageFloorResult{commit: nan(), longest: nan()}
	dir, err := os.MkdirTemp("", "azflows-floor-")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(floorHTML), 0o644); err != nil {
		return res, err
	}
	if err := os.WriteFile(filepath.Join(dir, "floor.js"), []byte(floorJS), 0o644); err != nil {
		return res, err
	}
	base, stop, err := serve(server.Handler(dir))
	if err != nil {
		return res, err
	}
	defer stop()
	t, err := newTab(800, 450, time.Minute)
	if err != nil {
		return res, err
	}
	defer t.stop()
	events, err := traceStartUp(t, base+"/", func() error {
		deadline := time.Now().Add(30 * time.Second)
		for {
			ok, err := chromedp.Run(t.ctx, chromedp.Evaluate[bool](`window.__floorReady === true`))
			if err == nil && ok {
				return nil
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("the floor page did not load in 30s (%v)", err)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}, "")
	if err != nil {
		return res, err
	}
	var lt longTaskResult
	if err := lt.count(events); err != nil {
		return res, err
	}
	res.longest = lt.longest
	res.commit = commitTaskMs(events)
	return res, nil
}

// commitTaskMs is the longest task of a renderer's main thread, from the navigation start to
// the ready mark, that commits a navigation (DocumentLoader::CommitNavigation inside), long
// or not; NaN where there is none.
func commitTaskMs(events []traceEvent) float64 {
	mains, navStart, readyAt := traceMarks(events)
	byThread := map[traceThread][]traceEvent{}
	for _, e := range events {
		if e.Ph == "X" && mains[traceThread{e.Pid, e.Tid}] {
			byThread[traceThread{e.Pid, e.Tid}] = append(byThread[traceThread{e.Pid, e.Tid}], e)
		}
	}
	best := nan()
	for _, evs := range byThread {
		sort.Slice(evs, func(i, j int) bool { return evs[i].Ts < evs[j].Ts || evs[i].Ts == evs[j].Ts && evs[i].Dur > evs[j].Dur })
		for i, e := range evs {
			if e.Name != "RunTask" || e.Ts+e.Dur < navStart || e.Ts > readyAt {
				continue
			}
			if hasEvent(eventsInside(e, evs[i+1:]), "DocumentLoader::CommitNavigation") && (math.IsNaN(best) || e.Dur/1000 > best) {
				best = e.Dur / 1000
			}
		}
	}
	return best
}
