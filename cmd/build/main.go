// Command build writes the whole azflows site to a directory (dist/ by default): the page with
// its pre-rendered SVGs, the ebiten view compiled to WebAssembly, the go-echarts fallback pages,
// the data downloads and the assets they load. It refuses to build from data that does not
// match the source paper.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"azflows/charts"
	"azflows/charts/echarts"
	"azflows/charts/fonts"
	"azflows/charts/raster"
	"azflows/charts/svg"
	"azflows/data"
)

func main() {
	out := flag.String("out", "dist", "directory to write the site to")
	source := flag.String("source", data.SourcePath, "the source paper's text, to validate the data against")
	flag.Parse()
	if err := build(*out, *source); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
	fmt.Printf("build: wrote %s/\n", *out)
}

func build(out, source string) error {
	src, err := data.LoadSource(source)
	if err != nil {
		return err
	}
	if errs := data.Validate(src); len(errs) > 0 {
		return fmt.Errorf("the data does not match the source paper:\n  %w", errors.Join(errs...))
	}
	// Chart text is measured and drawn in Noto Sans (latin, latin-ext, cyrillic) from npm.
	fs, err := fonts.Load("node_modules")
	if err != nil {
		return err
	}
	if err := charts.SetFonts(fs.Regular, fs.Bold); err != nil {
		return err
	}
	for _, d := range []string{"", "charts", "data", "fallback", "assets", "fonts"} {
		if err := os.MkdirAll(filepath.Join(out, d), 0o755); err != nil {
			return err
		}
	}
	steps := []func(string) error{buildWasm, copyStatic, writeBaseMap, writeCharts, writeFallback, writeData, writeIndex, addCSP, compress}
	for _, step := range steps {
		if err := step(out); err != nil {
			return err
		}
	}
	return nil
}

// buildWasm compiles the ebiten view and copies Go's loader next to it.
func buildWasm(out string) error {
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(out, "view.wasm"), "./wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("compiling the wasm view: %w", err)
	}
	return copyFile(filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js"), filepath.Join(out, "wasm_exec.js"))
}

// copyStatic copies the page's own assets and the fonts, and bundles echarts from node_modules.
func copyStatic(out string) error {
	for _, f := range []string{"app.js", "modes.js", "style.css", "noscript.css", "view.html", "view.js"} {
		if err := copyFile(filepath.Join("web", f), filepath.Join(out, f)); err != nil {
			return err
		}
	}
	// The fonts' subsets: .woff2 for the page's @font-face rules (style.css), .woff for the
	// wasm view, which decodes them itself (charts/fonts).
	for _, bold := range []bool{false, true} {
		for _, sub := range fonts.Subsets {
			for _, ext := range []string{".woff", ".woff2"} {
				f := fonts.File(sub, bold) + ext
				if err := copyFile(filepath.Join("node_modules", "@fontsource", "noto-sans", "files", f), filepath.Join(out, "fonts", f)); err != nil {
					return err
				}
			}
		}
	}
	return bundleEcharts(out) // assets/echarts.min.js: a custom build, see echartsbundle.go
}

// Chart size of the pre-rendered SVGs and the downloads: 16:9.
const chartW, chartH = 800, 450

// states lists every chart state that gets a pre-rendered SVG, slide images and a fallback
// page: each chart view in each year, and the map with its context layer too.
func states() []charts.State {
	var out []charts.State
	for _, v := range charts.ChartViews() {
		for _, y := range charts.Years {
			out = append(out, charts.State{View: v, Year: y})
			if charts.HasContext(v) {
				out = append(out, charts.State{View: v, Year: y, Context: true})
			}
		}
	}
	return out
}

// stateKey names a state's files; web/app.js builds the same names.
func stateKey(s charts.State) string {
	k := s.View + "-" + strconv.Itoa(s.Year)
	if s.Context && charts.HasContext(s.View) {
		k += "-context"
	}
	return k
}

func svgOf(s charts.State) (string, error) {
	var b bytes.Buffer
	err := svg.Write(&b, charts.Build(s, chartW, chartH))
	return b.String(), err
}

