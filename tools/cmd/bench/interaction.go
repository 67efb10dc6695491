//go:build !(js && wasm)

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// ---- interaction: Draw time and wasm memory ----

type interactionResult struct {
	drawP95   float64 // ms; NaN when the view does not time its Draw
	drawN     int
	drawNote  string
	mem       []float64 // bytes of wasm memory, one sample every -sample
	memAt     []float64 // seconds since the interaction started
	jsHeap    []float64 // used JS heap of the page (Runtime.getHeapUsage), same times
	memWarmup int       // index of the first sample after the warm-up
}

const viewFrame = `document.querySelector('iframe.live-frame')`

func interaction(base string) (interactionResult, error) {
	res := interactionResult{drawP95: nan()}
	t, err := newTab(1920, 1080, *interact+3*time.Minute)
	if err != nil {
		return res, err
	}
	defer t.stop()
	if err := chromedp.Do(t.ctx, chromedp.Navigate(base+"/#view=bars&year=2012")); err != nil {
		return res, err
	}
	if _, err := waitTiming(t.ctx, 30*time.Second, func(tm timing) bool { return tm.Mode == "live" }); err != nil {
		return res, fmt.Errorf("waiting for the live view: %w", err)
	}
	rect, err := chromedp.Run(t.ctx, chromedp.Evaluate[[]float64](`(function () {
	  var f = `+viewFrame+`; f.scrollIntoView({block: 'center'});
	  var r = f.getBoundingClientRect(); return [r.left, r.top, r.width, r.height];
	})()`))
	if err != nil || len(rect) != 4 || rect[2] < 10 || rect[3] < 10 {
		return res, fmt.Errorf("the live view's frame: %v %v", rect, err)
	}
	x0, y0, w, h := rect[0], rect[1], rect[2], rect[3]
	move := func(x, y float64) error {
		return chromedp.Do(t.ctx, chromedp.MouseEvent(chromedp.MouseMoved, x, y))
	}
	// sweep moves the mouse along rows step px apart, across the whole frame.
	sweep := func(step float64, until time.Time) error {
		for y := y0 + step/2; y < y0+h; y += step {
			for x := x0 + 2; x < x0+w; x += step {
				if !until.IsZero() && time.Now().After(until) {
					return nil
				}
				if err := move(x, y); err != nil {
					return err
				}
			}
		}
		return nil
	}

	// Draw time: the view keeps the Go-side time of its last frames (azflowsView.drawMs) and
	// counts every frame it draws (drawCount); the frames of each hover sweep are the last
	// (count after − count before) of drawMs. The repaint after each change of year is not a
	// hover frame: it is kept apart, as a reference.
	// The frames that prepared tooltip lines ahead of a hover (charts/ebiten/tips.go) are among
	// them, and the view also keeps their times apart (prepMs, prepCount): they are reported
	// on their own as well.
	type drawState struct {
		MS        []float64 `json:"ms"`
		Count     int       `json:"count"`
		Prep      []float64 `json:"prep"`
		PrepCount int       `json:"prepCount"`
		Keys      []string  `json:"keys"`
	}
	readDraw := func() (drawState, error) {
		return chromedp.Run(t.ctx, chromedp.Evaluate[drawState](`(function () {
		  var v = `+viewFrame+`.contentWindow.azflowsView || {};
		  return { ms: Array.isArray(v.drawMs) ? v.drawMs : [], count: typeof v.drawCount === 'number' ? v.drawCount : -1,
		    prep: Array.isArray(v.prepMs) ? v.prepMs : [], prepCount: typeof v.prepCount === 'number' ? v.prepCount : 0, keys: Object.keys(v) };
		})()`))
	}
	last := func(xs []float64, n int) []float64 {
		if n <= 0 {
			return nil
		}
		return xs[max(0, len(xs)-n):]
	}
	since := func(before, after drawState) []float64 {
		if before.Count < 0 {
			return nil
		}
		return last(after.MS, after.Count-before.Count)
	}
	prepSince := func(before, after drawState) []float64 { return last(after.Prep, after.PrepCount-before.PrepCount) }
	// Rows 20 px apart, 20 px steps: every mark of both years of the view, at most 30 s each.
	sweepStart := time.Now()
	moves := 0
	var hoverMs, repaintMs, hoverPrep, repaintPrep []float64
	var keys []string
	for _, yr := range []string{"2010", "2012"} {
		before, err := readDraw()
		if err != nil {
			return res, err
		}
		if err := clickYear(t.ctx, yr); err != nil {
			return res, err
		}
		time.Sleep(500 * time.Millisecond)
		if err := move(x0+1, y0+1); err != nil { // an Update, which publishes the repaint's time
			return res, err
		}
		time.Sleep(100 * time.Millisecond)
		atSweep, err := readDraw()
		if err != nil {
			return res, err
		}
		repaintMs = append(repaintMs, since(before, atSweep)...)
		repaintPrep = append(repaintPrep, prepSince(before, atSweep)...)
		if err := sweep(20, time.Now().Add(30*time.Second)); err != nil {
			return res, err
		}
		moves += int(w/20) * int(h/20)
		time.Sleep(200 * time.Millisecond)
		after, err := readDraw()
		if err != nil {
			return res, err
		}
		hoverMs = append(hoverMs, since(atSweep, after)...)
		hoverPrep = append(hoverPrep, prepSince(atSweep, after)...)
		keys = after.Keys
	}
	if *verbose {
		fmt.Printf("    hover sweep: %.0f×%.0f px frame, about %d moves in %s; %d hover frames; repaints after the changes of year %v ms\n",
			w, h, moves, time.Since(sweepStart).Round(time.Millisecond), len(hoverMs), repaintMs)
		fmt.Printf("    hover frames' Go-side Draw times, ms (count): %s\n", histogram(hoverMs))
		fmt.Printf("    of them, frames that prepared tooltip lines ahead: %s\n", histogram(hoverPrep))
		fmt.Printf("    frames between a change of year and its sweep, ms (count): %s; of them preparing: %s\n", histogram(repaintMs), histogram(repaintPrep))
	}
	switch {
	case len(hoverMs) > 0:
		res.drawP95, res.drawN = percentile(hoverMs, 95), len(hoverMs)
		over := 0
		for _, ms := range hoverMs {
			if ms > budgetDrawP95 {
				over++
			}
		}
		// The view's clock is the worker's performance.now(), coarsened to 0.1 ms without
		// cross-origin isolation: a frame's time is a multiple of it, and the mean over many
		// frames (their total / count) is the figure that is not quantized.
		res.drawNote = fmt.Sprintf("%d hover frames of a %.0f×%.0f px view, mean %.2f ms (total / count; each frame's time is in the view clock's 0.1 ms steps), %d over %d ms (-v lists them all)",
			len(hoverMs), w, h, mean(hoverMs), over, budgetDrawP95)
		if len(hoverPrep) > 0 || len(repaintPrep) > 0 {
			res.drawNote += fmt.Sprintf("; %d of the hover frames prepared tooltip lines ahead (%s at most)", len(hoverPrep), human(slices.Max(append([]float64{0}, hoverPrep...)), "ms"))
			if len(repaintPrep) > 0 {
				res.drawNote += fmt.Sprintf(", and %d frames between a change of year and its sweep (%s at most, p95 %s)", len(repaintPrep), human(slices.Max(repaintPrep), "ms"), human(percentile(repaintPrep, 95), "ms"))
			}
		}
		if len(repaintMs) > 0 {
			res.drawNote += fmt.Sprintf("; the full repaint after a change of year (not a hover frame) took %s at most", human(slices.Max(repaintMs), "ms"))
		}
	default:
		res.drawNote = "not measurable: window.azflowsView has " + strings.Join(keys, ", ") + " (no drawMs and drawCount)"
	}

	// Memory: move and switch years for -interact, sample every -sample.
	start := time.Now()
	end := start.Add(*interact)
	next := start
	year := 0
	for {
		now := time.Now()
		if !now.Before(next) {
			m, heap, err := wasmMemory(t)
			if err != nil && !errors.Is(err, errNoWasmMemory) {
				return res, fmt.Errorf("reading the wasm memory: %w", err)
			}
			at := now.Sub(start).Seconds()
			if err == nil {
				res.mem, res.memAt, res.jsHeap = append(res.mem, m), append(res.memAt, at), append(res.jsHeap, heap)
				if res.memWarmup == 0 && at >= warmup.Seconds() {
					res.memWarmup = len(res.mem) - 1
				}
			}
			if *verbose && err == nil {
				fmt.Printf("    %5.0f s: wasm memory %.1f MB, JS heap %.1f MB\n", at, m/(1<<20), heap/(1<<20))
			}
			if now.After(end) {
				break
			}
			next = next.Add(*sample)
		}
		if err := clickYear(t.ctx, []string{"2010", "2012"}[year%2]); err != nil {
			return res, err
		}
		year++
		if err := sweep(30, next); err != nil {
			return res, err
		}
	}
	if res.memWarmup == 0 {
		res.memWarmup = len(res.mem) - 1
	}
	return res, nil
}

