package ebiten

import (
	"math"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/internal/geo"
	"azflows/site"
)

// tweenMS is how long a change of year takes to animate on the map.
const tweenMS = 400

// hitSlop is how far (CSS px) from a thin mark the pointer may be and still hit it.
const hitSlop = 6

// input is what one Update tick saw, in CSS pixels.
type input struct {
	W, H   float64 // the view's size
	DSF    float64 // device pixels per CSS pixel
	Hidden bool    // document.hidden: do nothing new

	Hash    string // a new state hash from the parent or location.hash
	HasHash bool

	Pointer      charts.Point // mouse position
	PointerMoved bool         // the mouse moved over the view since the last tick
	PointerLeft  bool         // the mouse left the view

	Clicks  []click // presses since the last tick, in order
	Escape  bool
	Dismiss bool     // a press on the page outside the frame (site.MsgDismiss)
	Keys    []string // navigation keys pressed since the last tick, in order (keys.go)

	Now           float64 // milliseconds on a monotonic clock
	ReducedMotion bool    // prefers-reduced-motion: reduce, read when a new hash arrived

	// Drawn is how many complete pictures Draw has put on the screen since the last tick
	// (onScreen.take): the view counts its frames, and is ready after the first, from it.
	Drawn int

	// TipsDone is the generation of tooltip ops (view.tipsToPrepare) the renderer has
	// prepared all of; 0 for none.
	TipsDone uint64

	// The map's base map (basemap.json), once it has loaded or failed (BaseMap nil).
	BaseMap        *geo.Map
	BaseMapSettled bool
}

// click is a primary mouse button, pen or touch press.
type click struct {
	At    charts.Point
	Touch bool // a tap: no hover stays behind it
}

// message is posted to the parent page.
type message struct {
	Type    string  // azflows:ready, azflows:hover, azflows:error, azflows:taller
	Hash    string  // ready
	Datum   string  // hover
	Text    string  // hover
	Message string  // error
	Height  float64 // taller: the height the chart took, 0 when it fits the frame
}

// snapshot is what window.azflowsView shows.
type snapshot struct {
	Ready   bool
	Hash    string
	Hover   string // the datum shown (focused, else pinned, else hovered); "" for none
	Pinned  bool
	Focus   string // the datum the keyboard focuses; "" for none
	Tooltip string
	Frames  int
	W, H    float64
	ChartH  float64 // the height of the chart the view shows (taller than H where it grew and the page has not yet followed)
	DSF     float64
}

// view is the interactive chart's state, free of ebiten and the browser.
type view struct {
	assets charts.Assets // the fonts view.js gave it, and the base map once it has come
	state  charts.State
	chart  *charts.Chart
	w, h   float64
	dsf    float64

	// The taller picture (layout.Build grows a chart that cannot show everything at its
	// frame's height): natural is the frame's height the page gives the view, which the chart
	// is built for; asked is the height the view told the page its chart took (site.MsgTaller),
	// 0 when it fits. While the page gives the view that height, the chart is still built for
	// the natural one (which gives the same chart: no loop).
	natural float64
	asked   float64

	pointer   charts.Point
	pointerIn bool
	hover     string // datum under the mouse
	pinned    string
	pinTouch  bool // the pin is a finger's (its tooltip stands away from the fingertip)
	pinAt     charts.Point
	kb        keyFocus    // the keyboard's focus (keys.go)
	walk      layout.Walk // what the keyboard's read-outs said since the walk began
	confirm   string      // a pin's or unpin's confirmation, for the next read-out

	base    []drawOp    // the chart's marks (while animating, the tween's)
	baseRev uint64      // bumped by every paint of base: what a cache of the painted base is keyed on
	overlay []drawOp    // highlight and tooltip of the shown datum
	closeAt charts.Rect // the shown tooltip's close control (a finger's), else empty

	// The tooltips' lines prepared ahead of a hover (tips.go): the datums still to prepare,
	// the text ops of the one being prepared, and the generation that names those ops.
	tips   []tipDatum
	tipOps []drawOp
	tipGen uint64

	dirty       bool // the chart must be built again
	baseSettled bool // the base map has loaded, or failed to
	shownChart  *charts.Chart
	animFrom    *charts.Chart // the chart a change of year animates from; nil when still
	animStart   float64

	gen    uint64 // bumped whenever what Draw would paint changes
	frames int    // complete pictures drawn (input.Drawn)

	ready     bool
	shown     string // last reported datum
	shownText string // its tooltip text
	published snapshot
	hasPub    bool
}

// newView is the view of the state in hash, its charts measured with f (nil: the Go fonts).
func newView(f *charts.Fonts, hash string) *view {
	return &view{assets: charts.NewAssets(f, nil), state: charts.ParseHash(hash), dsf: 1, gen: 1}
}

