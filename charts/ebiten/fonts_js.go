//go:build js && wasm

package ebiten

import (
	"fmt"
	"syscall/js"

	"azflows/charts"
	"azflows/internal/fonts"
	"azflows/site"
)

// loadFonts makes the fonts of the model and the renderer from the Noto Sans subsets view.js fetched before it
// started the program (window.azflowsFonts: {regular: [Uint8Array…], bold: […]}, in the order
// of fonts.Subsets): the build's TrueType files, taken as they are, or in a single file the
// page's WOFF files, decoded here (charts/fonts.Sfnt). Without them, or when one cannot be
// read (the decoder bounds what it allocates, so a bad file is an error, not an out-of-memory
// crash), it returns nil: the view keeps the Go fonts, which lack ə, and says so in one
// console warning. It yields to the browser after each font it had to inflate (y).
func loadFonts(y *yielder) *charts.Fonts {
	st := js.Global().Get(site.GlobalFonts)
	if st.Type() != js.TypeObject {
		return nil
	}
	defer js.Global().Set(site.GlobalFonts, js.Null())
	reg, bold, err := decodeFonts(st, y.yield)
	var f *charts.Fonts
	if err == nil && len(reg) > 0 && len(bold) > 0 {
		f, err = charts.NewFonts(reg, bold)
	}
	if err != nil {
		js.Global().Get("console").Call("warn", "azflows view: the chart's fonts could not be read, so it keeps its built-in ones: "+err.Error())
	}
	return f
}

// decodeFonts reads the font files of st ({regular: [Uint8Array…], bold: […]}) as sfnt fonts,
// calling after() after each one it had to decode; the first that fails ends it.
func decodeFonts(st js.Value, after func()) (reg, bold [][]byte, err error) {
	chain := func(k string) [][]byte {
		list := st.Get(k)
		if list.Type() != js.TypeObject {
			return nil
		}
		var out [][]byte
		for i := 0; i < list.Length() && err == nil; i++ {
			n := list.Index(i).Get("length").Int()
			if limit := max(fonts.MaxWOFFSize, fonts.MaxSfntSize); n > limit {
				err = fmt.Errorf("fonts: %s font %d is %d bytes, more than %d", k, i, n, limit)
				return nil
			}
			b := make([]byte, n)
			js.CopyBytesToGo(b, list.Index(i))
			ttf, decoded, e := fonts.Sfnt(b)
			if e != nil {
				err = e
				return nil
			}
			out = append(out, ttf)
			if decoded {
				after()
			}
		}
		return out
	}
	reg = chain("regular")
	bold = chain("bold")
	return reg, bold, err
}
