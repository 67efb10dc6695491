package echarts

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"azflows/charts"
	"azflows/i18n"
)

// The map view's fallback: the model's country shapes, registered with echarts by
// assets/basemap.js (BaseMapJS writes it from the model's marks, in the model's pixels, y
// negated because echarts reads the second coordinate as latitude), a geo component that shows
// them 1:1, the arcs as a lines series on it, and every text of the model as a label at the
// model's position.

// MapName is the name basemap.js registers the map under.
const MapName = "azflows-region"

// BaseMapAsset is the script, under the assets directory, that registers the map.
const BaseMapAsset = "basemap.js"

func init() {
	translators["map"] = func(c *charts.Chart, assetsHost string) (*gecharts.BaseConfiguration, map[string]any) {
		g := mapChart(c)
		g.AssetsHost = assetsHost
		g.Validate()
		return &g.BaseConfiguration, g.JSON()
	}
}

// xy is a model point in the coordinates of the registered map.
func xy(p charts.Point) [2]float64 {
	return [2]float64{math.Round(p.X*10) / 10, -math.Round(p.Y*10) / 10}
}

// BaseMapJS writes the script that registers the model's country shapes (laid out at W×H,
// the same for every year) as an echarts map.
func BaseMapJS(w io.Writer) error {
	c := charts.Build(charts.State{View: "map", Year: charts.Years[0]}, W, H)
	type feature struct {
		Type       string            `json:"type"`
		Properties map[string]string `json:"properties"`
		Geometry   struct {
			Type        string           `json:"type"`
			Coordinates [][][][2]float64 `json:"coordinates"`
		} `json:"geometry"`
	}
	var feats []*feature
	byName := map[string]*feature{}
	for _, m := range c.Marks {
		if m.Role != "country" || len(m.Points) < 3 {
			continue
		}
		f, ok := byName[m.Label]
		if !ok {
			f = &feature{Type: "Feature", Properties: map[string]string{"name": m.Label}}
			f.Geometry.Type = "MultiPolygon"
			byName[m.Label] = f
			feats = append(feats, f)
		}
		ring := make([][2]float64, 0, len(m.Points)+1)
		for _, p := range m.Points {
			ring = append(ring, xy(p))
		}
		ring = append(ring, ring[0])
		f.Geometry.Coordinates = append(f.Geometry.Coordinates, [][][2]float64{ring})
	}
	if len(feats) == 0 {
		return fmt.Errorf("echarts: the map has no country shapes (is the base map set?)")
	}
	b, err := json.Marshal(map[string]any{"type": "FeatureCollection", "features": feats})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "// The map view's country shapes (Natural Earth via world-atlas), in the chart model's pixels.\n"+
		"(function () { if (window.echarts) { window.echarts.registerMap(%q, %s); } })();\n", MapName, b)
	return err
}

type lineItem struct {
	Name         string       `json:"name"`
	FromName     string       `json:"fromName,omitempty"`
	ToName       string       `json:"toName,omitempty"`
	Value        float64      `json:"value"`
	Datum        string       `json:"datum,omitempty"`
	TooltipLines []string     `json:"tooltipLines,omitempty"`
	Coords       [][2]float64 `json:"coords"`
	LineStyle    lineStyleX   `json:"lineStyle"`
}

type lineStyleX struct {
	Color   string  `json:"color"`
	Width   float64 `json:"width"`
	Type    string  `json:"type,omitempty"`
	Opacity float64 `json:"opacity,omitempty"`
}

type pointItem struct {
	Name         string     `json:"name"`
	Value        [2]float64 `json:"value"`
	Datum        string     `json:"datum,omitempty"`
	TooltipLines []string   `json:"tooltipLines,omitempty"`
	Symbol       string     `json:"symbol"`
	SymbolSize   any        `json:"symbolSize"`
	SymbolRotate float64    `json:"symbolRotate,omitempty"`
	ItemStyle    *itemStyle `json:"itemStyle,omitempty"`
	Label        *textLabel `json:"label,omitempty"`
}

type textLabel struct {
	Show       bool    `json:"show"`
	Formatter  string  `json:"formatter"`
	Position   string  `json:"position"`
	Distance   float64 `json:"distance"`
	Color      string  `json:"color"`
	FontSize   float64 `json:"fontSize"`
	FontWeight string  `json:"fontWeight"`
	FontFamily string  `json:"fontFamily"`
}

type regionItem struct {
	Name         string    `json:"name"`
	Datum        string    `json:"datum,omitempty"`
	TooltipLines []string  `json:"tooltipLines,omitempty"`
	ItemStyle    areaStyle `json:"itemStyle"`
}

type areaStyle struct {
	AreaColor   string  `json:"areaColor"`
	BorderColor string  `json:"borderColor"`
	BorderWidth float64 `json:"borderWidth"`
}

// mapVisitor adds what go-echarts' geo types lack: the geo's layout and regions, and the
// per-series options of lines and labels.
type mapVisitor struct {
	visitor
	geo    map[string]any
	extras []map[string]any // per series, merged into it
}

