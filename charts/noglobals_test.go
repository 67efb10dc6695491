package charts

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// immutableAssets are the package-level variables allowed to hold fonts: goFonts, the Go fonts
// a nil *Fonts measures with, made once and never replaced.
var immutableAssets = map[string]bool{"goFonts": true}

// The model and the layouts have no package state of what a chart is made with: no
// package-level variable of charts or charts/layout holds fonts (sfnt fonts, *Fonts), a base
// map (*geo.Map) or a cache of layouts (memo, boundedCache, *Chart), and no function sets one;
// they travel in Assets, through the chart being laid out. A variable of a func type counts by
// what it returns (sync.OnceValue keeps what it made).
func TestNoAssetsInPackageVariables(t *testing.T) {
	pkg := noAssetsIn(t, ".", "azflows/charts")
	noAssetsIn(t, "layout", "azflows/charts/layout")
	scope := pkg.Scope()
	// The check sees what it must: a variable of each kind is found.
	named := func(path, name string) types.Type {
		sc := scope
		for _, p := range pkg.Imports() {
			if p.Path() == path {
				sc = p.Scope()
			}
		}
		if tn, ok := sc.Lookup(name).(*types.TypeName); ok {
			return tn.Type()
		}
		t.Fatalf("no type %s.%s for the check to find", path, name)
		return nil
	}
	for _, typ := range []types.Type{
		types.NewPointer(named(pkg.Path(), "Fonts")),
		types.NewSlice(types.NewPointer(named("golang.org/x/image/font/sfnt", "Font"))),
		types.NewPointer(named("azflows/internal/geo", "Map")),
		types.NewStruct([]*types.Var{types.NewField(token.NoPos, pkg, "m", types.NewPointer(named(pkg.Path(), "memo")), false)}, nil),
		types.NewMap(types.Typ[types.String], types.NewPointer(named(pkg.Path(), "Chart"))),
	} {
		if holdsAssets(typ, map[types.Type]bool{}) == "" {
			t.Errorf("the check misses a variable of type %s", typ)
		}
	}
}

// noAssetsIn checks the package path in dir: no package-level variable holds assets, and no
// function sets a package-level variable.
func noAssetsIn(t *testing.T, dir, path string) *types.Package {
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
	pkg, err := conf.Check(path, fset, files, info)
	if err != nil {
		t.Fatal(err)
	}
	// No function sets a package-level variable (as SetFonts and SetBaseMap did), whatever
	// its type: what the layouts read is fixed when the package starts.
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			var lhs []ast.Expr
			switch x := n.(type) {
			case *ast.AssignStmt:
				lhs = x.Lhs
			case *ast.IncDecStmt:
				lhs = []ast.Expr{x.X}
			}
			for _, e := range lhs {
				for { // the variable at the root of v.f, v[i], *v
					switch x := e.(type) {
					case *ast.SelectorExpr:
						e = x.X
						continue
					case *ast.IndexExpr:
						e = x.X
						continue
					case *ast.StarExpr:
						e = x.X
						continue
					case *ast.ParenExpr:
						e = x.X
						continue
					}
					break
				}
				id, ok := e.(*ast.Ident)
				if !ok {
					continue
				}
				if v, ok := info.Uses[id].(*types.Var); ok && v.Parent() == pkg.Scope() {
					t.Errorf("%s: a function sets the package-level variable %s", fset.Position(id.Pos()), id.Name)
				}
			}
			return true
		})
	}
	var bad []string
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || immutableAssets[name] {
			continue
		}
		typ := v.Type()
		if sig, ok := typ.Underlying().(*types.Signature); ok {
			typ = sig.Results()
		}
		if why := holdsAssets(typ, map[types.Type]bool{}); why != "" {
			bad = append(bad, name+" ("+why+")")
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Errorf("package-level variables of %s hold what a chart is made with; pass them in Assets:\n%s", path, strings.Join(bad, "\n"))
	}
	return pkg
}

// holdsAssets names the type of fonts, base map or cache that typ holds, "" when none: through
// pointers, slices, arrays, maps, channels, struct fields and named types, not into functions.
func holdsAssets(typ types.Type, seen map[types.Type]bool) string {
	if seen[typ] {
		return ""
	}
	seen[typ] = true
	switch t := typ.(type) {
	case *types.Named:
		if o := t.Obj(); o.Pkg() != nil {
			switch o.Pkg().Path() + "." + o.Name() {
			case "golang.org/x/image/font/sfnt.Font", "golang.org/x/image/font/sfnt.Buffer", "azflows/charts.Fonts",
				"azflows/internal/geo.Map", "azflows/charts.memo", "azflows/charts.boundedCache", "azflows/charts.Chart":
				return o.Name()
			}
		}
		return holdsAssets(t.Underlying(), seen)
	case *types.Pointer:
		return holdsAssets(t.Elem(), seen)
	case *types.Slice:
		return holdsAssets(t.Elem(), seen)
	case *types.Array:
		return holdsAssets(t.Elem(), seen)
	case *types.Chan:
		return holdsAssets(t.Elem(), seen)
	case *types.Map:
		if w := holdsAssets(t.Key(), seen); w != "" {
			return w
		}
		return holdsAssets(t.Elem(), seen)
	case *types.Tuple:
		for i := range t.Len() {
			if w := holdsAssets(t.At(i).Type(), seen); w != "" {
				return w
			}
		}
	case *types.Struct:
		for i := range t.NumFields() {
			if w := holdsAssets(t.Field(i).Type(), seen); w != "" {
				return w
			}
		}
	}
	return ""
}
