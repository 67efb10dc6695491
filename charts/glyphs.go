package charts

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// GlyphUnit is the size, in px, at which a GlyphTable gives outlines, advances and kerning.
const GlyphUnit = 1000

// GlyphTable is what a page needs to draw a set of texts as the fonts' glyph outlines without
// the fonts, laid out exactly as TextWidth and TextOutline lay them out: for each rune of each
// weight, its glyph and advance; the kerning of each pair of neighbours in the texts; and each
// glyph's outline once, at GlyphUnit px from the baseline origin (y down). The single offline
// files draw their SVG downloads with it (web/page/offline.js), as the site's are drawn (WriteOutlined).
type GlyphTable struct {
	Unit   int               `json:"unit"`
	Runes  map[string][2]any `json:"runes"`  // "0a" (regular a), "1a" (bold a): [glyph key, advance]
	Kern   map[string]int    `json:"kern"`   // "0ab": kerning between a and b, regular
	Glyphs map[string]string `json:"glyphs"` // glyph key: SVG path data
}

// GlyphText is one text to draw, in one weight.
type GlyphText struct {
	Text string
	Bold bool
}

// Glyphs makes the GlyphTable of texts, as JSON.
func (f *Fonts) Glyphs(texts []GlyphText) ([]byte, error) {
	f = f.or()
	f.mu.Lock()
	defer f.mu.Unlock()
	t := GlyphTable{Unit: GlyphUnit, Runes: map[string][2]any{}, Kern: map[string]int{}, Glyphs: map[string]string{}}
	var buf sfnt.Buffer
	ppem := fixed.I(GlyphUnit)
	for _, x := range texts {
		fs := f.faces(x.Bold)
		w := "0"
		if x.Bold {
			w = "1"
		}
		prevFace, prev, prevR := -1, sfnt.GlyphIndex(0), rune(0)
		for _, r := range x.Text {
			i, g, _ := faceOf(fs, &buf, r)
			ft := fs[i]
			key := fmt.Sprintf("%s%d-%d", w, i, g)
			if _, ok := t.Runes[w+string(r)]; !ok {
				adv, err := ft.GlyphAdvance(&buf, g, ppem, font.HintingNone)
				if err != nil {
					return nil, err
				}
				t.Runes[w+string(r)] = [2]any{key, int(adv)}
			}
			if _, ok := t.Glyphs[key]; !ok {
				segs, err := ft.LoadGlyph(&buf, g, ppem, nil)
				if err != nil {
					return nil, err
				}
				var d strings.Builder
				for _, sg := range segs {
					n := map[sfnt.SegmentOp]int{sfnt.SegmentOpMoveTo: 1, sfnt.SegmentOpLineTo: 1, sfnt.SegmentOpQuadTo: 2, sfnt.SegmentOpCubeTo: 3}[sg.Op]
					d.WriteByte(map[sfnt.SegmentOp]byte{sfnt.SegmentOpMoveTo: 'M', sfnt.SegmentOpLineTo: 'L', sfnt.SegmentOpQuadTo: 'Q', sfnt.SegmentOpCubeTo: 'C'}[sg.Op])
					for k := 0; k < n; k++ {
						if k > 0 {
							d.WriteByte(' ')
						}
						d.WriteString(strconv.Itoa(int(sg.Args[k].X/64)) + " " + strconv.Itoa(int(sg.Args[k].Y/64)))
					}
				}
				t.Glyphs[key] = d.String()
			}
			if i == prevFace {
				if k, err := ft.Kern(&buf, prev, g, ppem, font.HintingNone); err == nil && k != 0 {
					t.Kern[w+string(prevR)+string(r)] = int(k)
				}
			}
			prevFace, prev, prevR = i, g, r
		}
	}
	return json.Marshal(t)
}
