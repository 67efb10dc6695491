//go:build js && wasm

package main

import (
	"image/color"
	"strings"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"azflows/site"
)

type floor struct {
	drawn, posted bool
}

func (f *floor) Update() error {
	if f.drawn && !f.posted {
		f.posted = true
		mark("go-ready")
		g := js.Global()
		g.Set(site.GlobalView, js.ValueOf(map[string]any{"ready": true}))
		if hook := g.Get(site.GlobalViewHook); hook.Type() == js.TypeFunction {
			hook.Invoke()
		}
		hash := strings.TrimPrefix(g.Get("location").Get("hash").String(), "#")
		g.Get("parent").Call("postMessage", js.ValueOf(map[string]any{"type": site.MsgReady, "hash": hash}), "*")
	}
	return nil
}

func (f *floor) Draw(screen *ebiten.Image) {
	b := screen.Bounds()
	vector.DrawFilledRect(screen, float32(b.Dx())/4, float32(b.Dy())/4, float32(b.Dx())/2, float32(b.Dy())/2, color.NRGBA{0x1f, 0x5f, 0x9f, 0xff}, false)
	if !f.drawn {
		mark("go-painted")
	}
	f.drawn = true
}

func (f *floor) Layout(w, h int) (int, int) { return w, h }

func mark(name string) {
	if p := js.Global().Get("performance"); p.Type() == js.TypeObject && p.Get("mark").Type() == js.TypeFunction {
		p.Call("mark", "azflows:"+name)
	}
}

func main() {
	mark("go-main")
	if err := ebiten.RunGameWithOptions(&floor{}, &ebiten.RunGameOptions{ScreenTransparent: true}); err != nil {
		js.Global().Get("console").Call("error", err.Error())
	}
}
