package echarts

import (
	"math"
	"strconv"
	"strings"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"

	"azflows/charts"
)

// timelineItem is a marker on the time axis: x the year the model placed it at (its start),
// y the model's row in pixels.
type timelineItem struct {
	Name         string    `json:"name"`
	Value        []float64 `json:"value"`
	Datum        string    `json:"datum"`
	TooltipLines []string  `json:"tooltipLines"`
	ItemStyle    itemStyle `json:"itemStyle"`
	Symbol       string    `json:"symbol"`
	SymbolSize   float64   `json:"symbolSize"`
}

// timelineOption translates the timeline: a value x axis in years (the model's axis, from its
// year ticks), a y axis in the model's pixels (hidden) so that rows stay where the model put
// them; a scatter of every dated marker at its year, a line for each span, the chosen year as
// a shaded area, and every text where the model put it. Undated records are drawn apart from
// the axis, as the model does, never at a year.
func timelineOption(c *charts.Chart, assetsHost string) (*gecharts.BaseConfiguration, map[string]any) {
	base, opt := frameOption(c, assetsHost, nil)
	line, ok := c.Mark("axis/line")
	if !ok || len(line.Points) < 2 {
		return base, opt
	}
	year := yearScale(c)
	axisY := line.Points[0].Y
	lo, hi := year(line.Points[0].X), year(line.Points[1].X)
	grid := panelGrid{Left: pct(line.Points[0].X, c.W), Width: pct(line.Points[1].X-line.Points[0].X, c.W), Top: "0", Height: px(c.H)}
	zero, h := 0.0, c.H
	xa := panelAxis{Type: "value", Show: true, Min: &lo, Max: &hi, Interval: 5, AxisLabel: &axisLabel{Show: false},
		AxisLine: &axisLine{Show: false}, AxisTick: &show{false}, SplitLine: &splitLine{Show: false}}
	ya := panelAxis{Type: "value", Show: false, Min: &zero, Max: &h, Inverse: true}

	var points []timelineItem
	var series []panelSeries
	var undated []charts.Mark
	for _, m := range c.Marks {
		if !strings.HasPrefix(m.ID, "marker/") {
			continue
		}
		b := m.Bounds()
		yc := round1(b.Y + b.H/2)
		if b.Y > axisY { // the not-dated lane: no place on the axis
			undated = append(undated, m)
			continue
		}
		st := styleOf(m.Style)
		if m.Style.Fill == "" || m.Style.Fill == c.Background {
			st.Color = c.Background
		}
		points = append(points, timelineItem{Name: m.Label, Value: []float64{m.Value, yc}, Datum: m.Datum, TooltipLines: charts.TooltipLines(c.Lang, m.Datum),
			ItemStyle: st, Symbol: "rect", SymbolSize: round1(min(b.H, 12))})
		if x1 := year(b.X + b.W); m.Kind == charts.RectMark && x1-m.Value > 0.2 {
			ls := dashed{Color: m.Style.Fill, Width: round1(b.H), Type: "solid"}
			if ls.Color == "" || ls.Color == c.Background {
				ls.Color = m.Style.Stroke
			}
			if len(m.Style.Dash) > 0 { // not exactly dated: a dashed line in the outline colour
				ls = dashed{Color: m.Style.Stroke, Width: 3, Type: "dashed"}
			}
			series = append(series, panelSeries{Type: "line", Name: m.ID, Symbol: "none", Silent: true, LineStyle: &ls,
				Data: [][]float64{{m.Value, yc}, {x1, yc}}})
		}
	}
	scatter := panelSeries{Type: "scatter", Name: c.Title, Z: 3, Data: points}
	series = append([]panelSeries{scatter}, series...)
	for i := range series {
		series[i].XAxisIndex, series[i].YAxisIndex = 0, 0
	}

	var texts []charts.Mark
	for _, m := range c.Marks {
		if m.Kind == charts.TextMark && m.Role != "title" && m.Role != "subtitle" && m.Role != "source" && m.Role != "note" {
			texts = append(texts, m)
		}
	}
	var g []any
	for _, t := range graphic(c, texts) {
		g = append(g, t)
	}
	g = append(g, map[string]any{"type": "line", "id": "axis/line", "silent": true, "left": pct(line.Points[0].X, c.W), "top": round1(axisY),
		"shape": map[string]any{"x1": 0, "y1": 0, "x2": round1(line.Points[1].X - line.Points[0].X), "y2": 0},
		"style": map[string]any{"stroke": line.Style.Stroke, "lineWidth": line.Style.StrokeWidth}})
	for _, m := range undated {
		g = append(g, outline(c, m))
	}
	opt["grid"], opt["xAxis"], opt["yAxis"], opt["series"], opt["graphic"] = []panelGrid{grid}, []panelAxis{xa}, []panelAxis{ya}, withSelection(c, series, year), g
	return base, opt
}

// withSelection shades the chosen year as the model does, as a mark area of the first series.
func withSelection(c *charts.Chart, series []panelSeries, year func(float64) float64) []any {
	out := make([]any, len(series))
	for i, s := range series {
		out[i] = s
	}
	sel, ok := c.Mark("selected/" + strconv.Itoa(c.Year))
	if !ok || len(series) == 0 {
		return out
	}
	type area struct {
		panelSeries
		MarkArea map[string]any `json:"markArea"`
	}
	out[0] = area{series[0], map[string]any{"silent": true, "itemStyle": map[string]any{"color": sel.Style.Fill, "opacity": sel.Style.Opacity},
		"data": [][]map[string]float64{{{"xAxis": year(sel.Rect.X), "yAxis": round1(sel.Rect.Y)}, {"xAxis": year(sel.Rect.X + sel.Rect.W), "yAxis": round1(sel.Rect.Y + sel.Rect.H)}}}}}
	return out
}

// yearScale maps a model x to the year there, from the model's yearly tick marks.
func yearScale(c *charts.Chart) func(x float64) float64 {
	var xs, ys []float64
	for _, m := range prefixed(c, "tick/") {
		y, err := strconv.Atoi(strings.TrimPrefix(m.ID, "tick/"))
		if err != nil || len(m.Points) == 0 {
			continue
		}
		xs, ys = append(xs, m.Points[0].X), append(ys, float64(y))
	}
	if len(xs) < 2 {
		return func(x float64) float64 { return x }
	}
	n := len(xs) - 1
	return func(x float64) float64 {
		return math.Round((ys[0]+(x-xs[0])/(xs[n]-xs[0])*(ys[n]-ys[0]))*1000) / 1000
	}
}
