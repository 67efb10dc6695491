//go:build !(js && wasm)

package browser

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// Workers follows the dedicated workers of one tab. The view's worker (web/view/viewhost.js)
// fetches view.wasm itself, and its requests reach DevTools on the worker's own target, not
// on the tab's (nor do the tab's SetExtraHTTPHeaders, SetCacheDisabled or network emulation
// apply to them). The tab auto-attaches to each worker paused before its script runs; the
// worker is attached to on a session of its own (Runtime and Network on, with the listeners
// from its first event), given each setup action and only then resumed, so that the
// listeners see every request it sends.
type Workers struct {
	mu        sync.Mutex
	listeners []func(ev any)
	setups    []chromedp.Action[chromedp.Void]
	attached  []string // the URL of each worker attached to, in order
	errs      []error
}

// FollowWorkers makes the tab of ctx hold each dedicated worker it starts from now on until
// the worker is attached to and set up. Call it before Navigate, once per tab.
func FollowWorkers(ctx context.Context) (*Workers, error) {
	w := &Workers{}
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*target.EventAttachedToTarget); ok && e.TargetInfo != nil && e.TargetInfo.Type == "worker" {
			go w.attach(ctx, e.TargetInfo)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("listening for workers: %w", err)
	}
	err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		on := true
		_, err := cdp.Call(ctx, tg, target.SetAutoAttach, target.SetAutoAttachParams{AutoAttach: true, WaitForDebuggerOnStart: true, Flatten: &on})
		return err
	}))
	if err != nil {
		return nil, fmt.Errorf("auto-attaching to the tab's workers: %w", err)
	}
	return w, nil
}

// attach attaches to the worker, runs the setups there and lets it run.
func (w *Workers) attach(ctx context.Context, info *target.Info) {
	wctx, _ := chromedp.NewContext(ctx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel(), chromedp.WithListener(w.dispatch))
	w.mu.Lock()
	actions := slices.Clone(w.setups)
	w.mu.Unlock()
	actions = append(actions, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, runtime.RunIfWaitingForDebugger, cdp.Empty{})
		return err
	}))
	err := chromedp.Do(wctx, actions...)
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil {
		w.errs = append(w.errs, fmt.Errorf("worker %s: %w", info.URL, err))
		return
	}
	w.attached = append(w.attached, info.URL)
}

func (w *Workers) dispatch(ev any) {
	w.mu.Lock()
	list := slices.Clone(w.listeners)
	w.mu.Unlock()
	for _, fn := range list {
		fn(ev)
	}
}

// Listen adds fn (which must not block) for the events of every worker attached from now on.
func (w *Workers) Listen(fn func(ev any)) {
	w.mu.Lock()
	w.listeners = append(w.listeners, fn)
	w.mu.Unlock()
}

// Setup adds an action that runs on every worker attached from now on, before it runs.
func (w *Workers) Setup(a chromedp.Action[chromedp.Void]) {
	w.mu.Lock()
	w.setups = append(w.setups, a)
	w.mu.Unlock()
}

// Attached is the URL of each worker attached to so far, and the errors of those that could
// not be.
func (w *Workers) Attached() ([]string, []error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.attached), slices.Clone(w.errs)
}
