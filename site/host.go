package site

import "maps"

// The protocol between the view's frame (web/view/view.js, on the frame's main thread) and
// the view's worker (web/view/viewhost.js, where the program runs on an OffscreenCanvas):
// the type (the t field) of every message they post each other, the kinds of failure the
// worker reports, the targets a forwarded DOM event is dispatched at and the sources of a
// forwarded message event. NewViewConfig writes them into view.html's config
// (ViewConfig.Host.Protocol); view.js reads them there and hands them to the worker in its
// first message (HostInit), so neither script spells one (site/host_test.go).
//
// Each value starts with its group's prefix ("host:", "fail:", "at:", "from:"), so that a
// script that spells one instead of reading it from the config is easy to find.

// The ends of a message between the frame and its worker.
const (
	Frame  = "frame"  // web/view/view.js
	Worker = "worker" // web/view/viewhost.js
)

// The messages' types.
const (
	HostInit     = "host:init"
	HostFonts    = "host:fonts"
	HostBaseMap  = "host:basemap"
	HostAskStats = "host:ask-stats"
	HostEnv      = "host:env"
	HostEvent    = "host:event"
	HostProbe    = "host:probe"
	HostProgress = "host:progress"
	HostParent   = "host:parent"
	HostView     = "host:view"
	HostStats    = "host:stats"
	HostGate     = "host:gate"
	HostCursor   = "host:cursor"
	HostFocus    = "host:focus"
	HostReload   = "host:reload"
	HostFail     = "host:fail"
)

// HostMessages is every message between the frame and its worker, by its key in the config
// (config.host.protocol.messages[Key]).
var HostMessages = []Message{
	{"init", HostInit, Frame, Worker, "{t, canvas, env, config, marks, wasm}: the first message, always: the transferred OffscreenCanvas, the frame's environment, ViewConfig.Host (this protocol among it), the marks' prefix and view.wasm's URL, which the worker fetches"},
	{"fonts", HostFonts, Frame, Worker, "{t, fonts}: the chart's fonts (window.azflowsFonts), or null; the program starts after it"},
	{"basemap", HostBaseMap, Frame, Worker, "{t, value}: the base map (window.azflowsBaseMap: {text} or {error})"},
	{"askStats", HostAskStats, Frame, Worker, "{t, id}: asks for the program's memory and start-up marks (window.azflowsViewStats)"},
	{"env", HostEnv, Frame, Worker, "{t, env}: the frame's environment changed (prefers-reduced-motion, the host's scale: MsgViewScale)"},
	{"event", HostEvent, Frame, Worker, "{t, e, env}: a DOM event the program listens to, forwarded (e.target one of HostTargets, a message's e.from one of HostSources), with the environment when the event can change it"},
	{"probe", HostProbe, Worker, Frame, "{t, ok, why}: whether the worker can draw (WebGL 2 on the canvas, animation frames); without, the frame runs the view itself"},
	{"progress", HostProgress, Worker, Frame, "{t, loaded, total, wire}: how much of view.wasm has arrived, at most every 250 ms (the frame tells the page, MsgProgress)"},
	{"parent", HostParent, Worker, Frame, "{t, data}: a message of the program for the page, which the frame posts to its parent"},
	{"view", HostView, Worker, Frame, "{t, v, at}: window.azflowsView after a change, and the gate's frame count when it changed"},
	{"stats", HostStats, Worker, Frame, "{t, id, stats: {memory, marks}}: the answer to askStats"},
	{"gate", HostGate, Worker, Frame, "{t, g: {idle, parked, fired}}: the worker's frame gate changed"},
	{"cursor", HostCursor, Worker, Frame, "{t, value}: the canvas's cursor"},
	{"focus", HostFocus, Worker, Frame, "{t}: the program focuses its canvas"},
	{"reload", HostReload, Worker, Frame, "{t}: the program reloads the page (location.reload)"},
	{"fail", HostFail, Worker, Frame, "{t, kind, message, code, why}: the program cannot run (kind one of HostFails; why, for FailFetch, one of ViewReasons)"},
}

// The kinds of a HostFail message.
const (
	FailFetch   = "fail:fetch"   // view.wasm did not arrive (why: missing, status or download)
	FailDamaged = "fail:damaged" // view.wasm did not compile
	FailLink    = "fail:link"    // view.wasm does not match wasm_exec.js
	FailLoad    = "fail:load"    // anything else before the program ran (the loader's scripts among it)
	FailCrash   = "fail:crash"   // the program threw
	FailStopped = "fail:stopped" // the program returned (code: its exit code) without reporting an error
)

