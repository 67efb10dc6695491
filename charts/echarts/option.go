package echarts

import (
	"fmt"
	"math"
	"strings"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"azflows/charts"
)

// The option is a translation of the chart, item by item:
//
//   - a panel with an X scale and rows: a grid per row at the row's band, its x axis the
//     panel's scale (min, max and tick step from the model), its y axis the row; each bar of
//     the row a bar series item (a range: transparent up to its start, then its pieces,
//     stacked);
//   - a panel with X and Y scales (the timeline): one grid, each mark a scatter item at its
//     date, a rect symbol the size of the mark;
//   - every other mark that shows a datum (flow bands and nodes, map arcs, stubs and boxes,
//     the undated event): a custom series item with the mark's points, on a grid whose axes
//     are the chart's pixels; the page's renderItem draws the points;
//   - decoration (grid lines, outlines, keys) and every text: graphic elements where the
//     model put them; the map's countries: the geo component (mapview.go).
//
// The page draws the option at the model's W×H and scales it as a whole, so pixels are the
// model's pixels. Tooltips are the chart's Tips.

// style is the zrender style of a graphic element or a custom series shape.
type style struct {
	Fill          string    `json:"fill,omitempty"`
	Stroke        string    `json:"stroke,omitempty"`
	LineWidth     float64   `json:"lineWidth,omitempty"`
	LineDash      []float64 `json:"lineDash,omitempty"`
	FillOpacity   float64   `json:"fillOpacity,omitempty"`
	Text          string    `json:"text,omitempty"`
	FontSize      float64   `json:"fontSize,omitempty"`
	FontWeight    string    `json:"fontWeight,omitempty"`
	FontFamily    string    `json:"fontFamily,omitempty"`
	VerticalAlign string    `json:"verticalAlign,omitempty"`
}

// shapeStyle is a mark's paint as a zrender style: "none" where the model fills or strokes
// nothing (zrender would fill black).
func shapeStyle(s charts.Style, closed bool) style {
	st := style{Fill: s.Fill, Stroke: s.Stroke, LineDash: s.Dash}
	if st.Fill == "" || !closed {
		st.Fill = "none"
	}
	if s.Stroke != "" {
		st.LineWidth = s.StrokeWidth
	} else {
		st.Stroke = "none"
	}
	if s.Opacity > 0 && s.Opacity < 1 {
		st.FillOpacity = s.Opacity
	}
	return st
}

// itemStyle is a mark's paint as an echarts item style (bars, scatter symbols).
type itemStyle struct {
	Color       string  `json:"color"`
	BorderColor string  `json:"borderColor,omitempty"`
	BorderWidth float64 `json:"borderWidth,omitempty"`
	BorderType  string  `json:"borderType,omitempty"` // "dashed" when the mark is dashed
	Opacity     float64 `json:"opacity,omitempty"`
}

// styleOf is a mark's style as an item style. The model's opacity is the fill's alone (a
// muted year's shapes keep their outline, charts.mute): it goes into the fill colour's alpha,
// since echarts' itemStyle.opacity would fade the outline too.
func styleOf(s charts.Style) itemStyle {
	st := itemStyle{Color: s.Fill, BorderColor: s.Stroke}
	if s.Opacity > 0 && s.Opacity < 1 {
		if c, ok := withAlpha(s.Fill, s.Opacity); ok {
			st.Color = c
		} else {
			st.Opacity = s.Opacity // a fill that is not #rrggbb: faded as a whole
		}
	}
	if st.Color == "" {
		st.Color = "transparent" // an outline only (an estimate, an unplaced remainder)
	}
	if s.Stroke != "" {
		st.BorderWidth = s.StrokeWidth
	}
	if len(s.Dash) > 0 {
		st.BorderType = "dashed"
	}
	return st
}

// element is a graphic element: a text, rect, polyline or polygon the model drew.
type element struct {
	Type   string  `json:"type"`
	ID     string  `json:"id"`
	Silent bool    `json:"silent"`
	Z      int     `json:"z"`
	X      float64 `json:"x,omitempty"`
	Y      float64 `json:"y,omitempty"`
	Shape  any     `json:"shape,omitempty"`
	Style  style   `json:"style"`
}

type rectShape struct {
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}

type pointsShape struct {
	Points [][2]float64 `json:"points"`
}

// Drawing order: the map's countries (z 0), decoration, the series, texts.
const (
	zDecoration = 1
	zSeries     = 2
	zText       = 10
)

