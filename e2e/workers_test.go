package e2e

import (
	"context"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// tabWorkers follows the dedicated workers of one tab: the view's worker (web/viewhost.js)
// fetches view.wasm itself, and its requests reach DevTools on the worker's own target, not
// on the tab's. The tab auto-attaches to each worker paused before its script runs; the
// worker is attached to (Network on), given each setup (network emulation, say) and only
// then resumed, so that the listeners see every request it sends.
type tabWorkers struct {
	mu        sync.Mutex
	listeners []func(ev any)
	setups    []chromedp.Action[chromedp.Void]
	attached  []string // the URL of each worker attached to, in order
	errs      []error
}

var (
	workersMu  sync.Mutex
	workersTab = map[*chromedp.Context]*tabWorkers{}
)

// followWorkers makes the tab of ctx stop each dedicated worker it starts from now on until
// the worker is attached to and set up (see tabWorkers). Call it before Navigate; calling it
// again for the same tab returns the same tabWorkers.
func followWorkers(ctx context.Context, t testing.TB) *tabWorkers {
	t.Helper()
	// The tab's target exists after the first action on it.
	if err := chromedp.Do(ctx, chromedp.Func(func(context.Context, *chromedp.Target) error { return nil })); err != nil {
		t.Fatalf("starting the tab: %v", err)
	}
	c := chromedp.FromContext(ctx)
	workersMu.Lock()
	defer workersMu.Unlock()
	if w, ok := workersTab[c]; ok {
		return w
	}
	w := &tabWorkers{}
	workersTab[c] = w
	t.Cleanup(func() {
		workersMu.Lock()
		delete(workersTab, c)
		workersMu.Unlock()
	})
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*target.EventAttachedToTarget); ok && e.TargetInfo != nil && e.TargetInfo.Type == "worker" {
			go w.attach(ctx, e.TargetInfo)
		}
	})
	if err != nil {
		t.Fatalf("listening for workers: %v", err)
	}
	err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, target.SetAutoAttach, target.SetAutoAttachParams{AutoAttach: true, WaitForDebuggerOnStart: true, Flatten: ptrTo(true)})
		return err
	}))
	if err != nil {
		t.Fatalf("auto-attaching to the tab's workers: %v", err)
	}
	return w
}

// attach attaches to the worker (its own session: Runtime and Network on), runs the setups
// there and lets it run.
func (w *tabWorkers) attach(ctx context.Context, info *target.Info) {
	wctx, _ := chromedp.NewContext(ctx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel(), chromedp.WithListener(w.dispatch))
	w.mu.Lock()
	actions := append([]chromedp.Action[chromedp.Void](nil), w.setups...)
	w.mu.Unlock()
	actions = append(actions, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, runtime.RunIfWaitingForDebugger, cdp.Empty{})
		return err
	}))
	err := chromedp.Do(wctx, actions...)
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil {
		w.errs = append(w.errs, err)
		return
	}
	w.attached = append(w.attached, info.URL)
}

func (w *tabWorkers) dispatch(ev any) {
	w.mu.Lock()
	list := slicesClone(w.listeners)
	w.mu.Unlock()
	for _, fn := range list {
		fn(ev)
	}
}

func slicesClone[T any](s []T) []T { return append([]T(nil), s...) }

// listen adds fn for the events of every worker attached from now on.
func (w *tabWorkers) listen(fn func(ev any)) {
	w.mu.Lock()
	w.listeners = append(w.listeners, fn)
	w.mu.Unlock()
}

// setup adds an action that runs on every worker attached from now on, before it runs.
func (w *tabWorkers) setup(a chromedp.Action[chromedp.Void]) {
	w.mu.Lock()
	w.setups = append(w.setups, a)
	w.mu.Unlock()
}

// Attached is the URL of each worker attached to so far, and the errors of those that could
// not be.
func (w *tabWorkers) Attached() ([]string, []error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slicesClone(w.attached), slicesClone(w.errs)
}

// listenTabAndWorkers calls fn for each event of the tab of ctx and of each of its workers.
func listenTabAndWorkers(ctx context.Context, t testing.TB, fn func(ev any)) *tabWorkers {
	t.Helper()
	w := followWorkers(ctx, t)
	w.listen(fn)
	if err := chromedp.Listen(ctx, fn); err != nil {
		t.Fatalf("listening: %v", err)
	}
	return w
}
