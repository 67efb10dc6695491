// Package echarts writes the go-echarts fallback page of a chart: the view shown where
// WebAssembly or WebGL is missing. It translates the chart model (charts.Build) into an
// echarts option: panels become grids, their scales axes, the marks that show data series
// items, the rest graphic elements, the chart's tips the tooltips (translate.go). It lays
// nothing out, measures no text and reads no data itself.
package echarts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"sort"
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

	// TooltipClass is the class of echarts' tooltip element, for tests.
	TooltipClass = "azflows-tip"

	// The model is laid out at W×H; the page draws the chart at this size, scaled down as a
	// whole where its container is narrower.
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
		Width:    template.CSS(fmt.Sprintf("%dpx", W)),
		W:        W,
		H:        H,
		Scripts:  assets,
		Option:   template.JS(optJSON),
		Notes:    strings.Join(c.Notes, " "),
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

// Option builds the echarts option of a chart laid out at W×H (go-echarts writes the page
// frame, translate the rest) and returns it with the script URLs go-echarts asks for, each
// prefixed with assetsHost.
func Option(c *charts.Chart, assetsHost string) (map[string]any, []string, error) {
	if !charts.IsChart(c.View) {
		return nil, nil, fmt.Errorf("echarts: no fallback for view %q", c.View)
	}
	b := gecharts.NewBar()
	b.SetGlobalOptions(common(c)...)
	b.AssetsHost = assetsHost
	var series []any
	if m := countries(c); m != nil {
		b.JSAssets.Add(BaseMapAsset)
		series = append(series, m)
	}
	b.Validate()
	b.Accept(visitor{})
	option := b.JSON()
	delete(option, "xAxis")
	delete(option, "yAxis")
	t := translate(c)
	for _, s := range t.Series {
		series = append(series, s)
	}
	option["grid"], option["xAxis"], option["yAxis"], option["series"], option["graphic"] = t.Grid, t.XAxis, t.YAxis, series, t.Graphic
	base := b.BaseConfiguration
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
	Height, Width        template.CSS
	W, H                 int
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
<link rel="icon" href="data:,">
<style>
body { margin: 0; background: {{.Bg}}; color: {{.Ink}}; font-family: {{.Font}}; }
#fallback { margin: 0 auto; max-width: 960px; padding: 8px 12px; }
#fallback .frame { width: 100%; max-width: {{.Width}}; overflow: hidden; }
#fallback .chart { width: {{.Width}}; height: {{.Height}}; transform-origin: 0 0; }
#fallback p { margin: 6px 14px; font-size: 13px; line-height: 1.4; }
#fallback p.source { color: {{.Muted}}; font-size: 12px; }
</style>
{{- range .Scripts}}
<script src="{{.}}"></script>
{{- end}}
</head>
<body>
<figure id="fallback" data-view="{{.View}}" data-year="{{.Year}}">
<div class="frame"><div id="{{.ChartID}}" class="chart" role="img" aria-label="{{.Title}}"></div></div>
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
    var lines = p && p.data && p.data.tooltipLines;
    if (!lines || !lines.length) { return ""; }
    return lines.map(function (l, i) { return i === 0 ? "<b>" + esc(l) + "</b>" : esc(l); }).join("<br>");
  };
  // Custom series items are the model's shapes: draw their points as they are.
  var shape = function (params, api) {
    var d = option.series[params.seriesIndex].data[params.dataIndex];
    var pts = d.points.map(function (q) { return api.coord(q); });
    return {type: d.closed ? "polygon" : "polyline", shape: {points: pts}, style: d.shapeStyle};
  };
  option.series.forEach(function (s) { if (s.type === "custom") { s.renderItem = shape; } });
  var chart = echarts.init(el, null, {renderer: "canvas", width: {{.W}}, height: {{.H}}});
  chart.setOption(option);
  // The option is in the model's pixels: narrower than the model, the chart is scaled as a
  // whole, as the SVG is.
  var frame = el.parentNode;
  var fit = function () {
    var k = Math.min(1, frame.clientWidth / {{.W}});
    el.style.transform = k < 1 ? "scale(" + k + ")" : "";
    frame.style.height = ({{.H}} * k) + "px";
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
