// Package echarts writes the go-echarts fallback page of a chart: the view shown where
// WebAssembly or WebGL is missing. It translates the chart model (layout.Build) into an
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
	"strings"

	gecharts "github.com/go-echarts/go-echarts/v2/charts"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/site"
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

	// The model is laid out at W×H; the page draws the chart at the size it took (Chart.W×
	// Chart.H: a picture that cannot show everything at its frame's height grows, which these
	// never do, charts.TestNeverGrowFrames), scaled down as a whole where its container is
	// narrower.
	W, H = 800, 450
)

// Page writes a complete HTML page that draws st with echarts. assetsHost prefixes the
// script go-echarts asks for ("assets/" loads assets/echarts.min.js); siteRoot is the path
// from the page to the site's root ("../" from fallback/), where the chart's fonts are
// (site.Fonts). Both must be relative or site-absolute paths: the page loads nothing from
// another host.
func Page(w io.Writer, a charts.Assets, st charts.State, assetsHost, siteRoot string) error {
	if !layout.IsChart(st.View) {
		return fmt.Errorf("echarts: unknown view %q", st.View)
	}
	for _, p := range []string{assetsHost, siteRoot} {
		if strings.Contains(p, "//") || strings.Contains(p, ":") {
			return fmt.Errorf("echarts: %q is not a path on this site", p)
		}
	}
	c := layout.Build(a, st, W, H)
	option, assets, err := Option(c, assetsHost)
	if err != nil {
		return err
	}
	optJSON, err := json.Marshal(option) // escapes <, > and & : safe inside <script>
	if err != nil {
		return fmt.Errorf("echarts: %w", err)
	}
	p := page{
		Title:    c.Title,
		View:     c.View,
		Year:     c.Year,
		State:    charts.State{View: c.View, Year: c.Year}.Hash(),
		Lang:     string(c.Lang),
		ChartID:  ChartID,
		OptionID: OptionID,
		Height:   template.CSS(fmt.Sprintf("%gpx", c.H)),
		Width:    template.CSS(fmt.Sprintf("%gpx", c.W)),
		W:        c.W,
		H:        c.H,
		Scripts:  assets,
		Option:   template.JS(optJSON),
		Notes:    strings.Join(c.Notes, " "),
		Source:   layout.SourceLine(c),
		Font:     template.CSS(FontFamily),
		Ink:      template.CSS(charts.Ink),
		Muted:    template.CSS(charts.Muted),
		Bg:       template.CSS(c.Background),
	}
	var faces []face
	for _, f := range site.Fonts() {
		w := "400"
		if f.Bold {
			w = "700"
		}
		faces = append(faces, face{siteRoot + f.WOFF2, w, f.Range})
	}
	facesJSON, err := json.Marshal(faces)
	if err != nil {
		return fmt.Errorf("echarts: %w", err)
	}
	p.Fonts = template.JS(facesJSON)
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
	if !layout.IsChart(c.View) {
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
	W, H                 float64      // the chart's size as the model laid it out (Chart.W, Chart.H)
	Lang                 string       // the page's language: the chart's, "en" when it has none
	Font, Ink, Muted, Bg template.CSS // constants of this package and the palette
	Fonts                template.JS  // the chart's Noto Sans, which the model measures text with: []face
}

// face is one font file of the chart's Noto Sans: a weight's subset. Its URL is written as
// it is (no "\/"), a quoted path that the build rewrites when it gives files hashed names.
type face struct {
	URL    string `json:"url"`
	Weight string `json:"weight"`
	Range  string `json:"range"` // its unicode-range
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
` + site.IconLink + `
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
  // The model placed each text by its width in the site's Noto Sans: the chart is drawn once
  // the subsets its texts need have loaded (in another font the texts would run into each
  // other). Inside the single offline file the fonts come from its page (azflowsOffline); a
  // font that cannot load leaves the chart to the fallback fonts, after at most 4 s.
  var faces = {{.Fonts}};
  var load = function () {
    var offline = null;
    try { offline = window.parent !== window && window.parent.azflowsOffline; } catch (e) { offline = null; }
    var add = function (src) {
      faces.forEach(function (f, i) {
        var s = src ? src(f, i) : "url(" + f.url + ") format(\"woff2\")";
        if (s) { document.fonts.add(new FontFace("Noto Sans", s, {weight: f.weight, unicodeRange: f.range})); }
      });
    };
    var added = offline && typeof offline.fonts === "function" ? offline.fonts().then(function (bytes) {
      var n = {"400": 0, "700": 0};
      add(function (f) { var b = (f.weight === "700" ? bytes.bold : bytes.regular)[n[f.weight]++]; return b ? b.buffer : null; });
    }) : Promise.resolve(add(null));
    var texts = {regular: "", bold: ""};
    (option.graphic || []).forEach(function (g) {
      if (g.style && g.style.text) { texts[g.style.fontWeight === "bold" ? "bold" : "regular"] += g.style.text; }
    });
    return added.then(function () {
      return Promise.all([document.fonts.load("12px 'Noto Sans'", texts.regular + " 0123456789"), document.fonts.load("bold 12px 'Noto Sans'", texts.bold || "0")]);
    });
  };
  var drawn = false;
  var draw = function () {
    if (drawn) { return; }
    drawn = true;
    echarts.init(el, null, {renderer: "canvas", width: {{.W}}, height: {{.H}}}).setOption(option);
  };
  if (document.fonts && typeof FontFace === "function") {
    load().then(draw, draw);
    setTimeout(draw, 4000);
  } else {
    draw();
  }
})();
</script>
</body>
</html>
`))