// textElement is a text mark: its left end (TextStart) on its middle line (TextMiddle).
func textElement(m charts.Mark) element {
	weight := "normal"
	if m.Bold {
		weight = "bold"
	}
	return element{Type: "text", ID: m.ID, Silent: true, Z: zText, X: r1(m.TextStart()), Y: r1(m.TextMiddle()),
		Style: style{Text: m.Text, Fill: m.Style.Fill, FontSize: r1(m.Size), FontWeight: weight, FontFamily: FontFamily, VerticalAlign: "middle"}}
}

// shapeElement is a decoration mark (a grid line, an outline, a key's sample).
func shapeElement(m charts.Mark) element {
	e := element{ID: m.ID, Silent: true, Z: zDecoration}
	switch m.Kind {
	case charts.RectMark:
		e.Type, e.Style = "rect", shapeStyle(m.Style, true)
		e.Shape = rectShape{r1(m.Rect.X), r1(m.Rect.Y), r1(m.Rect.W), r1(m.Rect.H)}
	default:
		e.Type, e.Style = "polyline", shapeStyle(m.Style, m.Closed)
		if m.Closed {
			e.Type = "polygon"
		}
		e.Shape = pointsShape{points(m)}
	}
	return e
}

// points are a mark's outline in pixels: a path's points, a rect's corners.
func points(m charts.Mark) [][2]float64 {
	if m.Kind == charts.RectMark {
		r := m.Rect
		return [][2]float64{{r1(r.X), r1(r.Y)}, {r1(r.X + r.W), r1(r.Y)}, {r1(r.X + r.W), r1(r.Y + r.H)}, {r1(r.X), r1(r.Y + r.H)}}
	}
	out := make([][2]float64, len(m.Points))
	for i, p := range m.Points {
		out[i] = [2]float64{r1(p.X), r1(p.Y)}
	}
	return out
}

// common sets what every view shares: size, id, title, tooltip, no legend, no animation.
func common(c *charts.Chart) []gecharts.GlobalOpts {
	// The title and the subtitle are graphic texts where the model put each of their lines
	// (translate.go), so that a wrapped subtitle shows whole; the page's title is the chart's.
	return []gecharts.GlobalOpts{
		gecharts.WithInitializationOpts(opts.Initialization{
			Width: fmt.Sprintf("%dpx", W), Height: fmt.Sprintf("%dpx", H), ChartID: ChartID,
			BackgroundColor: c.Background, PageTitle: c.Title, Renderer: "canvas",
		}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", BackgroundColor: charts.TooltipBg, BorderColor: charts.Muted}),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		gecharts.WithAnimation(false),
		gecharts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Label: &opts.AriaLabel{Enabled: opts.Bool(true), Description: description(c)}}),
	}
}

// visitor adds, through go-echarts' own hook, what its typed options lack.
type visitor struct {
	gecharts.BaseConfigurationVisitor
	geo map[string]any // the map's geo component; nil elsewhere
}

func (v visitor) VisitTooltipOpt(t opts.Tooltip) any {
	return struct {
		opts.Tooltip
		Confine      bool           `json:"confine"`
		ClassName    string         `json:"className"`
		ExtraCSSText string         `json:"extraCssText"`
		TextStyle    opts.TextStyle `json:"textStyle"`
	}{t, true, TooltipClass, "max-width: 360px; white-space: normal;", opts.TextStyle{Color: charts.Ink, FontSize: 12, FontFamily: FontFamily}}
}

func (v visitor) VisitGeo(g opts.GeoComponent) any { return v.geo }

func (v visitor) Visit(option map[string]any) {
	option["textStyle"] = opts.TextStyle{FontFamily: FontFamily}
}

// description is the screen-reader text: title, subtitle and each datum's first tip line.
func description(c *charts.Chart) string {
	parts := []string{c.Title}
	if c.Subtitle != "" {
		parts = append(parts, c.Subtitle)
	}
	seen := map[string]bool{}
	for _, m := range c.Marks {
		if m.Interactive() && m.Role != charts.RoleCountry && !seen[m.Datum] && len(c.Tips[m.Datum]) > 0 {
			seen[m.Datum] = true
			parts = append(parts, c.Tips[m.Datum][0])
		}
	}
	for i, p := range parts {
		parts[i] = strings.TrimSuffix(p, ".")
	}
	return strings.Join(parts, ". ") + "."
}

// r1 rounds to a tenth of a pixel: what the option keeps of the model's coordinates.
func r1(v float64) float64 { return math.Round(v*10) / 10 }

// withAlpha is the colour #rrggbb with the alpha a, as #rrggbbaa.
func withAlpha(fill string, a float64) (string, bool) {
	if len(fill) != 7 || fill[0] != '#' {
		return "", false
	}
	const digits = "0123456789abcdef"
	v := max(0, min(255, int(a*255+0.5)))
	return fill + string([]byte{digits[v>>4], digits[v&15]}), true
}
