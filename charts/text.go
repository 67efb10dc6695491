package charts

import (
	"errors"
	"fmt"
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Font metrics as fractions of the font size. Midline is the height of the middle of the
// lowercase letters over the baseline: a label centred on a row has its baseline that far
// below the row's middle.
const (
	Ascent  = 0.93
	Descent = 0.22
	Midline = 0.35
)

// TextMiddle is the height of the middle of a text mark's lowercase letters: where backends
// that place text by its vertical middle (echarts) put it.
func (m Mark) TextMiddle() float64 { return m.At.Y - m.Size*Midline }

// Fonts are what charts are measured and drawn with: a chain of fonts per weight, in fallback
// order (a rune is drawn with the first font of the chain that has a glyph for it: Noto Sans
// latin, latin-ext, cyrillic from @fontsource/noto-sans in the build), parsed once, with the
// widths measured so far. A *Fonts is safe for concurrent use. A nil *Fonts measures and draws
// with the Go fonts (goFonts), which lack ə.
type Fonts struct {
	regSrc, boldSrc     [][]byte
	regFaces, boldFaces []*sfnt.Font

	mu     sync.Mutex
	buf    sfnt.Buffer // the sfnt calls' scratch, under mu: made once, not per call
	widths map[widthKey]float64
}

type widthKey struct {
	s    string
	bold bool
}

// NewFonts parses the font chains of the two weights (each in fallback order). It refuses an
// empty chain and a font sfnt cannot parse.
func NewFonts(regular, bold [][]byte) (*Fonts, error) {
	if len(regular) == 0 || len(bold) == 0 {
		return nil, errors.New("charts: NewFonts needs at least one font per weight")
	}
	parse := func(weight string, src [][]byte) ([]*sfnt.Font, error) {
		var out []*sfnt.Font
		for i, b := range src {
			f, err := sfnt.Parse(b)
			if err != nil {
				return nil, fmt.Errorf("charts: %s font %d of %d: %w", weight, i+1, len(src), err)
			}
			out = append(out, f)
		}
		return out, nil
	}
	r, err := parse("regular", regular)
	if err != nil {
		return nil, err
	}
	b, err := parse("bold", bold)
	if err != nil {
		return nil, err
	}
	return &Fonts{regSrc: regular, boldSrc: bold, regFaces: r, boldFaces: b, widths: map[widthKey]float64{}}, nil
}

// goFonts are the Go fonts (golang.org/x/image/font/gofont) as a chain of one font per weight:
// what a nil *Fonts and zero Assets measure with. Made once; never changed.
var goFonts = sync.OnceValue(func() *Fonts {
	f, err := NewFonts([][]byte{goregular.TTF}, [][]byte{gobold.TTF})
	if err != nil {
		panic(err) // the Go fonts are compiled in: they parse
	}
	return f
})

// or is f, or the Go fonts where f is nil.
func (f *Fonts) or() *Fonts {
	if f == nil {
		return goFonts()
	}
	return f
}

// Sources returns the font chain of a weight, in fallback order, as sfnt bytes.
func (f *Fonts) Sources(bold bool) [][]byte {
	f = f.or()
	if bold {
		return f.boldSrc
	}
	return f.regSrc
}

// faces returns the parsed chain of a weight.
func (f *Fonts) faces(bold bool) []*sfnt.Font {
	if bold {
		return f.boldFaces
	}
	return f.regFaces
}

// faceOf is the index of the first font of fs with a glyph for r, and the glyph; r is
// replaced by '?' in the first font when no font has it.
func faceOf(fs []*sfnt.Font, buf *sfnt.Buffer, r rune) (int, sfnt.GlyphIndex, bool) {
	for i, f := range fs {
		if g, err := f.GlyphIndex(buf, r); err == nil && g != 0 {
			return i, g, true
		}
	}
	g, _ := fs[0].GlyphIndex(buf, '?')
	return 0, g, false
}

// Run is a stretch of text drawn with one font of a chain (Face indexes Sources(bold)).
type Run struct {
	Face int
	Text string
}

// FaceRuns splits s into runs by the font each rune is drawn with, runes no font has already
// replaced by '?' (as Drawable does).
func (f *Fonts) FaceRuns(s string, bold bool) []Run {
	f = f.or()
	f.mu.Lock()
	defer f.mu.Unlock()
	fs := f.faces(bold)
	buf := &f.buf
	var out []Run
	// A run is a substring of s, unless a rune of it is written otherwise ('?', or U+FFFD for
	// a byte that is not UTF-8): then it is built in own.
	face, start := -1, 0
	var own []byte
	owned := false
	end := func(at int) {
		if face < 0 {
			return
		}
		t := s[start:at]
		if owned {
			t = string(own)
		}
		out = append(out, Run{face, t})
	}
	for j := 0; j < len(s); {
		r, size := utf8.DecodeRuneInString(s[j:])
		i, _, ok := faceOf(fs, buf, r)
		if i != face {
			end(j)
			face, start, own, owned = i, j, own[:0], false
		}
		if !ok || r == utf8.RuneError && size == 1 {
			if !owned {
				own, owned = append(own[:0], s[start:j]...), true
			}
			if !ok {
				r = '?'
			}
			own = utf8.AppendRune(own, r)
		} else if owned {
			own = append(own, s[j:j+size]...)
		}
		j += size
	}
	end(len(s))
	return out
}

// TextWidth is the advance width of s at size px: each rune in the first font that has it,
// kerned with its neighbour when both are in the same font.
func (f *Fonts) TextWidth(s string, size float64, bold bool) float64 {
	f = f.or()
	f.mu.Lock()
	defer f.mu.Unlock()
	k := widthKey{s, bold}
	if w, ok := f.widths[k]; ok {
		return w * size
	}
	fs := f.faces(bold)
	var buf sfnt.Buffer
	const ppem = 1000
	var total fixed.Int26_6
	prevFace, prev := -1, sfnt.GlyphIndex(0)
	for _, r := range s {
		i, g, _ := faceOf(fs, &buf, r)
		ft := fs[i]
		if i == prevFace {
			if k, err := ft.Kern(&buf, prev, g, fixed.I(ppem), font.HintingNone); err == nil {
				total += k
			}
		}
		if adv, err := ft.GlyphAdvance(&buf, g, fixed.I(ppem), font.HintingNone); err == nil {
			total += adv
		}
		prevFace, prev = i, g
	}
	w := float64(total) / 64 / ppem
	f.widths[k] = w
	return w * size
}

// Fit shortens s with an ellipsis until it is at most maxW wide.
func (f *Fonts) Fit(s string, size float64, bold bool, maxW float64) string {
	if f.TextWidth(s, size, bold) <= maxW {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := string(r) + "…"
		if f.TextWidth(t, size, bold) <= maxW {
			return t
		}
	}
	return ""
}

// Drawable replaces the runes no font of the chain has with '?', which is what TextWidth
// measured in their place, so drawn text keeps the width the model laid out.
func (f *Fonts) Drawable(s string, bold bool) string {
	f = f.or()
	f.mu.Lock()
	defer f.mu.Unlock()
	fs := f.faces(bold)
	buf := &f.buf
	var out []rune // made at the first rune no font has
	for i, r := range s {
		if _, _, ok := faceOf(fs, buf, r); !ok {
			if out == nil {
				out = []rune(s[:i])
			}
			r = '?'
		}
		if out != nil {
			out = append(out, r)
		}
	}
	if out == nil {
		return s
	}
	return string(out)
}

// OutlineOp is one step of a glyph outline: 'M' move, 'L' line, 'Q' quadratic, 'C' cubic
// curve, to the last of Pts (the others are control points), in CSS pixels.
type OutlineOp struct {
	Op  byte
	Pts []Point
}

// TextOutline is s drawn at size px from the baseline origin at as the fonts' glyph outlines,
// laid out exactly as TextWidth measures it (each rune in the first font of the chain that has
// it, kerned with its neighbour in the same font): text that looks the same in any viewer,
// with or without the fonts installed.
func (f *Fonts) TextOutline(s string, size float64, bold bool, at Point) []OutlineOp {
	f = f.or()
	f.mu.Lock()
	defer f.mu.Unlock()
	fs := f.faces(bold)
	var buf sfnt.Buffer
	ppem := fixed.Int26_6(size * 64)
	const unit = 1000 // advances and kerning as TextWidth measures them, at 1000 ppem
	var out []OutlineOp
	var pen fixed.Int26_6 // at unit ppem
	prevFace, prev := -1, sfnt.GlyphIndex(0)
	for _, r := range s {
		i, g, _ := faceOf(fs, &buf, r)
		ft := fs[i]
		if i == prevFace {
			if k, err := ft.Kern(&buf, prev, g, fixed.I(unit), font.HintingNone); err == nil {
				pen += k
			}
		}
		x0 := at.X + float64(pen)/64/unit*size
		if segs, err := ft.LoadGlyph(&buf, g, ppem, nil); err == nil {
			for _, sg := range segs {
				n := map[sfnt.SegmentOp]int{sfnt.SegmentOpMoveTo: 1, sfnt.SegmentOpLineTo: 1, sfnt.SegmentOpQuadTo: 2, sfnt.SegmentOpCubeTo: 3}[sg.Op]
				op := OutlineOp{Op: map[sfnt.SegmentOp]byte{sfnt.SegmentOpMoveTo: 'M', sfnt.SegmentOpLineTo: 'L', sfnt.SegmentOpQuadTo: 'Q', sfnt.SegmentOpCubeTo: 'C'}[sg.Op]}
				for k := 0; k < n; k++ {
					op.Pts = append(op.Pts, Point{x0 + float64(sg.Args[k].X)/64, at.Y + float64(sg.Args[k].Y)/64})
				}
				out = append(out, op)
			}
		}
		if adv, err := ft.GlyphAdvance(&buf, g, fixed.I(unit), font.HintingNone); err == nil {
			pen += adv
		}
		prevFace, prev = i, g
	}
	return out
}
