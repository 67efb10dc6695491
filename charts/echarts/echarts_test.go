package echarts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/charts/layout"
)

func render(t *testing.T, st charts.State) string {
	t.Helper()
	var b bytes.Buffer
	if err := Page(&b, testAssets, st, "assets/", ""); err != nil {
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
	for _, v := range layout.ChartViews() {
		for _, y := range charts.Years {
			out = append(out, charts.State{View: v, Year: y})
		}
	}
	return out
}

func roleMarks(c *charts.Chart, role charts.Role) []charts.Mark {
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
			c := layout.Build(testAssets, st, W, H)
			for _, bad := range []string{"http://", "https://", "//cdn", "go-echarts-assets"} {
				if strings.Contains(page, bad) {
					t.Errorf("page contains %q", bad)
				}
			}
			if !strings.Contains(page, `<script src="assets/echarts.min.js"></script>`) {
				t.Error("page does not load assets/echarts.min.js")
			}
			// The page's title and its caption's source line are the chart's whole texts.
			if !strings.Contains(page, "<title>"+html.EscapeString(c.Title)+"</title>") {
				t.Errorf("no <title>%s</title>", c.Title)
			}
			if want := `<p class="source">` + html.EscapeString(layout.SourceLine(c)) + `</p>`; !strings.Contains(page, want) {
				t.Errorf("no %s", want)
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
			for _, n := range c.Notes {
				if !strings.Contains(page, html.EscapeString(n)) {
					t.Errorf("note %q not in the page", n)
				}
			}
			for _, role := range []charts.Role{charts.RoleSource} {
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
			// The screen reader's description says the subtitle whole.
			if d, ok := get(t, opt, "aria", "label", "description").(string); !ok || !strings.Contains(d, strings.TrimSuffix(c.Subtitle, ".")) {
				t.Errorf("aria description %q lacks the subtitle %q", d, c.Subtitle)
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

func TestPageRejects(t *testing.T) {
	var b bytes.Buffer
	if err := Page(&b, testAssets, charts.State{View: "no-such-view", Year: 2010}, "assets/", ""); err == nil {
		t.Error("unknown view: no error")
	}
	for _, host := range []string{"https://cdn.example/", "//cdn.example/", "http:x/"} {
		if err := Page(&b, testAssets, charts.Default, host, ""); err == nil {
			t.Errorf("assets host %q: no error", host)
		}
	}
	b.Reset()
	if err := Page(&b, testAssets, charts.Default, "/static/", "/"); err != nil || !strings.Contains(b.String(), `src="/static/echarts.min.js"`) {
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
