package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
)

// TooltipLines is what a reader learns about a datum: the figure, who reported it, the footnote
// and the first caveat.
// Records other than figures (events, routes, countries) are described by describe.
func TooltipLines(l i18n.Lang, id string) []string {
	var out []string
	for _, ln := range tipLines(l, id) {
		out = append(out, ln.text)
	}
	return out
}

// tipLine is one line of a tooltip. once is the part of it that a walk's read-out says only
// the first time (a caveat, who reported the figure; "" for none), and short what the line
// says once that part was said ("" for nothing) (readout.go).
type tipLine struct{ text, once, short string }

// plain makes lines that a read-out says at every stop.
func plain(ss ...string) []tipLine {
	out := make([]tipLine, len(ss))
	for i, s := range ss {
		out[i] = tipLine{text: s}
	}
	return out
}

// caveatLine is a caveat: said once per walk.
func caveatLine(s string) tipLine { return tipLine{text: s, once: s} }

// tipLines gives the lines of TooltipLines with what a read-out says once.
func tipLines(l i18n.Lang, id string) []tipLine {
	f, ok := data.FigureByID(id)
	if !ok {
		return describe(l, id)
	}
	return figureLines(l, f)
}

// figureLines are a figure's tooltip lines: its value, its kind, period and reporter, its
// formula, its footnote and its last caveat.
func figureLines(l i18n.Lang, f data.Figure) []tipLine {
	value := i18n.FigText(l, f)
	switch f.Bound {
	case data.UpTo:
		value = i18n.T(l, "value.upto", value)
	}
	lines := plain(i18n.T(l, "tip.value", capitalize(l, i18n.Measure(l, f)), value))
	reporter := i18n.Reporter(l, f)
	if f.Status == data.Derived {
		// "Computed here" is the reporter's word already: the period, then who computed it.
		period := capitalize(l, i18n.Period(l, f))
		lines = append(lines, tipLine{text: period + "; " + reporter, once: reporter, short: period})
	} else {
		kind := i18n.T(l, "status."+string(f.Status))
		lines = append(lines, tipLine{text: i18n.T(l, "tip.kind", kind, i18n.Period(l, f), reporter), once: reporter,
			short: i18n.T(l, "tip.kind.short", kind, i18n.Period(l, f))})
	}
	if f.Formula != "" {
		lines = append(lines, plain(i18n.Formula(l, f))...)
	}
	lines = append(lines, plain(i18n.T(l, "tip.footnote", f.Footnote))...)
	if cs := i18n.FigCaveats(l, f); len(cs) > 0 {
		lines = append(lines, caveatLine(cs[len(cs)-1]))
	}
	return lines
}

// describe gives the tooltip lines of a record that is not a figure: a country of the map in
// a year, a route of its context layer, an event of the timeline; nil for an unknown id.
func describe(l i18n.Lang, id string) []tipLine {
	for _, d := range []func(i18n.Lang, string) []tipLine{describeCountry, describeRoute, describeEvent} {
		if lines := d(l, id); len(lines) > 0 {
			return lines
		}
	}
	return nil
}

// Overlay returns the marks drawn over the chart while datum id is hovered or pinned at p: an
// outline around the datum's shapes and a tooltip box kept inside the frame.
func Overlay(c *charts.Chart, id string, p charts.Point) []charts.Mark {
	return OverlayFor(c, id, p, false)
}

// FingerRadius is how far around a touch point a fingertip covers, in CSS pixels (about 7 mm
// across).
const FingerRadius = 22.0

