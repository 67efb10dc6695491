package ebiten

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"azflows/internal/repo"
	"azflows/site"
)

// ebiten expects a page. Where the view runs in a worker (web/view/viewhost.js), a stand-in
// document answers for the page; it must offer whatever the pinned ebiten reads and calls.
// viewhost.js is the one stand-in for ebiten (the warm-up worker had a second one; it was
// deleted with the warm-up, see docs/performance.md). TestStandInCoversEbiten reads the pinned
// ebiten's browser code from the module cache (internal/ui/*_js.go, the WebGL driver's
// *_js.go), lists every property it reads, calls or sets on the page's objects (the globals,
// window, document, its body, head and root element, the canvas it creates, screen,
// navigator, location, Document.prototype), and runs the stand-in script in node to check
// that it offers them. An upgrade of ebiten that touches something new fails here, naming it,
// before a browser ever sees it.

// jsUse is one property of a page object that ebiten touches.
type jsUse struct {
	Object string // global, window, document, body, head, root, canvas, screen, navigator, location, documentPrototype
	Op     string // Get, Call or Set
	Name   string
	Where  string
}

func (u jsUse) String() string {
	return fmt.Sprintf("%s.%s (%s, %s)", u.Object, u.Name, strings.ToLower(u.Op), u.Where)
}

// optional are the properties ebiten reads to see whether the browser has them and does
// without, and which the stand-ins leave out on purpose.
var optional = map[string]string{
	"document.webkitExitFullscreen":    "ebiten falls back to it only without exitFullscreen; the view never goes full screen",
	"document.webkitFullscreenElement": "read beside fullscreenElement (null in the stand-ins)",
	"canvas.webkitRequestFullscreen":   "read only where requestFullscreen is missing",
	"navigator.keyboard":               "ebiten checks it (Keyboard Map API) and goes without",
	"window.innerWidth":                "ScreenSizeInFullscreen only, which the view never calls",
	"window.innerHeight":               "ScreenSizeInFullscreen only, which the view never calls",
	"global.requestAnimationFrame":     "the worker's own (gated by web/view/framegate.js)",
	"global.setTimeout":                "the worker's own",
	"global.console":                   "the worker's own",
	"global.Object":                    "JavaScript's own",
	"global.navigator":                 "the worker's own (WorkerNavigator)",
	"documentPrototype.hidden":         "checked on Document.prototype as a getter, below",
	"document.pointerLockElement":      "read in the pointer-lock handlers only (null in viewhost.js)",
	"document.exitFullscreen":          "read when leaving full screen only (a no-op in viewhost.js)",
	"document.fullscreenElement":       "read when leaving full screen only (null in viewhost.js)",
	"canvas.requestFullscreen":         "read when entering full screen only (a no-op in viewhost.js)",
}

// objectGlobals are the globals ebiten keeps in package variables and reads properties of;
// a stand-in needs one where ebiten touches one of its properties.
var objectGlobals = map[string]bool{"window": true, "document": true, "screen": true, "navigator": true}

// receivers maps the expressions ebiten holds page objects in to the objects, per function
// where a parameter names one ("" for every function).
var receivers = map[string]map[string]string{
	"": {
		"js.Global()":                     "global",
		"window":                          "window",
		"document":                        "document",
		"screen":                          "screen",
		"canvas":                          "canvas",
		`document.Get("body")`:            "body",
		"body":                            "body",
		`document.Get("head")`:            "head",
		`document.Get("documentElement")`: "root",
		`js.Global().Get("navigator")`:    "navigator",
		`window.Get("location")`:          "location",
		`js.Global().Get("Document").Get("prototype")`: "documentPrototype",
	},
	"setWindowEventHandlers": {"v": "window"},
	"setCanvasEventHandlers": {"v": "canvas"},
}

// ebitenDir is the pinned ebiten's directory in the module cache.
func ebitenDir(t *testing.T) string {
	t.Helper()
	root, err := repo.Root()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/hajimehoshi/ebiten/v2")
	cmd.Dir = root
	out, err := cmd.Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Fatalf("go list -m github.com/hajimehoshi/ebiten/v2: %v (run go mod download)", err)
	}
	return dir
}

