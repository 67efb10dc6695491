// Command build writes the whole azflows site to a directory (dist/ by default): the page with
// its pre-rendered SVGs, the ebiten view compiled to WebAssembly, the go-echarts fallback pages,
// the data downloads and the assets they load. It refuses to build from data that fails its
// checks, and checks it against the source paper where the paper is found (-source,
// $AZFLOWS_SOURCE, or ../shared/source/…; README, "Source paper"). The site is written into a
// new directory and swapped in whole when every step has succeeded.
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
	"azflows/i18n"
	"azflows/internal/paper"
	"azflows/site"
)

func main() {
	out := flag.String("out", "dist", "directory to write the site to: replaced whole, so it must be empty, missing or an earlier build's")
	source := flag.String("source", "", "the source paper's text, to check the data against (default $"+data.SourceEnv+", else "+data.SourcePath+")")
	flag.Parse()
	if err := build(*out, *source); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		fmt.Fprintf(os.Stderr, "build: failed; %s/ is left as it was\n", strings.TrimRight(*out, "/"))
		os.Exit(1)
	}
	fmt.Printf("build: wrote %s/\n", *out)
}

// build checks the data, writes the whole site into a new directory beside out and, only when
// every step has succeeded, swaps it in for out (see swap.go): a failed build leaves out as it
// was, and nothing from an older build survives. source is the paper's text ("": $AZFLOWS_SOURCE
// or data.SourcePath, and without a file there the checks against the paper are left out and
// said to be).
func build(out, source string) error {
	if err := checkOut(out); err != nil {
		return err
	}
	if err := checkData(source); err != nil {
		return err
	}
	// Chart text is measured and drawn in Noto Sans (latin, latin-ext, cyrillic) from npm.
	fs, err := fonts.Load("node_modules")
	if err != nil {
		return err
	}
	if err := charts.SetFonts(fs.Regular, fs.Bold); err != nil {
		return err
	}
	tmp, err := newBuildDir(out)
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // after the swap, the previous build; after a failure, this one
	for _, d := range []string{"charts", "data", "fallback", "assets", "fonts"} {
		if err := os.MkdirAll(filepath.Join(tmp, d), 0o755); err != nil {
			return err
		}
	}
	// Compression comes after every writer (the offline file included), the marker last.
	steps := []func(string) error{buildWasm, copyStatic, writeBaseMap, writeCharts, writeFallback, writeData, writeIndex, writeOffline, compress, writeMarker}
	for _, step := range steps {
		if err := step(tmp); err != nil {
			return err
		}
	}
	return swap(tmp, out)
}

