// Package testenv holds helpers that tests in both modules (the product's and tools/) share.
package testenv

import "image"

// PixelsDiffer is the fraction of the pixels where a and b overlap whose colour differs by
// more than a quarter of the range in some channel: the measure the outline tests use to
// compare two renderings of one picture.
func PixelsDiffer(a, b image.Image) float64 {
	r := a.Bounds().Intersect(b.Bounds())
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			for _, d := range []int64{int64(r1) - int64(r2), int64(g1) - int64(g2), int64(b1) - int64(b2)} {
				if d > 0x4000 || d < -0x4000 {
					n++
					break
				}
			}
		}
	}
	return float64(n) / float64(r.Dx()*r.Dy())
}
