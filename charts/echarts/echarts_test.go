package echarts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
)

func render(t *testing.T, st charts.State) string {
	t.Helper()
	var b bytes.Buffer
	if err := Page(&b, st, "assets/"); err != nil {
		t.Fatalf("Page(%v): %v", st, err)
	}
	return b.String()
}

var optionRE = regexp.MustCompile(`(?s)<script type="application/json" id="` + OptionID + `">(.*?)</script>`)

// option parses the echarts option out of the page.
func option(t *testing.T, page string) map[string]any {
	t.Helper()
	m := optionRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no option script in the page")
	}
	if strings.Contains(m[1], "<") {
		t.Error("option JSON holds a raw '<' (could close the script element)")
	}
	var opt map[string]any
	if err := json.Unmarshal([]byte(m[1]), &opt); err != nil {
		t.Fatalf("option JSON: %v", err)
	}
	return opt
}

// get walks the option: get(o, "series", 0, "data").
func get(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%v: not an object at %q", path, k)
			}
			v = m[k]
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				t.Fatalf("%v: no element %d", path, k)
			}
			v = a[k]
		}
	}
	return v
}

func list(t *testing.T, v any, path ...any) []any {
	t.Helper()
	a, ok := get(t, v, path...).([]any)
	if !ok {
		t.Fatalf("%v: not an array", path)
	}
	return a
}

func states() []charts.State {
	var out []charts.State
	for _, v := range charts.ChartViews() {
		for _, y := range charts.Years {
			out = append(out, charts.State{View: v, Year: y})
		}
	}
	return out
}

func roleMarks(c *charts.Chart, role string) []charts.Mark {
	var out []charts.Mark
	for _, m := range c.Marks {
		if m.Role == role {
			out = append(out, m)
		}
	}
	return out
}

func TestPageFrame(t *testing.T) {
	for _, st := range states() {
		t.Run(st.Hash(), func(t *testing.T) {
			page := render(t, st)
			c := charts.Build(st, W, H)
			for _, bad := range []string{"http://", "https://", "//cdn", "go-echarts-assets"} {
				if strings.Contains(page, bad) {
					t.Errorf("page contains %q", bad)
				}
			}
			if !strings.Contains(page, `<script src="assets/echarts.min.js"></script>`) {
				t.Error("page does not load assets/echarts.min.js")
			}
			title := roleMarks(c, "title")[0].Text
			if !strings.Contains(page, "<title>"+html.EscapeString(title)+"</title>") {
				t.Errorf("no <title>%s</title>", title)
			}
			if want := fmt.Sprintf(`<meta name="azflows-state" content="view=%s&amp;year=%d">`, st.View, st.Year); !strings.Contains(page, want) {
				t.Errorf("no %s", want)
			}
			if want := fmt.Sprintf(`data-view="%s" data-year="%d"`, st.View, st.Year); !strings.Contains(page, want) {
				t.Errorf("no %s", want)
			}
			if !strings.Contains(page, `id="`+ChartID+`"`) {
				t.Errorf("no element with id %s", ChartID)
			}
			for _, role := range []string{"note", "source"} {
				ms := roleMarks(c, role)
				if len(ms) == 0 {
					t.Fatalf("model has no %s mark", role)
				}
				for _, m := range ms {
					if !strings.Contains(page, html.EscapeString(m.Text)) {
						t.Errorf("%s %q not in the page", role, m.Text)
					}
				}
			}

			opt := option(t, page)
			if got := get(t, opt, "title", "text"); got != title {
				t.Errorf("title.text = %v, want %q", got, title)
			}
			if got, want := get(t, opt, "title", "subtext"), roleMarks(c, "subtitle")[0].Text; got != want {
				t.Errorf("title.subtext = %v, want %q", got, want)
			}
			if got := get(t, opt, "animation"); got != false {
				t.Errorf("animation = %v", got)
			}
			if got := get(t, opt, "textStyle", "fontFamily"); got != FontFamily {
				t.Errorf("textStyle.fontFamily = %v", got)
			}
			if got := get(t, opt, "backgroundColor"); got != charts.Background {
				t.Errorf("backgroundColor = %v", got)
			}
		})
	}
}

// tooltips checks that each item carries its datum and that datum's tooltip lines.
func tooltips(t *testing.T, items []any, datums []string) {
	t.Helper()
	for i, it := range items {
		d := get(t, it, "datum")
		if d != datums[i] {
			t.Errorf("item %d: datum %v, want %s", i, d, datums[i])
		}
		var got []string
		for _, l := range list(t, it, "tooltipLines") {
			got = append(got, l.(string))
		}
		if want := charts.TooltipLines(i18n.EN, datums[i]); len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("item %d (%s): tooltipLines %q, want %q", i, datums[i], got, want)
		}
	}
}