// checkData validates the records: always against each other, and against the paper where it
// is found. A paper named with -source or $AZFLOWS_SOURCE must be there; at the default place it
// may be missing, which the build says in one line.
func checkData(source string) error {
	explicit := source != ""
	if !explicit {
		source, explicit = paper.Path(".")
	}
	text, found, err := paper.Load(source)
	switch {
	case err != nil:
		return err
	case !found && explicit:
		return fmt.Errorf("reading the source paper: no file at %s", source)
	case !found:
		fmt.Println("build: " + paper.Missing(source))
	}
	if errs := data.Validate(text); len(errs) > 0 {
		return fmt.Errorf("the data does not match the source paper:\n  %w", errors.Join(errs...))
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
	for _, f := range []string{"app.js", "modes.js", "style.css", "noscript.css", "view.js", "framegate.js"} {
		if err := copyFile(filepath.Join("web", f), filepath.Join(out, f)); err != nil {
			return err
		}
	}
	// The ebiten view's page, the one page that may compile WebAssembly.
	view, err := os.ReadFile(filepath.Join("web", "view.html"))
	if err != nil {
		return err
	}
	if err := writePage(filepath.Join(out, "view.html"), string(view), true); err != nil {
		return err
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

// writeCharts writes each state's SVG and slide images in every language (charts/KEY.svg,
// charts/KEY.az.svg, charts/KEY-1920x1080.az.png…). One at a time: charts/raster shares its
// font faces, which are not safe for concurrent use.
func writeCharts(out string) error {
	for _, l := range i18n.Langs {
		for _, s := range states() {
			s.Lang = l
			if err := writeChart(out, s); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeChart(out string, s charts.State) error {
	suffix := langSuffix(s.Lang)
	// The download: text as glyph outlines, so that it travels without its fonts.
	var doc bytes.Buffer
	if err := svg.WriteOutlined(&doc, charts.Build(s, chartW, chartH)); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "charts", stateKey(s)+suffix+".svg"), doc.Bytes(), 0o644); err != nil {
		return err
	}
	// Slide images: the same layout scaled, so text, legend and source line come along.
	c := charts.Build(s, chartW, chartH)
	for _, w := range slideWidths {
		var b bytes.Buffer
		if err := raster.WritePNG(&b, c, float64(w)/chartW); err != nil {
			return err
		}
		name := fmt.Sprintf("%s-%dx%d%s.png", stateKey(s), w, w*chartH/chartW, suffix)
		if err := os.WriteFile(filepath.Join(out, "charts", name), b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// slideWidths are the widths of the PNG downloads (16:9).
var slideWidths = []int{1920, 1280}

// writeFallback writes the echarts page of each state in every language (fallback/KEY.html,
// fallback/KEY.az.html…).
func writeFallback(out string) error {
	for _, l := range i18n.Langs {
		for _, s := range states() {
			s.Lang = l
			var b bytes.Buffer
			if err := echarts.Page(&b, s, "../assets/"); err != nil {
				return fmt.Errorf("fallback %s %s: %w", stateKey(s), l, err)
			}
			if err := writePage(filepath.Join(out, "fallback", stateKey(s)+langSuffix(l)+".html"), b.String(), false); err != nil {
				return err
			}
		}
	}
	return nil
}

// utf8BOM starts every CSV download.
const utf8BOM = "\ufeff"

func writeData(out string) error {
	files := map[string]func(io.Writer) error{
		"azflows.json": data.WriteJSON, "azflows-figures.csv": data.WriteFiguresCSV, "azflows-events.csv": data.WriteEventsCSV,
	}
	for _, l := range i18n.Langs[1:] { // the translated downloads, lang.go
		files["azflows"+langSuffix(l)+".json"] = jsonIn(l)
		files["azflows-figures"+langSuffix(l)+".csv"] = figuresCSVIn(l)
		files["azflows-events"+langSuffix(l)+".csv"] = eventsCSVIn(l)
	}
	for name, write := range files {
		var b bytes.Buffer
		if strings.HasSuffix(name, ".csv") {
			// Spreadsheet programs read a CSV as UTF-8 only after a byte-order mark.
			b.WriteString(utf8BOM)
		}
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

// writeIndex writes the page in every language: index.html (English), index.az.html, index.ru.html.
func writeIndex(out string) error {
	for _, l := range i18n.Langs {
		if err := writeIndexIn(out, l); err != nil {
			return fmt.Errorf("%s page: %w", l, err)
		}
	}
	return nil
}

func writeIndexIn(out string, l i18n.Lang) error {
	tpl, err := template.New("index.html").Funcs(pageFuncs(l)).ParseFiles("index.html")
	if err != nil {
		return err
	}
	def := charts.Default
	def.Lang = l
	cfg, _ := json.Marshal(map[string]any{"views": charts.Views(), "charts": charts.ChartViews(), "contextViews": contextViews(), "years": charts.Years, "story": story(l),
		"lang": l, "suffix": langSuffix(l), "strings": scriptStrings(l), "messages": site.Names()})
	defSVG, err := svgOf(def)
	if err != nil {
		return err
	}
	var views, years []choice
	for _, v := range charts.Views() {
		views = append(views, choice{v, i18n.T(l, "view."+v), v == def.View})
	}
	for _, y := range charts.Years {
		years = append(years, choice{strconv.Itoa(y), strconv.Itoa(y), y == def.Year})
	}
	var tpls []svgTemplate
	for _, s := range states() {
		s.Lang = l
		doc, err := svgOf(s)
		if err != nil {
			return err
		}
		tpls = append(tpls, svgTemplate{stateKey(s), template.HTML(doc)})
	}
	var caveats []string
	for i, c := range []string{data.CaveatAccuracy, data.CaveatTrend, data.CaveatPeriod, data.Caveat2012Dest} {
		caveats = append(caveats, i18n.T(l, i18n.CaveatKey("page", i, c)))
	}
	var b bytes.Buffer
	err = tpl.Execute(&b, map[string]any{
		"Config":      template.JS(cfg),
		"Views":       views,
		"Years":       years,
		"Default":     stateKey(def),
		"DefaultHash": def.Hash(),
		"DefaultSVG":  template.HTML(defSVG),
		"Templates":   tpls,
		"Summaries":   summariesIn(l),
		"Summary":     charts.Summary(def),
		"TableYear":   def.Year,
		"Citation":    i18n.Citation(l),
		"Caveats":     caveats,
		"Footnotes":   data.Footnotes,
		"Version":     version(),
		"Rows":        tableRows(l),
		"ShortSource": i18n.T(l, "page.source", data.ShortSource),
		"Lang":        l,
		"Suffix":      langSuffix(l),
		"Switch":      langSwitch(l),
	})
	if err != nil {
		return err
	}
	return writePage(filepath.Join(out, pageName(l)), b.String(), false)
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
// view does not exist give way to the nearest that does. Captions are in l (i18n "story.N").
func story(l i18n.Lang) []storyStep {
	pick := func(views ...string) string {
		for _, v := range views {
			if charts.IsChart(v) {
				return v
			}
		}
		return charts.Default.View
	}
	first, last := charts.Years[0], charts.Years[len(charts.Years)-1] // the story goes from the first year with destinations to the last
	return []storyStep{
		{charts.State{View: pick("map", "flow"), Year: first, Context: true}.Hash(), i18n.T(l, "story.1")},
		{charts.State{View: pick("bars"), Year: first}.Hash(), i18n.T(l, "story.2")},
		{charts.State{View: pick("compare", "bars"), Year: first}.Hash(), i18n.T(l, "story.3")},
		{charts.State{View: pick("map", "flow"), Year: last}.Hash(), i18n.T(l, "story.4")},
		{charts.State{View: pick("timeline", "flow"), Year: last}.Hash(), i18n.T(l, "story.5")},
	}
}

// tableRow is one figure as the table view shows it.
type tableRow struct {
	ID, Measure, Value, Period, Kind, Reporter, Status, Formula string
	Year, Footnote                                              int
	Caveats                                                     []string
}

var statusKeys = map[data.Status]string{data.Official: "kind.official", data.Estimate: "kind.estimate",
	data.Derived: "kind.derived", data.Reported: "kind.reported"}

// tableRows are the figures in l: measure, period, kind, reporter and caveats translated, the
// number written as l writes it.
func tableRows(l i18n.Lang) []tableRow {
	var rows []tableRow
	for _, f := range data.Figures {
		v := i18n.FigText(l, f)
		if f.Bound == data.UpTo {
			v = i18n.T(l, "value.upto", v)
		}
		r := tableRow{ID: f.ID, Measure: i18n.Measure(l, f), Value: v, Period: i18n.Period(l, f), Kind: i18n.T(l, statusKeys[f.Status]),
			Reporter: i18n.Reporter(l, f), Status: string(f.Status), Formula: i18n.Formula(l, f), Footnote: f.Footnote, Caveats: i18n.FigCaveats(l, f)}
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
