//go:build js && wasm

package ebiten

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"syscall/js"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text"
	"github.com/hajimehoshi/ebiten/v2/vector"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"

	"azflows/charts"
	"azflows/internal/geo"
	"azflows/site"
)

// game adapts view to ebiten: Update reads input and changes state (the view's, and what the
// screen shows next); Draw only paints the view's picture, reading the view and changing
// nothing of it (loop_test.go checks both); Layout asks for a screen of device pixels so the
// chart is crisp. Neither waits for the browser: where the start-up gives the page's main
// thread back between phases, it does so by leaving the next phase to the next frame (a task
// of its own), not by yielding inside a frame.
type game struct {
	v    *view
	in   *inbox
	r    *renderer
	gate *frameGate
	// inWorker: the program runs in the view's worker (web/view/viewhost.js), whose thread blocks
	// no reader, so the first picture is painted in one frame rather than startPaintBudget
	// at a time, and the start-up is not cut into frames.
	inWorker bool

	shown onScreen // what Draw has put on the screen
	// holdPaint: Update built the first chart in this frame, on the page's main thread: Draw
	// leaves its painting to the next frame, so the two are tasks of their own.
	holdPaint bool

	w, h       float64 // CSS size of the body, as ebiten measures it
	cx, cy     int     // last cursor position (device px)
	haveCursor bool
	pointer    bool // cursor shape is the pointer
	clicks     []click
	err        error

	start       time.Time
	baseSettled bool

	baseImg     *ebiten.Image // the chart's marks, painted (see Draw)
	baseKey     baseKey
	baseDone    int  // how many of the base ops baseImg has (while painting over several frames)
	basePartial bool // baseImg is still being painted for baseKey
	baseCPU     bool // baseImg is painted on the CPU (cpu), then uploaded whole
	cpu         cpuPainter
	updated     bool // the first Update has run

	drawMs    []float64 // the Go side's time of the last frames drawn
	drawCount int       // frames drawn in all (drawMs keeps the last maxDrawSamples)
	drawNew   bool      // drawMs has samples not yet published
	prepMs    []float64 // of those, the frames that prepared tooltip lines (also in drawMs)
	prepCount int

	// The tooltip lines being prepared (tips.go): the view's generation of them, how many of
	// them Draw has prepared, and the last generation it prepared whole (input.TipsDone).
	tipGen, tipsDone uint64
	tipNext          int
}

// baseMapTimeout is how long the map waits for basemap.json before it draws without it.
const baseMapTimeout = 15 * time.Second

// baseMap reports the base map view.js fetched (window.azflowsBaseMap: {text} or {error}),
// once it has arrived or failed, or after baseMapTimeout.
func (g *game) baseMap(in *input) {
	if g.baseSettled {
		return
	}
	st := js.Global().Get(site.GlobalBaseMap)
	switch {
	case st.Type() == js.TypeObject && st.Get("text").Type() == js.TypeString:
		var m *geo.Map
		var err error
		// Its UTF-16 length is at most its UTF-8 size: over the limit, it is not copied at all.
		// (syscall/js reads no property of a string: Object(text) boxes it.)
		if n := js.Global().Get("Object").Invoke(st.Get("text")).Get("length").Int(); n > geo.MaxBaseMapSize {
			err = fmt.Errorf("geo: base map of %d characters, more than the %d bytes this reads", n, geo.MaxBaseMapSize)
		} else {
			m, err = geo.Parse([]byte(st.Get("text").String()))
		}
		if err != nil {
			js.Global().Get("console").Call("warn", "azflows view: "+err.Error())
		}
		in.BaseMap = m
	case st.Type() == js.TypeObject && st.Get("error").Truthy():
		js.Global().Get("console").Call("warn", "azflows view: base map: "+st.Get("error").String())
	case time.Since(g.start) > baseMapTimeout:
	default:
		return
	}
	g.baseSettled, in.BaseMapSettled = true, true
	js.Global().Set(site.GlobalBaseMap, js.Null()) // the text is parsed: let it go
}

