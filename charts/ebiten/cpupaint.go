package ebiten

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// cpuPainter paints the base layer's draw ops on the CPU into one RGBA image (premultiplied,
// as ebiten's WritePixels takes it), with the x/image/vector rasterizer that charts/raster
// uses for the PNG downloads: the first picture then reaches the GPU as one texture, not as
// hundreds of small triangle draws with a stencil fill rule, which a software GL (SwiftShader,
// the machines without a GPU) runs for half a second.
//
// It paints what renderer.draw paints, on the same pixels: fills with the nonzero rule,
// strokes with miter joins (limit 4) and butt ends, text glyph by glyph from whole device
// pixels (glyphOrigins) with the same faces.
type cpuPainter struct {
	img    *image.RGBA
	z      vector.Rasterizer
	glyphs map[glyphKey]glyphMask
	quads  [][4]vec // scratch: a stroke's pieces
}

// faceKey names a font chain of the renderer: its size and weight.
type faceKey struct {
	size64 int // size in 1/64 px
	bold   bool
}

// glyphKey names a rasterized glyph: the face it came from and the rune.
type glyphKey struct {
	face font.Face
	r    rune
}

// glyphMask is a glyph rasterized at the origin (0, 0): its coverage and where it lies.
type glyphMask struct {
	mask *image.Alpha
	dr   image.Rectangle
}

// maxGlyphMasks bounds the glyphs kept rasterized (a few faces of a few dozen runes each).
const maxGlyphMasks = 2048

// maxCPUPixels bounds the CPU picture, which is kept for the next paint: 2560×1440 device
// pixels, 14.7 MB. A larger screen (a 2× screen of 1920×1080 CSS pixels would take 33 MB of
// the view's memory) has its picture painted on the GPU instead, as a tween's frames are.
const maxCPUPixels = 2560 * 1440

