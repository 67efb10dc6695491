// Package echarts writes the go-echarts fallback page of a chart: the view shown where
// WebAssembly or WebGL is missing. It translates the marks of the chart model (charts.Build)
// into an echarts option built with go-echarts: categories, order, values, colours, texts and
// scales all come from the marks; it reads no data itself.
package echarts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"

	"azflows/charts"
)

const (
	// ChartID is the id of the div echarts draws into:
	// echarts.getInstanceByDom(document.getElementById(ChartID)).getOption().
	ChartID = "fallback-chart"
	// OptionID is the id of the <script type="application/json"> that holds the option as
	// go-echarts built it (before the page adds the tooltip formatter function).
	OptionID = "fallback-option"
	// FontFamily is the CSS font stack of the chart text, as in the SVG view.
	FontFamily = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif"

	// The model is laid out at W×H; the page draws at the container's width and this height.
	W, H = 800, 450
)

// Page writes a complete HTML page that draws st with echarts. assetsHost prefixes the
// script go-echarts asks for ("assets/" loads assets/echarts.min.js); it must be a
// relative or site-absolute path: the page loads nothing from another host.
func Page(w io.Writer, st charts.State, assetsHost string) error {
	if !charts.IsChart(st.View) {
		return fmt.Errorf("echarts: unknown view %q", st.View)
	}
	if strings.Contains(assetsHost, "//") || strings.Contains(assetsHost, ":") {
		return fmt.Errorf("echarts: assets host %q is not a path on this site", assetsHost)
	}
	c := charts.Build(st, W, H)
	option, assets, err := Option(c, assetsHost)
	if err != nil {
		return err
	}
	optJSON, err := json.Marshal(option) // escapes <, > and & : safe inside <script>
	if err != nil {
		return fmt.Errorf("echarts: %w", err)
	}
	p := page{
		Title:    text(c, "title"),
		View:     c.View,
		Year:     c.Year,
		State:    charts.State{View: c.View, Year: c.Year}.Hash(),
		Lang:     string(c.Lang),
		ChartID:  ChartID,
		OptionID: OptionID,
		Height:   template.CSS(fmt.Sprintf("%dpx", H)),
		Scripts:  assets,
		Option:   template.JS(optJSON),
		Notes:    strings.Join(noteLines(c), " "),
		Source:   text(c, "source"),
		Font:     template.CSS(FontFamily),
		Ink:      template.CSS(charts.Ink),
		Muted:    template.CSS(charts.Muted),
		Bg:       template.CSS(c.Background),
	}
	var b bytes.Buffer
	if err := pageTmpl.Execute(&b, p); err != nil {
		return fmt.Errorf("echarts: %w", err)
	}
	_, err = w.Write(b.Bytes())
	return err
}

// translators turn a laid-out chart of one view into a go-echarts configuration and its
// option; each view's file registers its own.
var translators = map[string]func(c *charts.Chart, assetsHost string) (*gecharts.BaseConfiguration, map[string]any){
	"bars":     barsOption,
	"compare":  compareOption,
	"timeline": timelineOption,
	"flow": func(c *charts.Chart, assetsHost string) (*gecharts.BaseConfiguration, map[string]any) {
		s := flowChart(c)
		s.AssetsHost = assetsHost
		s.Validate()
		return &s.BaseConfiguration, s.JSON()
	},
}

// Option builds the echarts option of a chart laid out at W×H with go-echarts and returns it
// with the script URLs go-echarts asks for, each prefixed with assetsHost.
func Option(c *charts.Chart, assetsHost string) (map[string]any, []string, error) {
	translate, ok := translators[c.View]
	if !ok {
		return nil, nil, fmt.Errorf("echarts: no fallback for view %q", c.View)
	}
	base, option := translate(c, assetsHost)
	var assets []string
	for _, set := range [][]string{base.JSAssets.Values, base.CustomizedJSAssets.Values, base.CSSAssets.Values, base.CustomizedCSSAssets.Values} {
		for _, a := range set {
			if strings.Contains(a, "//") {
				return nil, nil, fmt.Errorf("echarts: asset %q would load from another host", a)
			}
		}
	}
	if len(base.CSSAssets.Values)+len(base.CustomizedCSSAssets.Values) > 0 {
		return nil, nil, fmt.Errorf("echarts: unexpected CSS assets %v", base.CSSAssets.Values)
	}
	assets = append(assets, base.JSAssets.Values...)
	assets = append(assets, base.CustomizedJSAssets.Values...)
	return option, assets, nil
}

