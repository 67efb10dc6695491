package echarts

import (
	"math"
	"strings"
	"testing"

	"azflows/charts"
)

// seriesItems are the data items of every series, with their series, skipping empty ones.
func seriesItems(t *testing.T, opt map[string]any) (items []map[string]any, of []map[string]any) {
	for _, s := range list(t, opt, "series") {
		for _, d := range list(t, s, "data") {
			if m, ok := d.(map[string]any); ok {
				items, of = append(items, m), append(of, s.(map[string]any))
			}
		}
	}
	return items, of
}

func TestCompareFollowsModel(t *testing.T) {
	for _, y := range charts.Years {
		st := charts.State{View: "compare", Year: y}
		c := charts.Build(st, W, H)
		opt := option(t, render(t, st))
		items, of := seriesItems(t, opt)
		// A stacked range's pieces add up to the model's values.
		stacks := map[string]float64{}
		for _, m := range roleMarks(c, "bar") {
			found := false
			for i, it := range items {
				if it["datum"] != m.Datum || it["name"] != m.Label {
					continue
				}
				found = true
				v := it["value"].(float64)
				if stack, _ := of[i]["stack"].(string); stack != "" {
					stacks[stack] += v
					if math.Abs(stacks[stack]+firstOfStack(t, opt, stack)-m.Value) > 1e-6 {
						t.Errorf("%d %s: stacked to %v, model %v", y, m.ID, stacks[stack]+firstOfStack(t, opt, stack), m.Value)
					}
				} else if v != m.Value {
					t.Errorf("%d %s: value %v, model %v", y, m.ID, v, m.Value)
				}
				st := it["itemStyle"].(map[string]any)
				if dashed := st["borderType"] == "dashed"; dashed != (len(m.Style.Dash) > 0) {
					t.Errorf("%d %s: borderType %v, model dash %v", y, m.ID, st["borderType"], m.Style.Dash)
				}
				if m.Style.Fill == "" && st["color"] != "transparent" {
					t.Errorf("%d %s: an outline-only estimate filled with %v", y, m.ID, st["color"])
				}
				if m.Style.Fill != "" && st["color"] != m.Style.Fill {
					t.Errorf("%d %s: colour %v, model %s", y, m.ID, st["color"], m.Style.Fill)
				}
				tooltips(t, []any{any(it)}, []string{m.Datum})
			}
			if !found {
				t.Errorf("%d: model bar %s (%s) not in the option", y, m.ID, m.Label)
			}
		}
		// Official counts and estimates are on different axes (grids).
		if n := len(list(t, opt, "grid")); n != 3 {
			t.Errorf("%d: %d grids, want 3 (official, NGO, ages)", y, n)
		}
		var texts []string
		for _, g := range list(t, opt, "graphic") {
			if s, ok := get(t, g, "style").(map[string]any)["text"].(string); ok {
				texts = append(texts, s)
			}
		}
		all := strings.Join(texts, "|")
		for _, want := range []string{"473", "six years", "seven years", "9 of the 34 identified"} {
			if !strings.Contains(all, want) {
				t.Errorf("%d: texts lack %q", y, want)
			}
		}
	}
}

// firstOfStack is the value of a stack's transparent first piece (where a range starts).
func firstOfStack(t *testing.T, opt map[string]any, stack string) float64 {
	for _, s := range list(t, opt, "series") {
		m := s.(map[string]any)
		if m["stack"] == stack && m["silent"] == true {
			return get(t, m, "data", 0, "value").(float64)
		}
	}
	return 0
}

func TestTimelineFollowsModel(t *testing.T) {
	for _, y := range charts.Years {
		st := charts.State{View: "timeline", Year: y}
		c := charts.Build(st, W, H)
		opt := option(t, render(t, st))
		if get(t, opt, "series", 0, "type") != "scatter" || get(t, opt, "xAxis", 0, "type") != "value" {
			t.Fatal("timeline is not a scatter on a value axis")
		}
		line, _ := c.Mark("axis/line")
		var want []charts.Mark
		for _, m := range c.Marks {
			if strings.HasPrefix(m.ID, "marker/") && m.Bounds().Y < line.Points[0].Y {
				want = append(want, m)
			}
		}
		items := list(t, opt, "series", 0, "data")
		if len(items) != len(want) || len(want) == 0 {
			t.Fatalf("%d: %d scatter items, model has %d dated markers", y, len(items), len(want))
		}
		var datums []string
		for i, m := range want {
			datums = append(datums, m.Datum)
			v := list(t, items[i], "value")
			if v[0] != m.Value {
				t.Errorf("%s: at year %v, model %v", m.ID, v[0], m.Value)
			}
			if get(t, items[i], "name") != m.Label {
				t.Errorf("%s: name %v, model %q", m.ID, get(t, items[i], "name"), m.Label)
			}
		}
		tooltips(t, items, datums)
		for _, it := range items {
			if get(t, it, "datum") == "ev-shelter" {
				t.Error("the undated shelter is placed on the time axis")
			}
		}
		lo, hi := get(t, opt, "xAxis", 0, "min").(float64), get(t, opt, "xAxis", 0, "max").(float64)
		if lo > 1990 || hi < 2013 {
			t.Errorf("time axis %v–%v does not cover 1990–2013", lo, hi)
		}
		area := list(t, opt, "series", 0, "markArea", "data")
		if len(area) != 1 || get(t, area[0], 0, "xAxis") != float64(y) || get(t, area[0], 1, "xAxis") != float64(y+1) {
			t.Errorf("%d: chosen year shaded as %v", y, area)
		}
	}
}
