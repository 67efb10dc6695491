package ebiten

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

func painted(w, h int) *cpuPainter {
	p := &cpuPainter{}
	p.reset(w, h, rgba{255, 255, 255, 1})
	return p
}

// ink is how far the pixel at (x, y) is from white, 0 (white) to 255.
func ink(p *cpuPainter, x, y int) int {
	c := p.img.RGBAAt(x, y)
	return 255 - int(min(c.R, c.G, c.B))
}

// A filled rectangle on whole pixels covers exactly its pixels, in its colour.
func TestCPUFillRect(t *testing.T) {
	p := painted(40, 30)
	op := drawOp{kind: opFill, color: rgba{0x2e, 0x5a, 0x87, 1}, polys: [][]vec{{{10, 10}, {30, 10}, {30, 20}, {10, 20}}}, convex: true}
	p.draw(&op, nil)
	for y := range 30 {
		for x := range 40 {
			in := x >= 10 && x < 30 && y >= 10 && y < 20
			c := p.img.RGBAAt(x, y)
			want := color.RGBA{255, 255, 255, 255}
			if in {
				want = color.RGBA{0x2e, 0x5a, 0x87, 255}
			}
			if c != want {
				t.Fatalf("pixel (%d, %d) = %v, want %v", x, y, c, want)
			}
		}
	}
	if p.img.RGBAAt(0, 0) != (color.RGBA{255, 255, 255, 255}) {
		t.Error("the background is not white")
	}
}

// A stroke is painted once where its pieces overlap (a translucent line keeps one shade at
// its joins), its outer corners are mitred, and a hairpin past the miter limit is bevelled.
func TestCPUStrokeJoins(t *testing.T) {
	p := painted(60, 60)
	// An L, 4 px wide, half opaque black: along each leg, at the corner and in the miter.
	op := drawOp{kind: opStroke, color: rgba{0, 0, 0, 0.5}, width: 4, polys: [][]vec{{{10, 10}, {40, 10}, {40, 40}}}}
	p.draw(&op, nil)
	along, corner, miter := ink(p, 25, 10), ink(p, 40, 10), ink(p, 41, 8)
	if along < 120 || along > 135 {
		t.Errorf("the leg's ink is %d, want about 128 (half opaque)", along)
	}
	if corner != along {
		t.Errorf("the join's ink is %d, the leg's %d: the overlap was painted twice", corner, along)
	}
	if miter != along {
		t.Errorf("the outer corner (41, 8) has ink %d, want the leg's %d (a miter join)", miter, along)
	}
	// Butt ends: nothing before the start.
	if k := ink(p, 7, 10); k != 0 {
		t.Errorf("ink %d before the line's start: the end is not butt", k)
	}

	// A closed outline has all four corners.
	q := painted(40, 40)
	box := drawOp{kind: opStroke, color: rgba{0, 0, 0, 1}, width: 2, closed: true, polys: [][]vec{{{10, 10}, {30, 10}, {30, 30}, {10, 30}}}}
	q.draw(&box, nil)
	for _, c := range [][2]int{{9, 9}, {30, 9}, {30, 30}, {9, 30}} {
		if k := ink(q, c[0], c[1]); k < 250 {
			t.Errorf("corner pixel %v has ink %d, want full", c, k)
		}
	}

	// A hairpin (a 10° turn back) would have a miter over 11 widths long: it is bevelled.
	h := painted(80, 40)
	ang := 10 * math.Pi / 180
	hp := drawOp{kind: opStroke, color: rgba{0, 0, 0, 1}, width: 4, polys: [][]vec{{{10, 20}, {50, 20}, {float32(50 - 40*math.Cos(ang)), float32(20 + 40*math.Sin(ang))}}}}
	h.draw(&hp, nil)
	for x := 54; x < 80; x++ {
		for y := range 40 {
			if k := ink(h, x, y); k > 0 {
				t.Fatalf("ink %d at (%d, %d), beyond a bevelled hairpin", k, x, y)
			}
		}
	}
}

