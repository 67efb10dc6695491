package echarts

import (
	"math"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"azflows/charts"
)

// flowChart translates the flow view to a sankey: nodes from the node marks, links from the
// band marks, both in the model's order, at the model's pixels per person so that band widths
// compare across years as in the model.
func flowChart(c *charts.Chart) *gecharts.Sankey {
	nodes, bands := marks(c, "node"), marks(c, "band")
	origin := map[string]bool{}
	for _, b := range bands {
		origin[b.Source] = true
	}

	var items []sankeyNode
	for _, m := range nodes {
		lb := &label{Label: opts.Label{Position: "right", Formatter: "{b}"}}
		if v := literal(valueText(c, m.Datum), ""); v != "" && !origin[m.Label] {
			// "Turkey  19", the value bold, as the model's label and value marks
			lb.Formatter = "{b}  {v|" + v + "}"
			lb.Rich = map[string]opts.TextStyle{"v": {FontWeight: "bold"}}
		}
		if origin[m.Label] {
			lb.Position, lb.FontWeight = "left", "bold"
		}
		items = append(items, sankeyNode{
			Name: m.Label, Datum: m.Datum, TooltipLines: charts.TooltipLines(c.Lang, m.Datum),
			ItemStyle: styleOf(m.Style), Label: lb,
		})
	}

	var links []sankeyLink
	for _, b := range bands {
		ls := lineStyle{Color: b.Style.Fill, Opacity: b.Style.Opacity}
		if len(b.Style.Dash) > 0 && (b.Style.Fill == "" || b.Style.Fill == c.Background) {
			// An outline-only band (what the source leaves unplaced): links cannot be dashed
			// or outlined, so draw it in the outline colour, lighter than the others.
			ls = lineStyle{Color: b.Style.Stroke, Opacity: 0.25}
		}
		links = append(links, sankeyLink{
			Source: b.Source, Target: b.Target, Value: b.Value, Datum: b.Datum,
			TooltipLines: charts.TooltipLines(c.Lang, b.Datum), LineStyle: ls,
		})
	}

	// Geometry from the model: node width, left and right margins, and the pixels per person
	// (echarts fits the tallest column into the series height minus the gaps, so the height
	// follows from the scale). The column is centred under the title.
	ext := sankeyExtra{LayoutIterations: 0}
	left, right, nodeW, k := 0.0, 0.0, 10.0, 0.0
	for _, m := range nodes {
		if origin[m.Label] {
			left = m.Rect.X
			if m.Value > 0 {
				k = m.Rect.H / m.Value
			}
		} else {
			right = max(right, m.Rect.X+m.Rect.W)
		}
		nodeW = m.Rect.W
	}
	fontSize := 13.0
	if l, ok := mark(c, "label"); ok {
		fontSize = l.Size
	}
	gap := math.Ceil(fontSize * 1.25) // labels of adjacent nodes never collide
	top := plotTop(c)
	avail := c.H - top - 14
	perColumn := map[string]int{}
	total := map[string]float64{}
	for _, b := range bands {
		perColumn[b.Source]++
		total[b.Source] += b.Value
	}
	for src, n := range perColumn {
		ext.Height = max(ext.Height, k*total[src]+gap*float64(n-1))
	}
	if ext.Height <= 0 || ext.Height > avail {
		ext.Height = avail
	}
	top += (avail - ext.Height) / 2
	// echarts puts each column's first node at the top; centre the origin as the model does.
	for i, m := range nodes {
		if origin[m.Label] && ext.Height > 0 {
			y := max(0, (ext.Height-m.Rect.H)/2/ext.Height)
			items[i].LocalY = &y
		}
	}

	s := gecharts.NewSankey()
	s.SetGlobalOptions(common(c, palette(nodes))...)
	s.AddSeries(c.Title, nil, nil,
		gecharts.WithSeriesOpts(func(ss *gecharts.SingleSeries) {
			ss.Data, ss.Links = items, links
			ss.Left, ss.Right, ss.Top = px(left*slack), px((c.W-right)*slack), px(top)
			ss.NodeWidth, ss.NodeGap = opts.Int(int(math.Round(nodeW))), opts.Int(int(gap))
			ss.Draggable = opts.Bool(false)
		}),
		gecharts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Color: charts.Ink, FontSize: float32(math.Round(fontSize)), FontFamily: FontFamily}),
		gecharts.WithEmphasisOpts(opts.Emphasis{Focus: "adjacency"}),
	)
	s.Accept(visitor{sankey: &ext, textStyle: opts.TextStyle{FontFamily: FontFamily}})
	return s
}
