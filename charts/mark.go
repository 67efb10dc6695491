package charts

import (
	"strings"

	"azflows/i18n"
)

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
	Role  Role   // what the mark is in the chart (roles.go)
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
	// EmWidth is a text mark's advance width per px of Size, as the chart's fonts measure
	// Text: Build fills it in, so that TextStart and Bounds need no fonts.
	EmWidth float64

	Style Style

	// What the mark means, for backends that draw semantics rather than shapes (echarts) and
	// for tests: the category label, the value and the flow's ends.
	Label  string
	Value  float64
	Source string // flow origin node label
	Target string // flow destination node label

	// Where the mark sits in the chart's structure: the panel whose scales placed it and the
	// key of its row in that panel, or of the category it belongs to (a country's ISO code on
	// the map); "" where it has none.
	Panel string
	Row   string
	// From and To are a range or span on the panel's X scale (the age range, the timeline's
	// spans in years); both 0 for a bar that starts at zero.
	From, To float64
	// YValue is the mark's place on the panel's Y scale, where the panel has one (the
	// timeline: the middle line of the mark's lane); backends read it, never its pixels.
	YValue float64
}

// Panel is a plot area with its own scales, as the model laid it out: a year of the bars
// view, a scale of the compare view, the timeline's axis. Backends that draw axes (echarts)
// translate it; none of them measures it back from marks.
type Panel struct {
	ID       string // "2010", "official", "ngo", "age", "time", "undated", "flow", "map"
	Rect     Rect   // the area the scales map onto
	X, Y     Linear // value to pixels; the zero Linear where the panel has no such scale
	Ticks    []Tick // the X scale's tick values and labels, in order
	Rows     []Row  // category rows, top to bottom
	Selected bool   // the chosen year's panel (or the rows of the chosen year are marked)
}

// Tick is one value of a scale and its label as drawn.
type Tick struct {
	Value float64
	Text  string
}

// Row is one category band of a panel.
type Row struct {
	Key, Label string
	Y0, Y1     float64 // the band's extent in pixels
	Selected   bool    // a row of the chosen year
}

// Chart is a laid-out view.
type Chart struct {
	View       string
	Year       int
	W, H       float64
	Background string
	Title      string
	Subtitle   string    // the subtitle whole (its marks are its wrapped lines; a short frame may leave them out)
	Source     string    // the source line whole, as the frame was given it
	Lang       i18n.Lang // the language of the chart's words ("" draws English)
	Marks      []Mark
	Notes      []string // the notes under the plot, whole (the note marks may leave lines out)
	Panels     []Panel
	// Tips are the tooltip lines of every datum a mark shows, computed once when the chart is
	// built (TooltipLines); every backend shows these strings.
	Tips map[string][]string

	// Assets are what the chart was laid out with: its text is measured with their fonts, and
	// the echarts translation places the base map by them.
	Assets Assets
}

// Fonts are the fonts the chart was measured with (nil: the Go fonts); backends draw its text
// with them.
func (c *Chart) Fonts() *Fonts { return c.Assets.Fonts }

// Panel returns the panel with the given id.
func (c *Chart) Panel(id string) (Panel, bool) {
	for _, p := range c.Panels {
		if p.ID == id {
			return p, true
		}
	}
	return Panel{}, false
}

// Tip is the tooltip of a datum as one line, for live regions, SVG titles and tests.
func (c *Chart) Tip(datum string) string {
	return i18n.Typeset(c.Lang, strings.Join(c.Tips[datum], " \u2014 "))
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

// TextStart is the left end of a text mark's text: its position moved by its anchor over the
// measured width. Every backend that places text by its left edge uses it.
func (m Mark) TextStart() float64 {
	switch m.Anchor {
	case Middle:
		return m.At.X - m.EmWidth*m.Size/2
	case End:
		return m.At.X - m.EmWidth*m.Size
	}
	return m.At.X
}

// Bounds is the box that encloses a mark (text by its measured extent).
func (m Mark) Bounds() Rect {
	switch m.Kind {
	case RectMark:
		return m.Rect
	case TextMark:
		return Rect{m.TextStart(), m.At.Y - m.Size*Ascent, m.EmWidth * m.Size, m.Size * (Ascent + Descent)}
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

// Add appends m to the chart's marks: the layouts draw in the order they add.
func (c *Chart) Add(m Mark) { c.Marks = append(c.Marks, m) }
