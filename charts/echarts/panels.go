package echarts

import (
	"math"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"azflows/charts"
)

// Views with several panels (small multiples, separate scales, a time axis with lanes) need
// what go-echarts' typed options cannot say: several grids with their own axes, and text placed
// where the model put it. go-echarts builds the page frame (title, tooltip, aria, assets);
// these types fill in the grids, axes, series and graphic texts, each from the model's marks.

type panelGrid struct {
	Left        string  `json:"left"`
	Top         string  `json:"top"`
	Width       string  `json:"width"`
	Height      string  `json:"height"`
	Show        bool    `json:"show"`
	BorderColor string  `json:"borderColor,omitempty"`
	BorderWidth float64 `json:"borderWidth,omitempty"`
}

type axisLabel struct {
	Show       bool    `json:"show"`
	Color      string  `json:"color,omitempty"`
	FontSize   float64 `json:"fontSize,omitempty"`
	FontFamily string  `json:"fontFamily,omitempty"`
	Width      float64 `json:"width,omitempty"`
	Overflow   string  `json:"overflow,omitempty"`
	Margin     float64 `json:"margin,omitempty"`
}

type axisLine struct {
	Show      bool       `json:"show"`
	LineStyle *lineStyle `json:"lineStyle,omitempty"`
}

type splitLine struct {
	Show      bool       `json:"show"`
	LineStyle *lineStyle `json:"lineStyle,omitempty"`
}

type show struct {
	Show bool `json:"show"`
}

type panelAxis struct {
	Type      string     `json:"type"`
	GridIndex int        `json:"gridIndex"`
	Show      bool       `json:"show"`
	Min       *float64   `json:"min,omitempty"`
	Max       *float64   `json:"max,omitempty"`
	Interval  float64    `json:"interval,omitempty"`
	Inverse   bool       `json:"inverse,omitempty"`
	Data      []string   `json:"data,omitempty"`
	AxisLabel *axisLabel `json:"axisLabel,omitempty"`
	AxisLine  *axisLine  `json:"axisLine,omitempty"`
	AxisTick  *show      `json:"axisTick,omitempty"`
	SplitLine *splitLine `json:"splitLine,omitempty"`
}

type panelSeries struct {
	Type       string  `json:"type"`
	Name       string  `json:"name"`
	XAxisIndex int     `json:"xAxisIndex"`
	YAxisIndex int     `json:"yAxisIndex"`
	BarWidth   string  `json:"barWidth,omitempty"`
	BarGap     string  `json:"barGap,omitempty"`
	Stack      string  `json:"stack,omitempty"`
	Symbol     string  `json:"symbol,omitempty"`
	SymbolSize float64 `json:"symbolSize,omitempty"`
	Z          int     `json:"z,omitempty"`
	Data       any     `json:"data"`
	LineStyle  *dashed `json:"lineStyle,omitempty"`
	Silent     bool    `json:"silent,omitempty"`
}

// dashed is a line series' style: width, colour and "solid" or "dashed".
type dashed struct {
	Color string  `json:"color"`
	Width float64 `json:"width"`
	Type  string  `json:"type"`
}

// graphicText is a text the model placed: left as a share of the width (the fallback is as
// wide as its container), top in pixels (its height is the model's).
type graphicText struct {
	Type   string       `json:"type"`
	ID     string       `json:"id"`
	Left   string       `json:"left,omitempty"`
	Right  string       `json:"right,omitempty"`
	Top    float64      `json:"top"`
	Silent bool         `json:"silent"`
	Style  graphicStyle `json:"style"`
}

type graphicStyle struct {
	Text       string  `json:"text"`
	Fill       string  `json:"fill"`
	FontSize   float64 `json:"fontSize"`
	FontWeight string  `json:"fontWeight"`
	FontFamily string  `json:"fontFamily"`
}

// graphic translates text marks to graphic texts, in model order. A text that ends at its
// anchor keeps its right end there; others keep their left end where the model put it.
func graphic(c *charts.Chart, ms []charts.Mark) []graphicText {
	var out []graphicText
	for _, m := range ms {
		if m.Kind != charts.TextMark {
			continue
		}
		weight := "normal"
		if m.Bold {
			weight = "bold"
		}
		g := graphicText{Type: "text", ID: m.ID, Top: round1(m.At.Y - m.Size*0.93), Silent: true,
			Style: graphicStyle{Text: m.Text, Fill: m.Style.Fill, FontSize: round1(m.Size), FontWeight: weight, FontFamily: FontFamily}}
		switch m.Anchor {
		case charts.End:
			g.Right = pct(c.W-m.At.X, c.W)
		default:
			g.Left = pct(m.Bounds().X, c.W)
		}
		out = append(out, g)
	}
	return out
}

// frameOption is the go-echarts page frame of a panelled view: title, tooltip, aria, no legend.
func frameOption(c *charts.Chart, assetsHost string, palette []string) (*gecharts.BaseConfiguration, map[string]any) {
	b := gecharts.NewBar()
	b.SetGlobalOptions(common(c, palette)...)
	b.AssetsHost = assetsHost
	b.Validate()
	b.Accept(visitor{textStyle: opts.TextStyle{FontFamily: FontFamily}})
	opt := b.JSON()
	delete(opt, "xAxis")
	delete(opt, "yAxis")
	return &b.BaseConfiguration, opt
}

// valueAxis is a value axis from 0 (or lo) to hi with the model's tick step.
func valueAxis(grid int, lo, hi, step float64, tick charts.Mark, gridLine charts.Mark) panelAxis {
	a := panelAxis{Type: "value", GridIndex: grid, Show: true, Min: &lo, Max: &hi, Interval: step,
		AxisLine: &axisLine{Show: false}, AxisTick: &show{false}}
	if tick.Size > 0 {
		a.AxisLabel = &axisLabel{Show: true, Color: tick.Style.Fill, FontSize: math.Round(tick.Size), FontFamily: FontFamily}
	}
	if gridLine.Style.Stroke != "" {
		a.SplitLine = &splitLine{Show: true, LineStyle: &lineStyle{Color: gridLine.Style.Stroke}}
	}
	return a
}

func pct(v, of float64) string { return px(v/of*100) + "%" }

func round1(v float64) float64 { return math.Round(v*10) / 10 }
