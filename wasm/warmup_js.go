//go:build js && wasm

package main

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"syscall/js"

	"azflows/charts"
	"azflows/charts/fonts"
	"azflows/site"
)

// warmUpMode reports whether this instance is the warm-up run in web/warmwasm.js's worker
// (the loader passes site.WarmUpArg in argv) rather than the view.
func warmUpMode() bool { return slices.Contains(os.Args[1:], site.WarmUpArg) }

// warmUpState is the hash and the size the warm-up builds the chart for: the arguments after
// site.WarmUpArg (hash, width, height in CSS px), 800×450 where they are missing or bad.
func warmUpState(args []string) (hash string, w, h float64) {
	w, h = 800, 450
	i := slices.Index(args, site.WarmUpArg)
	if i < 0 {
		return "", w, h
	}
	rest := args[i+1:]
	if len(rest) > 0 {
		hash = rest[0]
	}
	if len(rest) > 2 {
		if x, err := strconv.ParseFloat(rest[1], 64); err == nil && x >= 1 && x <= 1e5 {
			w = x
		}
		if y, err := strconv.ParseFloat(rest[2], 64); err == nil && y >= 1 && y <= 1e5 {
			h = y
		}
	}
	return hash, w, h
}

// runWarmUp runs warmUp and returns the program's exit code: 0, or 1 after a panic, which
// it prints (to the worker's console).
func runWarmUp() (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(os.Stderr, "azflows warm-up: panic:", r)
			code = 1
		}
	}()
	warmUp()
	return 0
}

// warmUp runs the start-up's pure-Go work once, off the page's main thread, so that the
// browser compiles the functions it calls (V8 compiles wasm functions lazily, on their first
// call, and shares the compiled code with every instance of the module): the packages' init
// has run before main; this decodes the fonts, builds the chart of the state in the hash at
// the view's size, its draw ops, a tooltip and the text faces. It touches no DOM and draws
// nothing; the worker stops when it returns.
func warmUp() {
	g := js.Global()
	if st := g.Get(site.GlobalFonts); st.Type() == js.TypeObject {
		var reg, bold [][]byte
		for _, k := range []struct {
			key string
			out *[][]byte
		}{{"regular", &reg}, {"bold", &bold}} {
			list := st.Get(k.key)
			if list.Type() != js.TypeObject {
				continue
			}
			for i := 0; i < list.Length(); i++ {
				n := list.Index(i).Get("length").Int()
				if n > fonts.MaxWOFFSize {
					return
				}
				b := make([]byte, n)
				js.CopyBytesToGo(b, list.Index(i))
				ttf, err := fonts.DecodeWOFF(b)
				if err != nil {
					return
				}
				*k.out = append(*k.out, ttf)
			}
		}
		if len(reg) > 0 && len(bold) > 0 {
			_ = charts.SetFonts(reg, bold)
		}
	}
	hash, w, h := warmUpState(os.Args)
	v := newView(hash)
	v.frames = 1
	v.update(input{W: w, H: h, DSF: 1, BaseMapSettled: true})
	r := &renderer{}
	for _, op := range v.base {
		if op.kind == opText {
			for _, f := range r.face(op.size, op.bold) {
				if f != nil {
					glyphOrigins(f, op.text, 0)
				}
			}
		}
	}
	if v.chart != nil {
		for _, m := range v.chart.Marks {
			if m.Datum != "" {
				for _, o := range v.chart.Overlay(m.Datum, charts.Point{X: w / 2, Y: h / 2}) {
					appendMarkOps(nil, o, 1)
				}
				v.chart.Tip(m.Datum)
				break
			}
		}
	}
}