func (v mapVisitor) VisitGeo(g opts.GeoComponent) any {
	out := map[string]any{"map": g.Map}
	for k, val := range v.geo {
		out[k] = val
	}
	return out
}

func (v mapVisitor) VisitSeriesOpt(series gecharts.MultiSeries) any {
	out := make([]any, len(series))
	for i, s := range series {
		b, _ := json.Marshal(s)
		m := map[string]any{}
		json.Unmarshal(b, &m)
		if i < len(v.extras) {
			for k, val := range v.extras[i] {
				m[k] = val
			}
		}
		out[i] = m
	}
	return out
}

// centreline is the middle of an arc band: halfway between its edges, then the arrow's tip.
func centreline(m charts.Mark) ([][2]float64, float64) {
	n := (len(m.Points) - 3) / 2
	var out [][2]float64
	width := 0.0
	for i := 0; i < n; i++ {
		a, b := m.Points[i], m.Points[len(m.Points)-1-i]
		out = append(out, xy(charts.Point{X: (a.X + b.X) / 2, Y: (a.Y + b.Y) / 2}))
		if i == n/2 {
			width = math.Hypot(a.X-b.X, a.Y-b.Y)
		}
	}
	out = append(out, xy(m.Points[n+1]))
	return out, math.Round(width*100) / 100
}

// arrowhead is the model's arrowhead of an arc (wing, tip, wing after the band's left edge) as
// a rotated triangle symbol.
func arrowhead(l i18n.Lang, m charts.Mark) pointItem {
	n := (len(m.Points) - 3) / 2
	tl, tip, r := m.Points[n], m.Points[n+1], m.Points[n+2]
	neck := charts.Point{X: (tl.X + r.X) / 2, Y: (tl.Y + r.Y) / 2}
	w, h := math.Hypot(tl.X-r.X, tl.Y-r.Y), math.Hypot(tip.X-neck.X, tip.Y-neck.Y)
	// echarts' triangle points up; turn it to the direction of travel (y up in degrees).
	rot := math.Atan2(-(tip.Y-neck.Y), tip.X-neck.X)*180/math.Pi - 90
	st := styleOf(m.Style)
	if len(m.Style.Dash) > 0 {
		st.BorderType = "solid"
	}
	return pointItem{Name: m.Label, Value: xy(charts.Point{X: (neck.X + tip.X) / 2, Y: (neck.Y + tip.Y) / 2}), Datum: m.Datum,
		TooltipLines: charts.TooltipLines(l, m.Datum), Symbol: "triangle", SymbolSize: []float64{math.Round(w*10) / 10, math.Round(h*10) / 10},
		SymbolRotate: math.Round(rot*10) / 10, ItemStyle: &st}
}