func writeCharts(out string) error {
	for _, s := range states() {
		doc, err := svgOf(s)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, "charts", stateKey(s)+".svg"), []byte(doc), 0o644); err != nil {
			return err
		}
		// Slide images: the same layout scaled, so text, legend and source line come along.
		c := charts.Build(s, chartW, chartH)
		for _, w := range slideWidths {
			var b bytes.Buffer
			if err := raster.WritePNG(&b, c, float64(w)/chartW); err != nil {
				return err
			}
			name := fmt.Sprintf("%s-%dx%d.png", stateKey(s), w, w*chartH/chartW)
			if err := os.WriteFile(filepath.Join(out, "charts", name), b.Bytes(), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// slideWidths are the widths of the PNG downloads (16:9).
var slideWidths = []int{1920, 1280}

func writeFallback(out string) error {
	for _, s := range states() {
		var b bytes.Buffer
		if err := echarts.Page(&b, s, "../assets/"); err != nil {
			return fmt.Errorf("fallback %s: %w", stateKey(s), err)
		}
		if err := os.WriteFile(filepath.Join(out, "fallback", stateKey(s)+".html"), b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func writeData(out string) error {
	for name, write := range map[string]func(io.Writer) error{
		"azflows.json": data.WriteJSON, "azflows-figures.csv": data.WriteFiguresCSV, "azflows-events.csv": data.WriteEventsCSV,
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, "data", name), b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

type choice struct {
	Value, Label string
	Checked      bool
}

type svgTemplate struct {
	ID  string
	SVG template.HTML
}

var viewLabels = map[string]string{"map": "Map", "bars": "Destinations by year", "flow": "Flows from Azerbaijan",
	"compare": "Counts compared", "timeline": "Timeline", "table": "Table", "sources": "Sources"}

func writeIndex(out string) error {
	tpl, err := template.ParseFiles("index.html")
	if err != nil {
		return err
	}
	def := charts.Default
	cfg, _ := json.Marshal(map[string]any{"views": charts.Views(), "charts": charts.ChartViews(), "contextViews": contextViews(), "years": charts.Years, "story": story()})
	defSVG, err := svgOf(def)
	if err != nil {
		return err
	}
	var views, years []choice
	for _, v := range charts.Views() {
		views = append(views, choice{v, viewLabels[v], v == def.View})
	}
	for _, y := range charts.Years {
		years = append(years, choice{strconv.Itoa(y), strconv.Itoa(y), y == def.Year})
	}
	var tpls []svgTemplate
	for _, s := range states() {
		doc, err := svgOf(s)
		if err != nil {
			return err
		}
		tpls = append(tpls, svgTemplate{stateKey(s), template.HTML(doc)})
	}
	caveats := []string{data.CaveatAccuracy, data.CaveatTrend, data.CaveatPeriod, data.Caveat2012Dest}
	var b bytes.Buffer
	err = tpl.Execute(&b, map[string]any{
		"Config":      template.JS(cfg),
		"Views":       views,
		"Years":       years,
		"Default":     stateKey(def),
		"DefaultHash": def.Hash(),
		"DefaultSVG":  template.HTML(defSVG),
		"Templates":   tpls,
		"Summaries":   summaries(),
		"Summary":     charts.Summary(def),
		"TableYear":   def.Year,
		"Citation":    data.Citation,
		"Caveats":     caveats,
		"Footnotes":   data.Footnotes,
		"Version":     version(),
		"Rows":        tableRows(),
		"ShortSource": "Source: " + data.ShortSource,
	})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "index.html"), b.Bytes(), 0o644)
}

func contextViews() []string {
	var out []string
	for _, v := range charts.ChartViews() {
		if charts.HasContext(v) {
			out = append(out, v)
		}
	}
	return out
}

// storyStep is one step of the presentation mode: a view and what to say about it.
type storyStep struct {
	Hash    string `json:"hash"`
	Caption string `json:"caption"`
}

// story is the presentation's sequence, from the 1990s routes to the timeline; steps whose
// view does not exist give way to the nearest that does.
func story() []storyStep {
	pick := func(views ...string) string {
		for _, v := range views {
			if charts.IsChart(v) {
				return v
			}
		}
		return charts.Default.View
	}
	return []storyStep{
		{charts.State{View: pick("map", "flow"), Year: 2010, Context: true}.Hash(),
			"1990s onwards: emigration, some of it into the sex industry, went mainly to Iran, Turkey, Pakistan and the UAE. The paper names these routes but gives no numbers."},
		{charts.State{View: pick("bars"), Year: 2010}.Hash(),
			"2010: the Ministry of Internal Affairs identified 34 victims; 23 had been taken to Turkey. 4 went to “other countries, including Russia”, not broken down."},
		{charts.State{View: pick("compare", "bars"), Year: 2010}.Hash(),
			"2010: more people were convicted of trafficking (39) than victims were identified (34). NGOs estimated up to 1,000 women a year."},
		{charts.State{View: pick("map", "flow"), Year: 2012}.Hash(),
			"2012: 89 victims were referred to support centres. The paper gives destinations for 47 of them; for 42 it gives none."},
		{charts.State{View: pick("timeline", "flow"), Year: 2012}.Hash(),
			"From the 1990s to December 2012: the state's measures and the counts, on one time line. The paper: the accuracy of the statistics cannot be evaluated."},
	}
}

// tableRow is one figure as the table view shows it.
type tableRow struct {
	ID, Measure, Value, Period, Kind, Reporter, Status, Formula string
	Year, Footnote                                              int
	Caveats                                                     []string
}

var statusNames = map[data.Status]string{data.Official: "official count", data.Estimate: "estimate",
	data.Derived: "computed here from official counts", data.Reported: "reported in the paper"}

func tableRows() []tableRow {
	var rows []tableRow
	for _, f := range data.Figures {
		v := f.Text
		if f.Bound == data.UpTo {
			v = "up to " + v
		}
		r := tableRow{ID: f.ID, Measure: f.Measure, Value: v, Period: f.Period.Text, Kind: statusNames[f.Status],
			Reporter: f.Reporter, Status: string(f.Status), Formula: f.Formula, Footnote: f.Footnote, Caveats: f.Caveats}
		if f.Period.From == f.Period.To {
			r.Year = f.Period.From
		}
		rows = append(rows, r)
	}
	return rows
}

// version names the commit the site was built from.
func version() string {
	b, err := exec.Command("git", "describe", "--always", "--dirty").Output()
	if err != nil {
		return "(unversioned build)"
	}
	return strings.TrimSpace(string(b))
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}