func (g *game) Update() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("update: %v", r)
		}
	}()
	if g.err != nil {
		return g.err
	}
	if g.in.hidden.Load() {
		return nil // paused: nothing changes, so Draw paints nothing
	}
	if !g.updated {
		g.updated = true
		mark("go-update")
		if !g.inWorker {
			// ebiten has started, in this frame: on the page's main thread the chart is built
			// in the next, a task of its own.
			ebiten.ScheduleFrame()
			return nil
		}
	}
	k := ebiten.Monitor().DeviceScaleFactor()
	if !(k > 0) {
		k = 1
	}
	if g.in.sizeDirty.Swap(false) || g.w < 1 || g.h < 1 {
		body := js.Global().Get("document").Get("body")
		g.w, g.h = body.Get("clientWidth").Float(), body.Get("clientHeight").Float()
	}
	if g.start.IsZero() {
		g.start = time.Now()
	}
	in := input{W: g.w, H: g.h, DSF: k, Clicks: g.clicks[:0], Now: float64(time.Since(g.start).Microseconds()) / 1000,
		Drawn: g.shown.take(), TipsDone: g.tipsDone}
	g.in.take(&in)
	g.clicks = in.Clicks
	// Only the map needs the base map: the other views leave it unparsed until the reader
	// asks for the map, and the start-up does not pay for it.
	if g.v.state.View == "map" || in.HasHash && charts.ParseHash(in.Hash).View == "map" {
		g.baseMap(&in)
	}

	cx, cy := ebiten.CursorPosition()
	if g.haveCursor && (cx != g.cx || cy != g.cy) && !in.PointerLeft {
		in.PointerMoved = true
	}
	g.cx, g.cy, g.haveCursor = cx, cy, true
	in.Pointer = charts.Point{X: float64(cx) / k, Y: float64(cy) / k}

	built := g.v.chart != nil
	for _, m := range g.v.update(in) {
		if m.Type == site.MsgReady {
			mark("go-ready")
		}
		post(m)
	}
	if !built && g.v.chart != nil {
		mark("go-chart")
	}
	if p := g.v.pointerOverDatum(); p != g.pointer {
		g.pointer = p
		shape := ebiten.CursorShapeDefault
		if p {
			shape = ebiten.CursorShapePointer
		}
		ebiten.SetCursorShape(shape)
	}
	g.publish()
	g.publishDrawTimes()
	busy := g.v.wantsFrames() || g.basePartial
	if busy {
		ebiten.ScheduleFrame() // more to do: the next frame of a tween, the first frame, the base map
	}
	g.gate.set(!busy) // otherwise no frame until an event (web/view/framegate.js)
	// At start-up on the page's main thread, the chart's build and its painting are tasks of
	// their own: Draw paints from the next frame (busy: there is one).
	g.holdPaint = !built && g.v.chart != nil && !g.v.ready && !g.inWorker
	return nil
}

// publish mirrors the view's state on window.azflowsView when it changed.
func (g *game) publish() {
	if s, changed := g.v.snapshot(); changed {
		setAzflowsView(s)
	}
}

func (g *game) Draw(screen *ebiten.Image) {
	defer func() {
		if r := recover(); r != nil && g.err == nil {
			g.err = fmt.Errorf("draw: %v", r)
		}
	}()
	t0 := time.Now()
	b := screen.Bounds()
	bg, layers, gen, ok := g.v.picture()
	tipOps, tipGen := g.v.tipsToPrepare()
	paint := ok && !g.holdPaint && g.shown.wants(gen, b.Dx(), b.Dy())
	// Tooltip lines to prepare (tips.go): only in a frame that runs anyway, once ready.
	prepare := ok && !g.holdPaint && g.v.ready && len(tipOps) > 0 && g.tipsDone != tipGen
	if !paint && !prepare {
		return // the screen is not cleared, so it still shows the last frame
	}
	if paint && !g.paint(screen, bg, layers, gen, t0) {
		return // the first picture is not complete: the next frame goes on
	}
	if prepare {
		g.prepareTips(tipOps, tipGen, t0)
	}
	// The Go side's cost of a frame, for make bench (the GPU's work is not in it): a frame
	// that only prepared tooltip lines is a frame drawn too.
	if len(g.drawMs) >= maxDrawSamples {
		g.drawMs = g.drawMs[1:]
	}
	g.drawMs = append(g.drawMs, float64(time.Since(t0).Microseconds())/1000)
	g.drawCount++
	if prepare {
		if len(g.prepMs) >= maxDrawSamples {
			g.prepMs = g.prepMs[1:]
		}
		g.prepMs = append(g.prepMs, g.drawMs[len(g.drawMs)-1])
		g.prepCount++
	}
	g.drawNew = true
	if paint {
		g.shown.finish()
	}
}

