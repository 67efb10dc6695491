package echarts

import (
	"bytes"
	"reflect"
	"testing"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
)

// allStates is every chart state in every language, the map with and without its context
// layer.
func allStates() []charts.State {
	var out []charts.State
	for _, l := range i18n.Langs {
		for _, v := range layout.ChartViews() {
			for _, y := range charts.Years {
				out = append(out, charts.State{View: v, Year: y, Lang: l})
				if charts.HasContext(v) {
					out = append(out, charts.State{View: v, Year: y, Lang: l, Context: true})
				}
			}
		}
	}
	return out
}

func renderState(t *testing.T, st charts.State) map[string]any {
	t.Helper()
	var b bytes.Buffer
	if err := Page(&b, testAssets, st, "assets/", ""); err != nil {
		t.Fatalf("Page(%v): %v", st, err)
	}
	return option(t, b.String())
}

// The NGO estimate's axis runs to 1,000 in every language. In Azerbaijani its tick reads
// "1.000", which the fallback once parsed back as 1 (an axis of 0–1, step 0.5).
func TestNGOAxisInEveryLanguage(t *testing.T) {
	for _, l := range i18n.Langs {
		opt := renderState(t, charts.State{View: "compare", Year: 2010, Lang: l})
		found := false
		for _, s := range list(t, opt, "series") {
			sm := s.(map[string]any)
			for _, d := range list(t, sm, "data") {
				if m, ok := d.(map[string]any); ok && m["datum"] == "ngo-estimate-females-per-year" {
					found = true
					ax := int(sm["xAxisIndex"].(float64))
					if mx := get(t, opt, "xAxis", ax, "max"); mx != 1000.0 {
						t.Errorf("%s: the NGO axis ends at %v, want 1000", l, mx)
					}
					if iv := get(t, opt, "xAxis", ax, "interval"); iv != 500.0 {
						t.Errorf("%s: the NGO axis steps by %v, want 500", l, iv)
					}
				}
			}
		}
		if !found {
			t.Errorf("%s: no series item shows the NGO estimate", l)
		}
	}
}

// Every series has data: a map without its context layer once shipped a routes series with
// data: null.
func TestNoSeriesWithoutData(t *testing.T) {
	for _, st := range allStates() {
		opt := renderState(t, st)
		for i, s := range list(t, opt, "series") {
			d, ok := s.(map[string]any)["data"].([]any)
			if !ok || len(d) == 0 {
				t.Errorf("%s: series %d (%v) has data %v", st.Hash(), i, s.(map[string]any)["name"], s.(map[string]any)["data"])
			}
		}
	}
}

// Every arc, stub and box of the fallback map carries the model's tooltip, and nothing
// silences it (a geo with tooltip.show false silenced every series drawn on it).
func TestMapTooltipsOnEveryMark(t *testing.T) {
	for _, st := range allStates() {
		if st.View != "map" {
			continue
		}
		c := layout.Build(testAssets, st, W, H)
		opt := renderState(t, st)
		if show := get(t, opt, "geo"); show != nil {
			if tt, ok := show.(map[string]any)["tooltip"].(map[string]any); ok && tt["show"] == false {
				t.Errorf("%s: geo.tooltip.show is false", st.Hash())
			}
		}
		items := map[string][]string{}
		for _, s := range list(t, opt, "series") {
			if sm := s.(map[string]any); sm["silent"] == true || sm["tooltip"] != nil {
				continue
			}
			for _, d := range list(t, s, "data") {
				if m, ok := d.(map[string]any); ok && m["datum"] != nil {
					var lines []string
					for _, l := range m["tooltipLines"].([]any) {
						lines = append(lines, l.(string))
					}
					items[m["datum"].(string)] = lines
				}
			}
		}
		n := 0
		for _, m := range c.Marks {
			if !m.Interactive() || m.Kind == charts.TextMark || m.Role == charts.RoleCountry {
				continue
			}
			n++
			got, ok := items[m.Datum]
			if !ok {
				t.Errorf("%s: %s (%s) has no tooltip item", st.Hash(), m.ID, m.Datum)
				continue
			}
			if !reflect.DeepEqual(got, c.Tips[m.Datum]) {
				t.Errorf("%s: %s tooltip %q, model %q", st.Hash(), m.ID, got, c.Tips[m.Datum])
			}
		}
		if n == 0 {
			t.Fatalf("%s: the model has no marks with data", st.Hash())
		}
	}
}
