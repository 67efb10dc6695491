package ebiten

import (
	"math"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
	"azflows/internal/geo"
)

func TestParseColor(t *testing.T) {
	if c, ok := parseColor("#2e5a87"); !ok || c != (rgba{0x2e, 0x5a, 0x87, 1}) {
		t.Errorf("parseColor(#2e5a87) = %v, %v", c, ok)
	}
	for _, s := range []string{"", "none", "#fff", "2e5a87", "#2e5a8g", "#2e5a870"} {
		if _, ok := parseColor(s); ok {
			t.Errorf("parseColor(%q) ok", s)
		}
	}
}

func length(l []vec) float64 {
	n := 0.0
	for i := 1; i < len(l); i++ {
		n += dist(l[i-1], l[i])
	}
	return n
}

func TestDash(t *testing.T) {
	// A 20×10 box outline is 60 long: [5 3] makes 7.5 periods, the pattern running on
	// around the corners.
	box := []vec{{0, 0}, {20, 0}, {20, 10}, {0, 10}}
	lines, ok := dash(box, true, []float64{5, 3})
	if !ok {
		t.Fatal("dash refused a valid pattern")
	}
	if len(lines) != 8 {
		t.Errorf("got %d dashes, want 8", len(lines))
	}
	on := 0.0
	for i, l := range lines {
		n := length(l)
		on += n
		if n > 5+1e-4 {
			t.Errorf("dash %d is %.2f long", i, n)
		}
	}
	if math.Abs(on-(7*5+4)) > 1e-3 { // 7 whole dashes and 4 of the 8th
		t.Errorf("dashes cover %.3f, want 39", on)
	}
	// The dash from 16 to 21 turns the corner at (20, 0): it keeps the corner point.
	if l := lines[2]; len(l) != 3 || l[1] != (vec{20, 0}) {
		t.Errorf("corner dash = %v", l)
	}

	// An odd list repeats: [4] is 4 on, 4 off.
	lines, _ = dash([]vec{{0, 0}, {24, 0}}, false, []float64{4})
	if len(lines) != 3 || lines[1][0] != (vec{8, 0}) {
		t.Errorf("odd pattern: %v", lines)
	}

	for _, p := range [][]float64{nil, {0, 0}, {-1, 3}, {math.NaN(), 2}, {math.Inf(1)}, {1e-9, 1e-9}} {
		if _, ok := dash(box, true, p); ok {
			t.Errorf("dash(%v) should draw solid", p)
		}
	}
}

