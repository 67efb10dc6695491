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
	"slices"
	"strconv"
	"strings"

	"azflows/charts"
	"azflows/charts/echarts"
	"azflows/charts/layout"
	"azflows/charts/raster"
	"azflows/charts/svg"
	"azflows/data"
	"azflows/i18n"
	"azflows/internal/fonts"
	"azflows/internal/geo"
	"azflows/internal/paper"
	"azflows/site"
)

func main() {
	out := flag.String("out", "dist", "directory to write the site to: replaced whole, so it must be empty, missing or an earlier build's with every file its manifest lists")
	source := flag.String("source", "", "the source paper's text, to check the data against (default $"+data.SourceEnv+", else "+data.SourcePath+")")
	flag.BoolVar(&pseudo, "pseudo", false, "also render the pseudo-locale xx (i18n.XX), for tests; never for a site to ship")
	siteFlag := flag.String("site-url", "", "the site's absolute address (https://…/), for the link previews' absolute URLs")
	flag.Parse()
	var err error
	if siteURL, err = checkSiteURL(*siteFlag); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(2)
	}
	if err := build(*out, *source); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		if !errors.As(err, new(*swapError)) {
			fmt.Fprintf(os.Stderr, "build: failed; %s/ is left as it was\n", strings.TrimRight(*out, "/"))
		}
		os.Exit(1)
	}
	fmt.Printf("build: wrote %s/\n", *out)
}

// pseudo adds the pseudo-locale to the languages the build renders (-pseudo).
var pseudo bool

// langs are the languages the build renders: the site's, and the pseudo-locale with -pseudo.
func langs() []i18n.Lang {
	if pseudo {
		return append(slices.Clone(site.Langs()), i18n.XX)
	}
	return site.Langs()
}

