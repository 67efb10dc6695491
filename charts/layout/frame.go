package layout

import (
	"strconv"
	"strings"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
)

// frame holds the type sizes and the plot area left after title, notes and source line.
type frame struct {
	c          *charts.Chart
	pad        float64
	base       float64 // body text size
	small      float64 // notes, source
	title      float64
	plot       charts.Rect
	bottomText []string // notes, drawn under the plot, then the source line
}

// withLicense is the source line with the chart's license after it (data.LicenseName), so that
// an image that travels alone says how it may be reused; an empty line stays empty.
func withLicense(l i18n.Lang, source string) string {
	if source == "" {
		return ""
	}
	return i18n.T(l, "source.license", source, data.LicenseName)
}

// MinText is the smallest chart text, in CSS pixels, at every frame size.
const MinText = 11

// newFrame sizes type for w×h and places the title, subtitle, notes and source line, each
// wrapped to the frame's width (never cut). Where the frame is too short for all of them the
// plot keeps at least half the height: the subtitle goes first, then the notes that do not fit
// (a line says they are in the table), then the source line's caveat (the short credit stays).
//
// Notes take at least reserve lines, so that views of different years share one plot area.
func newFrame(c *charts.Chart, title, subtitle string, notes []string, source string, reserve int) *frame {
	s := min(c.W/800, c.H/450)
	f := &frame{c: c}
	c.Subtitle, c.Source = subtitle, source
	f.base = baseSize(c.W, c.H)
	f.small = clamp(11*s, MinText, 22)
	f.title = clamp(17*s, 13, 34)
	f.pad = clamp(14*s, 6, 28)
	inner := c.W - 2*f.pad
	lineH := f.small * 1.3
	titleLines := wrapText(c.Fonts(), title, f.title, true, inner)
	if len(titleLines) > 2 && f.title > 13 {
		f.title = 13
		titleLines = wrapText(c.Fonts(), title, f.title, true, inner)
	}
	sources := wrapText(c.Fonts(), withLicense(c.Lang, source), f.small, false, inner)
	if len(sources) > 1 && (c.H < 360 || len(sources) > 2) {
		if short := i18n.T(c.Lang, "source.plain", data.ShortSource); source != short {
			sources = wrapText(c.Fonts(), withLicense(c.Lang, short), f.small, false, inner)
		}
	}
	var subLines []string
	if subtitle != "" {
		subLines = wrapText(c.Fonts(), subtitle, f.small, false, inner)
	}
	// Text bands may take half the height; the subtitle only if it leaves room for the plot.
	headH := f.pad + float64(len(titleLines))*f.title*(charts.Ascent+charts.Descent) + f.base*0.8
	footH := f.pad + float64(len(sources))*lineH + f.base*0.8
	if headH+footH+float64(len(subLines))*lineH > c.H*0.4 {
		subLines = nil
	}
	y := f.pad
	for i, t := range titleLines {
		y += f.title * charts.Ascent
		c.Add(charts.Mark{ID: lineID("title", i), Role: charts.RoleTitle, Kind: charts.TextMark, Text: t, At: charts.Point{X: f.pad, Y: y}, Size: f.title, Bold: true, Style: charts.Style{Fill: charts.Ink}})
		y += f.title * charts.Descent
	}
	for i, t := range subLines {
		y += lineH
		if i == 0 {
			y += f.small * 0.1
		}
		c.Add(charts.Mark{ID: lineID("subtitle", i), Role: charts.RoleSubtitle, Kind: charts.TextMark, Text: t, At: charts.Point{X: f.pad, Y: y - f.small*charts.Descent}, Size: f.small, Style: charts.Style{Fill: charts.Muted}})
	}
	top := y + f.base*0.8

	// Bottom up: the source line, then the notes above it.
	yb := c.H - f.pad - f.small*charts.Descent
	for i := len(sources) - 1; i >= 0; i-- {
		c.Add(charts.Mark{ID: lineID("source", i), Role: charts.RoleSource, Kind: charts.TextMark, Text: sources[i], At: charts.Point{X: f.pad, Y: yb}, Size: f.small, Style: charts.Style{Fill: charts.Muted}})
		if i > 0 {
			yb -= lineH
		}
	}
	c.Notes = append(c.Notes, notes...)
	var wrapped [][]string
	total := 0
	for _, n := range notes {
		wrapped = append(wrapped, wrapText(c.Fonts(), n, f.small, false, inner))
		total += len(wrapped[len(wrapped)-1])
	}
	// Keep at least half the height for the plot: drop the notes that do not fit whole, and
	// say where they are.
	maxLines := max(0, int((yb-top-c.H/2-f.small*charts.Ascent-f.base*0.8)/lineH))
	var lines []string
	if total <= maxLines {
		for _, w := range wrapped {
			lines = append(lines, w...)
		}
	} else {
		more := wrapText(c.Fonts(), i18n.T(c.Lang, "frame.morenotes"), f.small, false, inner)
		for _, w := range wrapped {
			if len(lines)+len(w)+len(more) > maxLines {
				break
			}
			lines = append(lines, w...)
		}
		if len(lines)+len(more) <= maxLines {
			lines = append(lines, more...)
		}
	}
	yb -= lineH * float64(max(0, min(reserve, maxLines)-len(lines)))
	for i := len(lines) - 1; i >= 0; i-- {
		yb -= lineH
		c.Add(charts.Mark{ID: "note/" + itoa(i), Role: charts.RoleNote, Kind: charts.TextMark, Text: lines[i], At: charts.Point{X: f.pad, Y: yb}, Size: f.small, Style: charts.Style{Fill: charts.Ink}})
	}
	bottom := yb - f.small*charts.Ascent - f.base*0.8
	f.plot = charts.Rect{X: f.pad, Y: top, W: inner, H: max(bottom-top, 10)}
	return f
}

