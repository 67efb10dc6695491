//go:build js && wasm

package ebiten

import (
	"syscall/js"

	"azflows/site"
)

// mark sets performance.mark(site.MarkPrefix + name) in the thread the program runs on (the view's
// worker or the frame), a milestone of the start-up that tools/cmd/bench reads back through
// window.azflowsViewStats (web/view/view.js) for its breakdown of the time to ready. It costs one
// call, and does nothing where there is no performance.mark.
func mark(name string) {
	defer func() { _ = recover() }()
	p := js.Global().Get("performance")
	if p.Type() == js.TypeObject && p.Get("mark").Type() == js.TypeFunction {
		p.Call("mark", site.MarkPrefix+name)
	}
}
