//go:build !(js && wasm)

package e2e

import (
	"context"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"azflows/tools/internal/browser"
)

var (
	workersMu  sync.Mutex
	workersTab = map[*chromedp.Context]*browser.Workers{}
)

// followWorkers is browser.FollowWorkers for the tab of ctx, once per tab: the view's worker
// fetches view.wasm, and the request logs must see it. Call it before Navigate.
func followWorkers(ctx context.Context, t testing.TB) *browser.Workers {
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
	w, err := browser.FollowWorkers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	workersTab[c] = w
	t.Cleanup(func() {
		workersMu.Lock()
		delete(workersTab, c)
		workersMu.Unlock()
		if _, errs := w.Attached(); len(errs) > 0 {
			t.Errorf("workers that could not be followed: %v", errs)
		}
	})
	return w
}

// listenTabAndWorkers calls fn for each event of the tab of ctx and of each of its workers.
func listenTabAndWorkers(ctx context.Context, t testing.TB, fn func(ev any)) *browser.Workers {
	t.Helper()
	w := followWorkers(ctx, t)
	w.Listen(fn)
	if err := chromedp.Listen(ctx, fn); err != nil {
		t.Fatalf("listening: %v", err)
	}
	return w
}
