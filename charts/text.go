package charts

import (
	"errors"
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Font metrics as fractions of the font size. midline is the height of the middle of the
// lowercase letters over the baseline: a label centred on a row has its baseline that far
// below the row's middle.
const (
	ascent  = 0.93
	descent = 0.22
	midline = 0.35
)

// TextMiddle is the height of the middle of a text mark's lowercase letters: where backends
// that place text by its vertical middle (echarts) put it.
func (m Mark) TextMiddle() float64 { return m.At.Y - m.Size*midline }

// Charts are measured, and every backend draws, with a chain of fonts per weight: a rune is
// drawn with the first font of the chain that has a glyph for it (Noto Sans latin, latin-ext,
// cyrillic, set by SetFonts from @fontsource/noto-sans). Until SetFonts is called the chain is
// the Go fonts alone, which lack ə and Cyrillic.
var (
	// Regular and Bold are the first font of each chain (the Latin one).
	Regular = goregular.TTF
	Bold    = gobold.TTF

	fontMu              sync.Mutex
	fontBuf             sfnt.Buffer // the sfnt calls' scratch, under fontMu: made once, not per call
	regSrc, boldSrc     = [][]byte{goregular.TTF}, [][]byte{gobold.TTF}
	regFaces, boldFaces []*sfnt.Font
	widthCache          = map[widthKey]float64{}
)

type widthKey struct {
	s    string
	bold bool
}

// SetFonts replaces the font chains (each in fallback order) and forgets measured widths.
func SetFonts(regular, bold [][]byte) error {
	if len(regular) == 0 || len(bold) == 0 {
		return errors.New("charts: SetFonts needs at least one font per weight")
	}
	parse := func(src [][]byte) ([]*sfnt.Font, error) {
		var out []*sfnt.Font
		for _, b := range src {
			f, err := sfnt.Parse(b)
			if err != nil {
				return nil, err
			}
			out = append(out, f)
		}
		return out, nil
	}
	r, err := parse(regular)
	if err != nil {
		return err
	}
	b, err := parse(bold)
	if err != nil {
		return err
	}
	fontMu.Lock()
	defer fontMu.Unlock()
	regSrc, boldSrc, regFaces, boldFaces = regular, bold, r, b
	Regular, Bold = regular[0], bold[0]
	widthCache = map[widthKey]float64{}
	return nil
}

// Fonts returns the font chain of a weight, in fallback order, as sfnt bytes.
func Fonts(bold bool) [][]byte {
	fontMu.Lock()
	defer fontMu.Unlock()
	if bold {
		return boldSrc
	}
	return regSrc
}

// faces returns the parsed chain of a weight; fontMu must be held.
func faces(bold bool) []*sfnt.Font {
	if regFaces == nil {
		for _, b := range regSrc {
			f, _ := sfnt.Parse(b)
			regFaces = append(regFaces, f)
		}
		for _, b := range boldSrc {
			f, _ := sfnt.Parse(b)
			boldFaces = append(boldFaces, f)
		}
	}
	if bold {
		return boldFaces
	}
	return regFaces
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

// Run is a stretch of text drawn with one font of a chain (Face indexes Fonts(bold)).
type Run struct {
	Face int
	Text string
}

// FaceRuns splits s into runs by the font each rune is drawn with, runes no font has already
// replaced by '?' (as Drawable does).
func FaceRuns(s string, bold bool) []Run {
	fontMu.Lock()
	defer fontMu.Unlock()
	fs := faces(bold)
	buf := &fontBuf
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
func TextWidth(s string, size float64, bold bool) float64 {
	fontMu.Lock()
	defer fontMu.Unlock()
	k := widthKey{s, bold}
	if w, ok := widthCache[k]; ok {
		return w * size
	}
	fs := faces(bold)
	var buf sfnt.Buffer
	const ppem = 1000
	var total fixed.Int26_6
	prevFace, prev := -1, sfnt.GlyphIndex(0)
	for _, r := range s {
		i, g, _ := faceOf(fs, &buf, r)
		f := fs[i]
		if i == prevFace {
			if k, err := f.Kern(&buf, prev, g, fixed.I(ppem), font.HintingNone); err == nil {
				total += k
			}
		}
		if adv, err := f.GlyphAdvance(&buf, g, fixed.I(ppem), font.HintingNone); err == nil {
			total += adv
		}
		prevFace, prev = i, g
	}
	w := float64(total) / 64 / ppem
	widthCache[k] = w
	return w * size
}

// Fit shortens s with an ellipsis until it is at most maxW wide.
func Fit(s string, size float64, bold bool, maxW float64) string {
	if TextWidth(s, size, bold) <= maxW {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := string(r) + "…"
		if TextWidth(t, size, bold) <= maxW {
			return t
		}
	}
	return ""
}

// Drawable replaces the runes no font of the chain has with '?', which is what TextWidth
// measured in their place, so drawn text keeps the width the model laid out.
func Drawable(s string, bold bool) string {
	fontMu.Lock()
	defer fontMu.Unlock()
	fs := faces(bold)
	buf := &fontBuf
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
func TextOutline(s string, size float64, bold bool, at Point) []OutlineOp {
	fontMu.Lock()
	defer fontMu.Unlock()
	fs := faces(bold)
	var buf sfnt.Buffer
	ppem := fixed.Int26_6(size * 64)
	const unit = 1000 // advances and kerning as TextWidth measures them, at 1000 ppem
	var out []OutlineOp
	var pen fixed.Int26_6 // at unit ppem
	prevFace, prev := -1, sfnt.GlyphIndex(0)
	for _, r := range s {
		i, g, _ := faceOf(fs, &buf, r)
		f := fs[i]
		if i == prevFace {
			if k, err := f.Kern(&buf, prev, g, fixed.I(unit), font.HintingNone); err == nil {
				pen += k
			}
		}
		x0 := at.X + float64(pen)/64/unit*size
		if segs, err := f.LoadGlyph(&buf, g, ppem, nil); err == nil {
			for _, sg := range segs {
				n := map[sfnt.SegmentOp]int{sfnt.SegmentOpMoveTo: 1, sfnt.SegmentOpLineTo: 1, sfnt.SegmentOpQuadTo: 2, sfnt.SegmentOpCubeTo: 3}[sg.Op]
				op := OutlineOp{Op: map[sfnt.SegmentOp]byte{sfnt.SegmentOpMoveTo: 'M', sfnt.SegmentOpLineTo: 'L', sfnt.SegmentOpQuadTo: 'Q', sfnt.SegmentOpCubeTo: 'C'}[sg.Op]}
				for k := 0; k < n; k++ {
					op.Pts = append(op.Pts, Point{x0 + float64(sg.Args[k].X)/64, at.Y + float64(sg.Args[k].Y)/64})
				}
				out = append(out, op)
			}
		}
		if adv, err := f.GlyphAdvance(&buf, g, fixed.I(unit), font.HintingNone); err == nil {
			pen += adv
		}
		prevFace, prev = i, g
	}
	return out
}
