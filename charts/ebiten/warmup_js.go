//go:build js && wasm

package ebiten

import (
	"fmt"
	"os"
	"slices"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"

	"azflows/charts"
	"azflows/site"
)

// warmUpMode reports whether this instance is the warm-up run in web/view/warmwasm.js's worker
// (the loader passes site.WarmUpArg in argv) rather than the view.
func warmUpMode() bool { return slices.Contains(os.Args[1:], site.WarmUpArg) }

// runWarmUp runs warmUp and returns the program's exit code: 0, or 1 after a panic, which
// it prints (to the worker's console).
func runWarmUp() (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(os.Stderr, "azflows warm-up: panic:", r)
			code = 1
		}
	}()
	// The packages have started: the view may start too (web/view/view.js), while this goes on.
	if post := js.Global().Get("postMessage"); post.Type() == js.TypeFunction {
		post.Invoke(js.ValueOf(map[string]any{"started": true}))
	}
	warmUp()
	return 0
}

// warmUp runs the start-up's pure-Go work once, off the page's main thread, so that the
// browser compiles the functions it calls (V8 compiles wasm functions lazily, on their first
// call, and shares the compiled code with every instance of the module): the packages' init
// has run before main; this decodes the fonts, builds the chart of the state in the hash at
// the view's size and its draw ops, and paints them and a tooltip into an image that is never
// shown. It touches no DOM; the worker stops when it returns.
func warmUp() {
	if st := js.Global().Get(site.GlobalFonts); st.Type() == js.TypeObject {
		if reg, bold, err := decodeFonts(st, func() {}); err == nil && len(reg) > 0 && len(bold) > 0 {
			_ = charts.SetFonts(reg, bold)
		}
	}
	hash, w, h := warmUpState(os.Args)
	v := newView(hash)
	v.frames = 1
	v.update(input{W: w, H: h, DSF: 1, BaseMapSettled: true})
	// The painting, into an image that is never shown: the base on the CPU as Draw paints it
	// (cpupaint.go), a tooltip with ebiten, which queues the draw commands until its loop
	// starts, which it never does here, so what runs is the Go side of the first frame
	// (rasterizing, triangles, glyphs, the atlas) without WebGL.
	dst := ebiten.NewImage(max(1, int(w)), max(1, int(h)))
	r := &renderer{}
	var cpu cpuPainter
	cpu.reset(max(1, int(w)), max(1, int(h)), rgba{255, 255, 255, 1})
	for i := range v.base {
		cpu.draw(&v.base[i], r.chain(&v.base[i]))
	}
	dst.WritePixels(cpu.img.Pix)
	if v.chart != nil {
		for _, m := range v.chart.Marks {
			if m.Datum == "" {
				continue
			}
			v.update(input{Pointer: m.Center(), PointerMoved: true})
			r.drawLayer(dst, v.overlay)
			break
		}
	}
}
