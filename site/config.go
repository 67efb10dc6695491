package site

import (
	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
)

// The files of the view that the page and view.html name.
const (
	ViewPage = "view.html"    // the interactive view's page, in the page's iframe
	WasmFile = "view.wasm"    // the view's program
	BaseMap  = "basemap.json" // the map's country shapes (charts/geo), fetched by view.js
	WasmExec = "wasm_exec.js" // Go's loader of the program (from GOROOT/lib/wasm)
	ViewHost = "viewhost.js"  // the worker that runs the view, drawing on an OffscreenCanvas (web/view/viewhost.js)
	Gate     = "framegate.js" // the frame gate (web/view/framegate.js), in view.html and in the view's worker
	Embed    = "embed.js"     // the host's script that sizes an embed's iframe (web/page/embed.js)
)

// PageConfig is the page's config: the JSON the build writes into each page (the script
// IDConfig), from which web/page/app.js and web/page/modes.js take every name they use.
type PageConfig struct {
	Views    []string              `json:"views"`    // every view, in the page's order; the first is the default
	Charts   []string              `json:"charts"`   // the views the chart model draws
	Years    []int                 `json:"years"`    // the years; the first is the default
	Story    []StoryStep           `json:"story"`    // the presentation's steps
	Lang     i18n.Lang             `json:"lang"`     // the page's language
	Langs    []LangPage            `json:"langs"`    // every language with its pages, in the switch's order
	Strings  map[string]string     `json:"strings"`  // the scripts' strings in Lang (i18n.ScriptPrefixes)
	Decimal  string                `json:"decimal"`  // Lang's decimal mark
	Messages map[string]string     `json:"messages"` // the message names, by key (Messages)
	View     string                `json:"view"`     // the interactive view's page
	Files    map[string]StateFiles `json:"files"`    // by the state's hash without lang (State.Hash), every chart view × year × context
	Cite     CiteConfig            `json:"cite"`     // what the "Cite" control builds the chart's citation from (site/travel.go)
	SiteURL  string                `json:"siteURL"`  // the site's absolute address (make build SITE_URL=…), "" when not given
	// ViewBytes is view.wasm's decoded size: with the compressed size a response announces
	// (MsgProgress's wire), the page turns the decoded bytes read into the bytes that travelled.
	ViewBytes int64 `json:"viewBytes,omitempty"`
	// EmbedScript is the host's script that sizes an embed (Embed), which the embed code
	// offers: by its content-hashed name, so a host's page gets the version it was given.
	EmbedScript string `json:"embedScript"`
}

// StoryStep is one step of the presentation: a state and what to say about it.
type StoryStep struct {
	Hash    string `json:"hash"`
	Caption string `json:"caption"`
}

// LangPage is a language with the page and the single file that speak it.
type LangPage struct {
	Lang    i18n.Lang `json:"lang"`
	Name    string    `json:"name"`    // in itself
	Page    string    `json:"page"`    // the site's page
	Offline string    `json:"offline"` // the single file
}

// LangPages lists langs with their pages.
func LangPages(langs []i18n.Lang) []LangPage {
	var out []LangPage
	for _, l := range langs {
		name := i18n.Names[l]
		if name == "" {
			name = string(l)
		}
		out = append(out, LangPage{l, name, PageName(l), OfflineName(l)})
	}
	return out
}

// NewPageConfig is the config of the page in l, in a site that speaks langs.
func NewPageConfig(l i18n.Lang, langs []i18n.Lang, story []StoryStep, strings map[string]string) PageConfig {
	c := PageConfig{Views: charts.Views(), Charts: layout.ChartViews(), Years: charts.Years, Story: story, Lang: l,
		Langs: LangPages(langs), Strings: strings, Decimal: i18n.Decimal(l), Messages: Names(), View: ViewPage, Files: map[string]StateFiles{}, EmbedScript: Embed}
	for _, v := range layout.ChartViews() {
		for _, y := range charts.Years {
			for _, ctx := range []bool{false, true} {
				s := State{View: v, Year: y, Context: ctx}
				f := FilesOf(s, l)
				inL := s
				inL.Lang = l
				// The name is the view's and its title's, whatever the chart is measured with.
				f.Name, f.Desc = layout.AccessibleName(layout.Build(charts.Assets{}, inL, 800, 450)), layout.AccessibleDescription(inL)
				c.Files[s.Hash()] = f
			}
		}
	}
	return c
}

