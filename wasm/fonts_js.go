//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"

	"azflows/charts"
	"azflows/charts/fonts"
	"azflows/site"
)

// loadFonts gives the model and the renderer the Noto Sans subsets view.js fetched before it
// started the program (window.azflowsFonts: {regular: [Uint8Array…], bold: […]}, .woff files
// in the order of fonts.Subsets). Without them, or when one fails to decode (the decoder
// bounds what it allocates, so a bad file is an error, not an out-of-memory crash), the view
// keeps the Go fonts, which lack ə, and says so in one console warning. It yields to the
// browser after each font (y).
func loadFonts(y *yielder) {
	st := js.Global().Get(site.GlobalFonts)
	if st.Type() != js.TypeObject {
		return
	}
	defer js.Global().Set(site.GlobalFonts, js.Null())
	var failed error
	chain := func(k string) [][]byte {
		list := st.Get(k)
		if list.Type() != js.TypeObject {
			return nil
		}
		var out [][]byte
		for i := 0; i < list.Length() && failed == nil; i++ {
			n := list.Index(i).Get("length").Int()
			if n > fonts.MaxWOFFSize {
				failed = fmt.Errorf("fonts: %s font %d is %d bytes, more than %d", k, i, n, fonts.MaxWOFFSize)
				return nil
			}
			b := make([]byte, n)
			js.CopyBytesToGo(b, list.Index(i))
			ttf, err := fonts.DecodeWOFF(b)
			if err != nil {
				failed = err
				return nil
			}
			out = append(out, ttf)
			y.yield()
		}
		return out
	}
	reg, bold := chain("regular"), chain("bold")
	if failed == nil && len(reg) > 0 && len(bold) > 0 {
		failed = charts.SetFonts(reg, bold)
	}
	if failed != nil {
		js.Global().Get("console").Call("warn", "azflows view: the chart's fonts could not be read, so it keeps its built-in ones: "+failed.Error())
	}
}