func TestMarkOps(t *testing.T) {
	dashed := charts.Mark{Kind: charts.RectMark, Rect: charts.Rect{X: 10, Y: 20, W: 30, H: 10},
		Style: charts.Style{Fill: "#a9bfd6", Stroke: "#2e5a87", StrokeWidth: 1.2, Dash: []float64{5, 3}, Opacity: 0.5}}
	ops := appendMarkOps(nil, testAssets.Fonts, dashed, 2)
	if len(ops) != 2 || ops[0].kind != opFill || ops[1].kind != opStroke {
		t.Fatalf("dashed rect: %+v", ops)
	}
	if ops[0].polys[0][2] != (vec{80, 60}) || !ops[0].convex {
		t.Errorf("fill not scaled by 2: %v", ops[0].polys)
	}
	if ops[0].color.A != 0.5 || ops[1].color.A != 1 {
		t.Errorf("opacity is the fill's only: fill %v stroke %v", ops[0].color.A, ops[1].color.A)
	}
	if ops[1].width != 2.4 || len(ops[1].polys) < 10 || ops[1].closed {
		t.Errorf("stroke: width %v, %d dashes, closed %v", ops[1].width, len(ops[1].polys), ops[1].closed)
	}

	solid := dashed
	solid.Style.Dash = nil
	if ops := appendMarkOps(nil, testAssets.Fonts, solid, 1); len(ops[1].polys) != 1 || !ops[1].closed {
		t.Errorf("solid outline should be one closed polyline: %+v", ops[1])
	}

	line := charts.Mark{Kind: charts.PathMark, Points: []charts.Point{{X: 0, Y: 0}, {X: 0, Y: 100}},
		Style: charts.Style{Fill: "#ffffff", Stroke: "#d8dee4", StrokeWidth: 1}}
	if ops := appendMarkOps(nil, testAssets.Fonts, line, 1); len(ops) != 1 || ops[0].kind != opStroke {
		t.Errorf("an open path is only stroked: %+v", ops)
	}

	for _, a := range []struct {
		anchor charts.Anchor
		frac   float64
	}{{charts.Start, 0}, {charts.Middle, 0.5}, {charts.End, 1}} {
		m := charts.Mark{Kind: charts.TextMark, Text: "Turkey", At: charts.Point{X: 100, Y: 50}, Size: 13, Anchor: a.anchor,
			Bold: true, Style: charts.Style{Fill: "#1f2328"}, EmWidth: testAssets.Fonts.TextWidth("Turkey", 1, true)}
		ops := appendMarkOps(nil, testAssets.Fonts, m, 2)
		w := testAssets.Fonts.TextWidth("Turkey", 13, true)
		want := (100 - a.frac*w) * 2
		if len(ops) != 1 || math.Abs(ops[0].x-want) > 1e-9 || ops[0].y != 100 || ops[0].size != 26 || !ops[0].bold {
			t.Errorf("anchor %v: %+v, want x %v", a.anchor, ops, want)
		}
	}

	// A glyph the Go fonts lack is drawn as the '?' the model measured in its place.
	m := charts.Mark{Kind: charts.TextMark, Text: "a ∝ b", Size: 10, Style: charts.Style{Fill: "#000000"}}
	if ops := appendMarkOps(nil, testAssets.Fonts, m, 1); ops[0].text != "a ? b" {
		t.Errorf("missing glyph: %q", ops[0].text)
	}

	for _, bad := range []charts.Mark{
		{Kind: charts.TextMark, Text: "x", Size: 10},                                      // no colour
		{Kind: charts.TextMark, Text: "x", Size: 0, Style: charts.Style{Fill: "#000000"}}, // no size
		{Kind: charts.RectMark, Rect: charts.Rect{W: math.NaN(), H: 1}, Style: charts.Style{Fill: "#000000"}},
		{Kind: charts.PathMark, Points: []charts.Point{{X: 1, Y: 1}}, Style: charts.Style{Stroke: "#000000", StrokeWidth: 1}},
		{Kind: charts.RectMark, Rect: charts.Rect{W: 1, H: 1}, Style: charts.Style{Stroke: "#000000"}}, // zero width
	} {
		if ops := appendMarkOps(nil, testAssets.Fonts, bad, 1); len(ops) != 0 {
			t.Errorf("%+v painted %+v", bad, ops)
		}
	}
}

// Every mark of every view translates into finite ops.
func TestAllViewsTranslate(t *testing.T) {
	for _, v := range layout.ChartViews() {
		for _, y := range charts.Years {
			for _, k := range []float64{1, 1.5, 2} {
				c := layout.Build(testAssets, charts.State{View: v, Year: y}, 800, 450)
				var ops []drawOp
				for _, m := range c.Marks {
					ops = appendMarkOps(ops, testAssets.Fonts, m, k)
				}
				if len(ops) < len(c.Marks) {
					t.Errorf("%s %d: %d ops for %d marks", v, y, len(ops), len(c.Marks))
				}
				for _, op := range ops {
					for _, pl := range op.polys {
						for _, p := range pl {
							if !finite(float64(p.X), float64(p.Y)) || p.X < -1 || float64(p.X) > 800*k+1 {
								t.Fatalf("%s %d: point %v", v, y, p)
							}
						}
					}
				}
			}
		}
	}
}

// tick runs one update with in and returns the messages.
// tick is one Update: in (at 800×450 unless given), with the pictures frame painted since
// the last tick.
func tick(v *view, in input) []message {
	if in.W == 0 {
		in.W, in.H, in.DSF = 800, 450, 1
	}
	in.Drawn = screenOf(v).take()
	return v.update(in)
}

func hoverMsgs(ms []message) []string {
	var out []string
	for _, m := range ms {
		if m.Type == "azflows:hover" {
			out = append(out, m.Datum)
		}
	}
	return out
}

