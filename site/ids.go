package site

// The element ids that the page's template (index.html), the build and web/*/*.js share. The
// scripts spell them (they are fixed names, not built from a state); TestIDs checks that every
// id a script looks up is listed here and that the template (or the build) writes each.
const (
	IDConfig        = "azflows-config"      // the page's config (PageConfig), a JSON script
	IDViewConfig    = "azflows-view-config" // the view's config (ViewConfig) in view.html
	IDOfflineAssets = "azflows-assets"      // azflows.html: the bundle of texts (offline.go)
	IDOfflineWasm   = "azflows-wasm"        // azflows.html: the wasm
	// OfflineGlyphs is the key of the single files' glyph table (charts.Glyphs) in their bundle,
	// a fixed name that web/page/offline.js spells: it draws the SVG downloads' text as outlines.
	OfflineGlyphs     = "glyph-table"
	IDDownloadSVG     = "dl-svg"
	IDDownloadPNG     = "dl-png"
	IDDownloadPNG720  = "dl-png-720"
	IDDownloadFigures = "dl-figures"
	IDDownloadEvents  = "dl-events"
	IDDownloadJSON    = "dl-json"
)

// IDs lists every id of the page that web/*/*.js uses, with the file that writes it.
var IDs = map[string]string{
	IDConfig: "index.html", IDViewConfig: "web/view/view.html", IDOfflineAssets: "cmd/build/offline.go", IDOfflineWasm: "cmd/build/offline.go",
	IDDownloadSVG: "index.html", IDDownloadPNG: "index.html (site.PNGSizes)", IDDownloadPNG720: "index.html (site.PNGSizes)",
	IDDownloadFigures: "index.html (site.DataOf)", IDDownloadEvents: "index.html (site.DataOf)", IDDownloadJSON: "index.html (site.DataOf)",
	"lang-switch": "index.html", "contrast-toggle": "index.html", "controls": "index.html",
	"present-bar": "index.html", "present-caption": "index.html", "present-step": "index.html", "present-prev": "index.html",
	"present-next": "index.html", "present-fullscreen": "index.html", "present-exit": "index.html", "present-start": "index.html",
	"chart": "index.html", "static": "index.html", "live-slot": "index.html", "fallback-slot": "index.html",
	"chart-notice": "index.html", "readout": "index.html", "chart-summary": "index.html", "summary-table": "index.html", "chart-keys": "index.html",
	"copy-link": "index.html", "embed-full": "index.html", "embed-size": "index.html", "embed-code": "index.html", "embed-copy": "index.html",
	"figures-table": "index.html", "table-title": "index.html", "sources": "index.html",
	"static-phone": "index.html", "view-select": "index.html (PhoneViews)", "lede": "index.html", "lede-more": "index.html",
	"year-none": "index.html",
}

// The page's globals: what each script leaves on window for the others (and the tests).
const (
	GlobalPage      = "azflowsPage"        // web/page/app.js: the page's state and mode
	GlobalOffline   = "azflowsOffline"     // web/page/offline.js, in the single files
	GlobalView      = "azflowsView"        // wasm/: the view's state, for the page's tests and tools/cmd/bench
	GlobalBaseMap   = "azflowsBaseMap"     // web/view/view.js → wasm/: the base map's text
	GlobalFonts     = "azflowsFonts"       // web/view/view.js → wasm/: the chart's fonts
	GlobalFrameGate = "azflowsFrameGate"   // web/view/framegate.js ← wasm/: the view says when it is idle
	GlobalViewMode  = "azflowsViewMode"    // web/view/view.js: where the view runs, {mode: 'worker'|'main', why}, for the tests and tools/cmd/bench
	GlobalViewHook  = "azflowsViewChanged" // web/view/viewhost.js ← wasm/: called after each change of azflowsView, which the host mirrors to the frame
	GlobalViewStats = "azflowsViewStats"   // web/view/view.js: a Promise of the program's memory and start-up marks (its worker's too), for the tests and tools/cmd/bench
)

// MarkPrefix begins the name of each performance mark of the view's start-up (web/view/view.js,
// web/view/viewhost.js, charts/ebiten/marks_js.go), which window.azflowsViewStats hands back without it.
const MarkPrefix = "azflows:"

// Globals lists them.
var Globals = []string{GlobalPage, GlobalOffline, GlobalView, GlobalBaseMap, GlobalFonts, GlobalFrameGate, GlobalViewMode, GlobalViewHook, GlobalViewStats}

// IconLink is every page's icon: none, said so that a browser does not ask for /favicon.ico
// (a request the site would answer 404, and one to its host from a single file). Every page
// the build writes carries it (index.html and view.html as {{.Icon}}, the fallback and preview
// pages' templates); tools/e2e's TestEveryPageHasAnIcon checks the built site.
const IconLink = `<link rel="icon" href="data:,">`

// ViewWithContext follows a view's name in the value of the phone's select of views
// (index.html, #view-select) for the view with its context layer ("map|context").
const ViewWithContext = "|context"
