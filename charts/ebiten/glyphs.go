package ebiten

import (
	"math"
	"unicode/utf8"

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
	out := make([]glyph, 0, len(s))
	pen := x
	prev := rune(-1)
	for j, r := range s {
		if prev >= 0 {
			pen += float64(f.Kern(prev, r)) / 64
		}
		// The rune as a substring of s (no string made per glyph), except a byte that is not
		// UTF-8, which is drawn as U+FFFD (as a string of the rune would be).
		_, size := utf8.DecodeRuneInString(s[j:])
		g := s[j : j+size]
		if r == utf8.RuneError && size == 1 {
			g = string(r)
		}
		out = append(out, glyph{g, int(math.Round(pen))})
		if a, ok := f.GlyphAdvance(r); ok {
			pen += float64(a) / 64
		}
		prev = r
	}
	return out
}
