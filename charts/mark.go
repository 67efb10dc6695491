package charts

import "azflows/i18n"

// Point is a position in CSS pixels, origin top left.
type Point struct{ X, Y float64 }

// Rect is an axis-aligned box.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether p lies inside r (edges included).
func (r Rect) Contains(p Point) bool {
	return p.X >= r.X && p.X <= r.X+r.W && p.Y >= r.Y && p.Y <= r.Y+r.H
}

// Kind is the shape of a mark.
type Kind int

const (
	RectMark Kind = iota // a filled and/or stroked box
	PathMark             // a polygon (Closed) or polyline through Points
	TextMark             // one line of text
)

// Anchor is a text mark's horizontal alignment to its position.
type Anchor int

const (
	Start Anchor = iota
	Middle
	End
)

// Style says how a mark is painted. Colours are "#rrggbb"; "" means none.
type Style struct {
	Fill        string
	Stroke      string
	StrokeWidth float64
	Dash        []float64 // stroke dash pattern; nil for solid
	Opacity     float64   // 0 means 1
}

// Mark is one drawable shape.
type Mark struct {
	ID    string // stable across sizes: "bar/dest-2010-turkey", "axis/tick/10"
	Role  string // bar, band, node, label, axis, tick, grid, title, subtitle, source, note, legend, tooltip
	Datum string // the data record it shows (data.Figure id); "" for decoration
	Kind  Kind

	Rect   Rect    // RectMark
	Points []Point // PathMark
	Closed bool    // PathMark: a filled polygon rather than a line

	Text   string  // TextMark
	At     Point   // TextMark: baseline position
	Size   float64 // TextMark: font size in px
	Bold   bool
	Anchor Anchor

	Style Style

	// What the mark means, for backends that draw semantics rather than shapes (echarts) and
	// for tests: the category label, the value and the flow's ends.
	Label  string
	Value  float64
	Source string // flow origin node label
	Target string // flow destination node label
}

// Chart is a laid-out view.
type Chart struct {
	View       string
	Year       int
	W, H       float64
	Background string
	Title      string
	Lang       i18n.Lang // the language of the chart's words ("" draws English)
	Marks      []Mark
}

// Mark returns the mark with the given id.
func (c *Chart) Mark(id string) (Mark, bool) {
	for _, m := range c.Marks {
		if m.ID == id {
			return m, true
		}
	}
	return Mark{}, false
}

// Bounds is the box that encloses a mark (text by its measured extent).
func (m Mark) Bounds() Rect {
	switch m.Kind {
	case RectMark:
		return m.Rect
	case TextMark:
		w := TextWidth(m.Text, m.Size, m.Bold)
		x := m.At.X
		switch m.Anchor {
		case Middle:
			x -= w / 2
		case End:
			x -= w
		}
		return Rect{x, m.At.Y - m.Size*ascent, w, m.Size * (ascent + descent)}
	default:
		if len(m.Points) == 0 {
			return Rect{}
		}
		minX, minY, maxX, maxY := m.Points[0].X, m.Points[0].Y, m.Points[0].X, m.Points[0].Y
		for _, p := range m.Points[1:] {
			minX, maxX = min(minX, p.X), max(maxX, p.X)
			minY, maxY = min(minY, p.Y), max(maxY, p.Y)
		}
		hw := m.Style.StrokeWidth / 2
		return Rect{minX - hw, minY - hw, maxX - minX + 2*hw, maxY - minY + 2*hw}
	}
}