// reset makes the image w×h, filled with the opaque background bg, and reports true; over
// maxCPUPixels it lets go of its image, allocates nothing and reports false.
func (p *cpuPainter) reset(w, h int, bg rgba) bool {
	if w <= 0 || h <= 0 || w > maxCPUPixels/h {
		p.img = nil
		return false
	}
	if p.img == nil || p.img.Rect.Dx() != w || p.img.Rect.Dy() != h {
		p.img = nil // the old one can go before the new one is made
		p.img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	pix := p.img.Pix
	if len(pix) >= 4 {
		pix[0], pix[1], pix[2], pix[3] = bg.R, bg.G, bg.B, 255
		for n := 4; n < len(pix); n *= 2 {
			copy(pix[n:], pix[:n])
		}
	}
	return true
}

// draw paints op; chain is the font chain of a text op (renderer.face), nil otherwise.
func (p *cpuPainter) draw(op *drawOp, chain []font.Face) {
	c := op.color
	src := image.NewUniform(color.NRGBA{c.R, c.G, c.B, uint8(c.A*255 + 0.5)})
	switch op.kind {
	case opFill:
		if len(op.polys) == 0 || len(op.polys[0]) < 3 {
			return
		}
		p.fill(src, func(add func([]vec)) { add(op.polys[0]) })
	case opStroke:
		p.quads = strokePieces(p.quads[:0], op)
		if len(p.quads) == 0 {
			return
		}
		p.fill(src, func(add func([]vec)) {
			for i := range p.quads {
				add(p.quads[i][:])
			}
		})
	case opText:
		p.text(op, chain, src)
	}
}

// fill rasterizes the polygons each() adds (nonzero: overlapping pieces of one op paint once)
// over their bounding box only, and composites src through them.
func (p *cpuPainter) fill(src image.Image, each func(add func([]vec))) {
	minX, minY := float32(math.Inf(1)), float32(math.Inf(1))
	maxX, maxY := float32(math.Inf(-1)), float32(math.Inf(-1))
	each(func(pts []vec) {
		for _, q := range pts {
			minX, maxX = min(minX, q.X), max(maxX, q.X)
			minY, maxY = min(minY, q.Y), max(maxY, q.Y)
		}
	})
	if !(maxX >= minX && maxY >= minY) || math.IsInf(float64(maxX-minX), 0) || math.IsInf(float64(maxY-minY), 0) {
		return
	}
	r := image.Rect(int(math.Floor(float64(minX))), int(math.Floor(float64(minY))),
		int(math.Ceil(float64(maxX)))+1, int(math.Ceil(float64(maxY)))+1).Intersect(p.img.Rect)
	if r.Empty() {
		return
	}
	p.z.Reset(r.Dx(), r.Dy())
	ox, oy := float32(r.Min.X), float32(r.Min.Y)
	each(func(pts []vec) {
		if len(pts) < 3 {
			return
		}
		p.z.MoveTo(pts[0].X-ox, pts[0].Y-oy)
		for _, q := range pts[1:] {
			p.z.LineTo(q.X-ox, q.Y-oy)
		}
		p.z.ClosePath()
	})
	p.z.DrawOp = draw.Over
	p.z.Draw(p.img, r, src, image.Point{})
}

// text paints op's runs glyph by glyph, each origin on a whole device pixel, as
// renderer.paintText does with ebiten's text package.
func (p *cpuPainter) text(op *drawOp, chain []font.Face, src image.Image) {
	if chain == nil {
		return
	}
	if p.glyphs == nil || len(p.glyphs) > maxGlyphMasks {
		p.glyphs = map[glyphKey]glyphMask{}
	}
	x, y := op.x, int(math.Round(op.y))
	for _, run := range op.runs {
		if run.Face < 0 || run.Face >= len(chain) || chain[run.Face] == nil {
			continue
		}
		f := chain[run.Face]
		for _, g := range glyphOrigins(f, run.Text, x) {
			for _, r := range g.s {
				m, ok := p.glyphs[glyphKey{f, r}]
				if !ok {
					dr, mask, mp, _, ok := f.Glyph(fixed.Point26_6{}, r)
					if ok && !dr.Empty() {
						a := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
						draw.Draw(a, a.Rect, mask, mp, draw.Src) // the face reuses its mask
						m = glyphMask{a, dr}
					}
					p.glyphs[glyphKey{f, r}] = m
				}
				if m.mask != nil {
					draw.DrawMask(p.img, m.dr.Add(image.Pt(g.x, y)), src, image.Point{}, m.mask, image.Point{}, draw.Over)
				}
			}
		}
		x += float64(font.MeasureString(f, run.Text)) / 64
	}
}

// strokeMiterLimit is renderer.draw's MiterLimit: a join whose miter is longer than this many
// line widths is bevelled.
const strokeMiterLimit = 4

// strokePieces appends the polygons whose union is op's stroke: a quad along each segment
// (butt ends), and at each join of two segments the wedge that closes its outer side, mitred
// or, past strokeMiterLimit, bevelled (a triangle stored as a quad with a repeated corner).
// Every piece winds the same way, so where pieces overlap the nonzero rule paints once.
func strokePieces(out [][4]vec, op *drawOp) [][4]vec {
	hw := float64(op.width) / 2
	if !(hw > 0) {
		return out
	}
	for _, pl := range op.polys {
		pts := make([]vec, 0, len(pl)+1)
		for _, q := range pl { // without repeated points, which have no direction
			if len(pts) == 0 || q != pts[len(pts)-1] {
				pts = append(pts, q)
			}
		}
		closed := op.closed && len(op.polys) == 1
		if closed && len(pts) > 2 && pts[0] == pts[len(pts)-1] {
			pts = pts[:len(pts)-1]
		}
		n := len(pts)
		if n < 2 {
			continue
		}
		segs := n - 1
		if closed && n > 2 {
			segs = n
		}
		seg := func(i int) (a, b vec) { return pts[i%n], pts[(i+1)%n] }
		for i := range segs {
			a, b := seg(i)
			nx, ny := unitNormal(a, b)
			ox, oy := float32(nx*hw), float32(ny*hw)
			out = appendPiece(out, [4]vec{{a.X + ox, a.Y + oy}, {b.X + ox, b.Y + oy}, {b.X - ox, b.Y - oy}, {a.X - ox, a.Y - oy}})
		}
		joins := segs - 1
		if closed && n > 2 {
			joins = segs
		}
		for i := range joins {
			a, p := seg(i)
			_, b := seg(i + 1)
			out = appendJoin(out, a, p, b, hw)
		}
	}
	return out
}

// unitNormal is the unit normal (−dy, dx)/|d| of the segment a→b.
func unitNormal(a, b vec) (float64, float64) {
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	l := math.Hypot(dx, dy)
	if l == 0 {
		return 0, 0
	}
	return -dy / l, dx / l
}

// appendJoin appends the wedge on the outer side of the join at p of the segments a→p, p→b.
func appendJoin(out [][4]vec, a, p, b vec, hw float64) [][4]vec {
	n1x, n1y := unitNormal(a, p)
	n2x, n2y := unitNormal(p, b)
	cross := float64(p.X-a.X)*float64(b.Y-p.Y) - float64(p.Y-a.Y)*float64(b.X-p.X)
	if cross == 0 {
		return out // straight on (or straight back, where a butt end is what ebiten draws too)
	}
	if cross > 0 { // turning towards +n: the outer side is −n
		n1x, n1y, n2x, n2y = -n1x, -n1y, -n2x, -n2y
	}
	px, py := float64(p.X), float64(p.Y)
	e1 := vec{float32(px + n1x*hw), float32(py + n1y*hw)}
	e2 := vec{float32(px + n2x*hw), float32(py + n2y*hw)}
	mx, my := n1x+n2x, n1y+n2y
	m2 := mx*mx + my*my // |n1+n2|² = 4cos²(φ/2); the miter is 2/|n1+n2| widths long
	if m2 > 0 && 4/m2 <= strokeMiterLimit*strokeMiterLimit {
		k := 2 * hw / m2
		tip := vec{float32(px + mx*k), float32(py + my*k)}
		return appendPiece(out, [4]vec{p, e1, tip, e2})
	}
	return appendPiece(out, [4]vec{p, e1, e2, e2})
}

// appendPiece appends q wound counter-clockwise in device pixels (positive shoelace area).
func appendPiece(out [][4]vec, q [4]vec) [][4]vec {
	var a float64
	for i := range q {
		j := (i + 1) % 4
		a += float64(q[i].X)*float64(q[j].Y) - float64(q[j].X)*float64(q[i].Y)
	}
	if a < 0 {
		q[1], q[3] = q[3], q[1]
	}
	return append(out, q)
}

// maxUploadBytes bounds one upload (WritePixels) of the CPU picture. ebiten copies the pixels
// of each upload into a buffer from a pool of its own (internal/graphics, bytesPool) and gives
// it back there once the GPU has them; the pool keeps up to 31 buffers (up to 1 GiB) and
// hands one out only for a request no larger than it. Uploaded whole, the picture left a
// buffer of each size the window had taken in the pool for good, each too small for the next,
// larger one: the wasm memory grew with every resize (74.5 MiB in make bench's soak). In
// bands of at most maxUploadBytes, the pool holds at most 31 × 512 KiB whatever the sizes
// were, and a repaint at the same size reuses the buffers of the last one.
const maxUploadBytes = 512 << 10

// uploadBands cuts a w×h picture of 4-byte pixels into bands of whole rows, top to bottom,
// each at most maxUploadBytes (at least one row each, whatever the width).
func uploadBands(w, h int) []image.Rectangle {
	if w <= 0 || h <= 0 {
		return nil
	}
	rows := max(1, maxUploadBytes/(4*w))
	bands := make([]image.Rectangle, 0, (h+rows-1)/rows)
	for y := 0; y < h; y += rows {
		bands = append(bands, image.Rect(0, y, w, min(h, y+rows)))
	}
	return bands
}
