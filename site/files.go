package site

import (
	"fmt"
	"strconv"
	"strings"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
	"azflows/internal/fonts"
)

// The page's state and its hash are charts.State, charts.ParseHash and State.Hash: one
// definition, which web/page/app.js's parser follows (charts/testdata/hash_vectors.json).
type State = charts.State

// Langs are the languages the site ships: i18n.Languages, the one list.
func Langs() []i18n.Lang { return i18n.Langs }

// States lists every chart state that gets a pre-rendered SVG, downloads and a fallback page:
// each chart view in each year, and the map with its context layer too. Lang is left "".
func States() []State {
	var out []State
	for _, v := range layout.ChartViews() {
		for _, y := range charts.Years {
			out = append(out, State{View: v, Year: y})
			if charts.HasContext(v) {
				out = append(out, State{View: v, Year: y, Context: true})
			}
		}
	}
	return out
}

// Key names a state's files and templates: "map-2010", "map-2010-context" (the context layer
// only on views that have one).
func Key(s State) string {
	k := s.View + "-" + strconv.Itoa(s.Year)
	if s.Context && charts.HasContext(s.View) {
		k += "-context"
	}
	return k
}

// Suffix goes before the extension of a file in l: "" in the first language, whose files keep
// their plain names, ".az", ".ru" otherwise.
func Suffix(l i18n.Lang) string {
	if l == i18n.Langs[0] {
		return ""
	}
	return "." + string(l)
}

// PageName is the page of a language: index.html, index.az.html, index.ru.html.
func PageName(l i18n.Lang) string { return "index" + Suffix(l) + ".html" }

// OfflineName is the single self-contained file of a language: azflows.html, azflows.az.html,
// azflows.ru.html.
func OfflineName(l i18n.Lang) string { return "azflows" + Suffix(l) + ".html" }

// A PNGSize is one size of the PNG downloads (slide images), with the page's link to it.
type PNGSize struct {
	W, H  int
	Link  string // the id of its <a>
	Label string // its catalog key
}

// PNGSizes are the PNG downloads of every state (16:9, painted by charts/raster).
var PNGSizes = []PNGSize{{1920, 1080, IDDownloadPNG, "dl.png1920"}, {1280, 720, IDDownloadPNG720, "dl.png1280"}}

// A Download is a file the page links for the reader to save.
type Download struct {
	Link   string `json:"link"`             // the id of its <a>
	Href   string `json:"href"`             // its URL, from the page
	Name   string `json:"name"`             // the file name it is saved as
	Width  int    `json:"width,omitempty"`  // a PNG's size
	Height int    `json:"height,omitempty"` //
}

// StateFiles are the files and templates of one state in one language: every URL the page
// fetches or links for that state, so that web/*/*.js never builds a file name.
type StateFiles struct {
	Template string     `json:"template"` // id of the <template> with its static SVG
	Summary  string     `json:"summary"`  // id of the <template> with its text alternative
	Name     string     `json:"name"`     // the chart's name for a screen reader (layout.AccessibleName), set by NewPageConfig
	Desc     string     `json:"desc"`     // its one-line description (layout.AccessibleDescription), set by NewPageConfig
	Fallback string     `json:"fallback"` // URL of its echarts page
	SVG      Download   `json:"svg"`      // the SVG download
	PNG      []Download `json:"png"`      // the PNG downloads, one per PNGSizes
	Preview  string     `json:"preview"`  // its link-preview page (PreviewName), which keeps its name
}

// SVGTemplatePrefix starts the id of each state's SVG template.
const SVGTemplatePrefix = "svg-"

// FilesOf names every file and template of state s in language l. It is the one place where
// these names are chosen: the build writes each file under the name given here and puts the
// same names into the page's config.
func FilesOf(s State, l i18n.Lang) StateFiles {
	k, sfx := Key(s), Suffix(l)
	f := StateFiles{
		Template: SVGTemplatePrefix + k,
		Summary:  "summary-" + k,
		Fallback: "fallback/" + k + sfx + ".html",
		SVG:      Download{Link: IDDownloadSVG, Href: "charts/" + k + sfx + ".svg", Name: k + sfx + ".svg"},
		Preview:  PreviewName(s, l),
	}
	for _, p := range PNGSizes {
		name := fmt.Sprintf("%s-%dx%d%s.png", k, p.W, p.H, sfx)
		f.PNG = append(f.PNG, Download{Link: p.Link, Href: "charts/" + name, Name: name, Width: p.W, Height: p.H})
	}
	return f
}

// DataFiles are the data downloads in l: the figures' and the events' CSV and the JSON.
type DataFiles struct{ Figures, Events, JSON Download }

// DataOf names the data downloads in l.
func DataOf(l i18n.Lang) DataFiles {
	sfx := Suffix(l)
	d := func(link, name string) Download { return Download{Link: link, Href: "data/" + name, Name: name} }
	return DataFiles{d(IDDownloadFigures, "azflows-figures"+sfx+".csv"), d(IDDownloadEvents, "azflows-events"+sfx+".csv"), d(IDDownloadJSON, "azflows"+sfx+".json")}
}

// A Font is one file of the chart's text: a Noto Sans subset (charts/fonts.Subsets) in one
// weight, as .ttf (the wasm view's: the build decodes the WOFF, so the view inflates nothing
// at its start), .woff2 (the page's @font-face) and .woff (the single files' @font-face, which
// the view there reads back and decodes).
type Font struct {
	Subset           string
	Bold             bool
	TTF, WOFF, WOFF2 string // URLs from the page
	Range            string // its unicode-range
}

// Fonts lists the chart's font files, regular then bold, each in the order of fonts.Subsets.
func Fonts() []Font {
	var out []Font
	for _, bold := range []bool{false, true} {
		for _, sub := range fonts.Subsets {
			f := "fonts/" + fonts.File(sub, bold)
			out = append(out, Font{sub, bold, f + ".ttf", f + ".woff", f + ".woff2", fonts.UnicodeRanges[sub]})
		}
	}
	return out
}

// FontFaces are the page's @font-face rules of the chart's fonts, which the build puts at the
// head of style.css.
func FontFaces() string {
	var b strings.Builder
	for _, f := range Fonts() {
		w := 400
		if f.Bold {
			w = 700
		}
		fmt.Fprintf(&b, "@font-face { font-family: 'Noto Sans'; src: url('%s') format('woff2'); font-weight: %d; font-display: swap; unicode-range: %s; }\n", f.WOFF2, w, f.Range)
	}
	return b.String()
}
