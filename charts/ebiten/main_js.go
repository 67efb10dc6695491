//go:build js && wasm

package ebiten

import (
	"fmt"
	"sync"
	"sync/atomic"
	"syscall/js"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"azflows/charts"
	"azflows/site"
)

func Main() {
	defer func() {
		if r := recover(); r != nil {
			postError(fmt.Sprint("panic: ", r))
		}
	}()
	mark("go-main")
	ebiten.SetScreenClearedEveryFrame(false)
	// Update and Draw run only on input or when scheduled (an event handled below, an
	// animation, work still pending): an idle chart costs no frames at all.
	ebiten.SetFPSMode(ebiten.FPSModeVsyncOffMinimum)
	// The start-up in phases, each its own task of the browser (yield_js.go): the runtime and
	// the packages' init, each font, ebiten's start, the chart, the painting of its first frame.
	y := newYielder()
	y.yield()
	fonts := loadFonts(y)
	mark("go-fonts")
	in := &inbox{}
	in.listen()
	g := &game{v: newView(fonts, js.Global().Get("location").Get("hash").String()), in: in, r: &renderer{chart: fonts}, gate: newFrameGate(),
		inWorker: js.Global().Get("WorkerGlobalScope").Type() == js.TypeFunction}
	y.yield()
	g.publish()
	mark("go-run")
	if err := ebiten.RunGameWithOptions(g, &ebiten.RunGameOptions{ScreenTransparent: true}); err != nil {
		postError(err.Error())
	}
}

// inbox collects what browser events report between two Update ticks. Event handlers run on
// their own goroutines, so everything here is locked or atomic.
type inbox struct {
	mu      sync.Mutex
	hash    string
	hasHash bool
	reduced bool // prefers-reduced-motion: reduce, when hash arrived
	left    bool
	clicks  []click
	escape  bool
	dismiss bool // the page asked for the tooltip to go (site.MsgDismiss)
	keys    []string

	pressed time.Time // the last pointer press

	hidden    atomic.Bool
	sizeDirty atomic.Bool
	walking   atomic.Bool // the reader walks the marks with the keys (keys.go)
}

func (b *inbox) pressedAt() time.Time {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.pressed
}

// setHash records a new state, and the reader's prefers-reduced-motion setting with it (read
// here, in the event's handler, so that Update asks the browser nothing).
func (b *inbox) setHash(h string) {
	reduced := reducedMotion()
	b.mu.Lock()
	b.hash, b.hasHash, b.reduced = h, true, reduced
	b.mu.Unlock()
}

// reducedMotion reports the reader's prefers-reduced-motion setting.
func reducedMotion() bool {
	if js.Global().Get("matchMedia").Type() != js.TypeFunction {
		return false
	}
	return js.Global().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Truthy()
}

// take moves what the events reported since the last tick into in.
func (b *inbox) take(in *input) {
	b.mu.Lock()
	defer b.mu.Unlock()
	in.Hash, in.HasHash, in.ReducedMotion, in.PointerLeft, in.Escape, in.Dismiss = b.hash, b.hasHash, b.reduced, b.left, b.escape, b.dismiss
	in.Clicks = append(in.Clicks[:0], b.clicks...)
	if len(b.keys) > 0 {
		in.Keys = append([]string(nil), b.keys...)
	}
	b.hash, b.hasHash, b.left, b.escape, b.dismiss, b.clicks, b.keys = "", false, false, false, false, b.clicks[:0], b.keys[:0]
}