func firstMark(c *charts.Chart, role charts.Role) charts.Mark {
	for _, m := range c.Marks {
		if m.Role == role && m.Datum != "" {
			return m
		}
	}
	return charts.Mark{}
}

func TestViewDrawsOnlyOnChange(t *testing.T) {
	v := newView(testAssets.Fonts, "#view=bars&year=2010")
	if _, _, ok := v.frame(800, 450); ok {
		t.Fatal("drew before the first update")
	}
	if ms := tick(v, input{}); len(ms) != 0 {
		t.Errorf("messages before the first frame: %+v", ms)
	}
	if _, ops, ok := v.frame(800, 450); !ok || len(ops[0]) == 0 || len(ops[1]) != 0 {
		t.Fatalf("first frame: ok %v", ok)
	}
	ms := tick(v, input{})
	if len(ms) != 1 || ms[0].Type != "azflows:ready" || ms[0].Hash != "view=bars&year=2010" {
		t.Errorf("ready after the first frame: %+v", ms)
	}
	for i := 0; i < 5; i++ {
		if ms := tick(v, input{}); len(ms) != 0 {
			t.Errorf("idle tick posted %+v", ms)
		}
		if _, _, ok := v.frame(800, 450); ok {
			t.Error("idle frame drew")
		}
	}
	// A new screen (size or DSF) is drawn even before Update has seen it.
	if _, _, ok := v.frame(1600, 900); !ok {
		t.Error("a resized screen was not drawn")
	}
	tick(v, input{}) // counts it
	if v.frames != 2 {
		t.Errorf("frames = %d, want 2", v.frames)
	}
	// Hidden: nothing changes, nothing is drawn.
	tick(v, input{Hidden: true, HasHash: true, Hash: "view=flow", W: 300, H: 200, DSF: 1})
	if _, _, ok := v.frame(1600, 900); ok || v.state.View != "bars" {
		t.Error("a hidden view changed")
	}
}

func TestViewHoverPinAndState(t *testing.T) {
	v := newView(testAssets.Fonts, "view=bars&year=2010")
	tick(v, input{})
	v.frame(800, 450)
	tick(v, input{})
	bar := firstMark(v.chart, charts.RoleBar)
	p := bar.Center()

	ms := tick(v, input{Pointer: p, PointerMoved: true})
	if got := hoverMsgs(ms); len(got) != 1 || got[0] != bar.Datum {
		t.Fatalf("hover messages %v, want [%s]", got, bar.Datum)
	}
	if ms[0].Text != layout.TooltipText(i18n.EN, bar.Datum) || ms[0].Text == "" {
		t.Errorf("hover text %q", ms[0].Text)
	}
	if !v.pointerOverDatum() || len(v.overlay) == 0 {
		t.Error("no pointer cursor or overlay over a bar")
	}
	if _, _, ok := v.frame(800, 450); !ok {
		t.Error("hover not drawn")
	}
	// Moving within the bar moves the tooltip (a frame) but reports nothing new.
	if ms := tick(v, input{Pointer: charts.Point{X: p.X + 1, Y: p.Y}, PointerMoved: true}); len(ms) != 0 {
		t.Errorf("move within the bar posted %+v", ms)
	}
	if _, _, ok := v.frame(800, 450); !ok {
		t.Error("tooltip did not follow the pointer")
	}
	// Off the chart's data: hover clears; moving on empty space draws nothing.
	if got := hoverMsgs(tick(v, input{Pointer: charts.Point{X: 790, Y: 5}, PointerMoved: true})); len(got) != 1 || got[0] != "" {
		t.Errorf("leaving the bar: %v", got)
	}
	v.frame(800, 450)
	tick(v, input{Pointer: charts.Point{X: 795, Y: 6}, PointerMoved: true})
	if _, _, ok := v.frame(800, 450); ok {
		t.Error("moving over empty space redrew")
	}

	// Click pins; moving away keeps it; clicking it again unpins; Escape unpins.
	tick(v, input{Clicks: []click{{At: p}}})
	tick(v, input{Pointer: charts.Point{X: 790, Y: 5}, PointerMoved: true})
	if s, _ := v.snapshot(); !s.Pinned || s.Hover != bar.Datum || s.Tooltip == "" {
		t.Errorf("pinned snapshot %+v", s)
	}
	tick(v, input{Clicks: []click{{At: p}}})
	if v.pinned != "" || v.hover != bar.Datum {
		t.Errorf("second click: pinned %q hover %q", v.pinned, v.hover)
	}
	tick(v, input{Clicks: []click{{At: p, Touch: true}}})
	if v.pinned != bar.Datum {
		t.Error("tap did not pin")
	}
	if got := hoverMsgs(tick(v, input{Escape: true})); len(got) != 1 || got[0] != "" {
		t.Errorf("Escape: %v", got)
	}
	// A tap on nothing after a tap leaves no hover behind.
	tick(v, input{Clicks: []click{{At: p, Touch: true}}})
	tick(v, input{Clicks: []click{{At: p, Touch: true}}})
	if d, _ := v.shownDatum(); d != "" {
		t.Errorf("tap-tap left %q shown", d)
	}

	// A state message rebuilds and drops the pin; a bad one gives the default state.
	tick(v, input{Clicks: []click{{At: p}}})
	ms = tick(v, input{HasHash: true, Hash: "view=flow&year=2012"})
	if v.chart.View != "flow" || v.chart.Year != 2012 || v.pinned != "" {
		t.Errorf("state: %s %d pinned %q", v.chart.View, v.chart.Year, v.pinned)
	}
	if got := hoverMsgs(ms); len(got) != 1 {
		t.Errorf("state change hover messages %v", got)
	}
	tick(v, input{HasHash: true, Hash: "\x00%%%;view=<script>&year=-1"})
	if v.state != charts.Default {
		t.Errorf("bad hash gave %+v", v.state)
	}
}

