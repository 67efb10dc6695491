package echarts

import (
	"math"
	"strconv"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"azflows/charts"
)

// barChart translates the bars view: one horizontal bar per bar mark, top to bottom in the
// model's order, on the model's value axis (0 to its last tick, same for every year).
func barChart(c *charts.Chart) *gecharts.Bar {
	bars := marks(c, "bar")
	var cats []string
	var items []barItem
	for _, m := range bars {
		cats = append(cats, m.Label)
		items = append(items, barItem{
			Name: m.Label, Value: m.Value, Datum: m.Datum, TooltipLines: charts.TooltipLines(m.Datum),
			ItemStyle: styleOf(m.Style),
			Label:     &label{Label: opts.Label{Formatter: literal(valueText(c, m.Datum), "{c}")}},
		})
	}

	// Value axis: the model's ticks (shared scale) and grid lines.
	ticks := marks(c, "tick")
	bottom := c.H // the plot's bottom edge: where the baseline ends
	if b, ok := markByID(c, "axis/baseline"); ok && len(b.Points) > 0 {
		bottom = b.Points[len(b.Points)-1].Y
	}
	below := func(t charts.Mark) float64 { return max(0, t.At.Y-t.Size*0.93-bottom) } // gap to a text's top
	var tickVals []float64
	for _, t := range ticks {
		if v, err := strconv.ParseFloat(t.Text, 64); err == nil {
			tickVals = append(tickVals, v)
		}
	}
	xa := opts.XAxis{Type: "value", Min: 0, AxisLine: &opts.AxisLine{Show: opts.Bool(false)}, AxisTick: &opts.AxisTick{Show: opts.Bool(false)}}
	extra := xAxisExtra{}
	if n := len(tickVals); n > 0 {
		xa.Max = tickVals[n-1]
		if n > 1 {
			extra.Interval = tickVals[1] - tickVals[0]
		}
	}
	if len(ticks) > 0 {
		t := ticks[0]
		xa.AxisLabel = &opts.AxisLabel{Color: t.Style.Fill, FontSize: int(math.Round(t.Size)), FontFamily: FontFamily, Margin: below(t)}
	}
	if g, ok := mark(c, "grid"); ok {
		xa.SplitLine = &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: g.Style.Stroke, Width: float32(g.Style.StrokeWidth)}}
	}
	if a, ok := markByID(c, "axis/title"); ok {
		xa.Name, xa.NameLocation, xa.NameGap = a.Text, "middle", int(math.Round(below(a)))
		extra.NameTextStyle = &opts.TextStyle{Color: a.Style.Fill, FontSize: int(math.Round(a.Size)), FontFamily: FontFamily}
	}

	// Category axis: inverse, since echarts lists categories bottom-up.
	ya := opts.YAxis{Type: "category", Inverse: opts.Bool(true)}
	if l, ok := mark(c, "label"); ok {
		ya.AxisLabel = &opts.AxisLabel{Color: l.Style.Fill, FontSize: int(math.Round(l.Size)), FontFamily: FontFamily, Margin: l.Size * 0.6}
	}
	if b, ok := markByID(c, "axis/baseline"); ok {
		ya.AxisLine = &opts.AxisLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: b.Style.Stroke, Width: float32(b.Style.StrokeWidth)}}
	}

	// Grid: the model's plot box, left and right margins in pixels (labels and values fit
	// there at any width), the bottom leaving room for tick labels and the axis title.
	grid := opts.Grid{Top: px(plotTop(c)), Left: "40%", Right: "10%", Bottom: "48"}
	if len(ticks) > 0 {
		grid.Left = px(ticks[0].At.X * slack)
		grid.Right = px(c.W - ticks[len(ticks)-1].At.X)
	}
	if a, ok := markByID(c, "axis/title"); ok {
		grid.Bottom = px(below(a) + a.Size*2.2)
	}

	thick := 0.0
	if len(bars) > 0 {
		thick = bars[0].Rect.H
	}
	valueLabel := opts.Label{Show: opts.Bool(true), Position: "right", FontFamily: FontFamily}
	if v, ok := mark(c, "value"); ok {
		valueLabel.Color, valueLabel.FontSize = v.Style.Fill, float32(math.Round(v.Size))
		if v.Bold {
			valueLabel.FontWeight = "bold"
		}
	}

	b := gecharts.NewBar()
	b.SetGlobalOptions(common(c, palette(bars))...)
	b.SetGlobalOptions(
		gecharts.WithGridOpts(grid),
		gecharts.WithXAxisOpts(xa),
		gecharts.WithYAxisOpts(ya),
	)
	b.SetXAxis(cats).XYReversal()
	b.AddSeries(c.Title, nil,
		gecharts.WithSeriesOpts(func(s *gecharts.SingleSeries) { s.Data = items }),
		gecharts.WithBarChartOpts(opts.BarChart{BarWidth: px(thick)}),
		gecharts.WithLabelOpts(valueLabel),
	)
	b.Accept(visitor{
		xAxis:     extra,
		yAxis:     yAxisExtra{AxisTick: &opts.AxisTick{Show: opts.Bool(false)}},
		textStyle: opts.TextStyle{FontFamily: FontFamily},
	})
	return b
}

func markByID(c *charts.Chart, id string) (charts.Mark, bool) { return c.Mark(id) }