// ebitenUses parses ebiten's browser code and lists what it touches on the page's objects.
func ebitenUses(t *testing.T, dir string) []jsUse {
	t.Helper()
	var files []string
	for _, pat := range []string{"internal/ui/*_js.go", "internal/graphicsdriver/opengl/*_js.go"} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 3 {
		t.Fatalf("ebiten's browser code not found under %s (%d files)", dir, len(files))
	}
	fset := token.NewFileSet()
	funcs := map[string]*ast.FuncDecl{} // by name: methods and functions alike
	var parsed []*ast.File
	for _, f := range files {
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, af)
		for _, d := range af.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				funcs[fd.Name.Name] = fd
			}
		}
	}
	var uses []jsUse
	seen := map[string]bool{}
	collect := func(n ast.Node, fn string) {
		ast.Inspect(n, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "Get" && sel.Sel.Name != "Call" && sel.Sel.Name != "Set") {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			name, _ := strconv.Unquote(lit.Value)
			var b bytes.Buffer
			if err := formatNode(&b, fset, sel.X); err != nil {
				return true
			}
			obj, ok := receivers[fn][b.String()]
			if !ok {
				obj, ok = receivers[""][b.String()]
			}
			if !ok {
				return true
			}
			u := jsUse{Object: obj, Op: sel.Sel.Name, Name: name, Where: fmt.Sprintf("%s:%d", filepath.Base(fset.Position(call.Pos()).Filename), fset.Position(call.Pos()).Line)}
			key := fmt.Sprintf("%s %s %s", u.Object, u.Op, u.Name)
			if !seen[key] {
				seen[key] = true
				uses = append(uses, u)
			}
			return true
		})
	}
	for _, af := range parsed {
		for _, d := range af.Decls {
			switch x := d.(type) {
			case *ast.GenDecl:
				if x.Tok == token.VAR {
					collect(x, "")
				}
			case *ast.FuncDecl:
				if x.Body != nil {
					collect(x.Body, x.Name.Name)
				}
			}
		}
	}
	sort.Slice(uses, func(i, j int) bool { return uses[i].String() < uses[j].String() })
	return uses
}

func formatNode(b *bytes.Buffer, fset *token.FileSet, n ast.Expr) error {
	switch x := n.(type) {
	case *ast.Ident:
		b.WriteString(x.Name)
	case *ast.SelectorExpr:
		if err := formatNode(b, fset, x.X); err != nil {
			return err
		}
		b.WriteString("." + x.Sel.Name)
	case *ast.CallExpr:
		if err := formatNode(b, fset, x.Fun); err != nil {
			return err
		}
		b.WriteString("(")
		for i, a := range x.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := formatNode(b, fset, a); err != nil {
				return err
			}
		}
		b.WriteString(")")
	case *ast.BasicLit:
		b.WriteString(x.Value)
	default:
		return fmt.Errorf("not a receiver: %T", n)
	}
	return nil
}

// standInJS runs the stand-in script in node, in a context shaped as a dedicated worker's
// global scope, lets it set up its stand-ins (viewhost.js on the frame's first message), and
// reports for each use whether the stand-in offers it: a property present (Get), a function
// (Call).
const standInJS = `
const vm = require('vm'), fs = require('fs');
const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const g = {
  postMessage() {}, addEventListener() {}, removeEventListener() {}, close() {},
  importScripts() { throw new Error('no importScripts in this test'); },
  fetch() { return new Promise(() => {}); },
  navigator: { userAgent: 'node' }, console: { log() {}, warn() {}, error() {} },
  setTimeout, clearTimeout, requestAnimationFrame() { return 1; }, Object, Promise, WebAssembly,
  performance: { now: () => 0, mark() {}, getEntriesByType: () => [] },
};
g.self = g;
const ctx = vm.createContext(g);
vm.runInContext(fs.readFileSync(input.script, 'utf8'), ctx, { filename: input.script });
if (typeof ctx.onmessage === 'function') {
  ctx.onmessage({ data: input.message });
}
const d = ctx.document;
const objects = {
  global: ctx, window: ctx.window, document: d, body: d && d.body, head: d && d.head,
  root: d && d.documentElement, canvas: d && typeof d.createElement === 'function' ? d.createElement('canvas') : undefined,
  screen: ctx.screen, navigator: ctx.navigator, location: ctx.location,
  documentPrototype: ctx.Document && ctx.Document.prototype,
};
const out = input.uses.map((u) => {
  const o = objects[u.Object];
  if (o === undefined || o === null) return 'no ' + u.Object;
  if (u.Op === 'Set') return '';
  if (!(u.Name in o)) return 'no ' + u.Object + '.' + u.Name;
  if (u.Op === 'Call' && typeof o[u.Name] !== 'function') return u.Object + '.' + u.Name + ' is not a function';
  return '';
});
const hidden = objects.documentPrototype && Object.getOwnPropertyDescriptor(objects.documentPrototype, 'hidden');
out.push(hidden && typeof hidden.get === 'function' ? '' : 'Document.prototype has no hidden getter');
process.stdout.write(JSON.stringify(out));
`