func TestViewScalesByDSF(t *testing.T) {
	v := newView(testAssets.Fonts, "view=bars&year=2012")
	tick(v, input{W: 640, H: 360, DSF: 2})
	title := firstOp(v.base, opText)
	c := layout.Build(testAssets, v.state, 640, 360)
	m, _ := c.Mark("title")
	if title.y != m.At.Y*2 || title.size != m.Size*2 {
		t.Errorf("title op %+v, mark at %v size %v", title, m.At, m.Size)
	}
	s, changed := v.snapshot()
	if !changed || s.W != 640 || s.H != 360 || s.DSF != 2 || s.Hash != "view=bars&year=2012" || s.Ready {
		t.Errorf("snapshot %+v changed %v", s, changed)
	}
	if _, changed := v.snapshot(); changed {
		t.Error("snapshot changed without a change")
	}
	// Not laid out yet (0×0): nothing is built.
	v = newView(testAssets.Fonts, "")
	tick(v, input{W: 0.5, H: 0.5, DSF: 1})
	if v.chart != nil {
		t.Error("built a chart for a 0×0 body")
	}
}

func firstOp(ops []drawOp, k opKind) drawOp {
	for _, op := range ops {
		if op.kind == k {
			return op
		}
	}
	return drawOp{}
}

func TestTooltipOverlayIsDrawn(t *testing.T) {
	v := newView(testAssets.Fonts, "view=flow&year=2010")
	tick(v, input{})
	band := firstMark(v.chart, charts.RoleBand)
	tick(v, input{Pointer: band.Center(), PointerMoved: true})
	if v.hover != band.Datum {
		t.Fatalf("band not hovered: %q", v.hover)
	}
	var texts []string
	for _, op := range v.overlay {
		if op.kind == opText {
			texts = append(texts, op.text)
		}
	}
	if len(texts) == 0 || !strings.Contains(layout.TooltipText(i18n.EN, band.Datum), strings.TrimSuffix(texts[0], "…")) {
		t.Errorf("overlay texts %q", texts)
	}
}

// testAssets are what the view has before view.js gives it its fonts and base map: the Go
// fonts, no base map (the zero Assets).
var testAssets charts.Assets

func loadBaseMap(t testing.TB) *geo.Map {
	t.Helper()
	m, err := geo.ForTests()
	if err != nil {
		t.Fatal(err) // run npm ci
	}
	return m
}

