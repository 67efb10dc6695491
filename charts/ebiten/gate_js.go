//go:build js && wasm

package ebiten

import (
	"syscall/js"

	"azflows/site"
)

// frameGate tells web/view/framegate.js whether the view has work of its own for the next frame.
// While it has none, the gate parks ebiten's requests for animation frames until an event
// comes (see framegate.js): an idle chart runs no frames at all.
type frameGate struct {
	fn    js.Value // window.azflowsFrameGate.idle; undefined without the gate
	known bool
	idle  bool
}

func newFrameGate() *frameGate {
	g := &frameGate{fn: js.Undefined()}
	if o := js.Global().Get(site.GlobalFrameGate); o.Type() == js.TypeObject {
		g.fn = o.Get("idle")
	}
	return g
}

// set reports idle to the gate, when it changed.
func (g *frameGate) set(idle bool) {
	if g.known && g.idle == idle || g.fn.Type() != js.TypeFunction {
		return
	}
	g.known, g.idle = true, idle
	g.fn.Invoke(idle)
}
