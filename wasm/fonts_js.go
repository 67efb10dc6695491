//go:build js && wasm

package main

import (
	"syscall/js"

	"azflows/charts"
	"azflows/charts/fonts"
)

// loadFonts gives the model and the renderer the Noto Sans subsets view.js fetched before it
// started the program (window.azflowsFonts: {regular: [Uint8Array…], bold: […]}, .woff files
// in the order of fonts.Subsets). Without them the view keeps the Go fonts, which lack ə.
func loadFonts() {
	st := js.Global().Get("azflowsFonts")
	if st.Type() != js.TypeObject {
		return
	}
	defer js.Global().Set("azflowsFonts", js.Null())
	chain := func(k string) [][]byte {
		list := st.Get(k)
		if list.Type() != js.TypeObject {
			return nil
		}
		var out [][]byte
		for i := 0; i < list.Length(); i++ {
			b := make([]byte, list.Index(i).Get("length").Int())
			js.CopyBytesToGo(b, list.Index(i))
			ttf, err := fonts.DecodeWOFF(b)
			if err != nil {
				js.Global().Get("console").Call("warn", "azflows view: "+err.Error())
				return nil
			}
			out = append(out, ttf)
		}
		return out
	}
	reg, bold := chain("regular"), chain("bold")
	if len(reg) == 0 || len(bold) == 0 {
		return
	}
	if err := charts.SetFonts(reg, bold); err != nil {
		js.Global().Get("console").Call("warn", "azflows view: "+err.Error())
	}
}
