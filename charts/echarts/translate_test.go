package echarts

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/charts/layout"
)

// pairRE is a point or a pair of numbers across three lines, written on one in the goldens.
var pairRE = regexp.MustCompile(`\[\s*(-?[0-9.e+-]+),\s*(-?[0-9.e+-]+)\s*\]`)

var update = flag.Bool("update", false, "rewrite the option golden files in testdata/")

// items are the option's series items that carry a datum, by the mark id (bars: the series
// name) or by datum and position.
type found struct {
	series map[string]any
	item   map[string]any
}

func dataItems(t *testing.T, opt map[string]any) []found {
	var out []found
	for _, s := range list(t, opt, "series") {
		sm := s.(map[string]any)
		for _, d := range list(t, sm, "data") {
			if m, ok := d.(map[string]any); ok && m["datum"] != nil {
				out = append(out, found{sm, m})
			}
		}
	}
	return out
}

func floats(t *testing.T, v any) []float64 {
	t.Helper()
	var out []float64
	for _, x := range v.([]any) {
		out = append(out, x.(float64))
	}
	return out
}

// Every mark that shows a datum is one series item with the model's value, place and tooltip:
// a bar on its row's grid and its panel's scale, a timeline marker at its date, every other
// shape with the model's points.
func TestEveryDataMarkIsASeriesItem(t *testing.T) {
	for _, st := range allStates() {
		c := layout.Build(testAssets, st, W, H)
		opt := renderState(t, st)
		items := dataItems(t, opt)
		grids := list(t, opt, "grid")
		n := 0
		for _, m := range c.Marks {
			if !m.Interactive() || m.Kind == charts.TextMark {
				continue
			}
			n++
			var hit *found
			for i, f := range items {
				if f.item["datum"] != m.Datum {
					continue
				}
				switch f.series["type"] {
				case "bar":
					if f.series["name"] == m.ID {
						hit = &items[i]
					}
				case "map":
					if f.item["name"] == m.Row {
						hit = &items[i]
					}
				case "scatter":
					if f.item["value"].([]any)[0] == m.From && f.item["name"] == m.Label {
						hit = &items[i]
					}
				case "custom":
					if reflect.DeepEqual(floats(t, f.item["points"].([]any)[0]), []float64{r1(points(m)[0][0]), r1(points(m)[0][1])}) {
						hit = &items[i]
					}
				}
			}
			if hit == nil {
				t.Errorf("%s: %s (%s) is not a series item", st.Hash(), m.ID, m.Datum)
				continue
			}
			var lines []string
			for _, l := range hit.item["tooltipLines"].([]any) {
				lines = append(lines, l.(string))
			}
			if !reflect.DeepEqual(lines, c.Tips[m.Datum]) || len(lines) == 0 {
				t.Errorf("%s: %s tooltip %q, model %q", st.Hash(), m.ID, lines, c.Tips[m.Datum])
			}
			p, _ := c.Panel(m.Panel)
			switch hit.series["type"] {
			case "bar":
				want := m.Value
				if m.From != 0 || m.To != 0 {
					want = m.To - m.From
				}
				if hit.item["value"] != want {
					t.Errorf("%s: %s bar value %v, model %v", st.Hash(), m.ID, hit.item["value"], want)
				}
				gi := int(hit.series["xAxisIndex"].(float64))
				xa := get(t, opt, "xAxis", gi).(map[string]any)
				if xa["min"] != p.X.D0 || xa["max"] != p.X.D1 {
					t.Errorf("%s: %s on an axis %v–%v, its panel's scale %v–%v", st.Hash(), m.ID, xa["min"], xa["max"], p.X.D0, p.X.D1)
				}
				g := grids[gi].(map[string]any)
				if top, h := g["top"].(float64), g["height"].(float64); m.Rect.Y < top-0.1 || m.Rect.Y+m.Rect.H > top+h+0.1 {
					t.Errorf("%s: %s (y %.1f–%.1f) outside its grid (%.1f+%.1f)", st.Hash(), m.ID, m.Rect.Y, m.Rect.Y+m.Rect.H, top, h)
				}
				if g["left"] != r1(p.Rect.X) || g["width"] != r1(p.Rect.W) {
					t.Errorf("%s: %s grid %v, panel %+v", st.Hash(), m.ID, g, p.Rect)
				}
			case "scatter":
				// At the model's values on both scales, which put the mark's middle there.
				if v := floats(t, hit.item["value"]); v[1] != r1(m.YValue) {
					t.Errorf("%s: %s at %v on the Y scale, the model %v", st.Hash(), m.ID, v[1], m.YValue)
				}
				if y := p.Y.Map(m.YValue); math.Abs(y-(m.Rect.Y+m.Rect.H/2)) > 0.05 {
					t.Errorf("%s: %s: its YValue %v maps to y %.2f, its rect's middle is %.2f", st.Hash(), m.ID, m.YValue, y, m.Rect.Y+m.Rect.H/2)
				}
			case "custom":
				if got := len(hit.item["points"].([]any)); got != len(points(m)) {
					t.Errorf("%s: %s has %d points, the model %d", st.Hash(), m.ID, got, len(points(m)))
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no data marks", st.Hash())
		}
	}
}

// Every text of the model is drawn where the model put it, the title's and the subtitle's
// lines too (a wrapped subtitle once kept only its first line); the notes and the source line
// are in the caption under the chart. No role is left unchecked.
func TestEveryTextIsDrawn(t *testing.T) {
	for _, st := range allStates() {
		c := layout.Build(testAssets, st, W, H)
		page := render(t, st)
		opt := option(t, page)
		drawn := map[string]map[string]any{}
		for _, g := range list(t, opt, "graphic") {
			gm := g.(map[string]any)
			drawn[gm["id"].(string)] = gm
		}
		for _, m := range c.Marks {
			if m.Kind != charts.TextMark {
				continue
			}
			if m.Role == charts.RoleNote || m.Role == charts.RoleSource {
				// The caption under the chart says them whole.
				if !strings.Contains(page, html.EscapeString(m.Text)) {
					t.Errorf("%s: %s %q not in the caption", st.Hash(), m.ID, m.Text)
				}
				continue
			}
			g, ok := drawn[m.ID]
			if !ok {
				t.Errorf("%s: text %s %q not drawn", st.Hash(), m.ID, m.Text)
				continue
			}
			if get(t, g, "style", "text") != m.Text || g["x"] != r1(m.TextStart()) || g["y"] != r1(m.TextMiddle()) {
				t.Errorf("%s: text %s drawn as %v, model %q at %.1f, %.1f", st.Hash(), m.ID, g, m.Text, m.TextStart(), m.TextMiddle())
			}
		}
	}
}

// charts/echarts reads no layout back from marks: no text parsed for numbers, no text
// measured, no font metric or margin copied, no point order assumed, no pixel turned back
// into a value (the model keeps each mark's values). A reader can check the
// same by grep; this test does it.
func TestTranslatesWithoutLayout(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	banned := regexp.MustCompile(`strconv\.Parse|strconv\.Atoi|TextWidth|Sscan|\b0\.(93|22|32|35)\b|slack|len\(m\.Points\) ?[-/]|\.Points\[n|Contains\(p\)|Bounds\(\)\.Contains|HasPrefix\(m\.ID|HasPrefix\(b\.ID|\.Invert\(`)
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for i, line := range strings.Split(string(src), "\n") {
			if banned.MatchString(line) {
				t.Errorf("%s:%d reads layout back: %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
	if checked < 4 {
		t.Fatalf("checked %d files", checked)
	}
}

// Golden files: the option of every state in every language, as the page carries it. Run
// `go test ./charts/echarts -update` after a deliberate change and review the diff.
func TestOptionGoldens(t *testing.T) {
	for _, st := range allStates() {
		name := fmt.Sprintf("%s-%d", st.View, st.Year)
		if st.Context {
			name += "-context"
		}
		path := filepath.Join("testdata", name+"."+string(st.Lang)+".json")
		var b bytes.Buffer
		if err := Page(&b, testAssets, st, "assets/", ""); err != nil {
			t.Fatal(err)
		}
		m := optionRE.FindStringSubmatch(b.String())
		if m == nil {
			t.Fatalf("%s: no option", name)
		}
		var pretty bytes.Buffer
		if err := json.Indent(&pretty, []byte(m[1]), "", " "); err != nil {
			t.Fatal(err)
		}
		pretty.WriteByte('\n')
		pretty = *bytes.NewBuffer(pairRE.ReplaceAll(pretty.Bytes(), []byte("[$1, $2]")))
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, pretty.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./charts/echarts -update to write it)", err)
		}
		if !bytes.Equal(want, pretty.Bytes()) {
			t.Errorf("%s differs from the golden file (go test ./charts/echarts -update, then review the diff)", path)
		}
	}
}

// The base map script registers every country of the model under its ISO code, once.
func TestBaseMapJS(t *testing.T) {
	var b bytes.Buffer
	if err := BaseMapJS(&b, testAssets); err != nil {
		t.Fatal(err)
	}
	js := b.String()
	for _, code := range []string{"AZ", "TR", "RU", "IR", "AE"} {
		if n := strings.Count(js, `"name":"`+code+`"`); n != 1 {
			t.Errorf("basemap.js names %s %d times", code, n)
		}
	}
	if !strings.Contains(js, `registerMap("`+MapName+`"`) {
		t.Error("basemap.js does not register " + MapName)
	}
}