// lineID names the i-th line of a wrapped text: "title", "title/1", "title/2"…
func lineID(id string, i int) string {
	if i == 0 {
		return id
	}
	return id + "/" + itoa(i)
}

// wrap breaks s into lines no wider than w (regular weight).
func wrap(fonts *charts.Fonts, s string, size, w float64) []string {
	return wrapText(fonts, s, size, false, w)
}

// wrapText breaks s into lines no wider than w at spaces; a word wider than w on its own is
// broken between letters. Nothing is cut.
func wrapText(fonts *charts.Fonts, s string, size float64, bold bool, w float64) []string {
	var lines []string
	cur := ""
	// Words are split at breaking spaces only: a no-break space («2010 г.», «1 000») holds.
	for _, word := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }) {
		next := word
		if cur != "" {
			next = cur + " " + word
		}
		if fonts.TextWidth(next, size, bold) <= w {
			cur = next
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
		}
		cur = word
		for fonts.TextWidth(cur, size, bold) > w {
			r := []rune(cur)
			n := len(r) - 1
			for n > 1 && fonts.TextWidth(string(r[:n]), size, bold) > w {
				n--
			}
			lines = append(lines, string(r[:n]))
			cur = string(r[n:])
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

func clamp(v, lo, hi float64) float64 { return max(lo, min(hi, v)) }

func itoa(i int) string { return strconv.Itoa(i) }

// noteLines is how many lines notes wrap to in width w.
func noteLines(fonts *charts.Fonts, notes []string, size, w float64) int {
	n := 0
	for _, s := range notes {
		n += len(wrap(fonts, s, size, w))
	}
	return n
}

// SourceLine is the chart's source line whole, with the chart's license: what its source
// marks say where the frame has room (a short frame draws a shorter credit).
func SourceLine(c *charts.Chart) string { return withLicense(c.Lang, c.Source) }

// ticksOf labels tick values as the chart's language writes numbers.
func ticksOf(l i18n.Lang, vs []float64) []charts.Tick {
	out := make([]charts.Tick, len(vs))
	for i, v := range vs {
		out[i] = charts.Tick{Value: v, Text: i18n.Number(l, v)}
	}
	return out
}

// axisMarks are a panel's X axis as marks, the one way every view draws one: a grid line per
// tick from y0 to y1 ("grid/<prefix><value>") and, when size > 0, the tick's label centred
// under it on the baseline labelY ("tick/<prefix><value>"). The caller decides where they go
// in the drawing order.
func axisMarks(p charts.Panel, prefix string, y0, y1, labelY, size float64) (grid, labels []charts.Mark) {
	for _, t := range p.Ticks {
		x := p.X.Map(t.Value)
		v := itoa(int(t.Value))
		grid = append(grid, charts.Mark{ID: "grid/" + prefix + v, Role: charts.RoleGrid, Panel: p.ID, Kind: charts.PathMark, Points: []charts.Point{{X: x, Y: y0}, {X: x, Y: y1}}, Style: charts.Style{Stroke: charts.Grid, StrokeWidth: 1}})
		if size > 0 {
			labels = append(labels, charts.Mark{ID: "tick/" + prefix + v, Role: charts.RoleTick, Panel: p.ID, Kind: charts.TextMark, Text: t.Text, At: charts.Point{X: x, Y: labelY}, Size: size, Anchor: charts.Middle, Style: charts.Style{Fill: charts.Muted}})
		}
	}
	return grid, labels
}

// addAxis adds a panel's axis marks, each grid line followed by its label.
func addAxis(c *charts.Chart, p charts.Panel, prefix string, y0, y1, labelY, size float64) {
	grid, labels := axisMarks(p, prefix, y0, y1, labelY, size)
	for i, g := range grid {
		c.Add(g)
		if i < len(labels) {
			c.Add(labels[i])
		}
	}
}

// baseSize is the body text's size in a w×h frame: 13 px at 800×450, scaled with the frame,
// between 12 and 26.
func baseSize(w, h float64) float64 { return clamp(13*min(w/800, h/450), 12, 26) }
