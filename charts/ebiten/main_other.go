//go:build !(js && wasm)

package ebiten

import (
	"fmt"
	"os"
)

// main outside the browser only says how to build the view.
func Main() {
	fmt.Fprintln(os.Stderr, "wasm: the interactive view runs in a browser; build it with GOOS=js GOARCH=wasm go build -o view.wasm ./wasm")
	os.Exit(2)
}
