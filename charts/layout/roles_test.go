package layout

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strconv"
	"testing"

	"azflows/charts"
)

// declaredRoles are the values of the Role constants of charts/roles.go, read from its source (the
// package keeps no list of them at run time).
func declaredRoles(t *testing.T) map[charts.Role]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "../roles.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[charts.Role]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Role" || len(vs.Values) != len(vs.Names) {
				t.Fatalf("roles.go: a constant %v not of the form Name Role = \"value\"", vs.Names)
			}
			for i, n := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Fatalf("roles.go: %s is not a string literal", n.Name)
				}
				v, _ := strconv.Unquote(lit.Value)
				if prev, dup := out[charts.Role(v)]; dup {
					t.Errorf("roles.go: %s and %s are both %q", prev, n.Name, v)
				}
				out[charts.Role(v)] = n.Name
			}
		}
	}
	if len(out) < 20 {
		t.Fatalf("roles.go: %d roles found: the parse no longer matches", len(out))
	}
	return out
}

// TestRolesDeclared checks that every role a layout gives a mark, in every view, year,
// language and size of the matrix (the map with its context layer too), and every role of the
// hover's overlay, is one of the constants of roles.go, and that each constant is given to
// some mark: an untyped string that slipped into a layout is a role no backend knows of.
func TestRolesDeclared(t *testing.T) {
	declared := declaredRoles(t)
	seen := map[charts.Role]bool{}
	check := func(where string, ms []charts.Mark) {
		for _, m := range ms {
			if _, ok := declared[m.Role]; !ok && !seen[m.Role] {
				t.Errorf("%s: the mark %s has the role %q, which roles.go does not declare", where, m.ID, m.Role)
			}
			seen[m.Role] = true
		}
	}
	for _, v := range ChartViews() {
		for _, y := range charts.Years {
			for _, l := range matrixLangs {
				for _, s := range matrixSizes {
					for _, ctx := range []bool{false, true} {
						if ctx && v != "map" {
							continue
						}
						c := Build(testAssets, charts.State{View: v, Year: y, Lang: l, Context: ctx}, s[0], s[1])
						where := fmt.Sprintf("%s/%d/%s/%.0fx%.0f/context=%v", v, y, l, s[0], s[1], ctx)
						check(where, c.Marks)
						done := map[string]bool{}
						for _, m := range c.Marks {
							if !m.Interactive() || done[m.Datum] {
								continue
							}
							done[m.Datum] = true
							check(where+" hover "+m.Datum, OverlayFor(c, m.Datum, m.Center(), false))
							check(where+" touch "+m.Datum, OverlayFor(c, m.Datum, m.Center(), true))
						}
					}
				}
			}
		}
	}
	var unused []string
	for r, name := range declared {
		if !seen[r] {
			unused = append(unused, name)
		}
	}
	sort.Strings(unused)
	if len(unused) > 0 {
		t.Errorf("roles.go declares roles no mark has: %v", unused)
	}
}