// listen installs the browser event handlers. They are never released: they live as long as
// the page.
func (b *inbox) listen() {
	win := js.Global()
	doc := win.Get("document")
	b.hidden.Store(doc.Get("hidden").Truthy())
	b.sizeDirty.Store(true)

	on(win, "message", func(ev js.Value) {
		// Only the parent page (or this page) may set the state, and only with
		// {type: "azflows:state", hash: "<string>"}; anything else is ignored.
		src := ev.Get("source")
		if !src.Equal(win.Get("parent")) && !src.Equal(win) {
			return
		}
		d := ev.Get("data")
		if d.Type() != js.TypeObject {
			return
		}
		t := d.Get("type")
		if t.Type() != js.TypeString {
			return
		}
		if t.String() == site.MsgDismiss {
			b.mu.Lock()
			b.dismiss = true
			b.mu.Unlock()
			return
		}
		if t.String() != site.MsgState {
			return
		}
		if h := d.Get("hash"); h.Type() == js.TypeString {
			b.setHash(h.String())
		}
	})
	on(win, "hashchange", func(js.Value) {
		b.setHash(win.Get("location").Get("hash").String())
	})
	// Presses and keys come from DOM events rather than ebiten's per-tick input state, which
	// misses a press released before the next tick (a quick tap, a scripted click).
	on(win, "pointerdown", func(ev js.Value) {
		if ev.Get("button").Int() != 0 || !ev.Get("isPrimary").Truthy() {
			return
		}
		c := click{At: charts.Point{X: ev.Get("clientX").Float(), Y: ev.Get("clientY").Float()},
			Touch: ev.Get("pointerType").String() == "touch"}
		b.mu.Lock()
		if len(b.clicks) < 16 {
			b.clicks = append(b.clicks, c)
		}
		b.mu.Unlock()
	})
	on(win, "keydown", func(ev js.Value) {
		k := ev.Get("key").String()
		if ev.Get("altKey").Truthy() || ev.Get("ctrlKey").Truthy() || ev.Get("metaKey").Truthy() {
			return
		}
		route, walkKey, walking := routeKey(b.walking.Load(), k)
		b.walking.Store(walking)
		switch route {
		case keyWalk:
			ev.Call("preventDefault") // no scrolling of the page behind
			b.mu.Lock()
			if k == site.KeyEscape {
				b.escape = true
			} else if len(b.keys) < 16 {
				b.keys = append(b.keys, walkKey)
			}
			b.mu.Unlock()
		case keyHost:
			ev.Call("preventDefault")
			if k == site.KeyEscape {
				b.mu.Lock()
				b.escape = true // the pin goes too
				b.mu.Unlock()
			}
			postKey(k)
		}
	})
	// Reaching the chart with Tab (focus without a press just before it) enters the walk; a
	// press leaves it, so that the clicker's keys go on to the page.
	on(win, "focus", func(js.Value) {
		if time.Since(b.pressedAt()) > time.Second {
			b.walking.Store(true)
		}
	})
	on(win, "pointerdown", func(js.Value) {
		b.mu.Lock()
		b.pressed = time.Now()
		b.mu.Unlock()
		b.walking.Store(false)
	})
	// ebiten's canvas swallows every key it gets (preventDefault), Tab too, which would trap a
	// keyboard in the chart: Tab stops here, before the canvas, and moves focus on as usual.
	win.Call("addEventListener", "keydown", js.FuncOf(func(this js.Value, args []js.Value) any {
		defer func() { _ = recover() }()
		if len(args) > 0 && args[0].Get("key").String() == site.KeyTab {
			args[0].Call("stopPropagation")
		}
		return nil
	}), true)
	on(win, "resize", func(js.Value) { b.sizeDirty.Store(true); followScale() })
	on(doc, "visibilitychange", func(js.Value) { b.hidden.Store(doc.Get("hidden").Truthy()) })
	on(doc.Get("documentElement"), "mouseleave", func(js.Value) {
		b.mu.Lock()
		b.left = true
		b.mu.Unlock()
	})
}

// on adds an event listener whose handler cannot crash the program.
func on(target js.Value, event string, f func(ev js.Value)) {
	target.Call("addEventListener", event, js.FuncOf(func(this js.Value, args []js.Value) any {
		defer func() { _ = recover() }() // a hostile message must not stop the view
		ev := js.Undefined()
		if len(args) > 0 {
			ev = args[0]
		}
		f(ev)
		ebiten.ScheduleFrame() // let the next Update see what the event reported
		return nil
	}))
}

// post sends a message to the parent page.
func post(m message) {
	obj := map[string]any{"type": m.Type}
	switch m.Type {
	case site.MsgReady:
		obj["hash"] = m.Hash
	case site.MsgHover:
		obj["datum"] = m.Datum
		obj["text"] = m.Text
	case site.MsgError:
		obj["message"] = m.Message
	case site.MsgTaller:
		obj["height"] = m.Height
	}
	js.Global().Get("parent").Call("postMessage", js.ValueOf(obj), "*")
}

// postKey hands a key the chart does not use to the page: {type: "azflows:key", key}.
func postKey(k string) {
	js.Global().Get("parent").Call("postMessage", js.ValueOf(map[string]any{"type": site.MsgKey, "key": k}), "*")
}

// postError reports a failure to the parent and marks window.azflowsView.error, so that
// view.js does not report the program's exit again.
func postError(msg string) {
	defer func() { _ = recover() }()
	if v := js.Global().Get(site.GlobalView); v.Type() == js.TypeObject {
		v.Set("error", msg)
	} else {
		js.Global().Set(site.GlobalView, js.ValueOf(map[string]any{"ready": false, "error": msg}))
	}
	viewChanged()
	post(message{Type: site.MsgError, Message: msg})
}

// setAzflowsView replaces window.azflowsView with s.
func setAzflowsView(s snapshot) {
	js.Global().Set(site.GlobalView, js.ValueOf(map[string]any{
		"ready":   s.Ready,
		"hash":    s.Hash,
		"hover":   s.Hover,
		"pinned":  s.Pinned,
		"focus":   s.Focus,
		"tooltip": s.Tooltip,
		"frames":  s.Frames,
		"w":       s.W,
		"h":       s.H,
		"chartH":  s.ChartH,
		"dsf":     s.DSF,
	}))
	viewChanged()
}

// viewChanged tells the view's worker host (web/view/viewhost.js), where the program runs in a
// worker, that window.azflowsView changed, so that it mirrors it to the frame's window; on
// the main thread no hook is defined and this does nothing.
func viewChanged() {
	if f := js.Global().Get(site.GlobalViewHook); f.Type() == js.TypeFunction {
		f.Invoke()
	}
}
