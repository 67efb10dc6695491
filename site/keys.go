package site

// The keys the live view routes (KeyboardEvent.key values): the chart takes some for its walk
// over the marks and hands the presenters' clickers' keys to the page (MsgKey); which goes
// where is decided in charts/ebiten/keys.go. web/view/view.js prevents the same keys
// wherever in the frame they are pressed, from view.html's config (ViewConfig.Keys).
const (
	KeyRight    = "ArrowRight"
	KeyDown     = "ArrowDown"
	KeyLeft     = "ArrowLeft"
	KeyUp       = "ArrowUp"
	KeyHome     = "Home"
	KeyEnd      = "End"
	KeyEnter    = "Enter"
	KeySpace    = " "
	KeyEscape   = "Escape"
	KeyPageDown = "PageDown"
	KeyPageUp   = "PageUp"

	// KeyTab is never routed: it moves the focus on, out of the chart (charts/ebiten/main_js.go
	// stops it before ebiten's canvas, which would swallow it; view.js lets it through).
	KeyTab = "Tab"
)

// RoutedKeys lists every key the view may route, to the walk or to the page.
var RoutedKeys = []string{KeyRight, KeyDown, KeyLeft, KeyUp, KeyHome, KeyEnd, KeyEnter, KeySpace, KeyEscape, KeyPageDown, KeyPageUp}

// ViewKeys is what view.html's config says of the keys.
type ViewKeys struct {
	Routed []string `json:"routed"` // RoutedKeys
	Tab    string   `json:"tab"`    // KeyTab
}