// update applies one tick of input and returns the messages to post. It never draws.
func (v *view) update(in input) []message {
	v.frames += in.Drawn
	if in.Hidden {
		return nil
	}
	var out []message
	dsf := in.DSF
	if !(dsf > 0) || math.IsInf(dsf, 0) {
		dsf = 1
	}
	if v.chart == nil {
		v.dirty = true
	}
	if in.BaseMapSettled && !v.baseSettled {
		v.baseSettled = true
		v.assets = charts.NewAssets(v.assets.Fonts, in.BaseMap)
		v.dirty = v.dirty || v.state.View == "map"
	}
	animate := false
	if in.HasHash {
		if st := charts.ParseHash(in.Hash); st != v.state {
			// A new year (or layer) of the map moves the arcs from one state to the other.
			animate = v.chart != nil && v.state.View == "map" && st.View == "map" && !in.ReducedMotion
			v.state = st
			v.pinned, v.hover, v.kb = "", "", keyFocus{}
			v.dirty = true
		}
	}
	if in.W >= 1 && in.H >= 1 && (in.W != v.w || in.H != v.h) {
		v.w, v.h = in.W, in.H
		if v.asked == 0 || math.Abs(in.H-v.asked) > 1 {
			v.natural = in.H // not the height the view asked for: the frame's own
		}
		v.dirty, animate = true, false
	}
	if dsf != v.dsf {
		v.dsf = dsf
		v.dirty, animate = true, false
	}
	if v.w < 1 || v.h < 1 { // not laid out yet
		return nil
	}
	if v.state.View == "map" && !v.baseSettled {
		return nil // the map waits for its base map; its first frame has the countries
	}
	rebuild := v.dirty
	if rebuild {
		v.dirty = false
		v.animFrom = nil
		if animate {
			v.animFrom, v.animStart = v.shownChart, in.Now
		}
		v.chart = layout.Build(v.assets, v.state, v.w, v.natural)
		need := 0.0
		if v.chart.H > v.natural+0.5 {
			need = v.chart.H
		}
		if need != v.asked {
			v.asked = need
			out = append(out, message{Type: site.MsgTaller, Height: need})
		}
		if v.animFrom == nil {
			v.paint(v.chart)
			v.queueTips()
		}
	}
	if v.animFrom != nil {
		t := (in.Now - v.animStart) / tweenMS
		if t >= 1 || !(t >= 0) {
			v.animFrom = nil
			v.paint(v.chart)
			v.queueTips()
		} else {
			v.paint(charts.Tween(v.animFrom, v.chart, ease(t)))
		}
	}

	prevShown, prevAt := v.shownDatum()
	if in.PointerLeft {
		v.pointerIn = false
		v.hover = ""
	}
	if in.PointerMoved {
		v.pointer, v.pointerIn = in.Pointer, true
	}
	if v.pointerIn && (in.PointerMoved || rebuild) {
		v.hover = v.hit(v.pointer)
	}
	for _, c := range in.Clicks {
		// A press on the tooltip's close control unpins.
		if v.pinned != "" && v.closeAt.W > 0 && v.closeAt.Contains(c.At) {
			v.pinned, v.hover = "", ""
			continue
		}
		// A press on a datum pins it; on the pinned datum or on nothing, it unpins.
		d := v.hit(c.At)
		if c.Touch { // a finger: the nearest datum within half a 44 px target (charts.HitNear)
			d = v.hitNear(c.At)
		}
		if d != "" && d != v.pinned {
			v.pinned, v.pinAt, v.pinTouch = d, c.At, c.Touch
		} else {
			v.pinned = ""
		}
		if c.Touch {
			v.hover = ""
		} else {
			v.pointer, v.pointerIn, v.hover = c.At, true, d
		}
	}
	if in.PointerMoved || len(in.Clicks) > 0 {
		v.kb = keyFocus{} // the mouse takes over from the keyboard
	}
	v.applyKeys(in.Keys)
	if in.Escape {
		v.unpinByEscape()
	}
	if in.Dismiss {
		// The reader pressed elsewhere on the page: the tooltip goes, as on a tap on nothing.
		v.pinned, v.kb, v.pointerIn, v.hover = "", keyFocus{}, false, ""
	}

	shown, at := v.shownDatum()
	if rebuild || shown != prevShown || (shown != "" && at != prevAt) {
		v.overlay, v.closeAt = v.overlay[:0], charts.Rect{}
		if shown != "" {
			// A finger's pin: the tooltip away from the fingertip and the shape it tapped.
			touch := v.pinTouch && shown == v.pinned && v.kb.datum == ""
			for _, m := range layout.OverlayFor(v.chart, shown, at, touch) {
				v.overlay = appendMarkOps(v.overlay, v.assets.Fonts, m, v.dsf)
				if m.ID == layout.TooltipCloseID {
					v.closeAt = m.Rect
				}
			}
		}
		v.gen++
	}
	if shown != v.shown || v.confirm != "" {
		v.shown, v.shownText = shown, ""
		if shown != "" {
			v.shownText = v.chart.Tip(shown)
		}
		out = append(out, message{Type: site.MsgHover, Datum: shown, Text: v.readout(shown)})
	}
	v.nextTips(in.TipsDone)
	if !v.ready && v.frames > 0 {
		v.ready = true
		out = append(out, message{Type: site.MsgReady, Hash: v.state.Hash()})
	}
	return out
}