// The map draws nothing until its base map has arrived (or failed): its first frame has the
// countries. Other views do not wait.
func TestMapWaitsForBaseMap(t *testing.T) {
	bm := loadBaseMap(t)
	v := newView(testAssets.Fonts, "view=map&year=2010")
	tick(v, input{})
	if _, _, ok := v.frame(800, 450); ok {
		t.Fatal("the map drew before its base map")
	}
	tick(v, input{BaseMap: bm, BaseMapSettled: true})
	if _, _, ok := v.frame(800, 450); !ok {
		t.Fatal("no frame once the base map arrived")
	}
	if firstMark(v.chart, charts.RoleCountry).ID == "" {
		t.Error("the first map frame has no countries")
	}

	b := newView(testAssets.Fonts, "view=bars&year=2010")
	tick(b, input{})
	if _, _, ok := b.frame(800, 450); !ok {
		t.Error("the bars waited for the base map")
	}
}

func arcOpsWidth(t *testing.T, v *view) float64 {
	t.Helper()
	for _, m := range v.shownChart.Marks {
		if m.ID == "arc/TR" {
			n := len(m.Points)
			a, b := m.Points[7], m.Points[n-1-7]
			return math.Hypot(a.X-b.X, a.Y-b.Y)
		}
	}
	t.Fatal("no Turkey arc shown")
	return 0
}

// Switching year animates the arcs for tweenMS, a frame each tick, then stops drawing.
func TestYearChangeAnimates(t *testing.T) {
	bm := loadBaseMap(t)
	v := newView(testAssets.Fonts, "view=map&year=2010")
	tick(v, input{BaseMap: bm, BaseMapSettled: true, Now: 0})
	v.frame(800, 450)
	w2010 := arcOpsWidth(t, v)
	tick(v, input{Now: 1000, HasHash: true, Hash: "view=map&year=2012"})
	if !v.animating() {
		t.Fatal("a change of year does not animate")
	}
	if _, _, ok := v.frame(800, 450); !ok {
		t.Error("no frame at the start of the animation")
	}
	if w := arcOpsWidth(t, v); math.Abs(w-w2010) > 1e-6 {
		t.Errorf("at t=0 the arc is %v wide, want 2010's %v", w, w2010)
	}
	tick(v, input{Now: 1000 + tweenMS/2})
	if _, _, ok := v.frame(800, 450); !ok {
		t.Error("no frame halfway")
	}
	mid := arcOpsWidth(t, v)
	tick(v, input{Now: 1000 + tweenMS + 1})
	v.frame(800, 450)
	w2012 := arcOpsWidth(t, v)
	if v.animating() || !(mid < w2010 && mid > w2012) {
		t.Errorf("widths 2010 %v, halfway %v, 2012 %v (animating %v)", w2010, mid, w2012, v.animating())
	}
	tick(v, input{Now: 1000 + tweenMS + 2}) // counts the last frame of the tween
	frames := v.frames
	for i := 0; i < 10; i++ {
		tick(v, input{Now: 2000 + float64(i)*16})
		v.frame(800, 450)
	}
	if v.frames != frames {
		t.Errorf("%d frames drawn while idle", v.frames-frames)
	}
	// The hit test answers for the year shown at the end.
	if v.chart.Year != 2012 {
		t.Errorf("chart year %d", v.chart.Year)
	}
}

func TestReducedMotionJumps(t *testing.T) {
	bm := loadBaseMap(t)
	v := newView(testAssets.Fonts, "view=map&year=2010")
	tick(v, input{BaseMap: bm, BaseMapSettled: true})
	v.frame(800, 450)
	tick(v, input{Now: 50, HasHash: true, Hash: "view=map&year=2012", ReducedMotion: true})
	if v.animating() {
		t.Error("animates under prefers-reduced-motion")
	}
	if v.shownChart != v.chart || v.chart.Year != 2012 {
		t.Error("does not show 2012 at once")
	}
}

