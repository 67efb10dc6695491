package echarts

import (
	"math"
	"strconv"
	"strings"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"

	"azflows/charts"
)

// scaleOf is the value a model x position stands for on an axis, from its tick marks (text
// values at their x); ok is false without two distinct ticks.
func scaleOf(ticks []charts.Mark) (func(x float64) float64, bool) {
	var xs, vs []float64
	for _, t := range ticks {
		v, err := strconv.ParseFloat(strings.ReplaceAll(t.Text, ",", ""), 64)
		if err != nil {
			continue
		}
		xs, vs = append(xs, t.At.X), append(vs, v)
	}
	if len(xs) < 2 || xs[len(xs)-1] == xs[0] {
		return nil, false
	}
	x0, x1, v0, v1 := xs[0], xs[len(xs)-1], vs[0], vs[len(vs)-1]
	return func(x float64) float64 { return math.Round((v0+(x-x0)/(x1-x0)*(v1-v0))*1000) / 1000 }, true
}

// comparePanel is one scale of the compare view: its bars (model order), ticks and grid.
type comparePanel struct {
	name  string
	bars  []charts.Mark
	ticks []charts.Mark
	grid  []charts.Mark
}

// compareOption translates the compare view: one grid per scale the model draws (official
// counts, NGO estimate, ages), each bar from its mark; parts and ranges stacked as the model
// draws them; every other text where the model put it.
func compareOption(c *charts.Chart, assetsHost string) (*gecharts.BaseConfiguration, map[string]any) {
	base, opt := frameOption(c, assetsHost, palette(marks(c, "bar")))
	var grids []panelGrid
	var xs, ys []panelAxis
	var series []panelSeries
	shown := map[string]bool{} // value marks drawn as bar labels
	for _, name := range []string{"official", "ngo", "age"} {
		p := comparePanel{name: name, ticks: prefixed(c, "tick/"+name+"/"), grid: prefixed(c, "grid/"+name+"/")}
		inv, ok := scaleOf(p.ticks)
		if !ok || len(p.grid) == 0 {
			continue
		}
		x0, x1 := p.ticks[0].At.X, p.ticks[len(p.ticks)-1].At.X
		lo, hi := inv(x0), inv(x1)
		g := p.grid[0].Points
		top, bottom := g[0].Y, g[len(g)-1].Y
		for _, m := range marks(c, "bar") {
			if m.Kind == charts.RectMark && m.Rect.X >= x0-0.5 && m.Rect.X+m.Rect.W <= x1+0.5 && m.Rect.Y >= top-3 && m.Rect.Y+m.Rect.H <= bottom+3 {
				p.bars = append(p.bars, m)
			}
		}
		if len(p.bars) == 0 {
			continue
		}
		gi := len(grids)
		gr := panelGrid{Left: pct(x0, c.W), Width: pct(x1-x0, c.W), Top: px(top), Height: px(bottom - top)}
		grids = append(grids, gr)
		xs = append(xs, valueAxis(gi, lo, hi, inv(p.ticks[min(1, len(p.ticks)-1)].At.X)-lo, p.ticks[0], p.grid[0]))

		// Rows: bars that start where the axis starts are rows; the others lie on a row
		// (a part inside its whole, the rest of a range after its start).
		var rows []charts.Mark
		for _, b := range p.bars {
			if !strings.HasPrefix(b.ID, "part/") && !strings.HasPrefix(b.ID, "range") {
				rows = append(rows, b)
			}
		}
		if len(rows) == 0 {
			rows = p.bars[:1]
		}
		var cats []string
		for _, r := range rows {
			cats = append(cats, r.Label)
		}
		rowOf := func(b charts.Mark) int {
			best, d := 0, math.Inf(1)
			for j, r := range rows {
				if dd := math.Abs(r.Rect.Y - b.Rect.Y); dd < d {
					best, d = j, dd
				}
			}
			return best
		}
		ys = append(ys, panelAxis{Type: "category", GridIndex: gi, Show: true, Inverse: true, Data: cats,
			AxisLabel: &axisLabel{Show: false}, AxisTick: &show{false}, AxisLine: &axisLine{Show: name == "official", LineStyle: &lineStyle{Color: charts.Muted}}})

		add := func(name string, ms []charts.Mark, stack bool, values func(charts.Mark) float64) {
			data := make([]any, len(rows))
			for j := range data {
				data[j] = "-"
			}
			th := 0.0
			for _, m := range ms {
				th = m.Rect.H
				it := barItem{Name: m.Label, Value: values(m), Datum: m.Datum, TooltipLines: charts.TooltipLines(c.Lang, m.Datum), ItemStyle: styleOf(m.Style)}
				if m.Style.Fill == "" {
					it.ItemStyle.Color = "transparent" // an estimate: outline only, no solid fill
				}
				if v, ok := c.Mark("value/" + m.Datum); ok && !stack {
					it.Label = &label{Label: valueLabel(c, literal(v.Text, "{c}"))}
					it.Label.Color = v.Style.Fill
					shown[v.ID] = true
				}
				data[rowOf(m)] = it
			}
			s := panelSeries{Type: "bar", Name: name, XAxisIndex: gi, YAxisIndex: gi, BarWidth: px(th), Data: data}
			if stack {
				s.Stack = p.name
			} else {
				s.BarGap = "-100%" // parts overlay their whole
			}
			series = append(series, s)
		}
		var whole, parts, ranges []charts.Mark
		for _, b := range p.bars {
			switch {
			case strings.HasPrefix(b.ID, "part/"):
				parts = append(parts, b)
			case strings.HasPrefix(b.ID, "range"):
				ranges = append(ranges, b)
			default:
				whole = append(whole, b)
			}
		}
		if len(whole) > 0 {
			add(name, whole, false, func(m charts.Mark) float64 { return m.Value })
		}
		if len(parts) > 0 {
			add(name+" (part)", parts, false, func(m charts.Mark) float64 { return m.Value })
		}
		if len(ranges) > 0 {
			// A range: an empty bar to its start, then each piece's length, stacked.
			start := ranges[0]
			series = append(series, panelSeries{Type: "bar", Name: name + " (below the range)", XAxisIndex: gi, YAxisIndex: gi, BarWidth: px(start.Rect.H),
				Stack: p.name, Silent: true, Data: []any{map[string]any{"value": inv(start.Rect.X), "itemStyle": map[string]any{"color": "transparent"}}}})
			for _, r := range ranges {
				r := r
				add(name+" "+r.ID, []charts.Mark{r}, true, func(m charts.Mark) float64 { return inv(m.Rect.X+m.Rect.W) - inv(m.Rect.X) })
			}
		}
	}

	var texts []charts.Mark
	for _, m := range c.Marks {
		if m.Kind != charts.TextMark || shown[m.ID] {
			continue
		}
		switch m.Role {
		case "title", "subtitle", "note", "source", "tick":
			continue
		}
		texts = append(texts, m)
	}
	gr := graphic(c, texts)
	var g []any
	for _, t := range gr {
		g = append(g, t)
	}
	if s, ok := c.Mark("selected/" + strconv.Itoa(c.Year)); ok {
		g = append(g, outline(c, s))
	}
	opt["grid"], opt["xAxis"], opt["yAxis"], opt["series"], opt["graphic"] = grids, xs, ys, series, g
	return base, opt
}

// outline is a stroked rectangle the model drew (the chosen year's rows), as a graphic.
func outline(c *charts.Chart, m charts.Mark) map[string]any {
	return map[string]any{"type": "rect", "id": m.ID, "left": pct(m.Rect.X, c.W), "top": round1(m.Rect.Y), "silent": true, "z": -1,
		"shape": map[string]any{"width": round1(m.Rect.W), "height": round1(m.Rect.H)},
		"style": map[string]any{"fill": "none", "stroke": m.Style.Stroke, "lineWidth": m.Style.StrokeWidth}}
}
