package ebiten

import (
	"math"
	"slices"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
)

// Glyph origins fall on whole pixels and follow the model's measure of the run: none is more
// than half a pixel from the pen, and the run ends where charts.TextWidth says.
func TestGlyphOriginsOnWholePixels(t *testing.T) {
	p, err := opentype.Parse(testAssets.Fonts.Sources(false)[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []float64{11, 12.5, 13.7, 22} {
		f, err := opentype.NewFace(p, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			t.Fatal(err)
		}
		for _, x0 := range []float64{10, 10.3, 10.5, 10.77} {
			gs := glyphOrigins(f, "2012", x0)
			if len(gs) != 4 {
				t.Fatalf("%d glyphs", len(gs))
			}
			pen := x0
			for i, g := range gs {
				if math.Abs(float64(g.x)-pen) > 0.5+1e-9 {
					t.Errorf("size %v from %v: glyph %d (%s) at %d, pen at %.2f", size, x0, i, g.s, g.x, pen)
				}
				a, _ := f.GlyphAdvance([]rune(g.s)[0])
				pen += float64(a) / 64
			}
			if w := testAssets.Fonts.TextWidth("2012", size, false); math.Abs(pen-x0-w) > 0.05 {
				t.Errorf("size %v: the run is %.2f px, the model measured %.2f", size, pen-x0, w)
			}
		}
	}
}

// glyphOrigins makes one allocation, not a string per glyph; each glyph is its rune, a byte
// that is not UTF-8 (even the last) U+FFFD.
func TestGlyphOriginsAllocateOnce(t *testing.T) {
	f := nativeFaces{}.chain(&drawOp{kind: opText, size: 13})[0]
	s := "Azərbaycan, 2012: 45\xff"
	gs := glyphOrigins(f, s, 0.4)
	var got []string
	for _, g := range gs {
		got = append(got, g.s)
	}
	if want := []string{"A", "z", "ə", "r", "b", "a", "y", "c", "a", "n", ",", " ", "2", "0", "1", "2", ":", " ", "4", "5", "\ufffd"}; !slices.Equal(got, want) {
		t.Errorf("glyphs %q, want %q", got, want)
	}
	if n := testing.AllocsPerRun(20, func() { glyphOrigins(f, s[:len(s)-1], 0.4) }); n > 1 {
		t.Errorf("glyphOrigins: %.0f allocations for %d runes, want 1", n, len(s)-1)
	}
}