// A change of year that draws as many ops as before (compare and bars do) still gives a new
// base revision, so that the painted base layer is not reused (issue 12, finding 1).
func TestBaseRevisionFollowsContent(t *testing.T) {
	for _, view := range layout.ChartViews() {
		v := newView(testAssets.Fonts, "view="+view+"&year=2010")
		tick(v, input{ReducedMotion: true, BaseMapSettled: true})
		v.frame(800, 450)
		tick(v, input{})
		rev, n := v.baseRevision(), len(v.base)
		before := append([]drawOp(nil), v.base...)
		tick(v, input{HasHash: true, Hash: "view=" + view + "&year=2012", ReducedMotion: true})
		if _, _, ok := v.frame(800, 450); !ok {
			t.Errorf("%s: the change of year was not drawn", view)
		}
		if v.baseRevision() == rev {
			t.Errorf("%s: the base revision stayed %d after the change of year (%d ops before, %d after)", view, rev, n, len(v.base))
		}
		same := len(before) == len(v.base)
		for i := 0; same && i < len(before); i++ {
			same = before[i].kind == v.base[i].kind && before[i].text == v.base[i].text && before[i].color == v.base[i].color
		}
		if same {
			t.Errorf("%s: 2010 and 2012 give the same base ops", view)
		}
		// Nothing new: the revision stays, so the cached base is reused.
		rev = v.baseRevision()
		tick(v, input{})
		if v.baseRevision() != rev {
			t.Errorf("%s: an idle tick changed the base revision", view)
		}
	}
}

// The view wants frames of its own only until it is ready and has its base map, and while a
// change of year animates; afterwards it waits for events (the frame gate parks the frames).
func TestViewWantsFramesOnlyWhileBusy(t *testing.T) {
	bm := loadBaseMap(t)
	v := newView(testAssets.Fonts, "view=map&year=2010")
	if !v.wantsFrames() {
		t.Fatal("a view that has not drawn yet wants no frames")
	}
	tick(v, input{Now: 0}) // the map waits for its base map
	if !v.wantsFrames() {
		t.Error("a map still waiting for its base map wants no frames")
	}
	tick(v, input{BaseMap: bm, BaseMapSettled: true, Now: 10})
	v.frame(800, 450)
	if !v.wantsFrames() {
		t.Error("wants no frames after its first frame, before it said ready")
	}
	if ms := tick(v, input{Now: 20}); len(ms) != 1 || ms[0].Type != "azflows:ready" {
		t.Fatalf("not ready after its first frame: %+v", ms)
	}
	if v.wantsFrames() {
		t.Error("ready and still: wants frames")
	}
	// A hover changes the overlay; Draw paints it in the same frame: no frame after it.
	tr := firstMark(v.chart, charts.RoleArc)
	tick(v, input{Now: 30, Pointer: tr.Center(), PointerMoved: true})
	if v.shown == "" {
		t.Fatalf("hovering %s shows nothing", tr.ID)
	}
	v.frame(800, 450)
	if v.wantsFrames() {
		t.Error("wants frames after a hover was drawn")
	}
	tick(v, input{Now: 1000, HasHash: true, Hash: "view=map&year=2012"})
	if !v.animating() || !v.wantsFrames() {
		t.Fatalf("a change of year: animating %v, wants frames %v", v.animating(), v.wantsFrames())
	}
	tick(v, input{Now: 1000 + tweenMS/2})
	if !v.wantsFrames() {
		t.Error("halfway through the tween: wants no frames")
	}
	tick(v, input{Now: 1000 + tweenMS + 1})
	if v.wantsFrames() {
		t.Error("the tween is over and the view still wants frames")
	}

	// Bars neither wait for the base map nor ask for frames to read it: once ready they are
	// idle; a change to the map asks for frames until the base map has come.
	b := newView(testAssets.Fonts, "view=bars&year=2010")
	tick(b, input{})
	b.frame(800, 450)
	tick(b, input{})
	if !b.ready || b.wantsFrames() {
		t.Errorf("bars without the base map: ready %v, want frames %v; want ready and idle", b.ready, b.wantsFrames())
	}
	tick(b, input{HasHash: true, Hash: "view=map&year=2010"})
	if !b.wantsFrames() {
		t.Error("the map without its base map wants no frames (it would never read it)")
	}
	tick(b, input{BaseMap: bm, BaseMapSettled: true})
	if b.wantsFrames() {
		t.Error("the map with its base map, still, wants frames")
	}
}
