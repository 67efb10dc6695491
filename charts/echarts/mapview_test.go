package echarts

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"azflows/charts"
)

func seriesNamed(t *testing.T, opt map[string]any, name string) map[string]any {
	t.Helper()
	for _, s := range list(t, opt, "series") {
		if m, ok := s.(map[string]any); ok && m["name"] == name {
			return m
		}
	}
	t.Fatalf("no series %q", name)
	return nil
}

// The fallback draws the model's arcs: same ends, counts, widths and tooltips.
func TestMapFallbackHasTheModelsArcs(t *testing.T) {
	for _, y := range charts.Years {
		st := charts.State{View: "map", Year: y}
		page := render(t, st)
		if !strings.Contains(page, `<script src="assets/`+BaseMapAsset+`"></script>`) {
			t.Errorf("%d: the page does not load the base map script", y)
		}
		opt := option(t, page)
		if get(t, opt, "geo", "map") != MapName || get(t, opt, "geo", "aspectScale") != 1.0 {
			t.Errorf("%d: geo %v", y, get(t, opt, "geo"))
		}
		c := charts.Build(st, W, H)
		var want, got []string
		for _, m := range c.Marks {
			if m.Role == "arc" {
				want = append(want, fmt.Sprintf("%s>%s=%v", m.Source, m.Target, m.Value))
			}
		}
		arcs := seriesNamed(t, opt, "arcs")
		if arcs["type"] != "lines" || arcs["coordinateSystem"] != "geo" {
			t.Errorf("arcs series %v/%v", arcs["type"], arcs["coordinateSystem"])
		}
		prevW := map[float64]float64{}
		for _, it := range arcs["data"].([]any) {
			d := it.(map[string]any)
			got = append(got, fmt.Sprintf("%v>%v=%v", d["fromName"], d["toName"], d["value"]))
			lines := d["tooltipLines"].([]any)
			if len(lines) < 3 || !strings.Contains(fmt.Sprint(lines), "footnote") {
				t.Errorf("%d: arc tooltip %v", y, lines)
			}
			w := d["lineStyle"].(map[string]any)["width"].(float64)
			prevW[d["value"].(float64)] = w
		}
		if strings.Join(got, ";") != strings.Join(want, ";") {
			t.Errorf("%d: fallback arcs %v, model %v", y, got, want)
		}
		for v, w := range prevW {
			for v2, w2 := range prevW {
				if v > v2 && w <= w2 {
					t.Errorf("%d: %v persons %v wide, %v persons %v wide", y, v, w, v2, w2)
				}
			}
		}
		// Every label of the model is in the texts.
		texts := fmt.Sprint(seriesNamed(t, opt, "texts")["data"])
		for _, m := range c.Marks {
			if m.Kind == charts.TextMark && (m.Role == "value" || m.Role == "label") && !strings.Contains(texts, m.Text) {
				t.Errorf("%d: text %q missing", y, m.Text)
			}
		}
	}
}

// basemap.js registers the model's shapes, which are the same for every year.
func TestBaseMapJS(t *testing.T) {
	var b bytes.Buffer
	if err := BaseMapJS(&b); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, want := range []string{`registerMap("` + MapName + `"`, `"name":"Azerbaijan"`, `"name":"Turkey"`, `"MultiPolygon"`} {
		if !strings.Contains(s, want) {
			t.Errorf("basemap.js lacks %s", want)
		}
	}
	if strings.Contains(s, "http") {
		t.Error("basemap.js mentions another host")
	}
	shape := func(y int) string {
		var out []string
		for _, m := range charts.Build(charts.State{View: "map", Year: y}, W, H).Marks {
			if m.Role == "country" {
				out = append(out, fmt.Sprint(m.Points))
			}
		}
		return strings.Join(out, ";")
	}
	if shape(2010) != shape(2012) {
		t.Error("the country shapes differ between years: one basemap.js cannot serve both")
	}
	t.Logf("basemap.js: %d bytes", b.Len())
}