func TestStandInCoversEbiten(t *testing.T) {
	t.Run("linkname", func(t *testing.T) { checkLinknames(t, ebitenDir(t)) })
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is not installed; it runs the stand-in scripts (Node.js is needed for the build's npm ci too)")
		}
		t.Skip("node is not installed: the stand-in of web/view/viewhost.js is not checked against ebiten")
	}
	root, err := repo.Root()
	if err != nil {
		t.Fatal(err)
	}
	dir := ebitenDir(t)
	uses := ebitenUses(t, dir)
	var lines []string
	for _, u := range uses {
		lines = append(lines, u.String())
	}
	t.Logf("%s touches on the page (%d):\n\t%s", filepath.Base(dir), len(uses), strings.Join(lines, "\n\t"))
	// The parse found what ebiten is known to touch: else the receivers above no longer match
	// its code (an upgrade renamed them) and the check below would pass on nothing.
	for _, want := range []string{"document.createElement", "document.body", "window.addEventListener", "canvas.getContext", "screen.width", "global.document"} {
		found := false
		for _, u := range uses {
			found = found || u.Object+"."+u.Name == want
		}
		if !found {
			t.Errorf("ebiten's code no longer shows %s where this test looks (receivers in standin_test.go): read %s/internal/ui/ui_js.go and update them", want, dir)
		}
	}
	// The frame's first message to the worker (site.HostInit, with the protocol in its
	// config), which sets up the page it stands in for; the worker then finds no canvas to
	// draw on and stops.
	script := "web/view/viewhost.js"
	message := map[string]any{"t": site.HostInit, "config": site.NewViewConfig().Host,
		"env": map[string]any{"w": 800, "h": 450, "dpr": 1, "inIframe": true, "hash": "#view=map"}}
	var need []jsUse
	for _, u := range uses {
		if _, ok := optional[u.Object+"."+u.Name]; ok {
			continue
		}
		if u.Object == "global" && objectGlobals[u.Name] {
			continue // needed where its properties are: those uses say so
		}
		need = append(need, u)
	}
	in, err := json.Marshal(map[string]any{"script": filepath.Join(root, script), "message": message, "uses": need})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "-e", standInJS)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s in node: %v\n%s", script, err, stderr.String())
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(need)+1 {
		t.Fatalf("%s in node: %v, %q", script, err, out)
	}
	for i, u := range need {
		if got[i] != "" {
			t.Errorf("%s's stand-in lacks what ebiten touches: %s (%s)", script, u, got[i])
		}
	}
	if got[len(need)] != "" {
		t.Errorf("%s: %s (ebiten binds it at start)", script, got[len(need)])
	}
	t.Logf("%s offers the %d properties ebiten needs of it", script, len(need))
}

// TestOneStandIn checks that web/view/viewhost.js is the one script that stands in for a page
// (defines a Document or sets self.document): a second one would escape TestStandInCoversEbiten.
func TestOneStandIn(t *testing.T) {
	root, err := repo.Root()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(root, "web", "*", "*.js"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts under web/ (%v)", err)
	}
	standIn := regexp.MustCompile(`self\.(Document|document)\s*=`)
	var found []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if standIn.Match(b) {
			rel, _ := filepath.Rel(root, f)
			found = append(found, filepath.ToSlash(rel))
		}
	}
	if !slices.Equal(found, []string{"web/view/viewhost.js"}) {
		t.Errorf("the scripts that stand in for a page are %q, want only web/view/viewhost.js", found)
	}
}

