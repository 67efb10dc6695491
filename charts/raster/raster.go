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
	"azflows/charts/paint"
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
	p := painter{img: img, k: k}
	for _, m := range c.Marks {
		p.mark(m)
	}
	return img
}

// WritePNG paints c at k and encodes it.
func WritePNG(w io.Writer, c *charts.Chart, k float64) error {
	return png.Encode(w, Draw(c, k))
}

type painter struct {
	img *image.NRGBA
	k   float64
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
	z := p.rasterizer()
	z.MoveTo(p.pt(pts[0]))
	for _, q := range pts[1:] {
		z.LineTo(p.pt(q))
	}
	z.ClosePath()
	z.Draw(p.img, p.img.Bounds(), image.NewUniform(c), image.Point{})
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
	z := p.rasterizer()
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
			z.MoveTo(p.pt(quad[0]))
			for _, q := range quad[1:] {
				z.LineTo(p.pt(q))
			}
			z.ClosePath()
		}
	}
	z.Draw(p.img, p.img.Bounds(), image.NewUniform(c), image.Point{})
}

func (p painter) rasterizer() *vector.Rasterizer {
	b := p.img.Bounds()
	return vector.NewRasterizer(b.Dx(), b.Dy())
}

func (p painter) pt(q charts.Point) (float32, float32) { return float32(q.X * p.k), float32(q.Y * p.k) }

func (p painter) text(m charts.Mark) {
	c, ok := paint.Color(m.Style.Fill)
	if !ok || m.Text == "" {
		return
	}
	x := m.At.X
	switch m.Anchor {
	case charts.Middle:
		x -= charts.TextWidth(m.Text, m.Size, m.Bold) / 2
	case charts.End:
		x -= charts.TextWidth(m.Text, m.Size, m.Bold)
	}
	d := font.Drawer{Dst: p.img, Src: image.NewUniform(c),
		Dot: fixed.Point26_6{X: fixed.Int26_6(x * p.k * 64), Y: fixed.Int26_6(m.At.Y * p.k * 64)}}
	// Each run in the font of the chain the model measured it in.
	chain := charts.Fonts(m.Bold)
	for _, r := range charts.FaceRuns(m.Text, m.Bold) {
		if d.Face = faceFor(chain[r.Face], m.Size*p.k); d.Face != nil {
			d.DrawString(r.Text)
		}
	}
}

type faceKey struct {
	src  *byte // the font's bytes
	size float64
}

var (
	facesMu sync.Mutex
	faces   = map[faceKey]font.Face{}
	parsed  = map[*byte]*opentype.Font{}
)

// faceFor is the face of font src at size px.
func faceFor(src []byte, size float64) font.Face {
	if len(src) == 0 {
		return nil
	}
	facesMu.Lock()
	defer facesMu.Unlock()
	k := faceKey{&src[0], math.Round(size*4) / 4}
	if f, ok := faces[k]; ok {
		return f
	}
	if parsed[k.src] == nil {
		p, err := opentype.Parse(src)
		if err != nil {
			return nil
		}
		parsed[k.src] = p
	}
	f, err := opentype.NewFace(parsed[k.src], &opentype.FaceOptions{Size: k.size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil
	}
	faces[k] = f
	return f
}