// HostFails lists the kinds by their keys in the config (protocol.fails[key]).
var HostFails = map[string]string{"fetch": FailFetch, "damaged": FailDamaged, "link": FailLink, "load": FailLoad, "crash": FailCrash, "stopped": FailStopped}

// The reasons the view could not start, by the code the frame sends the page with its error
// (MsgError's reason; for FailFetch, the worker's why). The page shows the catalog's words for
// each (ReasonPrefix + code, in every language; ViewConfig.Reasons carries the English, which
// view.js says on the console). Unlike the groups above they carry no prefix: each is the end
// of its catalog key.
const (
	ReasonMissing  = "missing"  // view.wasm is not on the server (HTTP 404)
	ReasonStatus   = "status"   // the server answered another HTTP status ({1})
	ReasonDownload = "download" // view.wasm could not be downloaded ({1}: what the browser said)
	ReasonUnpack   = "unpack"   // the single file's view.wasm could not be unpacked ({1}: why)
	ReasonDamaged  = "damaged"  // view.wasm did not compile
	ReasonLink     = "link"     // view.wasm does not match wasm_exec.js
	ReasonCrash    = "crash"    // the program threw
	ReasonLoad     = "load"     // anything else before the program ran
	ReasonNoWasm   = "nowasm"   // the browser has no WebAssembly
	ReasonNoExec   = "noexec"   // wasm_exec.js did not load
	ReasonStopped  = "stopped"  // the program returned without drawing or reporting an error
	ReasonExit     = "exit"     // the same, with an exit code ({1})
)

// ViewReasons lists the reasons by their keys in the config (protocol.reasons[key]; each key
// is its code).
var ViewReasons = map[string]string{ReasonMissing: ReasonMissing, ReasonStatus: ReasonStatus, ReasonDownload: ReasonDownload,
	ReasonUnpack: ReasonUnpack, ReasonDamaged: ReasonDamaged, ReasonLink: ReasonLink, ReasonCrash: ReasonCrash, ReasonLoad: ReasonLoad,
	ReasonNoWasm: ReasonNoWasm, ReasonNoExec: ReasonNoExec, ReasonStopped: ReasonStopped, ReasonExit: ReasonExit}

// The targets a forwarded event is dispatched at, along the path the page would take
// (window, document, root, body, canvas).
const (
	AtWindow   = "at:window"
	AtDocument = "at:document"
	AtRoot     = "at:root" // document.documentElement
	AtBody     = "at:body" // and any other element of the frame
	AtCanvas   = "at:canvas"
)

// HostTargets lists them by their keys in the config (protocol.targets[key]).
var HostTargets = map[string]string{"window": AtWindow, "document": AtDocument, "root": AtRoot, "body": AtBody, "canvas": AtCanvas}

// The sources of a forwarded message event, as the program's check of a state message
// (charts/ebiten/main_js.go) needs them.
const (
	FromParent = "from:parent" // the frame's parent page
	FromSelf   = "from:self"   // the frame itself
	FromOther  = "from:other"  // any other window
)

// HostSources lists them by their keys in the config (protocol.sources[key]).
var HostSources = map[string]string{"parent": FromParent, "self": FromSelf, "other": FromOther}

// HostProtocol is the protocol as view.html's config carries it.
type HostProtocol struct {
	Messages map[string]string `json:"messages"` // HostMessages' names by key
	Fails    map[string]string `json:"fails"`    // HostFails
	Targets  map[string]string `json:"targets"`  // HostTargets
	Sources  map[string]string `json:"sources"`  // HostSources
	Reasons  map[string]string `json:"reasons"`  // ViewReasons
}

// NewHostProtocol is the protocol for the config.
func NewHostProtocol() HostProtocol {
	m := make(map[string]string, len(HostMessages))
	for _, msg := range HostMessages {
		m[msg.Key] = msg.Name
	}
	return HostProtocol{Messages: m, Fails: maps.Clone(HostFails), Targets: maps.Clone(HostTargets), Sources: maps.Clone(HostSources), Reasons: maps.Clone(ViewReasons)}
}
