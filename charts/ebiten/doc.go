// Package ebiten is azflows' interactive chart, the live renderer of the chart model: an ebiten view compiled to WebAssembly
// (GOOS=js GOARCH=wasm) that web/view/view.html runs in an iframe of the main page.
//
// It draws the marks of the chart model (azflows/charts) and lays nothing out itself. The
// state comes from the iframe's location.hash and from {type:"azflows:state", hash} messages
// of the parent page; hovering or tapping a bar, band or node shows its tooltip (click pins
// it) and is reported to the parent as {type:"azflows:hover", datum, text}. It draws only
// when something changed, and window.azflowsView mirrors its state for tests.
//
// The files without build tags (view.go, ops.go) hold the logic that runs natively and is
// tested with `go test ./charts/ebiten/`; the js && wasm files only talk to ebiten and the browser.
package ebiten
