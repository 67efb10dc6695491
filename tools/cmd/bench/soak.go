//go:build !(js && wasm)

package main

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

// soakResult is what the soak found: console errors and unhandled rejections, and the wasm
// memory sampled through the session.
type soakResult struct {
	Duration  string    `json:"duration"`
	Steps     int       `json:"steps"`
	Errors    []string  `json:"errors"`
	MemoryMB  []float64 `json:"memory_mb"`
	GrowthMB  float64   `json:"growth_after_warmup_mb"`
	WarmupEnd int       `json:"warmup_samples"`
}

// soakViews are the views and sizes the soak cycles through.
var (
	soakViews = []string{"map", "bars", "flow", "compare", "timeline", "map&context=1", "table", "sources"}
	soakSizes = [][2]int64{{320, 240}, {800, 450}, {1280, 720}, {1920, 1080}, {1000, 800}}
)

// soak drives one page for d: view and year switches, hover sweeps and resizes between
// 320×240 and 1920×1080, and reports every console error and unhandled rejection, and the
// wasm memory every 15 s (growth counted once every view has been shown at every size).
func soak(base string, d time.Duration) (soakResult, error) {
	res := soakResult{Duration: d.String()}
	t, err := newTab(1920, 1080, d+3*time.Minute)
	if err != nil {
		return res, err
	}
	defer t.stop()
	var mu sync.Mutex
	go func() {
		for m, err := range chromedp.Console(t.ctx) {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				mu.Lock()
				res.Errors = append(res.Errors, string(m.Type)+": "+m.Text)
				mu.Unlock()
			}
		}
	}()
	if err := chromedp.Do(t.ctx, chromedp.Navigate(base+"/#view=map&year=2010")); err != nil {
		return res, err
	}
	if _, err := waitTiming(t.ctx, 30*time.Second, func(tm timing) bool { return tm.Mode == "live" }); err != nil {
		return res, fmt.Errorf("waiting for the live view: %w", err)
	}
	start := time.Now()
	nextSample := start
	// Warm-up: until every view has been shown at every size once (caches of glyphs, faces and
	// layouts fill up); after it, memory must stay flat.
	warmSteps := len(soakViews) * len(soakSizes) // sizes change every 4 steps, views every step: 40 steps see each pair
	for step := 0; time.Since(start) < d; step++ {
		res.Steps = step + 1
		if time.Now().After(nextSample) {
			if mem, _, err := wasmMemory(t); err == nil {
				res.MemoryMB = append(res.MemoryMB, mem/(1<<20))
				if step < warmSteps {
					res.WarmupEnd = len(res.MemoryMB)
				}
			}
			nextSample = nextSample.Add(15 * time.Second)
		}
		if step%4 == 3 {
			sz := soakSizes[(step/4)%len(soakSizes)]
			if err := chromedp.Do(t.ctx, chromedp.EmulateViewport(sz[0], sz[1])); err != nil {
				return res, err
			}
		}
		year := []string{"2010", "2012"}[step%2]
		hash := "view=" + strings.Replace(soakViews[step%len(soakViews)], "&", "&year="+year+"&", 1)
		if !strings.Contains(hash, "year=") {
			hash += "&year=" + year
		}
		if _, err := chromedp.Run(t.ctx, chromedp.Evaluate[bool](`(location.hash = '`+hash+`', true)`)); err != nil {
			return res, err
		}
		time.Sleep(300 * time.Millisecond)
		rect, err := chromedp.Run(t.ctx, chromedp.Evaluate[[]float64](`(function () {
		  var f = `+viewFrame+`; if (!f || !f.offsetParent) return [0, 0, 0, 0];
		  var r = f.getBoundingClientRect(); return [r.left, r.top, r.width, r.height];
		})()`))
		if err != nil {
			return res, err
		}
		if len(rect) == 4 && rect[2] > 10 && rect[3] > 10 {
			for y := rect[1] + 20; y < rect[1]+rect[3]; y += 45 {
				for x := rect[0] + 10; x < rect[0]+rect[2]; x += 70 {
					if err := chromedp.Do(t.ctx, chromedp.MouseEvent(chromedp.MouseMoved, x, y)); err != nil {
						return res, err
					}
				}
			}
		}
	}
	if n := len(res.MemoryMB); n > res.WarmupEnd && res.WarmupEnd > 0 {
		res.GrowthMB = res.MemoryMB[n-1] - res.MemoryMB[res.WarmupEnd-1]
	}
	mu.Lock()
	defer mu.Unlock()
	res.Errors = append([]string(nil), res.Errors...)
	return res, nil
}

// printSoak reports the soak after the table.
func printSoak(r soakResult) {
	fmt.Printf("\nsoak, %s, %d steps (views, years, hover sweeps, resizes 320×240–1920×1080):\n", r.Duration, r.Steps)
	fmt.Printf("  console errors and unhandled rejections: %d\n", len(r.Errors))
	for i, e := range r.Errors {
		if i == 10 {
			fmt.Printf("    …\n")
			break
		}
		fmt.Printf("    %s\n", e)
	}
	if len(r.MemoryMB) == 0 {
		fmt.Printf("  wasm memory: not measured (neither window.azflowsViewStats nor the frame's WebAssembly.Memory answered)\n")
		return
	}
	var mem []string
	for _, m := range r.MemoryMB {
		mem = append(mem, fmt.Sprintf("%.1f", m))
	}
	fmt.Printf("  wasm memory every 15 s: %s MiB; growth after warm-up (every view at every size once, %d samples): %+.2f MiB\n", strings.Join(mem, " "), r.WarmupEnd, r.GrowthMB)
}
