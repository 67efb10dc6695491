package echarts

import (
	"azflows/charts"
)

type grid struct {
	Left   float64 `json:"left"`
	Top    float64 `json:"top"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}

type axis struct {
	Type      string   `json:"type"`
	GridIndex int      `json:"gridIndex"`
	Show      bool     `json:"show"`
	Min       *float64 `json:"min,omitempty"`
	Max       *float64 `json:"max,omitempty"`
	Interval  float64  `json:"interval,omitempty"`
	Inverse   bool     `json:"inverse,omitempty"`
	Data      []string `json:"data,omitempty"`
}

type series struct {
	Type             string  `json:"type"`
	Name             string  `json:"name"`
	CoordinateSystem string  `json:"coordinateSystem,omitempty"`
	XAxisIndex       int     `json:"xAxisIndex"`
	YAxisIndex       int     `json:"yAxisIndex"`
	BarWidth         float64 `json:"barWidth,omitempty"`
	BarGap           string  `json:"barGap,omitempty"`
	Stack            string  `json:"stack,omitempty"`
	Silent           bool    `json:"silent,omitempty"`
	Z                int     `json:"z"`
	Data             []any   `json:"data"`
}

// barItem is a bar of a row; the value is the bar's length on the panel's scale.
type barItem struct {
	Name         string    `json:"name"`
	Value        float64   `json:"value"`
	Datum        string    `json:"datum,omitempty"`
	TooltipLines []string  `json:"tooltipLines,omitempty"`
	ItemStyle    itemStyle `json:"itemStyle"`
}

// scatterItem is a mark on a panel with two scales at its start (From) and its middle line,
// its symbol the mark's rect, moved by the offset from that point to the rect's middle.
type scatterItem struct {
	Name         string     `json:"name"`
	Value        [2]float64 `json:"value"`
	Datum        string     `json:"datum"`
	TooltipLines []string   `json:"tooltipLines"`
	Symbol       string     `json:"symbol"`
	SymbolSize   [2]float64 `json:"symbolSize"`
	SymbolOffset [2]float64 `json:"symbolOffset"`
	ItemStyle    itemStyle  `json:"itemStyle"`
}

// shapeItem is a mark drawn by the page's renderItem from its points (in the coordinates of
// the series' grid: the chart's pixels); value is the point the tooltip is anchored at.
type shapeItem struct {
	Name         string       `json:"name"`
	Value        [2]float64   `json:"value"`
	Datum        string       `json:"datum"`
	TooltipLines []string     `json:"tooltipLines"`
	Count        float64      `json:"count,omitempty"` // the persons a band or arc stands for
	Source       string       `json:"source,omitempty"`
	Target       string       `json:"target,omitempty"`
	Points       [][2]float64 `json:"points"`
	Closed       bool         `json:"closed"`
	ShapeStyle   style        `json:"shapeStyle"`
}

// translation is what the chart becomes besides the page frame.
type translation struct {
	Grid    []grid
	XAxis   []axis
	YAxis   []axis
	Series  []series
	Graphic []element
}

func (t *translation) addGrid(r charts.Rect, x, y axis) int {
	i := len(t.Grid)
	t.Grid = append(t.Grid, grid{r1(r.X), r1(r.Y), r1(r.W), r1(r.H)})
	x.GridIndex, y.GridIndex = i, i
	t.XAxis, t.YAxis = append(t.XAxis, x), append(t.YAxis, y)
	return i
}

// scaleAxis is a panel's scale as a value axis: the model's domain and tick step. The model
// draws the axis itself (graphic), so echarts only uses it to place items. echarts' x axis
// grows to the right and its y axis upwards; pixels grow to the right and downwards.
func scaleAxis(s charts.Linear, ticks []charts.Tick, vertical bool) axis {
	lo, hi := min(s.D0, s.D1), max(s.D0, s.D1)
	a := axis{Type: "value", Min: &lo, Max: &hi}
	if len(ticks) > 1 {
		a.Interval = ticks[1].Value - ticks[0].Value
	}
	grows := (s.D1 > s.D0) == (s.R1 > s.R0) // pixels grow with the value
	a.Inverse = grows == vertical
	return a
}

func hasScale(s charts.Linear) bool { return s.D0 != s.D1 && s.R0 != s.R1 }

// translate turns every mark of c into a series item or a graphic element.
func translate(c *charts.Chart) translation {
	var t translation
	done := map[string]bool{} // ids of marks translated as series items
	for _, p := range c.Panels {
		switch {
		case hasScale(p.X) && hasScale(p.Y):
			t.scatterPanel(c, p, done)
		case hasScale(p.X) && len(p.Rows) > 0:
			t.barPanel(c, p, done)
		}
	}
	t.freeShapes(c, done)
	for _, m := range c.Marks {
		switch {
		case done[m.ID] || m.Role == charts.RoleCountry:
		case m.Kind == charts.TextMark:
			switch m.Role {
			case charts.RoleNote, charts.RoleSource: // the caption under the chart, whole (Chart.Notes, the source line)
			default:
				t.Graphic = append(t.Graphic, textElement(m))
			}
		case !m.Interactive():
			t.Graphic = append(t.Graphic, shapeElement(m))
		}
	}
	return t
}

// isData reports whether m is a shape that shows a datum.
func isData(m charts.Mark) bool { return m.Interactive() && m.Kind != charts.TextMark }

// barPanel gives each row with bars a grid at the row's band, on the panel's scale.
func (t *translation) barPanel(c *charts.Chart, p charts.Panel, done map[string]bool) {
	for _, row := range p.Rows {
		var ms []charts.Mark
		for _, m := range c.Marks {
			if isData(m) && m.Kind == charts.RectMark && m.Panel == p.ID && m.Row == row.Key {
				ms = append(ms, m)
			}
		}
		if len(ms) == 0 {
			continue
		}
		g := t.addGrid(charts.Rect{X: p.Rect.X, Y: row.Y0, W: p.Rect.W, H: row.Y1 - row.Y0}, scaleAxis(p.X, p.Ticks, false),
			axis{Type: "category", Data: []string{row.Label}})
		stack := ""
		for i, m := range ms {
			done[m.ID] = true
			// Bars of a row overlay in the model's order (a part over its whole).
			s := series{Type: "bar", Name: m.ID, XAxisIndex: g, YAxisIndex: g, BarWidth: r1(m.Rect.H), BarGap: "-100%", Z: zSeries + i}
			it := barItem{Name: m.Label, Value: m.Value, Datum: m.Datum, TooltipLines: c.Tips[m.Datum], ItemStyle: styleOf(m.Style)}
			if m.From != 0 || m.To != 0 { // a piece of a range: stacked after what comes before it
				if stack == "" {
					stack = p.ID + "/" + row.Key
					t.Series = append(t.Series, series{Type: "bar", Name: m.ID + "/start", XAxisIndex: g, YAxisIndex: g, BarWidth: r1(m.Rect.H),
						Stack: stack, Silent: true, Z: zSeries, Data: []any{barItem{Name: m.Label, Value: m.From, ItemStyle: itemStyle{Color: "transparent"}}}})
				}
				s.Stack, s.BarGap, it.Value = stack, "", m.To-m.From
			}
			s.Data = []any{it}
			t.Series = append(t.Series, s)
		}
	}
}

// scatterPanel places each mark of a panel with two scales at its values: its start (From) on
// the X scale, its YValue on the Y scale; its symbol is the mark's rect, moved from that
// point to the rect's middle.
func (t *translation) scatterPanel(c *charts.Chart, p charts.Panel, done map[string]bool) {
	var items []any
	for _, m := range c.Marks {
		if !isData(m) || m.Kind != charts.RectMark || m.Panel != p.ID {
			continue
		}
		done[m.ID] = true
		off := m.Rect.X + m.Rect.W/2 - p.X.Map(m.From)
		items = append(items, scatterItem{Name: m.Label, Value: [2]float64{m.From, r1(m.YValue)}, Datum: m.Datum, TooltipLines: c.Tips[m.Datum],
			Symbol: "rect", SymbolSize: [2]float64{r1(m.Rect.W), r1(m.Rect.H)}, SymbolOffset: [2]float64{r1(off), 0}, ItemStyle: styleOf(m.Style)})
	}
	if len(items) == 0 {
		return
	}
	g := t.addGrid(p.Rect, scaleAxis(p.X, p.Ticks, false), scaleAxis(p.Y, nil, true))
	t.Series = append(t.Series, series{Type: "scatter", Name: p.ID, XAxisIndex: g, YAxisIndex: g, Z: zSeries, Data: items})
}

// freeShapes draws the data marks no scale placed as custom series items, one series per
// role in the model's order, on a grid whose axes are the chart's pixels.
func (t *translation) freeShapes(c *charts.Chart, done map[string]bool) {
	var roles []charts.Role
	byRole := map[charts.Role][]any{}
	for _, m := range c.Marks {
		if !isData(m) || done[m.ID] || m.Role == charts.RoleCountry {
			continue
		}
		done[m.ID] = true
		if _, ok := byRole[m.Role]; !ok {
			roles = append(roles, m.Role)
		}
		ctr := m.Center()
		it := shapeItem{Name: m.Label, Value: [2]float64{r1(ctr.X), r1(ctr.Y)}, Datum: m.Datum, TooltipLines: c.Tips[m.Datum],
			Source: m.Source, Target: m.Target, Points: points(m), Closed: m.Closed || m.Kind == charts.RectMark,
			ShapeStyle: shapeStyle(m.Style, m.Closed || m.Kind == charts.RectMark)}
		if m.Role == charts.RoleArc || m.Role == charts.RoleBand {
			it.Count = m.Value
		}
		byRole[m.Role] = append(byRole[m.Role], it)
	}
	if len(roles) == 0 {
		return
	}
	pixels := charts.Rect{W: c.W, H: c.H}
	g := t.addGrid(pixels, scaleAxis(charts.Linear{D0: 0, D1: c.W, R0: 0, R1: c.W}, nil, false), scaleAxis(charts.Linear{D0: 0, D1: c.H, R0: 0, R1: c.H}, nil, true))
	for _, r := range roles {
		t.Series = append(t.Series, series{Type: "custom", Name: string(r) + "s", CoordinateSystem: "cartesian2d", XAxisIndex: g, YAxisIndex: g, Z: zSeries, Data: byRole[r]})
	}
}
