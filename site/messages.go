// Package site holds the contract between the page (index.html with web/page/app.js and
// web/page/modes.js, written by cmd/build), the interactive view in its iframe (wasm/ and
// web/view/view.js) and a host page that embeds the page: the names of the messages they post
// to each other with postMessage.
//
// cmd/build writes Names into the page's config (PageConfig, the azflows-config script) and
// view.html's (ViewConfig), so web/page/app.js, web/page/modes.js and web/view/view.js read
// config.messages.KEY instead of spelling the names; wasm/ uses the constants.
//
// The rest of the contract is here too: the state and its hash (charts.State, re-exported),
// the languages (i18n.Languages), the name of every file and template of a state, page names
// and offline files (FilesOf, PageName, OfflineName: the build writes each file under the
// name chosen there and puts the same names into the configs, so web/*/*.js never builds one),
// the PNG download sizes, the font files, the element ids the scripts look up and the
// window globals the scripts and the view share.
package site

// The message names.
const (
	MsgState    = "azflows:state"
	MsgReady    = "azflows:ready"
	MsgHover    = "azflows:hover"
	MsgKey      = "azflows:key"
	MsgError    = "azflows:error"
	MsgProgress = "azflows:progress"
	MsgHeight   = "azflows:height"
	MsgFit      = "azflows:fit"
	MsgLabel    = "azflows:label"
	MsgDismiss  = "azflows:dismiss"
	MsgTaller   = "azflows:taller"
)

// The messages that keep the view sharp when a host scales its frame (a reveal.js deck).
const (
	MsgScale     = "azflows:scale"
	MsgViewScale = "azflows:viewscale"
)

// The ends of a message.
const (
	Page = "page" // index.html: web/page/app.js, web/page/modes.js
	View = "view" // view.html in the page's iframe: wasm/, web/view/view.js
	Host = "host" // a page that embeds the page in an iframe (#embed)
)

// A Message is one kind of message: its name, who sends it to whom, and what it carries.
type Message struct {
	Key      string // its name in the page's config: config.messages[Key]
	Name     string // the type field of the posted object
	From, To string // Page, View or Host
	Doc      string
}

// Messages is every message posted between the page, the view and a host.
var Messages = []Message{
	{"state", MsgState, Page, View, "{type, hash}: the chart's state changed on the page (or the view was ready late)"},
	{"ready", MsgReady, View, Page, "{type, hash}: the view painted its first frame; the page switches to it"},
	{"hover", MsgHover, View, Page, "{type, datum, text}: the shape under the pointer or focus, read out by the page's live region"},
	{"key", MsgKey, View, Page, "{type, key}: a key the chart did not use (charts/ebiten/keys.go), for the presentation; the page re-dispatches it to itself as a DOM event of the same name"},
	{"error", MsgError, View, Page, "{type, message}: the view cannot run; the page switches to the fallback"},
	{"progress", MsgProgress, View, Page, "{type, loaded, total, wire}: bytes of view.wasm loaded so far (decoded), its size where the response gives it uncompressed, and its compressed size where the response gives that (the bytes that travel)"},
	{"label", MsgLabel, Page, View, "{type, name, description, lang}: what a screen reader says of the chart (StateFiles' Name and Description): web/view/view.js puts it on the element that has the focus"},
	{"dismiss", MsgDismiss, Page, View, "{type}: a press on the page outside the view's frame: the view takes its tooltip away (as a tap on nothing in the chart does)"},
	{"taller", MsgTaller, View, Page, "{type, height}: the chart the view built for its frame is taller than the frame (layout.Build grew the picture: it cannot show everything at the frame's height): the height in CSS pixels it took, which the page gives the view's box (an embed then scrolls, or its host's sizer makes the frame taller); 0 when the view's chart fits its frame again"},
	{"height", MsgHeight, Page, Host, "{type, height}: the embedded page's height, for the host to size its iframe"},
	{"fit", MsgFit, Host, Page, "{type}: the host sizes the iframe to the page's height (web/page/embed.js): the embedded page lays itself out at its natural height"},
	{"scale", MsgScale, Host, Page, "{type, scale}: the host shows the iframe scaled (a reveal.js deck's transform): its width on the screen over its CSS width (web/page/embed.js), for the page's view"},
	{"viewscale", MsgViewScale, Page, View, "{type, scale}: the host's scale (MsgScale), for the view: web/view/view.js multiplies the frame's devicePixelRatio by it before the program starts, so that the canvas is drawn at the resolution it is shown at"},
}

// Names maps each message's Key to its Name: the config's "messages".
func Names() map[string]string {
	m := make(map[string]string, len(Messages))
	for _, msg := range Messages {
		m[msg.Key] = msg.Name
	}
	return m
}
