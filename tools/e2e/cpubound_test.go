//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"image"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
)

// cpuPictureBound is charts/ebiten/cpupaint.go's maxCPUPixels (the view's package is a program, so it
// is not imported here): a screen whose device pixels are more than this has its first
// picture painted on the GPU.
const cpuPictureBound = 2560 * 1440

// On a screen over the CPU picture's bound (a 3× screen), the view paints its first picture
// on the GPU instead, and it is there: the model's bars in their colours, on the device pixels.
func TestLiveOverCPUPictureBound(t *testing.T) {
	ctx, _ := newBrowser(t)
	errs := watchErrors(t, ctx)
	const vw, vh = 1000, 900
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(vw, vh, chromedp.EmulateScale(3)), chromedp.Navigate(baseURL+"/#view=bars&year=2012")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 90*time.Second)
	size := eval[map[string]float64](t, ctx, `({w: `+liveView+`.w, h: `+liveView+`.h, dsf: `+liveView+`.dsf})`)
	if px := size["w"] * size["h"] * size["dsf"] * size["dsf"]; px <= cpuPictureBound {
		t.Fatalf("the view's screen is %v×%v CSS pixels at dsf %v, %.0f device pixels: not over the CPU picture's bound of %d, so this tests nothing", size["w"], size["h"], size["dsf"], px, cpuPictureBound)
	}
	fx, fy, fw, fh := liveFrameBox(t, ctx)
	model := layout.Build(testAssets, charts.State{View: "bars", Year: 2012}, fw, fh)
	waitShot(t, ctx, "the bars on a 3× screen", func(img image.Image) []string {
		k := float64(img.Bounds().Dx()) / vw
		var out []string
		if colours, frac := nonBlank(crop(img, fx*k, fy*k, fw*k, fh*k)); colours < 20 || frac < 0.05 {
			out = append(out, fmt.Sprintf("the chart looks blank: %d colours, %.3f non-background", colours, frac))
		}
		for _, id := range []string{"bar/dest-2012-turkey", "bar/dest-2012-russia"} {
			m, ok := model.Mark(id)
			if !ok {
				out = append(out, "the model has no "+id)
				continue
			}
			c := m.Center()
			if got := img.At(int((fx+c.X)*k), int((fy+c.Y)*k)); !near(got, charts.OfficialC) {
				out = append(out, fmt.Sprintf("pixel at %s's centre is %v, want %s", id, got, charts.OfficialC))
			}
		}
		return out
	})
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}
