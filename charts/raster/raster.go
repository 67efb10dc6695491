// Package raster paints a laid-out chart into an image and writes it as PNG: the slide-ready
// downloads (1920×1080, 1280×720) with title, legend and source line inside the picture.
package raster

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"azflows/charts"
	"azflows/internal/paint"
)

// Draw paints c scaled by k (the chart's W×H becomes W·k × H·k pixels).
func Draw(c *charts.Chart, k float64) *image.NRGBA {
	w, h := int(math.Round(c.W*k)), int(math.Round(c.H*k))
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	bg, ok := paint.Color(c.Background)
	if !ok {
		bg = color.NRGBA{255, 255, 255, 255}
	}
	draw.Draw(img, img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	p := painter{img: img, k: k, fonts: c.Fonts(), faces: map[faceKey]font.Face{}}
	for _, m := range c.Marks {
		p.mark(m)
	}
	return img
}

// WritePNG paints c at k and encodes it.
func WritePNG(w io.Writer, c *charts.Chart, k float64) error {
	return png.Encode(w, Draw(c, k))
}

// A painter paints one image. Its font faces are its own: a face keeps scratch buffers and
// is not safe for concurrent use, so images may be painted in parallel (cmd/build does).
type painter struct {
	img   *image.NRGBA
	k     float64
	fonts *charts.Fonts // the chart's (Chart.Fonts)
	faces map[faceKey]font.Face
}

func (p painter) mark(m charts.Mark) {
	switch m.Kind {
	case charts.RectMark:
		r := m.Rect
		pts := []charts.Point{{X: r.X, Y: r.Y}, {X: r.X + r.W, Y: r.Y}, {X: r.X + r.W, Y: r.Y + r.H}, {X: r.X, Y: r.Y + r.H}}
		p.fill(pts, m.Style)
		p.stroke(pts, true, m.Style)
	case charts.PathMark:
		if m.Closed {
			p.fill(m.Points, m.Style)
		}
		p.stroke(m.Points, m.Closed, m.Style)
	case charts.TextMark:
		p.text(m)
	}
}

func (p painter) fill(pts []charts.Point, s charts.Style) {
	c, ok := paint.Color(s.Fill)
	if !ok || len(pts) < 3 {
		return
	}
	c.A = uint8(math.Round(255 * paint.Opacity(s)))
	p.polys([][]charts.Point{pts}, c)
}

// polys fills closed polygons (nonzero) with c, rasterizing only their bounding box: a map's
// many small shapes would otherwise each cost a full-image pass.
func (p painter) polys(polys [][]charts.Point, c color.NRGBA) {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, poly := range polys {
		for _, q := range poly {
			x, y := q.X*p.k, q.Y*p.k
			minX, maxX = min(minX, x), max(maxX, x)
			minY, maxY = min(minY, y), max(maxY, y)
		}
	}
	if !(maxX >= minX && maxY >= minY) || math.IsInf(maxX-minX, 0) || math.IsInf(maxY-minY, 0) {
		return
	}
	r := image.Rect(int(math.Floor(minX))-1, int(math.Floor(minY))-1, int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1).Intersect(p.img.Bounds())
	if r.Empty() {
		return
	}
	z := vector.NewRasterizer(r.Dx(), r.Dy())
	ox, oy := float32(r.Min.X), float32(r.Min.Y)
	for _, poly := range polys {
		if len(poly) < 3 {
			continue
		}
		x, y := p.pt(poly[0])
		z.MoveTo(x-ox, y-oy)
		for _, q := range poly[1:] {
			x, y := p.pt(q)
			z.LineTo(x-ox, y-oy)
		}
		z.ClosePath()
	}
	z.Draw(p.img, r, image.NewUniform(c), image.Point{})
}

// stroke paints each (dashed) piece as quads along its segments, with square joins.
func (p painter) stroke(pts []charts.Point, closed bool, s charts.Style) {
	c, ok := paint.Color(s.Stroke)
	if !ok || !(s.StrokeWidth > 0) || len(pts) < 2 {
		return
	}
	lines, dashed := paint.Dash(pts, closed, s.Dash)
	if !dashed {
		l := pts
		if closed {
			l = append(append([]charts.Point{}, pts...), pts[0])
		}
		lines = [][]charts.Point{l}
	}
	hw := s.StrokeWidth / 2
	var quads [][]charts.Point
	for _, l := range lines {
		for i := 1; i < len(l); i++ {
			a, b := l[i-1], l[i]
			dx, dy := b.X-a.X, b.Y-a.Y
			n := math.Hypot(dx, dy)
			if n == 0 {
				continue
			}
			ux, uy := dx/n*hw, dy/n*hw // along, half width
			quad := []charts.Point{
				{X: a.X - ux - uy, Y: a.Y - uy + ux}, {X: b.X + ux - uy, Y: b.Y + uy + ux},
				{X: b.X + ux + uy, Y: b.Y + uy - ux}, {X: a.X - ux + uy, Y: a.Y - uy - ux},
			}
			quads = append(quads, quad)
		}
	}
	p.polys(quads, c)
}

func (p painter) pt(q charts.Point) (float32, float32) { return float32(q.X * p.k), float32(q.Y * p.k) }

func (p painter) text(m charts.Mark) {
	c, ok := paint.Color(m.Style.Fill)
	if !ok || m.Text == "" {
		return
	}
	x := m.TextStart()
	d := font.Drawer{Dst: p.img, Src: image.NewUniform(c),
		Dot: fixed.Point26_6{X: fixed.Int26_6(x * p.k * 64), Y: fixed.Int26_6(m.At.Y * p.k * 64)}}
	// Each run in the font of the chain the model measured it in.
	chain := p.fonts.Sources(m.Bold)
	for _, r := range p.fonts.FaceRuns(m.Text, m.Bold) {
		if d.Face = p.faceFor(chain[r.Face], m.Size*p.k); d.Face != nil {
			d.DrawString(r.Text)
		}
	}
}

type faceKey struct {
	src  *byte // the font's bytes
	size float64
}

var (
	parsedMu sync.Mutex
	parsed   = map[*byte]*opentype.Font{}
)

// faceFor is the face of font src at size px, this painter's own. The parsed font is shared
// (sfnt.Font is safe for concurrent use; each face has its own buffer).
func (p painter) faceFor(src []byte, size float64) font.Face {
	if len(src) == 0 {
		return nil
	}
	k := faceKey{&src[0], math.Round(size*4) / 4}
	if f, ok := p.faces[k]; ok {
		return f
	}
	parsedMu.Lock()
	f := parsed[k.src]
	if f == nil {
		var err error
		if f, err = opentype.Parse(src); err != nil {
			parsedMu.Unlock()
			return nil
		}
		parsed[k.src] = f
	}
	parsedMu.Unlock()
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: k.size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil
	}
	p.faces[k] = face
	return face
}
