package ebiten

import (
	"math"

	"azflows/charts"
	"azflows/charts/layout"
)

// This file prepares the tooltips' lines of text ahead of the hover that shows them. The
// first frame that shows a datum's tooltip used to paint each of its lines into an image of
// its own (renderer.drawTextCached): 0.3–1 ms a line on a loaded machine, 3–11 lines a
// tooltip, and those frames were the tail of the hover frames' Draw time. Once the mouse is
// over the view, the view hands the renderer the text ops of one datum's tooltip at a time,
// the datum nearest the pointer first, and each frame the mouse causes anyway paints at most
// one of them into the same cache, if it is still under prepareBudget: when the pointer
// reaches a datum, its lines are usually painted already. No frame is asked for to do it (wantsFrames is
// unchanged): a view the mouse is not moving over prepares nothing and stays idle.

// lineKey names a painted line of text: its words, face and colour, and the fraction of a
// pixel its pen starts at (which decides where each glyph's origin is rounded to).
type lineKey struct {
	text  string
	size  int // 1/64 px
	bold  bool
	color rgba
	frac  int // 1/64 px
}

// lineKeyOf is the key of a text op's painted line and the whole device pixel left of its
// pen, where the painting is drawn from.
func lineKeyOf(op *drawOp) (lineKey, float64) {
	fx := math.Floor(op.x)
	return lineKey{op.text, int(math.Round(op.size * 64)), op.bold, op.color, int(math.Round((op.x - fx) * 64))}, fx
}

// tipDatum is a datum whose tooltip is still to be prepared, and the box its interactive
// marks cover (CSS px): where the pointer shows it.
type tipDatum struct {
	id  string
	box charts.Rect
}

// queueTips lists every datum of the chart now shown for its tooltip's lines to be prepared.
// It is called whenever a chart that stays (not a tween's step) is painted.
func (v *view) queueTips() {
	v.tips, v.tipOps = v.tips[:0], v.tipOps[:0]
	v.tipGen++
	seen := map[string]int{}
	for _, m := range v.chart.Marks {
		if !m.Interactive() {
			continue
		}
		b := m.Bounds()
		if i, ok := seen[m.Datum]; ok {
			v.tips[i].box = union(v.tips[i].box, b)
			continue
		}
		seen[m.Datum] = len(v.tips)
		v.tips = append(v.tips, tipDatum{m.Datum, b})
	}
}

// union is the smallest box that holds a and b.
func union(a, b charts.Rect) charts.Rect {
	x0, y0 := min(a.X, b.X), min(a.Y, b.Y)
	x1, y1 := max(a.X+a.W, b.X+b.W), max(a.Y+a.H, b.Y+b.H)
	return charts.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}

// nextTips moves on to the next datum to prepare once the renderer has prepared the ops of
// the current one (done is the tipGen it finished): while the mouse is over the view, the
// datum nearest the pointer. The tooltip's text ops are those of the mouse's tooltip
// (OverlayFor, not a finger's) at the left end, the middle and the right end of the datum's
// box: the box goes right of the pointer or left of it, and each side starts its lines at
// its own fraction of a device pixel (the key of a painted line).
func (v *view) nextTips(done uint64) {
	if done == v.tipGen && len(v.tipOps) > 0 {
		v.tipOps = v.tipOps[:0]
	}
	if len(v.tipOps) > 0 || len(v.tips) == 0 || !v.pointerIn || v.animating() || v.chart == nil {
		return
	}
	best, bestD := 0, math.Inf(1)
	for i, t := range v.tips {
		dx := max(t.box.X-v.pointer.X, 0, v.pointer.X-(t.box.X+t.box.W))
		dy := max(t.box.Y-v.pointer.Y, 0, v.pointer.Y-(t.box.Y+t.box.H))
		if d := dx*dx + dy*dy; d < bestD {
			best, bestD = i, d
		}
	}
	t := v.tips[best]
	v.tips[best] = v.tips[len(v.tips)-1]
	v.tips = v.tips[:len(v.tips)-1]

	k := v.dsf
	seen := map[lineKey]bool{}
	for _, x := range []float64{t.box.X - hitSlop, t.box.X + t.box.W/2, t.box.X + t.box.W + hitSlop} {
		// The pointer is at a whole device pixel (ebiten's cursor position), inside the view.
		x = math.Round(min(max(x, 0), v.w-1/k)*k) / k
		p := charts.Point{X: x, Y: math.Round((t.box.Y+t.box.H/2)*k) / k}
		for _, m := range layout.OverlayFor(v.chart, t.id, p, false) {
			if m.Kind != charts.TextMark {
				continue
			}
			n := len(v.tipOps)
			v.tipOps = appendMarkOps(v.tipOps, v.assets.Fonts, m, k)
			for i := n; i < len(v.tipOps); i++ {
				if key, _ := lineKeyOf(&v.tipOps[i]); seen[key] {
					v.tipOps[i] = v.tipOps[len(v.tipOps)-1]
					v.tipOps = v.tipOps[:len(v.tipOps)-1]
					i--
				} else {
					seen[key] = true
				}
			}
		}
	}
	v.tipGen++
}

// tipsToPrepare is what the renderer is to prepare now: the text ops of a datum's tooltip and
// the generation that names them; none while the mouse is not over the view. It changes
// nothing: Draw only reads the view.
func (v *view) tipsToPrepare() ([]drawOp, uint64) {
	if !v.pointerIn || v.animating() {
		return nil, v.tipGen
	}
	return v.tipOps, v.tipGen
}