// paint puts the view's picture gen on the screen and reports whether it is complete (the
// first picture, on a page's main thread, is painted over several frames).
func (g *game) paint(screen *ebiten.Image, bg rgba, layers [][]drawOp, gen uint64, t0 time.Time) bool {
	b := screen.Bounds()
	g.shown.begin(gen, b.Dx(), b.Dy())
	// The chart's marks are painted once into an image kept until they change (state, size,
	// tween step); a hover or focus then costs only the overlay.
	base := layers[0]
	key := baseKey{g.v.baseRevision(), b}
	if g.baseImg == nil || g.baseKey != key {
		if g.baseImg == nil || g.baseImg.Bounds() != b {
			if g.baseImg != nil {
				g.baseImg.Deallocate()
			}
			g.baseImg = ebiten.NewImage(b.Dx(), b.Dy())
		}
		// The base is painted on the CPU and reaches the GPU as one texture (cpupaint.go), except
		// during a tween, whose frames would each pay for the whole picture on the CPU, and on a
		// screen over the CPU picture's bound (maxCPUPixels): there the GPU paints the ops.
		g.baseCPU = !g.v.animating() && g.cpu.reset(b.Dx(), b.Dy(), bg)
		if !g.baseCPU {
			g.baseImg.Fill(color.NRGBA{bg.R, bg.G, bg.B, 255})
		}
		g.baseKey, g.baseDone, g.basePartial = key, 0, true
	}
	if g.basePartial {
		// Before the view is ready, on a page's main thread, its first picture is painted over
		// as many frames as it takes, startPaintBudget of work each (each frame is a task of
		// its own); the screen shows it once complete. In the view's worker, and afterwards, a
		// frame paints all of it.
		for g.baseDone < len(base) {
			if op := &base[g.baseDone]; g.baseCPU {
				g.cpu.draw(op, g.r.chain(op))
			} else {
				g.r.draw(g.baseImg, op)
			}
			g.baseDone++
			if !g.v.ready && !g.inWorker && time.Since(t0) > startPaintBudget {
				break
			}
		}
		if g.baseDone < len(base) {
			return false // not complete: the next frame goes on
		}
		g.basePartial = false
		if g.baseCPU {
			// In bands: see maxUploadBytes.
			for _, r := range uploadBands(b.Dx(), b.Dy()) {
				sub := g.baseImg.SubImage(r).(*ebiten.Image)
				sub.WritePixels(g.cpu.img.Pix[g.cpu.img.PixOffset(r.Min.X, r.Min.Y):g.cpu.img.PixOffset(0, r.Max.Y)])
			}
		}
		if !g.v.ready {
			mark("go-painted")
		}
	}
	screen.DrawImage(g.baseImg, nil)
	for _, ops := range layers[1:] {
		g.r.drawLayer(screen, ops)
	}
	return true
}

// prepareBudget is how long into a frame its Draw may still start to paint a tooltip's line
// ahead of its hover (tips.go); a frame that painted a new tooltip of its own prepares none.
const prepareBudget = 500 * time.Microsecond