type page struct {
	Title, View, State   string
	Year                 int
	ChartID, OptionID    string
	Scripts              []string
	Option               template.JS
	Notes, Source        string
	Height               template.CSS
	Lang                 string       // the page's language: the chart's, "en" when it has none
	Font, Ink, Muted, Bg template.CSS // constants of this package and the palette
}

// The option sits in a JSON script so tests (and the init script) read it without evaluating
// JavaScript; the init script adds the one function, the tooltip formatter, which reads the
// lines each data item carries in tooltipLines and escapes them.
var pageTmpl = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="azflows-state" content="{{.State}}">
<title>{{.Title}}</title>
<style>
body { margin: 0; background: {{.Bg}}; color: {{.Ink}}; font-family: {{.Font}}; }
#fallback { margin: 0 auto; max-width: 960px; padding: 8px 12px; }
#fallback .chart { width: 100%; height: {{.Height}}; }
#fallback p { margin: 6px 14px; font-size: 13px; line-height: 1.4; }
#fallback p.source { color: {{.Muted}}; font-size: 12px; }
</style>
{{- range .Scripts}}
<script src="{{.}}"></script>
{{- end}}
</head>
<body>
<figure id="fallback" data-view="{{.View}}" data-year="{{.Year}}">
<div id="{{.ChartID}}" class="chart" role="img" aria-label="{{.Title}}"></div>
<figcaption>
{{- if .Notes}}
<p class="note">{{.Notes}}</p>
{{- end}}
<p class="source">{{.Source}}</p>
</figcaption>
</figure>
<script type="application/json" id="{{.OptionID}}">{{.Option}}</script>
<script>
(function () {
  "use strict";
  var el = document.getElementById("{{.ChartID}}");
  if (!window.echarts || !el) { return; }
  var option = JSON.parse(document.getElementById("{{.OptionID}}").textContent);
  var esc = function (s) {
    return String(s).replace(/[&<>"']/g, function (ch) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[ch];
    });
  };
  option.tooltip.formatter = function (p) {
    var lines = (p && p.data && p.data.tooltipLines) || [p.name];
    return lines.map(function (l, i) { return i === 0 ? "<b>" + esc(l) + "</b>" : esc(l); }).join("<br>");
  };
  var chart = echarts.init(el, null, {renderer: "canvas"});
  chart.setOption(option);
  // Narrower than the model: shorten title lines rather than clip them (the full text is in
  // <title> and the aria description).
  var fit = function () {
    var w = Math.max(80, el.clientWidth - 2 * (parseFloat(option.title.left) || 0));
    chart.setOption({title: {textStyle: {width: w, overflow: "truncate"}, subtextStyle: {width: w, overflow: "truncate"}}});
    chart.resize();
  };
  fit();
  window.addEventListener("resize", fit);
})();
</script>
</body>
</html>
`))

// text is the text of the first mark with the role; texts of all of them, in model order.
// text is the text of the marks with a role, the lines the model wrapped it to joined again
// in reading order (top down).
func text(c *charts.Chart, role string) string {
	var lines []charts.Mark
	for _, m := range c.Marks {
		if m.Role == role && m.Kind == charts.TextMark {
			lines = append(lines, m)
		}
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].At.Y < lines[j].At.Y })
	out := make([]string, len(lines))
	for i, m := range lines {
		out[i] = m.Text
	}
	return strings.Join(out, " ")
}

func texts(c *charts.Chart, role string) []string {
	var out []string
	for _, m := range c.Marks {
		if m.Role == role && m.Kind == charts.TextMark {
			out = append(out, m.Text)
		}
	}
	return out
}

// noteLines are the note marks' lines in reading order (the frame adds them bottom up).
func noteLines(c *charts.Chart) []string {
	ns := marks(c, "note")
	idx := func(m charts.Mark) int { n, _ := strconv.Atoi(strings.TrimPrefix(m.ID, "note/")); return n }
	sort.SliceStable(ns, func(i, j int) bool { return idx(ns[i]) < idx(ns[j]) })
	var out []string
	for _, m := range ns {
		out = append(out, m.Text)
	}
	return out
}

func marks(c *charts.Chart, role string) []charts.Mark {
	var out []charts.Mark
	for _, m := range c.Marks {
		if m.Role == role {
			out = append(out, m)
		}
	}
	return out
}

func mark(c *charts.Chart, role string) (charts.Mark, bool) {
	ms := marks(c, role)
	if len(ms) == 0 {
		return charts.Mark{}, false
	}
	return ms[0], true
}

// valueText is the text of the value mark of a datum.
func valueText(c *charts.Chart, datum string) string {
	for _, m := range c.Marks {
		if m.Role == "value" && m.Datum == datum {
			return m.Text
		}
	}
	return ""
}