// ViewConfig is the view's config, written into view.html (the script IDViewConfig) for
// web/view/view.js, which loads before the wasm.
type ViewConfig struct {
	Messages map[string]string `json:"messages"` // the message names, by key (Messages)
	Wasm     string            `json:"wasm"`     // the program's URL
	BaseMap  string            `json:"basemap"`  // the base map's URL
	Fonts    ViewFonts         `json:"fonts"`    // the chart's .ttf files
	Host     HostConfig        `json:"host"`     // the view's worker (web/view/viewhost.js)
	Marks    string            `json:"marks"`    // the start-up's performance marks' prefix (MarkPrefix)
	Keys     ViewKeys          `json:"keys"`     // the keys the view routes (site/keys.go)
	// Reasons are why the view could not start, in English, by the code it sends the page
	// with them (MsgError's reason): the page's catalog's notice.reason.<code> (ReasonPrefix),
	// which the page shows in its own language; web/view/view.js says them on the console.
	Reasons map[string]string `json:"reasons"`
}

// ReasonPrefix begins the catalog's key of each reason the view could not start
// (ViewConfig.Reasons; web/page/app.js looks its code up under it).
const ReasonPrefix = "notice.reason."

// reasons are the reasons (ViewReasons) in the catalog's English, by code.
func reasons() map[string]string {
	en := i18n.Catalog(i18n.EN, ReasonPrefix)
	out := map[string]string{}
	for _, code := range ViewReasons {
		out[code] = en[ReasonPrefix+code]
	}
	return out
}

// HostConfig names what the view's worker needs: its script and the scripts it imports (the
// frame gate and Go's loader), and the protocol between the frame and the worker (site/host.go).
// view.js hands it to the worker in its first message.
type HostConfig struct {
	Worker    string       `json:"worker"`
	FrameGate string       `json:"frameGate"`
	WasmExec  string       `json:"wasmExec"`
	Protocol  HostProtocol `json:"protocol"`
}

// ViewFonts are the URLs of the chart's .ttf files of each weight, in the order of
// charts/fonts.Subsets, as charts/ebiten/fonts_js.go takes them.
type ViewFonts struct {
	Regular []string `json:"regular"`
	Bold    []string `json:"bold"`
}

// NewViewConfig is view.html's config.
func NewViewConfig() ViewConfig {
	c := ViewConfig{Messages: Names(), Wasm: WasmFile, BaseMap: BaseMap,
		Host: HostConfig{Worker: ViewHost, FrameGate: Gate, WasmExec: WasmExec, Protocol: NewHostProtocol()}, Marks: MarkPrefix,
		Keys: ViewKeys{Routed: RoutedKeys, Tab: KeyTab}, Reasons: reasons()}
	for _, f := range Fonts() {
		if f.Bold {
			c.Fonts.Bold = append(c.Fonts.Bold, f.TTF)
		} else {
			c.Fonts.Regular = append(c.Fonts.Regular, f.TTF)
		}
	}
	return c
}

// Rename replaces every file name of c (its pages, frames, fallback pages and downloads'
// URLs) with rename(name), each once, and leaves everything else, the save-as names of the
// downloads among it: cmd/build gives files content-hashed names through it and reads
// from it which files a page names.
func (c *PageConfig) Rename(rename func(string) string) {
	c.View = rename(c.View)
	c.EmbedScript = rename(c.EmbedScript)
	for i := range c.Langs {
		c.Langs[i].Page = rename(c.Langs[i].Page)
		c.Langs[i].Offline = rename(c.Langs[i].Offline)
	}
	for h, f := range c.Files {
		f.Fallback = rename(f.Fallback)
		f.SVG.Href = rename(f.SVG.Href)
		f.Preview = rename(f.Preview)
		f.PNG = append([]Download(nil), f.PNG...)
		for i := range f.PNG {
			f.PNG[i].Href = rename(f.PNG[i].Href)
		}
		c.Files[h] = f
	}
}

// Rename replaces every file name of c (the wasm, the base map, the fonts and the host's
// scripts) with rename(name), as PageConfig.Rename does.
func (c *ViewConfig) Rename(rename func(string) string) {
	c.Wasm = rename(c.Wasm)
	c.BaseMap = rename(c.BaseMap)
	c.Host.Worker = rename(c.Host.Worker)
	c.Host.FrameGate = rename(c.Host.FrameGate)
	c.Host.WasmExec = rename(c.Host.WasmExec)
	for _, fs := range []*[]string{&c.Fonts.Regular, &c.Fonts.Bold} {
		*fs = append([]string(nil), *fs...)
		for i := range *fs {
			(*fs)[i] = rename((*fs)[i])
		}
	}
}
