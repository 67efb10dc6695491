package echarts

import (
	"encoding/json"
	"fmt"
	"io"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/internal/geo"
)

// The map view's fallback: the base map's countries, registered with echarts by
// assets/basemap.js (BaseMapJS) in the plane of the model's projection, drawn by a map series
// that the map panel's scales put where the model drew its map, coloured as the model's
// country marks; everything else is translated as in every view (translate.go).

// MapName is the name basemap.js registers the map under.
const MapName = "azflows-region"

// BaseMapAsset is the script, under the assets directory, that registers the map.
const BaseMapAsset = "basemap.js"

// reference is the plane basemap.js is written in: the pixels of the English map of the
// first year at W×H (y negated: echarts reads the second coordinate as latitude). ref maps a
// point of the projection's plane (geo.Region) into it.
func reference(a charts.Assets) (ref func(x, y float64) [2]float64, ok bool) {
	c := layout.Build(a, charts.State{View: "map", Year: charts.Years[0]}, W, H)
	p, ok := c.Panel("map")
	return func(x, y float64) [2]float64 { return [2]float64{p.X.Map(x), -p.Y.Map(y)} }, ok && a.BaseMap != nil
}

// BaseMapJS writes the script that registers the base map's countries, each named by its
// ISO code, in the reference plane (a tenth of a pixel, simplified to 0.4 px, clipped to the
// reference map and a quarter of it around): every map page places them with its own
// panel's scales (countries), in any language.
func BaseMapJS(w io.Writer, a charts.Assets) error {
	ref, ok := reference(a)
	if !ok {
		return fmt.Errorf("echarts: no base map (Assets.BaseMap is nil)")
	}
	c := layout.Build(a, charts.State{View: "map", Year: charts.Years[0]}, W, H)
	p, _ := c.Panel("map")
	mx, my := p.Rect.W/4, p.Rect.H/4
	box := geo.Box{MinX: p.Rect.X - mx, MinY: -(p.Rect.Y + p.Rect.H + my), MaxX: p.Rect.X + p.Rect.W + mx, MaxY: -(p.Rect.Y - my)}
	type feature struct {
		Type       string            `json:"type"`
		Properties map[string]string `json:"properties"`
		Geometry   struct {
			Type        string           `json:"type"`
			Coordinates [][][][2]float64 `json:"coordinates"`
		} `json:"geometry"`
	}
	var feats []feature
	for _, ct := range a.BaseMap.Countries {
		f := feature{Type: "Feature", Properties: map[string]string{"name": ct.ID}}
		f.Geometry.Type = "MultiPolygon"
		for _, r := range ct.Rings {
			xy := make([]geo.XY, len(r))
			for i, ll := range r {
				q := ref(geo.Region.Project(ll))
				xy[i] = geo.XY{X: q[0], Y: q[1]}
			}
			xy = geo.Simplify(geo.ClipRing(xy, box), 0.4)
			if len(xy) < 3 {
				continue
			}
			ring := make([][2]float64, 0, len(xy)+1)
			for _, pt := range xy {
				ring = append(ring, [2]float64{r1(pt.X), r1(pt.Y)})
			}
			ring = append(ring, ring[0])
			f.Geometry.Coordinates = append(f.Geometry.Coordinates, [][][2]float64{ring})
		}
		if len(f.Geometry.Coordinates) > 0 {
			feats = append(feats, f)
		}
	}
	b, err := json.Marshal(map[string]any{"type": "FeatureCollection", "features": feats})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "// The map view's countries (Natural Earth via world-atlas), projected as the chart model projects them.\n"+
		"(function () { if (window.echarts) { window.echarts.registerMap(%q, %s); } })();\n", MapName, b)
	return err
}

// region is one country of the map series: its paint, and its tooltip where the model gives
// it a datum (the others are silent).
type region struct {
	Name         string     `json:"name"`
	Country      string     `json:"country"` // the country's name in the chart's language
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
		if m.Role != charts.RoleCountry || seen[m.Row] {
			continue
		}
		seen[m.Row] = true
		st := areaStyle{AreaColor: m.Style.Fill, BorderColor: m.Style.Stroke, BorderWidth: m.Style.StrokeWidth}
		r := region{Name: m.Row, Country: m.Label, ItemStyle: st, Emphasis: &areaState{st}, Silent: m.Datum == ""}
		if m.Datum != "" {
			r.Datum, r.TooltipLines = m.Datum, c.Tips[m.Datum]
			r.Emphasis.ItemStyle.BorderColor, r.Emphasis.ItemStyle.BorderWidth = charts.Highlight, 1.5
		}
		data = append(data, r)
	}
	if len(data) == 0 {
		return nil
	}
	p, _ := c.Panel("map")
	ref, _ := reference(c.Assets)
	return map[string]any{
		"type": "map", "name": "countries", "map": MapName, "roam": false, "aspectScale": 1, "clip": true,
		"boundingCoords": [][2]float64{ref(p.X.D0, p.Y.D0), ref(p.X.D1, p.Y.D1)},
		"left":           r1(p.X.R0), "top": r1(p.Y.R0), "width": r1(p.X.R1 - p.X.R0), "height": r1(p.Y.R1 - p.Y.R0), "z": 0,
		"label": map[string]any{"show": false}, "select": map[string]any{"disabled": true},
		"emphasis": map[string]any{"label": map[string]any{"show": false}},
		"data":     data,
	}
}
