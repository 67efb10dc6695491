//go:build !(js && wasm)

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
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

// writeTrace writes the events as a trace file that DevTools' Performance panel opens.
func writeTrace(path string, events []traceEvent) {
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
	ready        float64 // the azflows-ready mark, ms after the navigation start
	// V8's lazy compilations of wasm functions (wasm.CompileLazy) before ready: on the
	// renderers' main threads and on every other thread (the warm-up worker's).
	lazyMain, lazyOther lazyCompiles
	warmUp              string // window.azflowsWarmUp.state in the view's frame at ready
	mode                string // window.azflowsViewMode.mode there: where the view ran
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
// on the frame's main thread, without the warm-up worker (web/warmwasm.js) too (-noworker).
const noWorkerJS = `delete window.Worker;`

// mainThreadJS removes transferControlToOffscreen, so that the view runs on the frame's main
// thread (with the warm-up worker), as it did before it ran in a worker: the reference.
const mainThreadJS = `delete HTMLCanvasElement.prototype.transferControlToOffscreen;`

// measureLongTasks loads the page at 800×450 in a fresh browser with the CPU slowed
// cpuSlowdown×, tracing every renderer's main thread (the page and the view's frame) from
// the navigation until azflows:ready, and returns the tasks over longTaskMs and the total
// blocking time (the sum of each task's time over longTaskMs), both in slowed-down ms.
// With onMain, the view runs on the frame's main thread (mainThreadJS).
func measureLongTasks(base string, onMain bool) (res longTaskResult, err error) {
	res = longTaskResult{tbt: nan(), longest: nan(), ready: nan()}
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
	tl := &traceLog{done: make(chan struct{})}
	if err := chromedp.Listen(t.ctx, tl.listen); err != nil {
		return res, err
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
		return res, fmt.Errorf("starting the trace: %w", err)
	}
	if err := chromedp.Do(t.ctx, chromedp.Navigate(base+"/#view=bars&year=2010")); err != nil {
		return res, err
	}
	if _, err := waitTiming(t.ctx, 90*time.Second, func(tm timing) bool { return tm.Ready > 0 && tm.Mode == "live" }); err != nil {
		return res, fmt.Errorf("waiting for the live view at %d× CPU slowdown: %w", cpuSlowdown, err)
	}
	res.warmUp = warmUpState(t)
	res.mode = viewModeOf(t)
	if err := chromedp.Do(t.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, tracing.End, cdp.Empty{})
		return err
	})); err != nil {
		return res, fmt.Errorf("ending the trace: %w", err)
	}
	select {
	case <-tl.done:
	case <-time.After(60 * time.Second):
		return res, fmt.Errorf("the trace did not complete")
	case <-t.ctx.Done():
		return res, t.ctx.Err()
	}
	tl.mu.Lock()
	defer tl.mu.Unlock()
	if *traceOut != "" {
		writeTrace(*traceOut, tl.events)
	}
	if res.tasks, res.tbt, err = longTasks(tl.events); err != nil {
		return res, err
	}
	res.longest = 0
	for _, lt := range res.tasks {
		res.longest = max(res.longest, lt.Ms)
	}
	res.ready, res.lazyMain, res.lazyOther = lazyCompilesIn(tl.events)
	return res, nil
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
// longTaskMs, longest first, with the total blocking time.
func longTasks(events []traceEvent) ([]longTask, float64, error) {
	mains, navStart, readyAt := traceMarks(events)
	if len(mains) == 0 {
		return nil, nan(), fmt.Errorf("the trace has no renderer main thread (%d events)", len(events))
	}
	if navStart == 0 || readyAt == 0 {
		return nil, nan(), fmt.Errorf("the trace lacks the navigation start or the ready mark (%d events)", len(events))
	}
	byThread := map[traceThread][]traceEvent{}
	for _, e := range events {
		if e.Ph == "X" && mains[traceThread{e.Pid, e.Tid}] {
			byThread[traceThread{e.Pid, e.Tid}] = append(byThread[traceThread{e.Pid, e.Tid}], e)
		}
	}
	var out []longTask
	var tbt float64
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
			tbt += ms - longTaskMs
			out = append(out, longTask{StartMs: (e.Ts - navStart) / 1000, Ms: ms, What: taskContents(e, evs[i+1:])})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Ms > out[j].Ms })
	return out, tbt, nil
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

// warmUpState is window.azflowsWarmUp.state in the view's frame ("" where it cannot be read).
func warmUpState(t *tab) string {
	st, _ := chromedp.Run(t.ctx, chromedp.Evaluate[string](`(function () {
	  var f = document.querySelector('iframe');
	  try { var w = f && f.contentWindow.azflowsWarmUp; return w ? String(w.state) + (w.ms >= 0 ? ' in ' + w.ms + ' ms' : '') : ''; } catch (e) { return ''; }
	})()`))
	return st
}

// taskContents names the largest events inside task (the ones that follow it in evs, sorted
// by start), looking through the scheduler's wrappers, with their script URL or function where
// the trace gives one.
func taskContents(task traceEvent, evs []traceEvent) string {
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
	sort.SliceStable(names, func(i, j int) bool { return sums[names[i]] > sums[names[j]] })
	var s []string
	for i, n := range names {
		if i == 3 || sums[n] < 1 {
			break
		}
		s = append(s, fmt.Sprintf("%s %.0f ms", n, sums[n]))
	}
	if len(s) == 0 {
		return "(no trace events inside)"
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