// Text is drawn glyph by glyph from whole device pixels with the faces given, on the pixels
// a font.Drawer puts each glyph at its rounded origin.
func TestCPUTextOnGlyphOrigins(t *testing.T) {
	f, err := opentype.Parse(testAssets.Fonts.Sources(false)[0])
	if err != nil {
		t.Fatal(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 13, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		t.Fatal(err)
	}
	chain := make([]font.Face, len(testAssets.Fonts.Sources(false)))
	chain[0] = face
	op := drawOp{kind: opText, color: rgba{0x33, 0x33, 0x33, 1}, text: "2012", runs: testAssets.Fonts.FaceRuns("2012", false), x: 10.4, y: 20.3, size: 13}
	p := painted(80, 30)
	p.draw(&op, chain)

	want := image.NewRGBA(image.Rect(0, 0, 80, 30))
	draw.Draw(want, want.Rect, image.White, image.Point{}, draw.Src)
	d := font.Drawer{Dst: want, Src: image.NewUniform(color.NRGBA{0x33, 0x33, 0x33, 255}), Face: face}
	for _, g := range glyphOrigins(face, "2012", 10.4) {
		d.Dot = fixed.P(g.x, 20)
		d.DrawString(g.s)
	}
	inked := 0
	for y := range 30 {
		for x := range 80 {
			if got, w := p.img.RGBAAt(x, y), want.RGBAAt(x, y); got != w {
				t.Fatalf("pixel (%d, %d) = %v, want %v", x, y, got, w)
			}
			if ink(p, x, y) > 0 {
				inked++
			}
		}
	}
	if inked < 40 {
		t.Errorf("only %d pixels inked: the text was not drawn", inked)
	}
}

// BenchmarkCPUPaintBase times the base layer's painting on the CPU: the bars and the map at
// the bench's 800×450 and at 1920×1080 (go test -bench CPU ./wasm/).
func BenchmarkCPUPaintBase(b *testing.B) {
	bm := loadBaseMap(b)
	for _, hash := range []string{"view=bars&year=2010", "view=map&year=2010"} {
		for _, size := range [][2]float64{{800, 450}, {1920, 1080}} {
			v := newView(testAssets.Fonts, hash)
			tick(v, input{W: size[0], H: size[1], DSF: 1, BaseMap: bm, BaseMapSettled: true})
			bg, layers, ok := v.frame(int(size[0]), int(size[1]))
			if !ok {
				b.Fatal("no frame")
			}
			faces := nativeFaces{}
			b.Run(fmt.Sprintf("%s/%gx%g", hash, size[0], size[1]), func(b *testing.B) {
				p := &cpuPainter{}
				for b.Loop() {
					p.reset(int(size[0]), int(size[1]), bg)
					for i := range layers[0] {
						op := &layers[0][i]
						p.draw(op, faces.chain(op))
					}
				}
			})
		}
	}
}

// nativeFaces is the font chains of the tests: renderer.face without ebiten.
type nativeFaces map[faceKey][]font.Face

func (n nativeFaces) chain(op *drawOp) []font.Face {
	if op.kind != opText {
		return nil
	}
	k := faceKey{int(math.Round(op.size * 64)), op.bold}
	if c, ok := n[k]; ok {
		return c
	}
	var c []font.Face
	for _, src := range testAssets.Fonts.Sources(op.bold) {
		f, err := opentype.Parse(src)
		if err != nil {
			c = append(c, nil)
			continue
		}
		face, _ := opentype.NewFace(f, &opentype.FaceOptions{Size: float64(k.size64) / 64, DPI: 72, Hinting: font.HintingNone})
		c = append(c, face)
	}
	n[k] = c
	return c
}

// The CPU picture is bounded (issue 30: it was kept at the screen's device size, 33 MB at
// 1920×1080 CSS pixels on a 2× screen): reset takes a size up to maxCPUPixels and keeps its
// image for the next paint; over it, it says no, allocates nothing and lets go of the image it
// had, so the view paints that picture on the GPU.
func TestCPUPictureBounded(t *testing.T) {
	var p cpuPainter
	if !p.reset(1920, 1080, rgba{255, 255, 255, 1}) || p.img == nil || p.img.Rect.Dx() != 1920 {
		t.Fatalf("1920×1080 was refused: the bench's and most screens' size must take the CPU path")
	}
	kept := p.img
	if !p.reset(1920, 1080, rgba{0, 0, 0, 1}) || p.img != kept {
		t.Errorf("the same size again did not reuse the image")
	}
	for _, s := range [][2]int{{3840, 2160}, {2880, 1800}, {1 << 16, 1 << 16}} {
		if p.reset(s[0], s[1], rgba{255, 255, 255, 1}) {
			t.Errorf("%d×%d (%d MB) taken on the CPU: over the bound of %d MB", s[0], s[1], s[0]*s[1]*4>>20, maxCPUPixels*4>>20)
		}
		if p.img != nil {
			t.Errorf("after refusing %d×%d the painter still holds a %v image", s[0], s[1], p.img.Rect.Size())
		}
	}
	if maxCPUPixels*4 > 16<<20 {
		t.Errorf("maxCPUPixels is %d: its picture (%d MB) would be over 16 MB of the view's 64 MB budget", maxCPUPixels, maxCPUPixels*4>>20)
	}
}

// The CPU picture reaches ebiten in bands that tile it exactly, each within maxUploadBytes, so
// ebiten's pool of upload buffers stays bounded over any sequence of window sizes
// (maxUploadBytes): a whole 1920×1080 picture is 8.3 MB in one request.
func TestUploadBandsTileThePictureWithinTheBound(t *testing.T) {
	for _, sz := range [][2]int{{1920, 1080}, {2560, 1440}, {320, 480}, {1, 1}, {1, 5000}, {200000, 3}, {1366, 768}} {
		w, h := sz[0], sz[1]
		bands := uploadBands(w, h)
		y := 0
		for _, r := range bands {
			if r.Min.X != 0 || r.Max.X != w || r.Min.Y != y || r.Dy() < 1 {
				t.Fatalf("%d×%d: band %v after row %d: want whole rows from %d on", w, h, r, y, y)
			}
			if n := 4 * r.Dx() * r.Dy(); n > maxUploadBytes && r.Dy() > 1 {
				t.Errorf("%d×%d: band %v is %d bytes, over %d", w, h, r, n, maxUploadBytes)
			}
			y = r.Max.Y
		}
		if y != h {
			t.Errorf("%d×%d: the bands end at row %d", w, h, y)
		}
	}
	if n := len(uploadBands(1920, 1080)); n < 16 {
		t.Errorf("1920×1080 in %d bands: want each at most %d bytes", n, maxUploadBytes)
	}
	if b := uploadBands(0, 10); b != nil {
		t.Errorf("an empty picture has bands %v", b)
	}
}