// build checks the data, writes the whole site into a new directory beside out and, only when
// every step has succeeded, swaps it in for out (see swap.go): a failed build leaves out as it
// was, and nothing from an older build survives. source is the paper's text ("": $AZFLOWS_SOURCE
// or data.SourcePath, and without a file there the checks against the paper are left out and
// said to be).
func build(out, source string) error {
	if err := recoverSwap(out); err != nil {
		return err
	}
	legacy, err := checkOut(out)
	if err != nil {
		return err
	}
	if err := checkData(source); err != nil {
		return err
	}
	a, err := loadAssets()
	if err != nil {
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
	// Content-hashed names after every writer (hashnames.go), then the configs for other
	// servers (deploy.go); compression after all of them (the offline file included), then
	// the marker with the manifest, the modes (readable by all) last.
	// The steps that draw charts draw them with a.
	with := func(step func(charts.Assets, string) error) func(string) error { return withAssets(a, step) }
	steps := []func(string) error{buildWasm, copyStatic, with(writeBaseMap), with(writeCharts), with(writePreviews), with(writeFallback), writeData, with(writeIndex), with(writeOffline), hashNames, writeDeploy, compress, writeMarker, fixModes}
	for _, step := range steps {
		if err := step(tmp); err != nil {
			return err
		}
	}
	// Again, just before the swap: someone may have put a file into out meanwhile.
	if legacy, err = checkOut(out); err != nil {
		return err
	}
	if legacy {
		if err := checkLegacy(tmp, out); err != nil {
			return err
		}
	}
	return swap(tmp, out)
}

// loadAssets are what the charts are made with, from node_modules: Noto Sans (latin,
// latin-ext, cyrillic; @fontsource/noto-sans) to measure and draw their text, and the map's
// countries, the Natural Earth shapes of world-atlas (writeBaseMap writes them for the page).
func loadAssets() (charts.Assets, error) {
	fs, err := fonts.Load("node_modules")
	if err != nil {
		return charts.Assets{}, err
	}
	f, err := charts.NewFonts(fs.Regular, fs.Bold)
	if err != nil {
		return charts.Assets{}, err
	}
	bm, err := geo.FromWorldAtlas(".")
	if err != nil {
		return charts.Assets{}, err
	}
	return charts.NewAssets(f, bm), nil
}

// withAssets is a step of the build that draws charts, given a.
func withAssets(a charts.Assets, step func(charts.Assets, string) error) func(string) error {
	return func(out string) error { return step(a, out) }
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

// The page's sources (web/page) and the view's runtime in its frame (web/view).
const (
	webPage = "web/page"
	webView = "web/view"
)

// copyStatic copies the page's own assets and the fonts, and bundles echarts from node_modules.
func copyStatic(out string) error {
	for _, f := range []string{"app.js", "modes.js", "noscript.css"} {
		if err := copyFile(filepath.Join(webPage, f), filepath.Join(out, f)); err != nil {
			return err
		}
	}
	for _, f := range []string{"view.js", site.Gate, site.ViewHost} {
		if err := copyFile(filepath.Join(webView, f), filepath.Join(out, f)); err != nil {
			return err
		}
	}
	// The host's embed sizer, with the message names it uses.
	if err := writeEmbedScript(out); err != nil {
		return err
	}
	// The page's style, after the @font-face rules of the chart's fonts (site.Fonts).
	css, err := os.ReadFile(filepath.Join(webPage, "style.css"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "style.css"), []byte(site.FontFaces()+string(css)), 0o644); err != nil {
		return err
	}
	// The ebiten view's page, the one page that may compile WebAssembly, with its config.
	tpl, err := template.ParseFiles(filepath.Join(webView, "view.html"))
	if err != nil {
		return err
	}
	cfg, err := json.Marshal(site.NewViewConfig())
	if err != nil {
		return err
	}
	var view bytes.Buffer
	if err := tpl.Execute(&view, map[string]any{"Config": template.JS(cfg), "Icon": template.HTML(site.IconLink)}); err != nil {
		return err
	}
	if err := writePage(filepath.Join(out, site.ViewPage), view.String(), true); err != nil {
		return err
	}
	// The fonts' subsets: .woff2 for the page's @font-face rules (style.css), and for the wasm
	// view the same subsets' WOFF decoded here into plain TrueType (.ttf, sent compressed like
	// every .ttf: compress.go), so that the view's start inflates nothing (charts/fonts.Sfnt).
	// The single files take the .woff from node_modules (offline.go).
	for _, f := range site.Fonts() {
		if err := copyFile(filepath.Join("node_modules", "@fontsource", "noto-sans", "files", filepath.Base(f.WOFF2)), filepath.Join(out, f.WOFF2)); err != nil {
			return err
		}
		woff, err := fonts.ReadWOFF("node_modules", f.Subset, f.Bold)
		if err != nil {
			return err
		}
		ttf, err := fonts.DecodeWOFF(woff)
		if err != nil {
			return fmt.Errorf("%s: %w", f.WOFF, err)
		}
		if err := os.WriteFile(filepath.Join(out, f.TTF), ttf, 0o644); err != nil {
			return err
		}
	}
	return bundleEcharts(out) // assets/echarts.min.js: a custom build, see echartsbundle.go
}

// Chart size of the pre-rendered SVGs and the downloads: 16:9.
const chartW, chartH = 800, 450

// Size of the phone's first chart: the live view's frame on a phone is 3:4 (web/page/style.css), and
// 360 is a common phone's width, so the static chart is drawn at about its own size and the
// live view takes exactly its place.
const phoneW, phoneH = 360, 480

func svgOf(a charts.Assets, s charts.State) (string, error) { return svgOfSize(a, s, chartW, chartH) }

func svgOfSize(a charts.Assets, s charts.State, w, h float64) (string, error) {
	var b bytes.Buffer
	err := svg.Write(&b, layout.Build(a, s, w, h))
	return b.String(), err
}

// writeCharts writes each state's SVG and slide images in every language (charts/KEY.svg,
// charts/KEY.az.svg, charts/KEY-1920x1080.az.png…). One at a time: charts/raster shares its
// font faces, which are not safe for concurrent use.
func writeCharts(a charts.Assets, out string) error {
	for _, l := range langs() {
		for _, s := range site.States() {
			s.Lang = l
			if err := writeChart(a, out, s); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeChart(a charts.Assets, out string, s charts.State) error {
	files := site.FilesOf(s, s.Lang)
	// The download: text as glyph outlines, so that it travels without its fonts.
	var doc bytes.Buffer
	if err := svg.WriteOutlined(&doc, layout.Build(a, s, chartW, chartH)); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, files.SVG.Href), doc.Bytes(), 0o644); err != nil {
		return err
	}
	// Slide images: the same layout scaled, so text, legend and source line come along.
	c := layout.Build(a, s, chartW, chartH)
	for _, p := range files.PNG {
		if p.Width*chartH != p.Height*chartW {
			return fmt.Errorf("%s: a PNG size not %d:%d", p.Name, chartW, chartH)
		}
		var b bytes.Buffer
		if err := raster.WritePNG(&b, c, float64(p.Width)/chartW); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, p.Href), b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeFallback writes the echarts page of each state in every language (fallback/KEY.html,
// fallback/KEY.az.html…).
func writeFallback(a charts.Assets, out string) error {
	for _, l := range langs() {
		for _, s := range site.States() {
			s.Lang = l
			var b bytes.Buffer
			if err := echarts.Page(&b, a, s, "../assets/", "../"); err != nil {
				return fmt.Errorf("fallback %s %s: %w", site.Key(s), l, err)
			}
			if err := writePage(filepath.Join(out, site.FilesOf(s, l).Fallback), b.String(), false); err != nil {
				return err
			}
		}
	}
	return nil
}

// utf8BOM starts every CSV download.
const utf8BOM = "\ufeff"

func writeData(out string) error {
	first := site.DataOf(i18n.Langs[0])
	files := map[string]func(io.Writer) error{
		first.JSON.Href: data.WriteJSON, first.Figures.Href: data.WriteFiguresCSV, first.Events.Href: data.WriteEventsCSV,
	}
	for _, l := range langs()[1:] { // the translated downloads, lang.go
		d := site.DataOf(l)
		files[d.JSON.Href] = jsonIn(l)
		files[d.Figures.Href] = figuresCSVIn(l)
		files[d.Events.Href] = eventsCSVIn(l)
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
		// The page's typography binds words with no-break spaces («сноска 6»); a download is
		// searched and reused, not wrapped, so its spaces are plain.
		plain := bytes.ReplaceAll(b.Bytes(), []byte("\u00a0"), []byte(" "))
		if err := os.WriteFile(filepath.Join(out, name), plain, 0o644); err != nil {
			return err
		}
	}
	return nil
}

type choice struct {
	Value, Label string
	Checked      bool
}

// viewOption is an option of the phone's select of views (index.html, #view-select): a view,
// with or without its context layer.
type viewOption struct {
	Value, View, Label string
	Context, Checked   bool
}

// writeIndex writes the page in every language: index.html (English), index.az.html, index.ru.html.
func writeIndex(a charts.Assets, out string) error {
	for _, l := range langs() {
		if err := writeIndexIn(a, out, l); err != nil {
			return fmt.Errorf("%s page: %w", l, err)
		}
	}
	return nil
}

func writeIndexIn(a charts.Assets, out string, l i18n.Lang) error {
	tpl, err := template.New("index.html").Funcs(pageFuncs(l)).Funcs(travelFuncs()).ParseFiles("index.html")
	if err != nil {
		return err
	}
	def := charts.Default
	def.Lang = l
	pc := site.NewPageConfig(l, langs(), story(l), scriptStrings(l))
	pc.Cite, pc.SiteURL = citeConfig(a, l), siteURL
	if fi, err := os.Stat(filepath.Join(out, "view.wasm")); err == nil {
		pc.ViewBytes = fi.Size()
	}
	cfg, err := json.Marshal(pc)
	if err != nil {
		return err
	}
	defSVG, err := svgOf(a, def)
	if err != nil {
		return err
	}
	// The phone's first chart, the model's phone layout: style.css shows it instead of
	// #static's on narrow screens, before any script has run.
	phoneSVG, err := svgOfSize(a, def, phoneW, phoneH)
	if err != nil {
		return err
	}
	phoneSVG = phoneIDs(phoneSVG)
	var views, years []choice
	var phoneViews []viewOption
	for _, v := range charts.Views() {
		views = append(views, choice{v, i18n.T(l, "view."+v), v == def.View})
		// The phone's select of views has the context layer as a view of its own (a row of
		// its own would move the chart each time the map comes or goes).
		phoneViews = append(phoneViews, viewOption{v, v, i18n.T(l, "view."+v), false, v == def.View && !def.Context})
		if charts.HasContext(v) {
			phoneViews = append(phoneViews, viewOption{v + site.ViewWithContext, v, i18n.Typeset(l, i18n.T(l, "view."+v)+" — "+i18n.T(l, "ctl.context")), true, v == def.View && def.Context})
		}
	}
	for _, y := range charts.Years {
		years = append(years, choice{strconv.Itoa(y), strconv.Itoa(y), y == def.Year})
	}
	statesFile, err := writeStateSVGs(a, out, l, def)
	if err != nil {
		return err
	}
	phoneStatesFile, err := writePhoneStateSVGs(a, out, l, def)
	if err != nil {
		return err
	}
	files := site.FilesOf(def, l)
	downloads := []download{{files.SVG, i18n.T(l, "dl.svg")}}
	for i, p := range site.PNGSizes {
		downloads = append(downloads, download{files.PNG[i], i18n.T(l, p.Label)})
	}
	d := site.DataOf(l)
	downloads = append(downloads, download{d.Figures, i18n.T(l, "dl.figures")}, download{d.Events, i18n.T(l, "dl.events")}, download{d.JSON, i18n.T(l, "dl.json")})
	var caveats []caveatNote
	for i, c := range sharedCaveats {
		caveats = append(caveats, caveatNote{Mark: noteMark(i), Text: i18n.T(l, i18n.CaveatKey("page", i, c))})
	}
	ogTags, err := mainPageTags(a, l)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	err = tpl.Execute(&b, map[string]any{
		"OGTags":      ogTags,
		"Icon":        template.HTML(site.IconLink),
		"Config":      template.JS(cfg),
		"Downloads":   downloads,
		"Views":       views,
		"PhoneViews":  phoneViews,
		"Years":       years,
		"DefaultHash": def.Hash(),
		"DefaultSVG":  template.HTML(defSVG),
		"PhoneSVG":    template.HTML(phoneSVG),
		"StateSVGs":   statesFile,
		"PhoneSVGs":   phoneStatesFile,
		"DefaultID":   site.FilesOf(def, l).Template,
		"Summaries":   summariesIn(l),
		"Summary":     layout.Summary(def),
		"TableYear":   def.Year,
		"Citation":    i18n.Citation(l),
		"Caveats":     caveats,
		"Footnotes":   data.Footnotes,
		"Version":     version(),
		"Rows":        tableRows(l),
		"ShortSource": i18n.T(l, "page.source", data.ShortSource),
		"Lang":        l,
		"Switch":      langSwitch(l),
		"PaperAPA":    paperAPA(),
		"PaperBibTeX": paperBibTeX(),
		"LicenseURL":  licenseURL,
		"LicenseName": i18n.HoldTogether(data.LicenseName), // never "CC BY / 4.0" (reading 5, D16)
	})
	if err != nil {
		return err
	}
	return writePage(filepath.Join(out, site.PageName(l)), b.String(), false)
}

// stateSVGsFile is the script with the pre-rendered SVG of every state but the default in l
// (charts/states.js, charts/states.az.js…), which the page loads after its first chart.
func stateSVGsFile(l i18n.Lang) string { return "charts/states" + site.Suffix(l) + ".js" }

// stateSVGsCall is what the script stateSVGsFile calls with its JSON (web/page/app.js): a script,
// not a fetch, since a page opened from a file may load a script beside it but not fetch one.
const stateSVGsCall = "window." + site.GlobalPage + ".addStateSVGs"

// stateSVGsJSON is a JSON object from each state's template id (site.StateFiles.Template) to
// its SVG as the page shows it, in l, for every state but def, whose SVG is in the page itself
// (#static). The page keeps them out of its document: parsed as markup they were 520 KB of
// its HTML, all read, scanned and built before its first chart; as text the page builds only
// the one a reader chooses (web/page/app.js, stateSVG).
func stateSVGsJSON(a charts.Assets, l i18n.Lang, def charts.State) ([]byte, error) {
	return statesJSON(l, def, func(s charts.State) (string, error) { return svgOf(a, s) })
}

// phoneStateSVGsJSON is stateSVGsJSON for the phone's box: each state's SVG at the phone's size
// (the model's phone layout), its ids prefixed as #static-phone's (phoneIDs).
func phoneStateSVGsJSON(a charts.Assets, l i18n.Lang, def charts.State) ([]byte, error) {
	return statesJSON(l, def, func(s charts.State) (string, error) {
		doc, err := svgOfSize(a, s, phoneW, phoneH)
		return phoneIDs(doc), err
	})
}

// phoneIDs is a phone SVG with its ids (the marks', the title's) prefixed, so that the page's
// ids stay unique beside #static's SVG of the same state.
func phoneIDs(doc string) string {
	return strings.NewReplacer(` id="`, ` id="phone-`, `aria-labelledby="`, `aria-labelledby="phone-`).Replace(doc)
}

func statesJSON(l i18n.Lang, def charts.State, svgOfState func(charts.State) (string, error)) ([]byte, error) {
	svgs := map[string]string{}
	for _, s := range site.States() {
		s.Lang = l
		if s == def {
			continue
		}
		doc, err := svgOfState(s)
		if err != nil {
			return nil, err
		}
		svgs[site.FilesOf(s, l).Template] = doc
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // a script file, never inside HTML
	if err := enc.Encode(svgs); err != nil {
		return nil, err
	}
	return bytes.TrimSpace(b.Bytes()), nil
}

// writeStateSVGs writes stateSVGsFile(l), the script that hands stateSVGsJSON to the page.
func writeStateSVGs(a charts.Assets, out string, l i18n.Lang, def charts.State) (string, error) {
	js, err := stateSVGsJSON(a, l, def)
	if err != nil {
		return "", err
	}
	name := stateSVGsFile(l)
	script := "// The pre-rendered SVG of every state but the page's first (cmd/build, stateSVGsJSON).\n" + stateSVGsCall + "(" + string(js) + ");\n"
	return name, os.WriteFile(filepath.Join(out, name), []byte(script), 0o644)
}

// phoneStateSVGsFile is the script with the phone's SVG of every state but the default in l
// (charts/states-phone.js, charts/states-phone.az.js…), which the page loads only where the
// phone's box shows the chart (web/page/app.js; #static-phone's data-svgs names it). The
// single files leave it out (their budget; withoutPhoneSVG): there a phone sees each state's
// 800×450 SVG drawn in its 3:4 box.
func phoneStateSVGsFile(l i18n.Lang) string { return "charts/states-phone" + site.Suffix(l) + ".js" }

// writePhoneStateSVGs writes phoneStateSVGsFile(l), the script that hands phoneStateSVGsJSON to
// the page: the same call as stateSVGsFile's, its second argument saying the SVGs are the phone's.
func writePhoneStateSVGs(a charts.Assets, out string, l i18n.Lang, def charts.State) (string, error) {
	js, err := phoneStateSVGsJSON(a, l, def)
	if err != nil {
		return "", err
	}
	name := phoneStateSVGsFile(l)
	script := "// The phone's SVG of every state but the page's first (cmd/build, phoneStateSVGsJSON).\n" + stateSVGsCall + "(" + string(js) + ", " + strconv.Quote(phoneSVGsKind) + ");\n"
	return name, os.WriteFile(filepath.Join(out, name), []byte(script), 0o644)
}

// phoneSVGsKind is the second argument of the phone's states script's call (web/page/app.js,
// addStateSVGs).
const phoneSVGsKind = "phone"

// download is one link of the page's downloads.
type download struct {
	site.Download
	Label string
}

// story is the presentation's sequence, from the 1990s routes to the timeline; steps whose
// view does not exist give way to the nearest that does. Captions are in l (i18n "story.N").
func story(l i18n.Lang) []site.StoryStep {
	pick := func(views ...string) string {
		for _, v := range views {
			if layout.IsChart(v) {
				return v
			}
		}
		return charts.Default.View
	}
	first, last := charts.Years[0], charts.Years[len(charts.Years)-1] // the story goes from the first year with destinations to the last
	return []site.StoryStep{
		{Hash: charts.State{View: pick("map", "flow"), Year: first, Context: true}.Hash(), Caption: i18n.T(l, "story.1")},
		{Hash: charts.State{View: pick("bars"), Year: first}.Hash(), Caption: i18n.T(l, "story.2")},
		{Hash: charts.State{View: pick("compare", "bars"), Year: first}.Hash(), Caption: i18n.T(l, "story.3")},
		{Hash: charts.State{View: pick("map", "flow"), Year: last}.Hash(), Caption: i18n.T(l, "story.4")},
		{Hash: charts.State{View: pick("timeline", "flow"), Year: last}.Hash(), Caption: i18n.T(l, "story.5")},
	}
}

// tableRow is one figure as the table view shows it.
type tableRow struct {
	ID, Measure, Value, Period, Kind, Reporter, Status, Formula string
	Year, Footnote                                              int
	Caveats                                                     []caveatNote
	// SameReporter: the row above has the same reporter (the printed table says "Same"
	// there, as printed tables do; the screen repeats it).
	SameReporter bool
}

// sharedCaveats are the caveats several figures share, in the order the page lists them under
// "Caveats" (lettered A, B, …): the printed table names them by their letter, stated once
// under it, rather than repeating them on every row (issue 27: the table on one A4 page).
var sharedCaveats = []string{data.CaveatAccuracy, data.CaveatTrend, data.CaveatPeriod, data.Caveat2012Dest}

// A caveatNote is a caveat as the page shows it; Mark is its letter in the page's list of
// shared caveats, empty for a caveat of one figure only.
type caveatNote struct{ Mark, Text string }

// noteMark is the letter of the i-th shared caveat: A, B, …
func noteMark(i int) string { return string(rune('A' + i)) }

// figureCaveats are a figure's caveats in l, the shared ones with their letter.
func figureCaveats(l i18n.Lang, f data.Figure) []caveatNote {
	texts := i18n.FigCaveats(l, f)
	out := make([]caveatNote, len(texts))
	for i, t := range texts {
		out[i].Text = t
		for j, c := range sharedCaveats {
			if f.Caveats[i] == c {
				out[i].Mark = noteMark(j)
			}
		}
	}
	return out
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
			Reporter: i18n.Reporter(l, f), Status: string(f.Status), Formula: i18n.Formula(l, f), Footnote: f.Footnote, Caveats: figureCaveats(l, f)}
		if f.Period.From == f.Period.To {
			r.Year = f.Period.From
		}
		if n := len(rows); n > 0 {
			r.SameReporter = rows[n-1].Reporter == r.Reporter
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

// writeEmbedScript writes site.Embed, web/page/embed.js with the names of the messages it uses.
func writeEmbedScript(out string) error {
	src, err := os.ReadFile(filepath.Join(webPage, site.Embed))
	if err != nil {
		return err
	}
	names, err := json.Marshal(map[string]string{"height": site.MsgHeight, "fit": site.MsgFit, "scale": site.MsgScale})
	if err != nil {
		return err
	}
	const slot = "/*MESSAGES*/{}"
	if !bytes.Contains(src, []byte(slot)) {
		return fmt.Errorf("web/page/%s has no %s for the message names", site.Embed, slot)
	}
	return os.WriteFile(filepath.Join(out, site.Embed), bytes.Replace(src, []byte(slot), names, 1), 0o644)
}