// paint makes c what Draw paints.
func (v *view) paint(c *charts.Chart) {
	v.shownChart = c
	v.base = v.base[:0] // the same backing array, reused: only baseRev tells a new base apart
	for _, m := range c.Marks {
		v.base = appendMarkOps(v.base, v.assets.Fonts, m, v.dsf)
	}
	v.baseRev++
	v.gen++
}

// baseRevision names the content of the base layer frame returns: it changes with every
// change of state, language, size or tween step, and only then.
func (v *view) baseRevision() uint64 { return v.baseRev }

// wantsFrames reports whether the view has work of its own for the next frame, without any
// new event: until its first frame is drawn (ready), while a change of year animates, and
// while the map waits for its base map. Otherwise frames wait for an event (the frame gate).
func (v *view) wantsFrames() bool {
	return !v.ready || v.animating() || v.state.View == "map" && !v.baseSettled
}

// animating reports whether a change of year is still being animated.
func (v *view) animating() bool { return v.animFrom != nil }

// ease is a smooth start and stop.
func ease(t float64) float64 { return t * t * (3 - 2*t) }

// shownDatum is the datum whose tooltip is up and where: the keyboard's, else the pinned one,
// else the hovered one.
func (v *view) shownDatum() (string, charts.Point) {
	if v.kb.datum != "" && v.chart != nil {
		return v.kb.datum, focusPoint(v.chart, v.kb.datum)
	}
	if v.pinned != "" {
		return v.pinned, v.pinAt
	}
	if v.hover != "" {
		return v.hover, v.pointer
	}
	return "", charts.Point{}
}

func (v *view) hit(p charts.Point) string {
	if v.chart == nil {
		return ""
	}
	if m, ok := v.chart.HitTest(p, hitSlop); ok {
		return m.Datum
	}
	return ""
}

// hitNear is hit for a finger's tap: the datum nearest p within charts.TouchSlop.
func (v *view) hitNear(p charts.Point) string {
	if v.chart == nil {
		return ""
	}
	if m, ok := v.chart.HitNear(p, charts.TouchSlop); ok {
		return m.Datum
	}
	return ""
}

// pointerOverDatum says whether the mouse cursor should be a pointer.
func (v *view) pointerOverDatum() bool { return v.pointerIn && v.hover != "" }

// picture is what Draw paints: the background, the layers (the chart's marks, then the
// highlight and tooltip of the datum shown) and the generation that names them (it changes
// whenever they do); ok is false before the first chart. It changes nothing: Draw only reads
// the view.
func (v *view) picture() (bg rgba, layers [][]drawOp, gen uint64, ok bool) {
	if v.chart == nil {
		return rgba{}, nil, 0, false
	}
	bg, okBg := parseColor(v.chart.Background)
	if !okBg {
		bg = rgba{255, 255, 255, 1}
	}
	return bg, [][]drawOp{v.base, v.overlay}, v.gen, true
}

// onScreen is what Draw has put on the screen: which picture (the view's generation) at which
// size in device pixels, whether its painting is complete (the renderer may paint a picture
// over several frames), and how many complete pictures Update has not yet counted. The game
// keeps it beside the view; Draw writes it, Update takes the count (input.Drawn).
type onScreen struct {
	gen     uint64
	w, h    int
	done    bool
	painted int
}

// wants reports whether the screen does not show the picture gen at w×h yet, complete.
func (s *onScreen) wants(gen uint64, w, h int) bool {
	return !s.done || s.gen != gen || s.w != w || s.h != h
}

// begin starts (or goes on) painting the picture gen at w×h.
func (s *onScreen) begin(gen uint64, w, h int) { s.gen, s.w, s.h, s.done = gen, w, h, false }

// finish says the picture begun is complete on the screen.
func (s *onScreen) finish() { s.done, s.painted = true, s.painted+1 }

// take returns how many complete pictures were painted since it was last called.
func (s *onScreen) take() int {
	n := s.painted
	s.painted = 0
	return n
}

// snapshot returns window.azflowsView's fields and whether they changed since the last call.
func (v *view) snapshot() (snapshot, bool) {
	s := snapshot{Ready: v.ready, Hash: v.state.Hash(), Hover: v.shown, Pinned: v.pinned != "", Focus: v.kb.datum,
		Tooltip: v.shownText, Frames: v.frames, W: v.w, H: v.h, DSF: v.dsf}
	if v.chart != nil {
		s.ChartH = v.chart.H
	}
	if v.hasPub && s == v.published {
		return s, false
	}
	v.published, v.hasPub = s, true
	return s, true
}
