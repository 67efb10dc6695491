package echarts

import (
	"math"
	"sort"
	"strconv"
	"strings"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"azflows/charts"
)

// missingItem is a category a year lacks: no bar ("-" is echarts' empty value), the model's
// words in a graphic text beside it.
type missingItem struct {
	Name         string   `json:"name"`
	Value        string   `json:"value"`
	Datum        string   `json:"datum"`
	Text         string   `json:"text"`
	TooltipLines []string `json:"tooltipLines"`
}

// barsOption translates the small multiples of the bars view: one grid per year panel (left to
// right as in the model), each with the model's rows as an inverse category axis and the same
// value axis (0 to the model's last tick); the chosen year's grid is outlined.
func barsOption(c *charts.Chart, assetsHost string) (*gecharts.BaseConfiguration, map[string]any) {
	bars := marks(c, "bar")
	base, opt := frameOption(c, assetsHost, palette(bars))

	// Rows: the row labels, top to bottom; a bar belongs to the row whose label it faces.
	labels := marks(c, "label")
	sort.SliceStable(labels, func(i, j int) bool { return labels[i].At.Y < labels[j].At.Y })
	rowOf := func(cy float64) int {
		best, d := 0, math.Inf(1)
		for i, l := range labels {
			if dd := math.Abs(l.At.Y - l.Size*0.35 - cy); dd < d {
				best, d = i, dd
			}
		}
		return best
	}
	cats := make([]string, len(labels))
	for i, l := range labels {
		cats[i] = l.Text
	}
	for _, b := range bars {
		cats[rowOf(b.Rect.Y+b.Rect.H/2)] = b.Label
	}

	var grids []panelGrid
	var xs, ys []panelAxis
	var series []panelSeries
	var texts []charts.Mark
	for i, yr := range panelYears(c) {
		base0, ok := c.Mark("axis/baseline/" + yr)
		if !ok || len(base0.Points) < 2 {
			continue
		}
		ticks := prefixed(c, "tick/"+yr+"/")
		gridLines := prefixed(c, "grid/"+yr+"/")
		if len(ticks) == 0 || len(gridLines) == 0 {
			continue
		}
		x0, x1 := ticks[0].At.X, ticks[len(ticks)-1].At.X
		top, bottom := base0.Points[0].Y, base0.Points[1].Y
		g := panelGrid{Left: pct(x0, c.W), Width: pct(x1-x0, c.W), Top: px(top), Height: px(bottom - top)}
		if _, chosen := c.Mark("selected/" + yr); chosen {
			s, _ := c.Mark("selected/" + yr)
			g.Show, g.BorderColor, g.BorderWidth = true, s.Style.Stroke, s.Style.StrokeWidth
		}
		grids = append(grids, g)

		hi, _ := strconv.ParseFloat(ticks[len(ticks)-1].Text, 64)
		step := hi
		if len(ticks) > 1 {
			v1, _ := strconv.ParseFloat(ticks[1].Text, 64)
			step = v1
		}
		xs = append(xs, valueAxis(i, 0, hi, step, ticks[0], gridLines[0]))
		ya := panelAxis{Type: "category", GridIndex: i, Show: true, Inverse: true, Data: cats, AxisTick: &show{false},
			AxisLine: &axisLine{Show: true, LineStyle: &lineStyle{Color: base0.Style.Stroke}}, AxisLabel: &axisLabel{Show: false}}
		if i == 0 && len(labels) > 0 {
			l := labels[0]
			ya.AxisLabel = &axisLabel{Show: true, Color: l.Style.Fill, FontSize: math.Round(l.Size), FontFamily: FontFamily,
				Width: x0 - l.Size, Overflow: "truncate", Margin: l.Size * 0.6}
		}
		ys = append(ys, ya)

		data := make([]any, len(cats))
		thick := 0.0
		for _, b := range bars {
			if math.Abs(b.Rect.X-base0.Points[0].X) > 0.5 {
				continue
			}
			thick = b.Rect.H
			data[rowOf(b.Rect.Y+b.Rect.H/2)] = barItem{Name: b.Label, Value: b.Value, Datum: b.Datum, TooltipLines: charts.TooltipLines(c.Lang, b.Datum),
				ItemStyle: styleOf(b.Style),
				Label:     &label{Label: valueLabel(c, literal(valueText(c, b.Datum), "{c}"))}}
		}
		for _, m := range prefixed(c, "missing/"+yr+"/") {
			r := rowOf(m.At.Y - m.Size*0.35)
			lines := charts.TooltipLines(c.Lang, m.Datum)
			if len(lines) == 0 {
				lines = []string{cats[r] + ", " + yr + ": " + m.Text}
			}
			data[r] = missingItem{Name: cats[r], Value: "-", Datum: m.Datum, Text: m.Text, TooltipLines: lines}
			texts = append(texts, m)
		}
		s := panelSeries{Type: "bar", Name: yr, XAxisIndex: i, YAxisIndex: i, BarWidth: px(thick), Data: data}
		series = append(series, s)
		texts = append(texts, prefixed(c, "year/"+yr)...)
		texts = append(texts, prefixed(c, "total/"+yr)...)
	}
	if a, ok := c.Mark("axis/title"); ok {
		texts = append(texts, a)
	}
	opt["grid"], opt["xAxis"], opt["yAxis"], opt["series"], opt["graphic"] = grids, xs, ys, series, graphic(c, texts)
	return base, opt
}

// valueLabel is a bar's value label in the font of the model's value marks.
func valueLabel(c *charts.Chart, formatter string) opts.Label {
	l := opts.Label{Show: opts.Bool(true), Position: "right", FontFamily: FontFamily, Formatter: formatter}
	if v, ok := mark(c, "value"); ok {
		l.Color, l.FontSize = v.Style.Fill, float32(math.Round(v.Size))
		if v.Bold {
			l.FontWeight = "bold"
		}
	}
	return l
}

// panelYears are the years of the model's panels, left to right.
func panelYears(c *charts.Chart) []string {
	var out []string
	for _, m := range c.Marks {
		if strings.HasPrefix(m.ID, "year/") {
			out = append(out, strings.TrimPrefix(m.ID, "year/"))
		}
	}
	return out
}

// prefixed are the marks whose id starts with p, in model order.
func prefixed(c *charts.Chart, p string) []charts.Mark {
	var out []charts.Mark
	for _, m := range c.Marks {
		if strings.HasPrefix(m.ID, p) {
			out = append(out, m)
		}
	}
	return out
}
