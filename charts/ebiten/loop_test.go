package ebiten

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// screens are the screens of the views under test: what frame, standing in for Draw, has
// put on each.
var screens = map[*view]*onScreen{}

func screenOf(v *view) *onScreen {
	s := screens[v]
	if s == nil {
		s = &onScreen{}
		screens[v] = s
	}
	return s
}

// frame does what Draw does on a screen of sw×sh device pixels, painting at once: it paints
// v's picture when the screen does not show it yet and returns it, else nothing. The next tick
// counts the picture.
func (v *view) frame(sw, sh int) (bg rgba, layers [][]drawOp, ok bool) {
	bg, layers, gen, ok := v.picture()
	s := screenOf(v)
	if !ok || !s.wants(gen, sw, sh) {
		return rgba{}, nil, false
	}
	s.begin(gen, sw, sh)
	s.finish()
	return bg, layers, true
}

// A picture painted over several frames counts once it is complete: the view is ready after
// the frame that completes it, not before, and a frame with nothing new paints nothing.
func TestFramesCountCompletePictures(t *testing.T) {
	v := newView(testAssets.Fonts, "view=bars&year=2010")
	s := &onScreen{}
	if _, _, _, ok := v.picture(); ok {
		t.Fatal("a picture before the first update")
	}
	v.update(input{W: 800, H: 450, DSF: 1})
	_, layers, gen, ok := v.picture()
	if !ok || len(layers) != 2 || len(layers[0]) == 0 {
		t.Fatalf("no picture after the first update (%v, %d layers)", ok, len(layers))
	}
	// Draw begins the picture and leaves it unfinished (the first picture on a page's main
	// thread is painted startPaintBudget at a time).
	if !s.wants(gen, 800, 450) {
		t.Fatal("the screen wants nothing before its first picture")
	}
	s.begin(gen, 800, 450)
	if ms := v.update(input{W: 800, H: 450, DSF: 1, Drawn: s.take()}); len(ms) != 0 || v.ready || v.frames != 0 {
		t.Errorf("after an unfinished picture: %+v, ready %v, frames %d", ms, v.ready, v.frames)
	}
	if !s.wants(gen, 800, 450) {
		t.Error("an unfinished picture is not painted on")
	}
	s.begin(gen, 800, 450)
	s.finish()
	ms := v.update(input{W: 800, H: 450, DSF: 1, Drawn: s.take()})
	if len(ms) != 1 || ms[0].Type != "azflows:ready" || !v.ready || v.frames != 1 {
		t.Errorf("after the complete picture: %+v, ready %v, frames %d; want ready, 1 frame", ms, v.ready, v.frames)
	}
	// Nothing new: no picture to paint, no frame counted.
	if _, _, gen2, _ := v.picture(); gen2 != gen || s.wants(gen2, 800, 450) {
		t.Errorf("idle: generation %d → %d, screen wants it %v", gen, gen2, s.wants(gen2, 800, 450))
	}
	v.update(input{W: 800, H: 450, DSF: 1, Drawn: s.take()})
	if v.frames != 1 {
		t.Errorf("frames = %d after an idle tick, want 1", v.frames)
	}
	// A bigger screen wants the same picture again.
	if !s.wants(gen, 1600, 900) {
		t.Error("a resized screen does not want the picture")
	}
}

// Update changes state and Draw only draws (game_js.go, parsed here since it builds only for
// js/wasm): Draw calls nothing on the view but what reads it and assigns none of its fields;
// Update (and what it calls on the game) asks the browser for no media query and never
// yields (the start-up's phases are frames of their own).
func TestUpdateChangesDrawDraws(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "game_js.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	methods := map[string]*ast.FuncDecl{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && fd.Body != nil && len(fd.Recv.List) == 1 {
			// The game's methods only (the renderer has a paint too).
			if st, ok := fd.Recv.List[0].Type.(*ast.StarExpr); ok {
				if id, ok := st.X.(*ast.Ident); ok && id.Name == "game" {
					methods[fd.Name.Name] = fd
				}
			}
		}
	}
	draw, update := methods["Draw"], methods["Update"]
	if draw == nil || update == nil {
		t.Fatal("game_js.go has no Draw or Update")
	}
	// isView reports whether e is the view: g.v.
	isView := func(e ast.Expr) bool {
		s, ok := e.(*ast.SelectorExpr)
		if !ok || s.Sel.Name != "v" {
			return false
		}
		id, ok := s.X.(*ast.Ident)
		return ok && id.Name == "g"
	}
	reads := map[string]bool{"picture": true, "baseRevision": true, "animating": true, "tipsToPrepare": true}
	calls := 0
	// Draw and the game's methods it calls (paint, prepareTips).
	drawSeen := map[string]bool{}
	var checkDraw func(fd *ast.FuncDecl)
	checkDraw = func(fd *ast.FuncDecl) {
		if drawSeen[fd.Name.Name] {
			return
		}
		drawSeen[fd.Name.Name] = true
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CallExpr:
				s, ok := x.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if isView(s.X) {
					calls++
					if !reads[s.Sel.Name] {
						t.Errorf("%s: %s calls g.v.%s, which is not one of the view's reads %v", fset.Position(x.Pos()), fd.Name.Name, s.Sel.Name, reads)
					}
				}
				if id, ok := s.X.(*ast.Ident); ok && id.Name == "g" && methods[s.Sel.Name] != nil {
					checkDraw(methods[s.Sel.Name])
				}
			case *ast.AssignStmt:
				for _, l := range x.Lhs {
					if s, ok := l.(*ast.SelectorExpr); ok && isView(s.X) {
						t.Errorf("%s: %s assigns g.v.%s", fset.Position(x.Pos()), fd.Name.Name, s.Sel.Name)
					}
				}
			case *ast.IncDecStmt:
				if s, ok := x.X.(*ast.SelectorExpr); ok && isView(s.X) {
					t.Errorf("%s: %s changes g.v.%s", fset.Position(x.Pos()), fd.Name.Name, s.Sel.Name)
				}
			}
			return true
		})
	}
	checkDraw(draw)
	if !drawSeen["paint"] || !drawSeen["prepareTips"] {
		t.Errorf("the check follows Draw into %v: not into paint and prepareTips", drawSeen)
	}
	if calls == 0 {
		t.Error("Draw reads nothing of the view: the check no longer sees it")
	}
	// Update and the game's methods it calls.
	seen := map[string]bool{}
	var check func(fd *ast.FuncDecl)
	check = func(fd *ast.FuncDecl) {
		if seen[fd.Name.Name] {
			return
		}
		seen[fd.Name.Name] = true
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.BasicLit:
				if strings.Contains(x.Value, "matchMedia") {
					t.Errorf("%s: %s asks for a media query (%s)", fset.Position(x.Pos()), fd.Name.Name, x.Value)
				}
			case *ast.CallExpr:
				s, ok := x.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if s.Sel.Name == "yield" || s.Sel.Name == "reducedMotion" {
					t.Errorf("%s: %s calls %s", fset.Position(x.Pos()), fd.Name.Name, s.Sel.Name)
				}
				if id, ok := s.X.(*ast.Ident); ok && id.Name == "g" && methods[s.Sel.Name] != nil {
					check(methods[s.Sel.Name])
				}
			case *ast.Ident:
				if x.Name == "reducedMotion" {
					t.Errorf("%s: %s calls reducedMotion", fset.Position(x.Pos()), fd.Name.Name)
				}
			}
			return true
		})
	}
	check(update)
	if !seen["baseMap"] {
		t.Error("Update calls no g.baseMap: the check no longer follows its calls")
	}
}
