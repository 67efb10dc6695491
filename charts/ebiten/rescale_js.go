//go:build js && wasm

package ebiten

import (
	"syscall/js"
	_ "unsafe" // go:linkname

	"github.com/hajimehoshi/ebiten/v2"
)

// ebiten v2.8.8 (internal/ui/ui_js.go) reads devicePixelRatio once and keeps it in its
// monitor; its resize handler then sizes the canvas by the kept ratio ("TODO: If
// DeviceScaleFactor changes, call updateScreenSize"). A deck that scales the frame anew (a
// teacher presses F, or resizes the window) changes the ratio the view sees (web/view/view.js)
// and fires a resize; followScale then lets ebiten read the ratio again and backs the canvas
// at it, as ebiten's updateScreenSize does. The mirrors below are tied to v2.8.8 (go.mod).

// monitor mirrors internal/ui.Monitor.
type monitor struct{ deviceScaleFactor float64 }

//go:linkname theMonitor github.com/hajimehoshi/ebiten/v2/internal/ui.theMonitor
var theMonitor *monitor

//go:linkname ebitenCanvas github.com/hajimehoshi/ebiten/v2/internal/ui.canvas
var ebitenCanvas js.Value

// followScale, on a resize, makes ebiten and its canvas follow a changed devicePixelRatio.
func followScale() {
	if theMonitor == nil || theMonitor.deviceScaleFactor == 0 || !ebitenCanvas.Truthy() {
		return
	}
	r := js.Global().Get("devicePixelRatio")
	if r.Type() != js.TypeNumber || !(r.Float() > 0) || r.Float() == theMonitor.deviceScaleFactor {
		return
	}
	theMonitor.deviceScaleFactor = 0
	k := ebiten.Monitor().DeviceScaleFactor()
	body := js.Global().Get("document").Get("body")
	ebitenCanvas.Set("width", int(body.Get("clientWidth").Float()*k))
	ebitenCanvas.Set("height", int(body.Get("clientHeight").Float()*k))
}