// OverlayFor is Overlay for a pointer (touch false: the box beside the cursor, below and to
// the right where it fits) or a finger (touch true: the box away from the fingertip and from
// the datum's shapes, above them where it fits, as the hand is below).
func OverlayFor(c *charts.Chart, id string, p charts.Point, touch bool) []charts.Mark {
	var out []charts.Mark
	var shapes []charts.Rect
	for _, m := range c.Marks {
		if m.Datum != id || !m.Interactive() || m.Kind == charts.TextMark {
			continue
		}
		hl := m
		hl.ID = "highlight/" + m.ID
		hl.Role = charts.RoleHighlight
		hl.Style = charts.Style{Stroke: charts.Highlight, StrokeWidth: 2.5}
		out = append(out, hl)
		shapes = append(shapes, m.Bounds())
	}
	lines, ok := c.Tips[id]
	if !ok {
		lines = TooltipLines(c.Lang, id)
	}
	if len(lines) == 0 {
		return out
	}
	size := clamp(12*min(c.W/800, c.H/450), MinText, 22)
	pad := size * 0.6
	// Every line whole: wrapped, the first (bold, with the figure) too; on a narrow frame the
	// box takes nearly its width.
	maxW := min(max(c.W*0.6, c.W-4-2*pad-4), size*30)
	if touch { // the close control beside the lines
		maxW = max(maxW-CloseSize, size*8)
	}
	var wrapped []string
	bold := 0 // the first line's wrapped lines are bold
	for i, l := range lines {
		ls := wrapText(c.Fonts(), l, size, i == 0, maxW)
		if i == 0 {
			bold = len(ls)
		}
		wrapped = append(wrapped, ls...)
	}
	w := 0.0
	for i, l := range wrapped {
		w = max(w, c.Fonts().TextWidth(l, size, i < bold))
	}
	lineH := size * 1.3
	box := charts.Rect{X: p.X + 14, Y: p.Y + 14, W: w + 2*pad, H: lineH*float64(len(wrapped)) + pad*2 - (lineH - size)}
	if touch {
		box.W, box.H = w+pad+CloseSize, max(box.H, CloseSize)
	}
	if box.X+box.W > c.W-2 {
		box.X = p.X - 14 - box.W
	}
	if box.Y+box.H > c.H-2 {
		box.Y = p.Y - 14 - box.H
	}
	box.X = clamp(box.X, 2, max(2, c.W-2-box.W))
	box.Y = clamp(box.Y, 2, max(2, c.H-2-box.H))
	if touch {
		box = touchPlace(c, box.W, box.H, p, shapes)
	}
	out = append(out, charts.Mark{ID: "tooltip/box", Role: charts.RoleTooltip, Datum: id, Kind: charts.RectMark, Rect: box, Style: charts.Style{Fill: charts.TooltipBg, Stroke: charts.Muted, StrokeWidth: 1}})
	if touch {
		// The close control: a CloseSize square in the box's top right corner with an ×.
		x := charts.Rect{X: box.X + box.W - CloseSize, Y: box.Y, W: CloseSize, H: CloseSize}
		out = append(out, charts.Mark{ID: TooltipCloseID, Role: charts.RoleTooltip, Datum: id, Kind: charts.RectMark, Rect: x, Style: charts.Style{Fill: charts.TooltipBg, Stroke: charts.Muted, StrokeWidth: 1}})
		cx, cy, r := x.X+CloseSize/2, x.Y+CloseSize/2, CloseSize*0.16
		for i, d := range []float64{1, -1} {
			out = append(out, charts.Mark{ID: TooltipCloseID + "/" + itoa(i), Role: charts.RoleTooltip, Datum: id, Kind: charts.PathMark,
				Points: []charts.Point{{X: cx - r, Y: cy - r*d}, {X: cx + r, Y: cy + r*d}}, Style: charts.Style{Stroke: charts.Ink, StrokeWidth: 2}})
		}
	}
	for i, l := range wrapped {
		out = append(out, charts.Mark{ID: "tooltip/" + itoa(i), Role: charts.RoleTooltip, Datum: id, Kind: charts.TextMark, Text: l, Bold: i < bold,
			At: charts.Point{X: box.X + pad, Y: box.Y + pad + size*charts.Ascent + lineH*float64(i)}, Size: size, Style: charts.Style{Fill: charts.Ink},
			EmWidth: c.Fonts().TextWidth(l, 1, i < bold)})
	}
	return out
}

