//go:build !(js && wasm)

package main

import (
	"encoding/json"
	"math"
	"testing"
)

// ev is a complete ("X") trace event on the main thread of renderer 1, times in ms.
func ev(name string, startMs, durMs float64, args string) traceEvent {
	e := traceEvent{Name: name, Ph: "X", Ts: startMs * 1000, Dur: durMs * 1000, Pid: 1, Tid: 1}
	if args != "" {
		e.Args = json.RawMessage(args)
	}
	return e
}

// syntheticTrace is a start-up: navigation at 1 ms, ready at 1000 ms, with a navigation commit
// of 120 ms, a layout task of 90 ms, a bench poll of 70 ms, a short task, and a long task
// after ready that must not count.
func syntheticTrace() []traceEvent {
	return []traceEvent{
		{Name: "thread_name", Ph: "M", Pid: 1, Tid: 1, Args: json.RawMessage(`{"name":"CrRendererMain"}`)},
		{Name: "navigationStart", Ph: "R", Ts: 1000, Pid: 1, Tid: 1, Args: json.RawMessage(`{"data":{"isLoadingMainFrame":true,"documentLoaderURL":"http://127.0.0.1/"}}`)},
		ev("RunTask", 10, 120, ""),
		ev("ThreadControllerImpl::RunTask", 10, 119, `{"src_file":"ipc/ipc_mojo_bootstrap.cc","src_func":"Accept"}`),
		ev("DocumentLoader::CommitNavigation", 20, 80, ""),
		ev("RunTask", 200, 90, ""),
		ev("ThreadControllerImpl::RunTask", 200, 90, `{"src_file":"cc/trees/proxy_impl.cc","src_func":"ScheduledActionSendBeginMainFrame"}`),
		ev("Layout", 205, 70, ""),
		ev("RunTask", 400, 70, ""),
		ev("Receive mojo message", 400, 69, `{"chrome_mojo_event_info":{"mojo_interface_tag":"blink.mojom.DevToolsSession"}}`),
		ev("EvaluateScript", 401, 60, ""),
		ev("RunTask", 600, 30, ""),
		{Name: "azflows-ready", Ph: "R", Ts: 1000 * 1000, Pid: 1, Tid: 1},
		ev("RunTask", 1100, 300, ""),
	}
}

func TestLongTasksCountsCommitsApartAndLeavesOutTheBenchsPolls(t *testing.T) {
	var r longTaskResult
	events := syntheticTrace()
	// The trace's own order is by thread, not time: longTasks sorts.
	events[0], events[len(events)-1] = events[len(events)-1], events[0]
	if err := r.count(events); err != nil {
		t.Fatal(err)
	}
	if len(r.tasks) != 2 {
		t.Fatalf("tasks = %+v, want the commit (120 ms) and the layout (90 ms)", r.tasks)
	}
	if r.tasks[0].Ms != 120 || !r.tasks[0].Commit || r.tasks[1].Ms != 90 || r.tasks[1].Commit {
		t.Errorf("tasks = %+v, want 120 ms (a commit), then 90 ms (not)", r.tasks)
	}
	if r.probes != 1 {
		t.Errorf("probes = %d, want the one DevToolsSession task", r.probes)
	}
	if r.longest != 120 || r.tbt != 70+40 {
		t.Errorf("longest %v, TBT %v; want 120 and 110", r.longest, r.tbt)
	}
	if r.longestNoCommit != 90 || r.tbtNoCommit != 40 {
		t.Errorf("without the commit: longest %v, TBT %v; want 90 and 40", r.longestNoCommit, r.tbtNoCommit)
	}
	if got := r.tasks[1].What; got != "Layout 70 ms, (posted by proxy_impl.cc ScheduledActionSendBeginMainFrame)" {
		t.Errorf("the layout task is named %q", got)
	}
}

func TestCommitTaskMsIsTheTaskAroundTheCommit(t *testing.T) {
	if got := commitTaskMs(syntheticTrace()); got != 120 {
		t.Errorf("commitTaskMs = %v, want 120", got)
	}
	var none []traceEvent
	for _, e := range syntheticTrace() {
		if e.Name != "DocumentLoader::CommitNavigation" {
			none = append(none, e)
		}
	}
	if got := commitTaskMs(none); !math.IsNaN(got) {
		t.Errorf("commitTaskMs without a commit = %v, want NaN", got)
	}
}
