package echarts

import (
	"encoding/json"
	"fmt"
	"io"

	"azflows/charts"
)

// The map view's fallback: the model's country shapes, registered with echarts by
// assets/basemap.js (BaseMapJS writes them from the model's marks, in the model's pixels, y
// negated because echarts reads the second coordinate as latitude, each region named by its
// ISO code), drawn by a map series laid over the whole chart; everything else is translated
// as in every view (translate.go).

// MapName is the name basemap.js registers the map under.
const MapName = "azflows-region"

// BaseMapAsset is the script, under the assets directory, that registers the map.
const BaseMapAsset = "basemap.js"

// BaseMapJS writes the script that registers the model's country shapes (laid out at W×H,
// the same for every year and language) as an echarts map.
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
	byCode := map[string]*feature{}
	for _, m := range c.Marks {
		if m.Role != "country" || len(m.Points) < 3 {
			continue
		}
		f, ok := byCode[m.Row]
		if !ok {
			f = &feature{Type: "Feature", Properties: map[string]string{"name": m.Row}}
			f.Geometry.Type = "MultiPolygon"
			byCode[m.Row] = f
			feats = append(feats, f)
		}
		ring := make([][2]float64, 0, len(m.Points)+1)
		for _, p := range m.Points {
			ring = append(ring, [2]float64{r1(p.X), -r1(p.Y)})
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

// region is one country of the map series: its paint, and its tooltip where the model gives
// it a datum (the others are silent).
type region struct {
	Name         string     `json:"name"`
	Label        string     `json:"label"` // the country's name in the chart's language
	Datum        string     `json:"datum,omitempty"`
	TooltipLines []string   `json:"tooltipLines,omitempty"`
	Silent       bool       `json:"silent,omitempty"`
	ItemStyle    areaStyle  `json:"itemStyle"`
	Emphasis     *areaState `json:"emphasis,omitempty"`
}

type areaStyle struct {
	AreaColor   string  `json:"areaColor"`
	BorderColor string  `json:"borderColor"`
	BorderWidth float64 `json:"borderWidth"`
}

type areaState struct {
	ItemStyle areaStyle `json:"itemStyle"`
}

// countries is the map series of the model's country marks (nil when it has none), drawn
// 1:1 over the whole chart.
func countries(c *charts.Chart) map[string]any {
	var data []region
	seen := map[string]bool{}
	for _, m := range c.Marks {
		if m.Role != "country" || seen[m.Row] {
			continue
		}
		seen[m.Row] = true
		st := areaStyle{AreaColor: m.Style.Fill, BorderColor: m.Style.Stroke, BorderWidth: m.Style.StrokeWidth}
		r := region{Name: m.Row, Label: m.Label, ItemStyle: st, Emphasis: &areaState{st}, Silent: m.Datum == ""}
		if m.Datum != "" {
			r.Datum, r.TooltipLines = m.Datum, c.Tips[m.Datum]
			r.Emphasis.ItemStyle.BorderColor, r.Emphasis.ItemStyle.BorderWidth = charts.Highlight, 1.5
		}
		data = append(data, r)
	}
	if len(data) == 0 {
		return nil
	}
	return map[string]any{
		"type": "map", "name": "countries", "map": MapName, "roam": false, "aspectScale": 1,
		"boundingCoords": [][2]float64{{0, 0}, {c.W, -c.H}},
		"left":           0, "right": 0, "top": 0, "bottom": 0, "z": 0,
		"label": map[string]any{"show": false}, "select": map[string]any{"disabled": true},
		"emphasis": map[string]any{"label": map[string]any{"show": false}},
		"data":     data,
	}
}
