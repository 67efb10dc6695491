package ebiten

import (
	"math"

	"golang.org/x/image/font"
)

// glyph is one rune of a text run and the whole device pixel its origin is drawn at.
type glyph struct {
	s string
	x int
}

// glyphOrigins places the runes of s, drawn with f from x: the pen advances by the face's
// unrounded advances and kerning (as the model measured the run), and each glyph's origin is
// the pen rounded to a whole pixel, so that every glyph is rasterized the same way wherever
// it falls.
func glyphOrigins(f font.Face, s string, x float64) []glyph {
	var out []glyph
	pen := x
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			pen += float64(f.Kern(prev, r)) / 64
		}
		out = append(out, glyph{string(r), int(math.Round(pen))})
		if a, ok := f.GlyphAdvance(r); ok {
			pen += float64(a) / 64
		}
		prev = r
	}
	return out
}
