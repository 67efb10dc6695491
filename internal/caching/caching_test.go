package caching

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNames(t *testing.T) {
	const sum = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	for _, tc := range []struct{ logical, hashed string }{
		{"view.wasm", "view.0123456789.wasm"},
		{"assets/echarts.min.js", "assets/echarts.min.0123456789.js"},
		{"fonts/noto-sans-latin-400-normal.woff2", "fonts/noto-sans-latin-400-normal.0123456789.woff2"},
	} {
		got := Name(tc.logical, sum)
		if got != tc.hashed {
			t.Errorf("Name(%q) = %q, want %q", tc.logical, got, tc.hashed)
		}
		if !IsHashed(got) || !IsHashed("/azflows/"+got) {
			t.Errorf("IsHashed(%q) = false", got)
		}
		if IsHashed(tc.logical) {
			t.Errorf("IsHashed(%q) = true", tc.logical)
		}
		if back := Logical("/azflows/" + got); back != "/azflows/"+tc.logical {
			t.Errorf("Logical(%q) = %q, want %q", "/azflows/"+got, back, "/azflows/"+tc.logical)
		}
		if For(got) != Immutable || For(tc.logical) != Revalidate {
			t.Errorf("For(%q) = %q, For(%q) = %q", got, For(got), tc.logical, For(tc.logical))
		}
	}
	// Names of the site that are not hashed and must not be taken for hashed ones.
	for _, p := range []string{"index.html", "charts/map-2010-1920x1080.az.png", "data/azflows-figures.ru.csv",
		"view.0123456789.wasm.br", "x.012345678.js", "x.0123456789a.js", "x.ABCDEF0123.js", "0123456789.js"} {
		if IsHashed(p) {
			t.Errorf("IsHashed(%q) = true", p)
		}
		if Logical(p) != p {
			t.Errorf("Logical(%q) = %q", p, Logical(p))
		}
	}
}

func TestLookup(t *testing.T) {
	dir := t.TempDir()
	if _, err := Lookup(dir, "view.wasm"); err == nil {
		t.Error("Lookup without a NamesFile gave no error")
	}
	os.WriteFile(filepath.Join(dir, NamesFile), []byte(`{"view.wasm": "view.0123456789.wasm", "fallback/bars-2010.html": "fallback/bars-2010.abcdef0123.html"}`), 0o644)
	for logical, want := range map[string]string{"view.wasm": "view.0123456789.wasm", "fallback/bars-2010.html": "fallback/bars-2010.abcdef0123.html"} {
		if got, err := Lookup(dir, logical); err != nil || got != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", logical, got, err, want)
		}
	}
	if _, err := Lookup(dir, "data/azflows.json"); err == nil || !strings.Contains(err.Error(), "data/azflows.json") {
		t.Errorf("Lookup of a name the build did not hash: %v, want an error naming it", err)
	}
}