func mapChart(c *charts.Chart) *gecharts.Geo {
	var regions []regionItem
	var arcs, routes, keys []lineItem
	var texts, boxes, heads []pointItem
	seenRegion := map[string]bool{}
	for _, m := range c.Marks {
		switch {
		case m.Role == "country":
			if seenRegion[m.Label] {
				continue
			}
			seenRegion[m.Label] = true
			r := regionItem{Name: m.Label, ItemStyle: areaStyle{AreaColor: m.Style.Fill, BorderColor: m.Style.Stroke, BorderWidth: m.Style.StrokeWidth}}
			if m.Datum != "" {
				r.Datum, r.TooltipLines = m.Datum, charts.TooltipLines(c.Lang, m.Datum)
			}
			regions = append(regions, r)
		case m.Role == "arc":
			coords, w := centreline(m)
			ls := lineStyleX{Color: m.Style.Fill, Width: w, Opacity: 1}
			if len(m.Style.Dash) > 0 {
				ls.Type, ls.Color = "dashed", m.Style.Stroke
			}
			heads = append(heads, arrowhead(c.Lang, m))
			arcs = append(arcs, lineItem{Name: m.Label, FromName: m.Source, ToName: m.Target, Value: m.Value, Datum: m.Datum,
				TooltipLines: charts.TooltipLines(c.Lang, m.Datum), Coords: coords, LineStyle: ls})
		case m.Role == "route" && !strings.HasSuffix(m.ID, "/head"):
			var coords [][2]float64
			for _, p := range m.Points {
				coords = append(coords, xy(p))
			}
			routes = append(routes, lineItem{Name: m.Label, FromName: m.Source, ToName: m.Target, Datum: m.Datum, TooltipLines: charts.TooltipLines(c.Lang, m.Datum),
				Coords: coords, LineStyle: lineStyleX{Color: m.Style.Stroke, Width: m.Style.StrokeWidth, Type: "dotted"}})
		case m.Kind == charts.PathMark && m.Closed && (m.Role == "legend"):
			coords, w := centreline(m)
			ls := lineStyleX{Color: m.Style.Fill, Width: w, Opacity: 1}
			if len(m.Style.Dash) > 0 {
				ls.Type, ls.Color = "dashed", m.Style.Stroke
			}
			keys = append(keys, lineItem{Name: m.ID, Coords: coords, LineStyle: ls})
		case m.Kind == charts.PathMark && !m.Closed && m.Role == "legend":
			var coords [][2]float64
			for _, p := range m.Points {
				coords = append(coords, xy(p))
			}
			keys = append(keys, lineItem{Name: m.ID, Coords: coords, LineStyle: lineStyleX{Color: m.Style.Stroke, Width: m.Style.StrokeWidth, Type: "dotted"}})
		case m.Kind == charts.RectMark && m.Role != "mapframe":
			r := m.Rect
			st := styleOf(m.Style)
			it := pointItem{Name: m.ID, Value: xy(charts.Point{X: r.X + r.W/2, Y: r.Y + r.H/2}), Symbol: "rect",
				SymbolSize: []float64{math.Round(r.W*10) / 10, math.Round(r.H*10) / 10}, ItemStyle: &st}
			if m.Datum != "" {
				it.Datum, it.TooltipLines = m.Datum, charts.TooltipLines(c.Lang, m.Datum)
			}
			boxes = append(boxes, it)
		case m.Kind == charts.TextMark && m.Role != "title" && m.Role != "subtitle" && m.Role != "note" && m.Role != "source":
			// The label's left end, at the middle of the lowercase letters.
			x := m.At.X
			w := charts.TextWidth(m.Text, m.Size, m.Bold)
			switch m.Anchor {
			case charts.Middle:
				x -= w / 2
			case charts.End:
				x -= w
			}
			weight := "normal"
			if m.Bold {
				weight = "bold"
			}
			it := pointItem{Name: m.Text, Value: xy(charts.Point{X: x, Y: m.At.Y - m.Size*0.32}), Symbol: "circle", SymbolSize: 0,
				Label: &textLabel{Show: true, Formatter: literal(m.Text, "{b}"), Position: "right", Distance: 0, Color: m.Style.Fill,
					FontSize: math.Round(m.Size*10) / 10, FontWeight: weight, FontFamily: FontFamily}}
			if m.Datum != "" {
				it.Datum, it.TooltipLines = m.Datum, charts.TooltipLines(c.Lang, m.Datum)
			}
			texts = append(texts, it)
		}
	}

	g := gecharts.NewGeo()
	g.SetGlobalOptions(append(common(c, []string{charts.OfficialC}),
		gecharts.WithGeoComponentOpts(opts.GeoComponent{Map: MapName}))...)
	g.JSAssets.Add(BaseMapAsset)
	add := func(name, typ string, data any, extra map[string]any) {
		g.MultiSeries = append(g.MultiSeries, gecharts.SingleSeries{Name: name, Type: typ, CoordSystem: "geo", Data: data})
		extra["z"] = len(g.MultiSeries)
	}
	var extras []map[string]any
	if len(regions) > 0 {
		g.MultiSeries = append(g.MultiSeries, gecharts.SingleSeries{Name: "countries", Type: "map", Data: regions})
		extras = append(extras, map[string]any{"geoIndex": 0})
	}
	series := []struct {
		name, typ string
		data      any
		extra     map[string]any
	}{
		{"routes", "lines", routes, map[string]any{"polyline": true, "symbol": []string{"none", "arrow"}, "symbolSize": 6}},
		{"arcs", "lines", arcs, map[string]any{"polyline": true}},
		{"key", "lines", keys, map[string]any{"polyline": true, "silent": true}},
		{"heads", "scatter", heads, map[string]any{}},
		{"boxes", "scatter", boxes, map[string]any{}},
		{"texts", "scatter", texts, map[string]any{}},
	}
	for _, s := range series {
		if v := s.data; v == nil {
			continue
		}
		add(s.name, s.typ, s.data, s.extra)
		extras = append(extras, s.extra)
	}
	geoOpt := map[string]any{
		"roam": false, "aspectScale": 1, "silent": len(regions) == 0,
		"boundingCoords": [][2]float64{{0, 0}, {c.W, -c.H}},
		"left":           0, "right": 0, "top": 0, "bottom": 0,
		"itemStyle": map[string]any{"areaColor": charts.LandC, "borderColor": charts.CoastC, "borderWidth": 0.8},
		"emphasis":  map[string]any{"disabled": true},
		"select":    map[string]any{"disabled": true},
		"label":     map[string]any{"show": false},
		"tooltip":   map[string]any{"show": false},
	}
	// A map series on the geo takes its colours from the geo's regions.
	var geoRegions []map[string]any
	for _, r := range regions {
		geoRegions = append(geoRegions, map[string]any{"name": r.Name, "itemStyle": r.ItemStyle})
	}
	geoOpt["regions"] = geoRegions
	g.Accept(mapVisitor{visitor: visitor{textStyle: opts.TextStyle{FontFamily: FontFamily}}, geo: geoOpt, extras: extras})
	return g
}