// prepareTips paints the lines of ops (the view's tipsToPrepare, generation gen) into the
// renderer's cache of painted lines, from where the last frame left off: at most one line a
// frame (lines already painted cost a lookup and are passed over), and none once the frame is
// past prepareBudget. Once all are, it says so to the next Update (input.TipsDone).
func (g *game) prepareTips(ops []drawOp, gen uint64, t0 time.Time) {
	if g.tipGen != gen {
		g.tipGen, g.tipNext = gen, 0
	}
	painted := false
	for ; g.tipNext < len(ops); g.tipNext++ {
		if painted || time.Since(t0) > prepareBudget {
			return
		}
		_, _, painted = g.r.line(&ops[g.tipNext])
	}
	g.tipsDone = gen
}

// baseKey identifies the painted base layer by content: the view's revision of its base ops
// (never the slice's address or length, which a change of year keeps) and the screen size.
type baseKey struct {
	rev  uint64
	size image.Rectangle
}

// startPaintBudget is how long one frame paints the first picture before it leaves the rest
// to the next frame.
const startPaintBudget = 12 * time.Millisecond

// maxDrawSamples bounds the frame times kept for make bench.
const maxDrawSamples = 512

// publishDrawTimes exposes the last frames' Draw times as window.azflowsView.drawMs, and how
// many frames were drawn in all as drawCount.
func (g *game) publishDrawTimes() {
	v := js.Global().Get(site.GlobalView)
	if v.Type() != js.TypeObject || (!g.drawNew && !v.Get("drawMs").IsUndefined()) || len(g.drawMs) == 0 {
		return
	}
	g.drawNew = false
	arr := make([]any, len(g.drawMs))
	for i, d := range g.drawMs {
		arr[i] = d
	}
	v.Set("drawMs", js.ValueOf(arr))
	v.Set("drawCount", g.drawCount)
	prep := make([]any, len(g.prepMs))
	for i, d := range g.prepMs {
		prep[i] = d
	}
	v.Set("prepMs", js.ValueOf(prep))
	v.Set("prepCount", g.prepCount)
	viewChanged()
}

func (g *game) LayoutF(outsideW, outsideH float64) (float64, float64) {
	k := ebiten.Monitor().DeviceScaleFactor()
	return max(outsideW*k, 1), max(outsideH*k, 1)
}

// Layout is required by ebiten.Game; LayoutF is used instead.
func (g *game) Layout(outsideW, outsideH int) (int, int) {
	w, h := g.LayoutF(float64(outsideW), float64(outsideH))
	return int(math.Ceil(w)), int(math.Ceil(h))
}

// renderer paints draw ops with ebiten's vector paths and text/v2.
type renderer struct {
	chart      *charts.Fonts // the fonts the chart is measured with (nil: the Go fonts)
	white      *ebiten.Image
	vs         []ebiten.Vertex
	is         []uint16
	fonts      map[*byte]*opentype.Font // parsed fonts of the chains, by their bytes
	faces      map[faceKey][]font.Face  // font chains by size and weight
	fontsTried bool
	lines      map[lineKey]paintedLine // the overlay's lines of text, painted (drawTextCached)
}

// maxVertices keeps one DrawTriangles call within uint16 indices.
const maxVertices = 60000