// TooltipText is the tooltip as one string, for tests; a built chart has it as c.Tip(id).
func TooltipText(l i18n.Lang, id string) string {
	return i18n.Typeset(l, strings.Join(TooltipLines(l, id), " — "))
}

// capitalize upper-cases the first letter as l does: Azerbaijani i is İ (unicode.TurkishCase).
func capitalize(l i18n.Lang, s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	if l == i18n.AZ {
		return string(unicode.TurkishCase.ToUpper(r)) + s[n:]
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// CloseSize is the side of the close control of a finger's tooltip, in CSS px: a 44×44 tap
// target (WCAG 2.2's enhanced target size) in the box's top right corner.
const CloseSize = 44.0

// TooltipCloseID is the mark id of that close control: a tap in its Rect takes the tooltip away.
const TooltipCloseID = "tooltip/close"

// touchPlace places a w×h tooltip for a touch at p: the first of above, below, left and right
// of the fingertip and of the tapped shape (the datum's shape under p, or else its nearest)
// that fits in the frame and covers neither the fingertip nor any of the datum's shapes; where
// none does, the one that covers the least of them. The box stays inside the frame.
func touchPlace(c *charts.Chart, w, h float64, p charts.Point, shapes []charts.Rect) charts.Rect {
	const gap = 6.0
	finger := charts.Rect{X: p.X - FingerRadius, Y: p.Y - FingerRadius, W: 2 * FingerRadius, H: 2 * FingerRadius}
	// The tapped shape: the one under the finger, else the nearest.
	tapped := finger
	best := -1.0
	for _, r := range shapes {
		d := distTo(r, p)
		if best < 0 || d < best {
			best, tapped = d, r
		}
	}
	// Around the fingertip and the tapped shape together.
	x0, y0 := min(finger.X, tapped.X), min(finger.Y, tapped.Y)
	x1, y1 := max(finger.X+finger.W, tapped.X+tapped.W), max(finger.Y+finger.H, tapped.Y+tapped.H)
	cx := clamp(p.X-w/2, 2, max(2, c.W-2-w))
	cy := clamp(p.Y-h/2, 2, max(2, c.H-2-h))
	cands := []charts.Rect{
		{X: cx, Y: y0 - gap - h, W: w, H: h}, // above
		{X: cx, Y: y1 + gap, W: w, H: h},     // below
		{X: x0 - gap - w, Y: cy, W: w, H: h}, // left
		{X: x1 + gap, Y: cy, W: w, H: h},     // right
	}
	covered := func(b charts.Rect) float64 {
		a := overlapArea(b, finger) * 4 // the finger's own spot counts most
		for _, r := range shapes {
			a += overlapArea(b, r)
		}
		return a
	}
	var pick charts.Rect
	least := -1.0
	for _, b := range cands {
		inside := b.X >= 2 && b.Y >= 2 && b.X+b.W <= c.W-2 && b.Y+b.H <= c.H-2
		b.X = clamp(b.X, 2, max(2, c.W-2-b.W))
		b.Y = clamp(b.Y, 2, max(2, c.H-2-b.H))
		a := covered(b)
		if inside && a == 0 {
			return b
		}
		if least < 0 || a < least {
			least, pick = a, b
		}
	}
	return pick
}

// distTo is how far p lies from the box (0 inside it).
func distTo(r charts.Rect, p charts.Point) float64 {
	dx := max(r.X-p.X, 0, p.X-(r.X+r.W))
	dy := max(r.Y-p.Y, 0, p.Y-(r.Y+r.H))
	return dx*dx + dy*dy
}

// overlapArea is the area two boxes share.
func overlapArea(a, b charts.Rect) float64 {
	w := min(a.X+a.W, b.X+b.W) - max(a.X, b.X)
	h := min(a.Y+a.H, b.Y+b.H) - max(a.Y, b.Y)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}
