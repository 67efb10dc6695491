package charts

import (
	"strconv"
	"strings"

	"azflows/i18n"
)

// frame holds the type sizes and the plot area left after title, notes and source line.
type frame struct {
	c          *Chart
	pad        float64
	base       float64 // body text size
	small      float64 // notes, source
	title      float64
	plot       Rect
	bottomText []string // notes, drawn under the plot, then the source line
}

// newFrame sizes type for w×h and places the title, subtitle, notes and source line.
//
// Notes take at least reserve lines, so that views of different years share one plot area.
func newFrame(c *Chart, title, subtitle string, notes []string, source string, reserve int) *frame {
	s := min(c.W/800, c.H/450)
	f := &frame{c: c}
	f.base = clamp(13*s, 10, 26)
	f.small = clamp(11*s, 9, 22)
	f.title = clamp(17*s, 12, 34)
	f.pad = clamp(14*s, 6, 28)
	inner := c.W - 2*f.pad

	y := f.pad + f.title*ascent
	c.add(Mark{ID: "title", Role: "title", Kind: TextMark, Text: Fit(title, f.title, true, inner), At: Point{f.pad, y}, Size: f.title, Bold: true, Style: Style{Fill: Ink}})
	y += f.title * descent
	if subtitle != "" {
		y += f.small * 1.3
		c.add(Mark{ID: "subtitle", Role: "subtitle", Kind: TextMark, Text: Fit(subtitle, f.small, false, inner), At: Point{f.pad, y}, Size: f.small, Style: Style{Fill: Muted}})
		y += f.small * descent
	}
	top := y + f.base*0.8

	// Bottom up: the source line, then the notes above it.
	lineH := f.small * 1.3
	yb := c.H - f.pad - f.small*descent
	c.add(Mark{ID: "source", Role: "source", Kind: TextMark, Text: Fit(source, f.small, false, inner), At: Point{f.pad, yb}, Size: f.small, Style: Style{Fill: Muted}})
	c.Notes = append(c.Notes, notes...)
	var lines []string
	for _, n := range notes {
		lines = append(lines, wrap(n, f.small, inner)...)
	}
	// Keep at least half the height for the plot: drop note lines that do not fit, and say so.
	maxLines := noteLineBudget(c.H, yb, lineH)
	if maxLines < 0 {
		maxLines = 0
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		if maxLines > 0 {
			lines[maxLines-1] = Fit(strings.TrimSuffix(lines[maxLines-1], "…")+i18n.T(c.Lang, "frame.seetable"), f.small, false, inner)
		}
	}
	yb -= lineH * float64(max(0, min(reserve, maxLines)-len(lines)))
	for i := len(lines) - 1; i >= 0; i-- {
		yb -= lineH
		c.add(Mark{ID: "note/" + itoa(i), Role: "note", Kind: TextMark, Text: lines[i], At: Point{f.pad, yb}, Size: f.small, Style: Style{Fill: Ink}})
	}
	bottom := yb - f.small*ascent - f.base*0.8
	f.plot = Rect{f.pad, top, inner, max(bottom-top, 10)}
	return f
}

func (c *Chart) add(m Mark) { c.Marks = append(c.Marks, m) }

// wrap breaks s into lines no wider than w.
func wrap(s string, size, w float64) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		next := word
		if cur != "" {
			next = cur + " " + word
		}
		if TextWidth(next, size, false) <= w || cur == "" {
			cur = next
			continue
		}
		lines = append(lines, cur)
		cur = word
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	for i, l := range lines {
		lines[i] = Fit(l, size, false, w)
	}
	return lines
}

func clamp(v, lo, hi float64) float64 { return max(lo, min(hi, v)) }

func itoa(i int) string { return strconv.Itoa(i) }

// noteLineBudget is how many note lines fit while the plot keeps half the height.
func noteLineBudget(h, sourceY, lineH float64) int { return int((h/2 - (h - sourceY)) / lineH) }

// noteLines is how many lines notes wrap to in width w.
func noteLines(notes []string, size, w float64) int {
	n := 0
	for _, s := range notes {
		n += len(wrap(s, size, w))
	}
	return n
}