func (r *renderer) draw(dst *ebiten.Image, op *drawOp) {
	switch op.kind {
	case opFill:
		var p vector.Path
		addPoly(&p, op.polys[0], true)
		r.vs, r.is = p.AppendVerticesAndIndicesForFilling(r.vs[:0], r.is[:0])
		rule := ebiten.FillRuleNonZero
		if op.convex {
			rule = ebiten.FillRuleFillAll
		}
		r.paint(dst, op.color, rule)
	case opStroke:
		so := &vector.StrokeOptions{Width: op.width, LineJoin: vector.LineJoinMiter, MiterLimit: 4}
		// Overlapping stroke triangles would blend twice where the colour is translucent.
		rule := ebiten.FillRuleFillAll
		if op.color.A < 1 {
			rule = ebiten.FillRuleNonZero
		}
		r.vs, r.is = r.vs[:0], r.is[:0]
		for _, pl := range op.polys {
			var p vector.Path
			addPoly(&p, pl, op.closed)
			r.vs, r.is = p.AppendVerticesAndIndicesForStroke(r.vs, r.is, so)
			if len(r.vs) > maxVertices {
				r.paint(dst, op.color, rule)
				r.vs, r.is = r.vs[:0], r.is[:0]
			}
		}
		r.paint(dst, op.color, rule)
	case opText:
		chain := r.face(op.size, op.bold)
		if chain == nil {
			return
		}
		// Each run in the font the model measured it in (op.runs), from the baseline;
		// whole pixels keep the glyph bitmaps sharp. ebiten's text (v1) package draws
		// x/image font faces without go-text's shaping, which would add 0.15 MB (gzip).
		//
		// Glyph by glyph, each origin on a whole device pixel (glyphOrigins), the pen advancing
		// by the unrounded advances: a glyph drawn at a fractional offset is smeared over two
		// pixel columns at small sizes (a thin, spaced "1" in "2012").
		r.paintText(dst, op, chain, op.x, int(math.Round(op.y)))
	}
}

// paintText draws op's text with the pen starting at x on baseline y.
func (r *renderer) paintText(dst *ebiten.Image, op *drawOp, chain []font.Face, x float64, y int) {
	clr := color.NRGBA{op.color.R, op.color.G, op.color.B, uint8(op.color.A*255 + 0.5)}
	for _, run := range op.runs {
		if run.Face < 0 || run.Face >= len(chain) || chain[run.Face] == nil {
			continue
		}
		f := chain[run.Face]
		for _, g := range glyphOrigins(f, run.Text, x) {
			text.Draw(dst, g.s, f, g.x, y, clr)
		}
		x += float64(font.MeasureString(f, run.Text)) / 64
	}
}

// paintedLine is a line of text painted once into an image of its own; its baseline starts
// at (pad+frac, pad+ascent).
type paintedLine struct {
	img      *ebiten.Image
	pad, asc int
}

// maxPaintedLines bounds the lines kept painted (a tooltip has a few; sizes follow the window).
// The bars' tooltips of both years have 152 lines at 928×522, and the lines prepared ahead
// (tips.go) are painted at each side of the pointer a datum's tooltip may take (up to twice
// that): a bound under it would let a reader switching years repaint every tooltip's lines
// anew (the bound empties the cache).
const maxPaintedLines = 640

// drawLayer draws the ops of a layer above the base: text from the painted lines
// (drawTextCached), the rest with draw.
func (r *renderer) drawLayer(dst *ebiten.Image, ops []drawOp) {
	for i := range ops {
		if ops[i].kind == opText {
			r.drawTextCached(dst, &ops[i])
		} else {
			r.draw(dst, &ops[i])
		}
	}
}

// drawTextCached draws a text op like draw, from a painting of the line kept for the next
// frames: a tooltip that follows the mouse is then a few images a frame, not a glyph each.
// The glyphs land on the same pixels as draw puts them (see lineKey).
func (r *renderer) drawTextCached(dst *ebiten.Image, op *drawOp) {
	pl, fx, _ := r.line(op)
	if pl.img == nil {
		return
	}
	var o ebiten.DrawImageOptions
	o.GeoM.Translate(fx-float64(pl.pad), math.Round(op.y)-float64(pl.pad+pl.asc))
	dst.DrawImage(pl.img, &o)
}