func TestBarsFollowModel(t *testing.T) {
	for _, y := range charts.Years {
		st := charts.State{View: "bars", Year: y}
		t.Run(st.Hash(), func(t *testing.T) {
			c := charts.Build(st, W, H)
			opt := option(t, render(t, st))
			bars := roleMarks(c, "bar")
			if len(bars) == 0 {
				t.Fatal("model has no bars")
			}
			series := list(t, opt, "series")
			if len(series) != len(charts.Years) || len(list(t, opt, "grid")) != len(charts.Years) {
				t.Fatalf("%d series, %d grids: want one panel per year", len(series), len(list(t, opt, "grid")))
			}
			var rows []string
			for _, l := range roleMarks(c, "label") {
				rows = append(rows, l.Text)
			}
			seen := 0
			var lastMax any
			for i, yr := range charts.Years {
				ya := get(t, opt, "yAxis", i).(map[string]any)
				if ya["type"] != "category" || ya["inverse"] != true || len(ya["data"].([]any)) != len(rows) {
					t.Errorf("panel %d: y axis %v is not the model's %d rows, top first", i, ya, len(rows))
				}
				for j, cat := range ya["data"].([]any) {
					if cat != rows[j] {
						t.Errorf("panel %d row %d: category %v, model %q", i, j, cat, rows[j])
					}
				}
				if grid := get(t, opt, "grid", i).(map[string]any); (grid["show"] == true) != (yr == y) || (yr == y && grid["borderColor"] != charts.Ink) {
					t.Errorf("panel %d (%d): grid %v; only the chosen year %d is outlined", i, yr, grid, y)
				}
				max := get(t, opt, "xAxis", i, "max")
				if lastMax != nil && max != lastMax {
					t.Errorf("x axes differ: %v and %v (one scale for all years)", lastMax, max)
				}
				lastMax = max
				if get(t, opt, "xAxis", i, "min") != 0.0 {
					t.Errorf("panel %d: x axis does not start at 0", i)
				}
				if get(t, series[i], "type") != "bar" || get(t, series[i], "xAxisIndex") != float64(i) || get(t, series[i], "yAxisIndex") != float64(i) {
					t.Errorf("series %d is not panel %d's bars", i, i)
				}
				items := list(t, series[i], "data")
				for j, it := range items {
					m := it.(map[string]any)
					if m["value"] == "-" {
						// a category the year lacks: no bar, the model's words
						mk, ok := c.Mark("missing/" + strconv.Itoa(yr) + "/" + strings.TrimPrefix(roleMarks(c, "label")[j].ID, "label/"))
						if !ok || m["text"] != mk.Text {
							t.Errorf("panel %d row %d: empty item %v, model %+v", i, j, m, mk)
						}
						continue
					}
					seen++
					bar, ok := c.Mark("bar/" + m["datum"].(string))
					if !ok {
						t.Fatalf("item %v has no bar in the model", m)
					}
					fig, _ := data.FigureByID(bar.Datum)
					if fig.Period.From != yr || m["value"] != bar.Value || m["name"] != bar.Label || m["name"] != rows[j] {
						t.Errorf("panel %d row %d: item %v, model bar %s %q %v", i, j, m, bar.ID, bar.Label, bar.Value)
					}
					st := m["itemStyle"].(map[string]any)
					if st["color"] != bar.Style.Fill || (bar.Style.Stroke != "" && st["borderColor"] != bar.Style.Stroke) {
						t.Errorf("%s: itemStyle %v, model %+v", bar.ID, st, bar.Style)
					}
					if dashed := st["borderType"] == "dashed"; dashed != (len(bar.Style.Dash) > 0) {
						t.Errorf("%s: borderType %v, dash %v", bar.ID, st["borderType"], bar.Style.Dash)
					}
					if f := get(t, m, "label", "formatter"); f != fig.Text {
						t.Errorf("%s: value label %v, want %q", bar.ID, f, fig.Text)
					}
					tooltips(t, []any{it}, []string{bar.Datum})
				}
			}
			if seen != len(bars) {
				t.Errorf("%d bars in the option, model has %d", seen, len(bars))
			}
			ticks := roleMarks(c, "tick")
			last, err := strconv.ParseFloat(ticks[len(ticks)-1].Text, 64)
			if err != nil {
				t.Fatal(err)
			}
			if lastMax != last {
				t.Errorf("xAxis.max = %v, want the model's last tick %v", lastMax, last)
			}
			// The words for what a year lacks are drawn, where the model put them.
			var texts []string
			for _, g := range list(t, opt, "graphic") {
				texts = append(texts, get(t, g, "style", "text").(string))
			}
			for _, m := range roleMarks(c, "missing") {
				if !containsStr(texts, m.Text) {
					t.Errorf("missing-category text %q not drawn (%q)", m.Text, texts)
				}
			}
		})
	}
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestFlowFollowsModel(t *testing.T) {
	scales := map[int]float64{}
	for _, y := range charts.Years {
		st := charts.State{View: "flow", Year: y}
		t.Run(st.Hash(), func(t *testing.T) {
			c := charts.Build(st, W, H)
			opt := option(t, render(t, st))
			if get(t, opt, "series", 0, "type") != "sankey" {
				t.Fatal("series is not a sankey")
			}
			if get(t, opt, "series", 0, "layoutIterations") != 0.0 {
				t.Error("layoutIterations is not 0: echarts would reorder nodes")
			}

			nodes, items := roleMarks(c, "node"), list(t, opt, "series", 0, "data")
			if len(items) != len(nodes) || len(nodes) == 0 {
				t.Fatalf("%d sankey nodes, model has %d", len(items), len(nodes))
			}
			var datums []string
			for i, m := range nodes {
				datums = append(datums, m.Datum)
				if get(t, items[i], "name") != m.Label {
					t.Errorf("node %d: name %v, want %q", i, get(t, items[i], "name"), m.Label)
				}
				st := get(t, items[i], "itemStyle").(map[string]any)
				if st["color"] != m.Style.Fill || (len(m.Style.Dash) > 0) != (st["borderType"] == "dashed") {
					t.Errorf("node %d: itemStyle %v, model style %+v", i, st, m.Style)
				}
			}
			tooltips(t, items, datums)

			bands, links := roleMarks(c, "band"), list(t, opt, "series", 0, "links")
			if len(links) != len(bands) || len(bands) == 0 {
				t.Fatalf("%d links, model has %d bands", len(links), len(bands))
			}
			datums = nil
			total, opaque := 0.0, 1.0
			for i, m := range bands {
				datums = append(datums, m.Datum)
				got := [3]any{get(t, links[i], "source"), get(t, links[i], "target"), get(t, links[i], "value")}
				if want := [3]any{m.Source, m.Target, m.Value}; got != want {
					t.Errorf("link %d: %v, want %v", i, got, want)
				}
				total += m.Value
				if m.Datum != "dest-2012-not-given" {
					opaque = min(opaque, get(t, links[i], "lineStyle", "opacity").(float64))
					if get(t, links[i], "lineStyle", "color") != m.Style.Fill {
						t.Errorf("link %d: colour %v, want %s", i, get(t, links[i], "lineStyle", "color"), m.Style.Fill)
					}
				}
			}
			tooltips(t, links, datums)
			for i, m := range bands {
				if m.Datum == "dest-2012-not-given" {
					op := get(t, links[i], "lineStyle", "opacity").(float64)
					if op >= opaque {
						t.Errorf("not-given link opacity %v, not lighter than the others (%v)", op, opaque)
					}
					if col := get(t, links[i], "lineStyle", "color"); col == charts.Background {
						t.Error("not-given link is drawn in the background colour")
					}
				}
			}

			// echarts fits the right column into height - gaps: that must give the model's
			// pixels per person, the same for every year.
			h := get(t, opt, "series", 0, "height").(float64)
			gap := get(t, opt, "series", 0, "nodeGap").(float64)
			k := (h - gap*float64(len(bands)-1)) / total
			scales[y] = k
			origin := nodes[0]
			if want := origin.Rect.H / origin.Value; math.Abs(k-want) > 1e-6 {
				t.Errorf("pixels per person %v, model %v", k, want)
			}
		})
	}
	if len(scales) == 2 && math.Abs(scales[charts.Years[0]]-scales[charts.Years[1]]) > 1e-6 {
		t.Errorf("flow scales differ across years: %v", scales)
	}
}

func TestPageRejects(t *testing.T) {
	var b bytes.Buffer
	if err := Page(&b, charts.State{View: "no-such-view", Year: 2010}, "assets/"); err == nil {
		t.Error("unknown view: no error")
	}
	for _, host := range []string{"https://cdn.example/", "//cdn.example/", "http:x/"} {
		if err := Page(&b, charts.Default, host); err == nil {
			t.Errorf("assets host %q: no error", host)
		}
	}
	b.Reset()
	if err := Page(&b, charts.Default, "/static/"); err != nil || !strings.Contains(b.String(), `src="/static/echarts.min.js"`) {
		t.Errorf("site-absolute assets host: %v", err)
	}
}

// The tooltip formatter is the page's only function: it escapes what it shows.
func TestTooltipFormatterEscapes(t *testing.T) {
	page := render(t, charts.Default)
	for _, want := range []string{"option.tooltip.formatter", "p.data.tooltipLines", `"<": "&lt;"`, "echarts.init(el"} {
		if !strings.Contains(page, want) {
			t.Errorf("page script lacks %q", want)
		}
	}
}
