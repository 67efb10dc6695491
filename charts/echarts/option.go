package echarts

import (
	"fmt"
	"math"
	"strings"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"azflows/charts"
)

// Data items carry what go-echarts' typed items lack (border type, link line style, rich
// labels) and, for the tooltip formatter, the datum id and charts.TooltipLines(lang, datum).

type itemStyle struct {
	Color       string  `json:"color,omitempty"`
	BorderColor string  `json:"borderColor,omitempty"`
	BorderWidth float64 `json:"borderWidth,omitempty"`
	BorderType  string  `json:"borderType,omitempty"` // "dashed" when the mark is dashed
	Opacity     float64 `json:"opacity,omitempty"`
}

type lineStyle struct {
	Color   string  `json:"color"`
	Opacity float64 `json:"opacity,omitempty"`
}

type label struct {
	opts.Label
	Rich map[string]opts.TextStyle `json:"rich,omitempty"`
}

type barItem struct {
	Name         string    `json:"name"`
	Value        float64   `json:"value"`
	Datum        string    `json:"datum"`
	TooltipLines []string  `json:"tooltipLines"`
	ItemStyle    itemStyle `json:"itemStyle"`
	Label        *label    `json:"label,omitempty"`
}

type sankeyNode struct {
	Name         string    `json:"name"`
	LocalY       *float64  `json:"localY,omitempty"` // top as a fraction of the series height
	Datum        string    `json:"datum"`
	TooltipLines []string  `json:"tooltipLines"`
	ItemStyle    itemStyle `json:"itemStyle"`
	Label        *label    `json:"label,omitempty"`
}

type sankeyLink struct {
	Source       string    `json:"source"`
	Target       string    `json:"target"`
	Value        float64   `json:"value"`
	Datum        string    `json:"datum"`
	TooltipLines []string  `json:"tooltipLines"`
	LineStyle    lineStyle `json:"lineStyle"`
}

// visitor adds, through go-echarts' own hook, the options its typed structs lack.
type visitor struct {
	gecharts.BaseConfigurationVisitor
	xAxis     xAxisExtra
	yAxis     yAxisExtra
	sankey    *sankeyExtra // nil for other series
	textStyle opts.TextStyle
}

type xAxisExtra struct {
	Interval      float64         `json:"interval,omitempty"`
	NameTextStyle *opts.TextStyle `json:"nameTextStyle,omitempty"`
}

type yAxisExtra struct {
	AxisTick *opts.AxisTick `json:"axisTick,omitempty"`
}

// Fields here must not share a JSON name with SingleSeries' (both would be dropped).
type sankeyExtra struct {
	LayoutIterations int     `json:"layoutIterations"` // 0 keeps the model's node order
	Height           float64 `json:"height"`
}

func (v visitor) VisitXAxis(xs []opts.XAxis) any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = struct {
			opts.XAxis
			xAxisExtra
		}{x, v.xAxis}
	}
	return out
}

func (v visitor) VisitYAxis(ys []opts.YAxis) any {
	out := make([]any, len(ys))
	for i, y := range ys {
		out[i] = struct {
			opts.YAxis
			yAxisExtra
		}{y, v.yAxis}
	}
	return out
}

func (v visitor) VisitTooltipOpt(t opts.Tooltip) any {
	return struct {
		opts.Tooltip
		Confine      bool           `json:"confine"`
		ExtraCSSText string         `json:"extraCssText"`
		TextStyle    opts.TextStyle `json:"textStyle"`
	}{t, true, "max-width: 360px; white-space: normal;", opts.TextStyle{Color: charts.Ink, FontSize: 12, FontFamily: FontFamily}}
}

func (v visitor) VisitSeriesOpt(series gecharts.MultiSeries) any {
	if v.sankey == nil {
		return series
	}
	out := make([]any, len(series))
	for i, s := range series {
		out[i] = struct {
			gecharts.SingleSeries
			sankeyExtra
		}{s, *v.sankey}
	}
	return out
}

func (v visitor) Visit(option map[string]any) {
	option["textStyle"] = v.textStyle
}

// common sets what both views share: size, id, title, tooltip, no legend, no animation.
func common(c *charts.Chart, palette []string) []gecharts.GlobalOpts {
	t, _ := mark(c, "title")
	s, _ := mark(c, "subtitle")
	weight := func(m charts.Mark) string {
		if m.Bold {
			return "bold"
		}
		return "normal"
	}
	return []gecharts.GlobalOpts{
		gecharts.WithInitializationOpts(opts.Initialization{
			Width: "100%", Height: fmt.Sprintf("%dpx", H), ChartID: ChartID,
			BackgroundColor: c.Background, PageTitle: text(c, "title"), Renderer: "canvas",
		}),
		gecharts.WithTitleOpts(opts.Title{
			Title: text(c, "title"), Subtitle: text(c, "subtitle"),
			Left: px(t.At.X), Top: px(max(0, t.At.Y-t.Size)),
			TitleStyle:    &opts.TextStyle{Color: t.Style.Fill, FontSize: int(math.Round(t.Size)), FontWeight: weight(t), FontFamily: FontFamily},
			SubtitleStyle: &opts.TextStyle{Color: s.Style.Fill, FontSize: int(math.Round(s.Size)), FontWeight: weight(s), FontFamily: FontFamily},
		}),
		gecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", BackgroundColor: charts.TooltipBg, BorderColor: charts.Muted}),
		gecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		gecharts.WithAnimation(false),
		gecharts.WithColorsOpts(palette),
		gecharts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Label: &opts.AriaLabel{Enabled: opts.Bool(true), Description: description(c)}}),
	}
}

// plotTop is where the plot starts under the title block, in model pixels.
func plotTop(c *charts.Chart) float64 {
	if s, ok := mark(c, "subtitle"); ok {
		return s.At.Y + s.Size*1.4
	}
	t, _ := mark(c, "title")
	return t.At.Y + t.Size
}

// description is the screen-reader text: title, subtitle and each item with its value.
func description(c *charts.Chart) string {
	parts := []string{text(c, "title"), text(c, "subtitle")}
	for _, m := range c.Marks {
		if m.Role == "bar" || (m.Role == "node" && valueText(c, m.Datum) != "") {
			parts = append(parts, m.Label+": "+valueText(c, m.Datum))
		}
	}
	return strings.Join(parts, ". ")
}

// styleOf translates a mark's paint to an echarts item style.
func styleOf(s charts.Style) itemStyle {
	st := itemStyle{Color: s.Fill, BorderColor: s.Stroke, Opacity: s.Opacity}
	if s.Stroke != "" {
		st.BorderWidth = s.StrokeWidth
	}
	if len(s.Dash) > 0 {
		st.BorderType = "dashed"
	}
	return st
}

// palette lists the marks' fills, so echarts has no colour of its own to fall back on.
func palette(ms []charts.Mark) []string {
	var out []string
	for _, m := range ms {
		if m.Style.Fill != "" && !contains(out, m.Style.Fill) {
			out = append(out, m.Style.Fill)
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// literal is a label formatter that prints s as is, or fallback if s would be read as a
// template ({c}, rich text).
func literal(s, fallback string) string {
	if s == "" || strings.ContainsAny(s, "{}|") {
		return fallback
	}
	return s
}

// slack widens margins that hold text: the model measures the Go font, and a browser
// without it falls back to a wider face.
const slack = 1.1

func px(v float64) string { return fmt.Sprintf("%g", math.Round(v*10)/10) }