// line returns the painting of a text op's line and the whole device pixel it is drawn from,
// painting it first if the cache does not have it (painted); without the fonts, no painting.
func (r *renderer) line(op *drawOp) (pl paintedLine, fx float64, painted bool) {
	chain := r.face(op.size, op.bold)
	if chain == nil {
		return paintedLine{}, 0, false
	}
	k, fx := lineKeyOf(op)
	if pl, ok := r.lines[k]; ok {
		return pl, fx, false
	}
	if len(r.lines) >= maxPaintedLines || r.lines == nil {
		for _, l := range r.lines {
			l.img.Deallocate()
		}
		r.lines = map[lineKey]paintedLine{}
	}
	var w float64
	var asc, desc int
	for _, run := range op.runs {
		if run.Face >= 0 && run.Face < len(chain) && chain[run.Face] != nil {
			w += float64(font.MeasureString(chain[run.Face], run.Text)) / 64
		}
	}
	for _, f := range chain {
		if f != nil {
			m := f.Metrics()
			asc, desc = max(asc, m.Ascent.Ceil()), max(desc, m.Descent.Ceil())
		}
	}
	pad := int(math.Ceil(op.size/2)) + 2
	pl = paintedLine{img: ebiten.NewImage(int(math.Ceil(w))+2*pad+1, asc+desc+2*pad), pad: pad, asc: asc}
	r.paintText(pl.img, op, chain, float64(pad)+float64(k.frac)/64, pad+asc)
	r.lines[k] = pl
	return pl, fx, true
}

func addPoly(p *vector.Path, pts []vec, closed bool) {
	for i, q := range pts {
		if i == 0 {
			p.MoveTo(q.X, q.Y)
		} else {
			p.LineTo(q.X, q.Y)
		}
	}
	if closed {
		p.Close()
	}
}

// paint draws r.vs/r.is in colour c, anti-aliased.
func (r *renderer) paint(dst *ebiten.Image, c rgba, rule ebiten.FillRule) {
	if len(r.is) == 0 {
		return
	}
	if r.white == nil {
		img := ebiten.NewImage(3, 3)
		img.Fill(color.White)
		r.white = img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
	}
	a := c.A
	cr, cg, cb := float32(c.R)/255*a, float32(c.G)/255*a, float32(c.B)/255*a
	for i := range r.vs {
		v := &r.vs[i]
		v.SrcX, v.SrcY = 1, 1
		v.ColorR, v.ColorG, v.ColorB, v.ColorA = cr, cg, cb, a
	}
	dst.DrawTriangles(r.vs, r.is, r.white, &ebiten.DrawTrianglesOptions{
		ColorScaleMode: ebiten.ColorScaleModePremultipliedAlpha,
		FillRule:       rule,
		AntiAlias:      true,
	})
}

// chain is the font chain of a text op (face), nil for other ops.
func (r *renderer) chain(op *drawOp) []font.Face {
	if op.kind != opText {
		return nil
	}
	return r.face(op.size, op.bold)
}

// face returns the face at size px, cached per size: one Go face per font of the chart's
// font chain (r.chart, the chart's charts.Fonts), joined so that each rune is drawn with the
// first font that has it, as the chart's fonts measured it.
func (r *renderer) face(size float64, bold bool) []font.Face {
	if !r.fontsTried {
		r.fontsTried = true
		r.fonts = map[*byte]*opentype.Font{}
		r.faces = map[faceKey][]font.Face{}
	}
	k := faceKey{int(math.Round(size * 64)), bold}
	if f, ok := r.faces[k]; ok {
		return f
	}
	if k.size64 <= 0 {
		return nil
	}
	if len(r.faces) >= 32 { // sizes follow the window size; drop faces of old sizes
		for key := range r.faces {
			delete(r.faces, key)
		}
	}
	var chain []font.Face
	for _, src := range r.chart.Sources(bold) {
		var ff font.Face
		if len(src) > 0 {
			p := r.fonts[&src[0]]
			if p == nil {
				p, _ = opentype.Parse(src)
				r.fonts[&src[0]] = p
			}
			if p != nil {
				// Hinting off: advances then match the model's TextWidth, which laid the text out.
				ff, _ = opentype.NewFace(p, &opentype.FaceOptions{Size: float64(k.size64) / 64, DPI: 72, Hinting: font.HintingNone})
			}
		}
		chain = append(chain, ff) // keeps the chain's indices those of the ops' runs
	}
	r.faces[k] = chain
	return chain
}
