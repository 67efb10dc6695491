//go:build !(js && wasm)

package e2e

import (
	"image"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/charts/raster"
)

// Small text in the live view is drawn glyph by glyph from whole device pixels: in a 480×270
// embed, the ink of the bars view's "2012" falls into four glyphs, each within a pixel of
// where the model's own painting (charts/raster) puts it, so the gaps between them are the
// font's (a glyph drawn at a fractional offset smears over two columns: "201 2").
func TestLiveSmallTextEvenGaps(t *testing.T) {
	ctx, _ := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(480, 270), chromedp.Navigate(baseURL+"/#view=bars&year=2012&embed")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	waitFor(t, ctx, "the first frame", liveView+`.ready && `+liveView+`.frames > 0`, 10*time.Second)
	fx, fy, fw, fh := liveFrameBox(t, ctx)
	model := layout.Build(testAssets, charts.State{View: "bars", Year: 2012}, fw, fh)
	shot := waitShot(t, ctx, "the embedded bars", markPainted(model, fx, fy, fw, fh, 0.05, charts.OfficialC, "bar/dest-2012-turkey"))
	mk, ok := model.Mark("year/2012")
	if !ok || mk.Size > 14 {
		t.Fatalf("no small year header in the %vx%v model: %+v", fw, fh, mk)
	}
	b := mk.Bounds()
	box := image.Rect(int(b.X)-2, int(b.Y), int(b.X+b.W)+3, int(b.Y+b.H)+1).Add(image.Pt(int(fx), int(fy)))
	live := glyphRuns(shot, box)
	// The same text painted from the same model by charts/raster, its outlines at their exact
	// places: where each glyph's ink should be.
	ref := glyphRuns(raster.Draw(model, 1), box.Sub(image.Pt(int(fx), int(fy))))
	t.Logf("%q at %.1f px: live glyph columns %v, model's %v", mk.Text, mk.Size, live, ref)
	if len(live) != 4 || len(ref) != 4 {
		t.Fatalf("the ink of %q falls into %d (live) and %d (model) runs, not 4 glyphs", mk.Text, len(live), len(ref))
	}
	for i := range live {
		if d0, d1 := live[i][0]-ref[i][0], live[i][1]-ref[i][1]; d0 < -1 || d0 > 1 || d1 < -1 || d1 > 1 {
			t.Errorf("glyph %d of %q: columns %v live, %v in the model", i, mk.Text, live[i], ref[i])
		}
	}
	// Gaps: each within a pixel of the model's.
	for i := 1; i < 4; i++ {
		gl, gr := live[i][0]-live[i-1][1], ref[i][0]-ref[i-1][1]
		if gl-gr > 1 || gr-gl > 1 {
			t.Errorf("gap %d of %q: %d px live, %d px in the model", i, mk.Text, gl-1, gr-1)
		}
	}
}

// glyphRuns are the runs of columns of img inside box that have ink (darker than mid grey):
// the glyphs of a line of dark text, as column offsets from box's left.
func glyphRuns(img image.Image, box image.Rectangle) [][2]int {
	var ink []bool
	for x := box.Min.X; x < box.Max.X; x++ {
		dark := false
		for y := box.Min.Y; y < box.Max.Y; y++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if (r+g+bl)/3 < 0x8000 {
				dark = true
			}
		}
		ink = append(ink, dark)
	}
	var runs [][2]int
	for i, d := range ink {
		if d && (i == 0 || !ink[i-1]) {
			runs = append(runs, [2]int{i, i})
		}
		if d {
			runs[len(runs)-1][1] = i
		}
	}
	return runs
}
