package charts

import (
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Font metrics as fractions of the font size (Go Regular).
const (
	ascent  = 0.93
	descent = 0.22
)

// Regular and Bold are the fonts charts are measured in; every backend draws with them.
var (
	Regular = goregular.TTF
	Bold    = gobold.TTF
)

var (
	fontsOnce         sync.Once
	regFont, boldFont *sfnt.Font
	widthMu           sync.Mutex
	widthCache        = map[widthKey]float64{}
)

type widthKey struct {
	s    string
	bold bool
}

// TextWidth is the advance width of s at size px.
func TextWidth(s string, size float64, bold bool) float64 {
	fontsOnce.Do(func() {
		regFont, _ = sfnt.Parse(Regular)
		boldFont, _ = sfnt.Parse(Bold)
	})
	widthMu.Lock()
	defer widthMu.Unlock()
	k := widthKey{s, bold}
	if w, ok := widthCache[k]; ok {
		return w * size
	}
	f := regFont
	if bold {
		f = boldFont
	}
	var buf sfnt.Buffer
	const ppem = 1000
	var total fixed.Int26_6
	prev := sfnt.GlyphIndex(0)
	for i, r := range s {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			g, _ = f.GlyphIndex(&buf, '?')
		}
		if i > 0 {
			if k, err := f.Kern(&buf, prev, g, fixed.I(ppem), font.HintingNone); err == nil {
				total += k
			}
		}
		adv, err := f.GlyphAdvance(&buf, g, fixed.I(ppem), font.HintingNone)
		if err == nil {
			total += adv
		}
		prev = g
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

// Drawable replaces the runes the font has no glyph for with '?', which is what TextWidth
// measured in their place, so drawn text keeps the width the model laid out.
func Drawable(s string, bold bool) string {
	fontsOnce.Do(func() {
		regFont, _ = sfnt.Parse(Regular)
		boldFont, _ = sfnt.Parse(Bold)
	})
	f := regFont
	if bold {
		f = boldFont
	}
	var buf sfnt.Buffer
	out := []rune(s)
	changed := false
	for i, r := range out {
		if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
			out[i], changed = '?', true
		}
	}
	if !changed {
		return s
	}
	return string(out)
}
