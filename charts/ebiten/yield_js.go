//go:build js && wasm

package ebiten

import "syscall/js"

// yielder lets the start-up give the browser back its main thread between phases before
// ebiten runs (the runtime and the packages' init, each font, ebiten's start), so that no
// phase holds a reader's click or key for long. Once ebiten runs, Update and Draw never yield:
// the later phases (the chart, its painting) are frames of their own (game_js.go).
//
// Go's js/wasm returns to the browser's event loop once every goroutine waits; yield waits
// for a message the browser delivers to a MessageChannel after whatever else is queued (a
// MessageChannel, unlike setTimeout, is not clamped to 4 ms when nested).
type yielder struct {
	port js.Value
	ch   chan struct{}
}

func newYielder() *yielder {
	y := &yielder{port: js.Undefined(), ch: make(chan struct{}, 1)}
	if mc := js.Global().Get("MessageChannel"); mc.Type() == js.TypeFunction {
		c := mc.New()
		c.Get("port1").Set("onmessage", js.FuncOf(func(js.Value, []js.Value) any {
			select {
			case y.ch <- struct{}{}:
			default:
			}
			return nil
		}))
		y.port = c.Get("port2")
	}
	return y
}

// yield returns once the browser has run the tasks queued before it.
func (y *yielder) yield() {
	if y.port.IsUndefined() {
		return
	}
	y.port.Call("postMessage", nil)
	<-y.ch
}