func clickYear(ctx context.Context, year string) error {
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(function () {
	  var l = document.querySelector('label:has(input[name=year][value="`+year+`"])');
	  if (!l) return false; l.click(); return true;
	})()`))
	return err
}

// errNoWasmMemory: window.azflowsViewStats gave no memory (a build without it) and the view's
// frame holds no WebAssembly.Memory (the program runs in its worker): the figure is then "not
// measured", never 0 B.
var errNoWasmMemory = errors.New("no WebAssembly.Memory in the view's frame (the view runs in its worker)")

// wasmMemory returns the size of the Go program's linear memory, as the view reports it
// (window.azflowsViewStats), or else of every WebAssembly.Memory in the view's frame, found
// through Runtime.queryObjects; and the used JS heap of the page.
func wasmMemory(tb *tab) (mem, heap float64, err error) {
	// The view answers itself where it can (window.azflowsViewStats, web/view/view.js: from its
	// worker, or from the frame's own instance); an older build, or no answer, falls back to
	// the frame's WebAssembly.Memory objects.
	type answer struct {
		Memory *float64 `json:"memory"`
		Heap   float64  `json:"heap"`
		Mode   string   `json:"mode"`
	}
	a, aerr := chromedp.Run(tb.ctx, chromedp.Evaluate[answer](`(function () {
	  var w = `+viewFrame+`.contentWindow;
	  if (!w || typeof w.azflowsViewStats !== 'function') return {memory: null};
	  return w.azflowsViewStats().then(function (s) {
	    return {memory: s.memory, heap: performance.memory ? performance.memory.usedJSHeapSize : 0, mode: (w.azflowsViewMode || {}).mode || ''};
	  }, function () { return {memory: null}; });
	})()`, chromedp.EvalAwaitPromise))
	if aerr == nil && a.Memory != nil && *a.Memory > 0 {
		if *verbose {
			fmt.Printf("    wasm memory %.1f MB, from window.azflowsViewStats (view on %q)\n", *a.Memory/(1<<20), a.Mode)
		}
		heap = a.Heap
		_ = chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			hu, err := cdp.Call(ctx, t, runtime.GetHeapUsage, cdp.Empty{})
			if err == nil {
				heap = hu.UsedSize // the page's isolate, as below
			}
			return err
		}))
		return *a.Memory, heap, nil
	}
	if *verbose {
		fmt.Printf("    window.azflowsViewStats gave no memory (%+v, %v): looking for the frame's WebAssembly.Memory\n", a, aerr)
	}
	tb.net.mu.Lock()
	contexts := slices.Clone(tb.net.contexts)
	tb.net.mu.Unlock()
	err = chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		const group = "azflows-bench"
		defer cdp.Call(ctx, t, runtime.ReleaseObjectGroup, runtime.ReleaseObjectGroupParams{ObjectGroup: group})
		// The prototype must come from the view frame's own context: queryObjects only
		// finds objects of the context that it is asked from.
		var proto runtime.RemoteObjectID
		for _, id := range contexts {
			r, err := cdp.Call(ctx, t, runtime.Evaluate, runtime.EvaluateParams{
				Expression: `window.parent !== window && window.azflowsView ? WebAssembly.Memory.prototype : null`,
				ContextID:  id, ObjectGroup: group})
			if err == nil && r.ExceptionDetails == nil && r.Result != nil && r.Result.ObjectID != "" {
				proto = r.Result.ObjectID
				break
			}
		}
		if proto == "" {
			return errors.New("no JavaScript context of the view's frame")
		}
		objs, err := cdp.Call(ctx, t, runtime.QueryObjects, runtime.QueryObjectsParams{PrototypeObjectID: proto, ObjectGroup: group})
		if err != nil {
			return err
		}
		sum, err := cdp.Call(ctx, t, runtime.CallFunctionOn, runtime.CallFunctionOnParams{
			FunctionDeclaration: `function () { var s = 0; for (var i = 0; i < this.length; i++) s += this[i].buffer.byteLength; return [s, this.length]; }`,
			ObjectID:            objs.Objects.ObjectID, ReturnByValue: new(true)})
		if err != nil {
			return err
		}
		if sum.ExceptionDetails != nil || sum.Result == nil {
			return errors.New("summing the memories failed")
		}
		var got []float64
		if err := json.Unmarshal(sum.Result.Value, &got); err != nil || len(got) != 2 {
			return fmt.Errorf("summing the memories: %s %v", sum.Result.Value, err)
		}
		if *verbose {
			fmt.Printf("    %v WebAssembly.Memory objects\n", got[1])
		}
		if got[1] == 0 {
			return errNoWasmMemory
		}
		mem = got[0]
		hu, err := cdp.Call(ctx, t, runtime.GetHeapUsage, cdp.Empty{})
		if err != nil {
			return err
		}
		heap = hu.UsedSize
		return nil
	}))
	return mem, heap, err
}

// histogram lists the distinct values of xs, rounded to 0.01, with how often each came.
func histogram(xs []float64) string {
	n := map[float64]int{}
	for _, x := range xs {
		n[math.Round(x*100)/100]++
	}
	keys := slices.Sorted(maps.Keys(n))
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%.2f (%d)", k, n[k])
	}
	return strings.Join(parts, ", ")
}

// mean is the mean of xs (NaN for none).
func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return nan()
	}
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}
