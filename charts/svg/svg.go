// Package svg writes a laid-out chart as a standalone SVG document: the page's instant first
// paint, the view for readers without JavaScript, and the image download.
package svg

import (
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"azflows/charts"
	"azflows/i18n"
)

// FontFamily is the CSS font stack of chart text; the page ships the Noto Sans subsets it
// names first (@font-face rules with fontsource's unicode ranges, files in dist/fonts).
const FontFamily = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif"

// Write writes c as SVG. Marks with a datum carry data-datum and a <title> with their tooltip.
func Write(w io.Writer, c *charts.Chart) error { return write(w, c, false) }

// WriteOutlined is Write with the text drawn as the fonts' glyph outlines, the words kept as
// each path's aria-label and <title>: the download, which looks as on the page in any viewer,
// whether or not it has Noto Sans.
func WriteOutlined(w io.Writer, c *charts.Chart) error { return write(w, c, true) }

func write(w io.Writer, c *charts.Chart, outlined bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-labelledby="chart-title" data-view="%s" data-year="%d" font-family="%s">`,
		n(c.W), n(c.H), n(c.W), n(c.H), esc(c.View), c.Year, esc(FontFamily))
	fmt.Fprintf(&b, `<title id="chart-title">%s</title>`, esc(c.Title))
	fmt.Fprintf(&b, `<rect width="%s" height="%s" fill="%s"/>`, n(c.W), n(c.H), c.Background)
	for _, m := range c.Marks {
		if outlined && m.Kind == charts.TextMark {
			writeOutline(&b, c.Fonts(), m)
			continue
		}
		writeMark(&b, c, m)
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeMark(b *strings.Builder, c *charts.Chart, m charts.Mark) {
	attrs := fmt.Sprintf(` id="%s" class="%s"`, esc(ID(m.ID)), esc(string(m.Role)))
	if m.Datum != "" {
		attrs += fmt.Sprintf(` data-datum="%s"`, esc(m.Datum))
	}
	title := ""
	if m.Interactive() && m.Kind != charts.TextMark {
		title = "<title>" + esc(c.Tip(m.Datum)) + "</title>"
	}
	switch m.Kind {
	case charts.RectMark:
		r := m.Rect
		fmt.Fprintf(b, `<rect%s x="%s" y="%s" width="%s" height="%s"%s>%s</rect>`, attrs, n(r.X), n(r.Y), n(r.W), n(r.H), paint(m.Style), title)
	case charts.PathMark:
		var d strings.Builder
		for i, p := range m.Points {
			if i == 0 {
				d.WriteString("M")
			} else {
				d.WriteString("L")
			}
			d.WriteString(n(p.X) + " " + n(p.Y))
		}
		if m.Closed {
			d.WriteString("Z")
		}
		st := m.Style
		if !m.Closed {
			st.Fill = ""
		}
		fmt.Fprintf(b, `<path%s d="%s"%s>%s</path>`, attrs, d.String(), paint(st), title)
	case charts.TextMark:
		anchor := map[charts.Anchor]string{charts.Start: "start", charts.Middle: "middle", charts.End: "end"}[m.Anchor]
		weight := ""
		if m.Bold {
			weight = ` font-weight="bold"`
		}
		fmt.Fprintf(b, `<text%s x="%s" y="%s" font-size="%s" text-anchor="%s" fill="%s"%s>%s</text>`, attrs, n(m.At.X), n(m.At.Y), n(m.Size), anchor, m.Style.Fill, weight, textWithEnglish(c.Lang, m.Text))
	}
}

// textWithEnglish escapes a text mark's words, each English quotation of the paper in a
// tspan marked lang="en" (i18n.EnglishQuotes), so that a screen reader voices it in English.
func textWithEnglish(l i18n.Lang, s string) string {
	var b strings.Builder
	at := 0
	for _, q := range i18n.EnglishQuotes(l, s) {
		b.WriteString(esc(s[at:q[0]]) + `<tspan lang="en">` + esc(s[q[0]:q[1]]) + "</tspan>")
		at = q[1]
	}
	b.WriteString(esc(s[at:]))
	return b.String()
}

// writeOutline writes a text mark as one path of its glyph outlines, its words as aria-label
// and <title>.
func writeOutline(b *strings.Builder, f *charts.Fonts, m charts.Mark) {
	var d strings.Builder
	for _, op := range f.TextOutline(f.Drawable(m.Text, m.Bold), m.Size, m.Bold, charts.Point{X: m.TextStart(), Y: m.At.Y}) {
		d.WriteByte(op.Op)
		for i, p := range op.Pts {
			if i > 0 {
				d.WriteByte(' ')
			}
			d.WriteString(n(p.X) + " " + n(p.Y))
		}
	}
	attrs := fmt.Sprintf(` id="%s" class="%s"`, esc(ID(m.ID)), esc(string(m.Role)))
	if m.Datum != "" {
		attrs += fmt.Sprintf(` data-datum="%s"`, esc(m.Datum))
	}
	fmt.Fprintf(b, `<path%s role="img" aria-label="%s" d="%s" fill="%s"><title>%s</title></path>`, attrs, esc(m.Text), d.String(), m.Style.Fill, esc(m.Text))
}

func paint(s charts.Style) string {
	var b strings.Builder
	if s.Fill != "" {
		fmt.Fprintf(&b, ` fill="%s"`, s.Fill)
	} else {
		b.WriteString(` fill="none"`)
	}
	if s.Stroke != "" {
		fmt.Fprintf(&b, ` stroke="%s" stroke-width="%s"`, s.Stroke, n(s.StrokeWidth))
		if len(s.Dash) > 0 {
			parts := make([]string, len(s.Dash))
			for i, d := range s.Dash {
				parts[i] = n(d)
			}
			fmt.Fprintf(&b, ` stroke-dasharray="%s"`, strings.Join(parts, " "))
		}
	}
	if s.Opacity > 0 && s.Opacity < 1 {
		fmt.Fprintf(&b, ` fill-opacity="%s"`, n(s.Opacity))
	}
	return b.String()
}

// n formats a coordinate with at most two decimals.
func n(v float64) string {
	return strconv.FormatFloat(float64(int64(v*100+sign(v)*0.5))/100, 'f', -1, 64)
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

func esc(s string) string { return html.EscapeString(s) }

// ID is a mark's id as an XML name, the id of its element in the SVG: every character that
// may not stand in a name ("/" of "country/AE/0") becomes "-" ("country-AE-0"), and a name
// that does not start with a letter or "_" gets "m-" before it.
func ID(markID string) string {
	b := []byte(markID)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.') {
			b[i] = '-'
		}
	}
	if len(b) == 0 || !(b[0] >= 'a' && b[0] <= 'z' || b[0] >= 'A' && b[0] <= 'Z' || b[0] == '_') {
		return "m-" + string(b)
	}
	return string(b)
}