// The second reach into ebiten: charts/ebiten/rescale_js.go links to private variables of
// the pinned ebiten with go:linkname and mirrors their types. The link fails only when a
// variable is gone; a variable whose type changed would be read through a wrong mirror
// without a word. checkLinknames reads each directive, finds the variable in ebiten's source
// (the files of its package that build for js/wasm) and fails unless its type is the one the
// mirror declares: the same type expression, or for a pointer to a struct of ebiten's, a
// mirror struct with exactly its fields, in order.
func checkLinknames(t *testing.T, dir string) {
	const module = "github.com/hajimehoshi/ebiten/v2/"
	fset := token.NewFileSet()
	ours, err := filepath.Glob("*_js.go")
	if err != nil {
		t.Fatal(err)
	}
	src := func(e ast.Expr) string {
		var b bytes.Buffer
		if err := printer.Fprint(&b, fset, e); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	// fields is a struct type's fields as "name type", in order.
	fields := func(st *ast.StructType) []string {
		var out []string
		for _, f := range st.Fields.List {
			for _, n := range f.Names {
				out = append(out, n.Name+" "+src(f.Type))
			}
			if len(f.Names) == 0 {
				out = append(out, src(f.Type))
			}
		}
		return out
	}
	linked := 0
	for _, name := range ours {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		vars, types := map[string]ast.Expr{}, map[string]ast.Expr{}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, s := range g.Specs {
				switch s := s.(type) {
				case *ast.ValueSpec:
					for _, n := range s.Names {
						vars[n.Name] = s.Type
					}
				case *ast.TypeSpec:
					types[s.Name.Name] = s.Type
				}
			}
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				fs := strings.Fields(c.Text)
				if len(fs) != 3 || fs[0] != "//go:linkname" {
					continue
				}
				linked++
				local, target := fs[1], fs[2]
				dot := strings.LastIndex(target, ".")
				if !strings.HasPrefix(target, module) || dot < 0 {
					t.Errorf("%s: %s links to %s, outside ebiten: this test knows only ebiten's", name, local, target)
					continue
				}
				pkgDir, theirName := filepath.Join(dir, filepath.FromSlash(target[len(module):dot])), target[dot+1:]
				mine, ok := vars[local]
				if !ok || mine == nil {
					t.Errorf("%s: %s is linked but not declared there as a variable with a type", name, local)
					continue
				}
				theirs, theirTypes := ebitenVar(t, fset, pkgDir, theirName)
				if theirs == nil {
					t.Errorf("%s: %s links to %s, which the pinned ebiten (%s) no longer declares: rescale_js.go reaches into a variable that is gone", name, local, target, filepath.Base(dir))
					continue
				}
				if src(mine) == src(theirs) {
					continue
				}
				// A pointer to a mirror of ebiten's struct: the same fields, in order.
				mp, ok1 := mine.(*ast.StarExpr)
				tp, ok2 := theirs.(*ast.StarExpr)
				if ok1 && ok2 {
					mi, ok1 := mp.X.(*ast.Ident)
					ti, ok2 := tp.X.(*ast.Ident)
					if ok1 && ok2 {
						ms, ok1 := types[mi.Name].(*ast.StructType)
						ts, ok2 := theirTypes[ti.Name].(*ast.StructType)
						if ok1 && ok2 {
							if a, b := fields(ms), fields(ts); !slices.Equal(a, b) {
								t.Errorf("%s: %s mirrors %s.%s as {%s}; the pinned ebiten (%s) has {%s}: update the mirror or the code that reads it", name, local, target[:dot], ti.Name, strings.Join(a, "; "), filepath.Base(dir), strings.Join(b, "; "))
							}
							continue
						}
					}
				}
				t.Errorf("%s: %s is %s here, %s in the pinned ebiten (%s): the link reads it through a wrong type", name, local, src(mine), src(theirs), filepath.Base(dir))
			}
		}
	}
	if linked < 2 {
		t.Errorf("%d go:linkname directives found in charts/ebiten/*_js.go, want rescale_js.go's 2: the pattern no longer matches", linked)
	}
}

// ebitenVar finds the package-level variable name in the Go files of dir that build for
// js/wasm, and returns its type (written, or that of its value: &T{} is *T, T{} is T) and
// the package's type declarations.
func ebitenVar(t *testing.T, fset *token.FileSet, dir, name string) (ast.Expr, map[string]ast.Expr) {
	ctx := build.Default
	ctx.GOOS, ctx.GOARCH = "js", "wasm"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var typ ast.Expr
	types := map[string]ast.Expr{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		if ok, err := ctx.MatchFile(dir, e.Name()); err != nil || !ok {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, s := range g.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					types[s.Name.Name] = s.Type
				case *ast.ValueSpec:
					for i, n := range s.Names {
						if n.Name != name {
							continue
						}
						if s.Type != nil {
							typ = s.Type
						} else if i < len(s.Values) {
							switch v := s.Values[i].(type) {
							case *ast.UnaryExpr:
								if cl, ok := v.X.(*ast.CompositeLit); ok && v.Op == token.AND {
									typ = &ast.StarExpr{X: cl.Type}
								}
							case *ast.CompositeLit:
								typ = v.Type
							}
						}
						if typ == nil {
							t.Fatalf("%s: %s has a value whose type this test cannot tell: read it and extend ebitenVar", dir, name)
						}
					}
				}
			}
		}
	}
	return typ, types
}
