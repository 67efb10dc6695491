// Command wasm is the live view: built with GOOS=js GOARCH=wasm into view.wasm, it runs the
// ebiten renderer of the chart model (charts/ebiten) in the page's frame.
package main

import "azflows/charts/ebiten"

func main() { ebiten.Main() }
