//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main outside the browser only says what this is for.
func main() {
	fmt.Fprintln(os.Stderr, "floorview: tools/cmd/bench builds this with GOOS=js GOARCH=wasm and serves it in place of view.wasm")
	os.Exit(2)
}
