//go:build !(js && wasm)

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"azflows/internal/caching"
)

// The layout variants take out what they say and nothing else: scripts but the JSON configs,
// the SVGs' contents but their sizes, their texts or their paths, the @font-face rules.
func TestLayoutVariants(t *testing.T) {
	page := `<head><script type="application/json" id="c">{"a":1}</script><script src="app.js" defer></script>` +
		`<script>var x = "<p>";</script></head><body><svg width="800" height="450"><path d="M0 0L1 1"/><path d="M2 2"></path>` +
		`<text x="1">ə</text></svg><table><tr><td>1</td></tr></table><details><summary>s</summary>n</details><p>kept</p></body>`
	by := map[string]layoutVariant{}
	for _, v := range layoutVariants {
		by[v.name] = v
	}
	check := func(name string, in string, want, gone []string) {
		t.Helper()
		v, ok := by[name]
		if !ok {
			t.Fatalf("no variant %q", name)
		}
		got := in
		if v.page != nil {
			got = v.page(in)
		}
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lost %q", name, got, w)
			}
		}
		for _, g := range gone {
			if strings.Contains(got, g) {
				t.Errorf("%s: %q still has %q", name, got, g)
			}
		}
	}
	all := []string{`{"a":1}`, `<path d="M0 0L1 1"/>`, `<text x="1">ə</text>`, `<table>`, `<details>`, `<p>kept</p>`}
	check("static: no scripts", page, all, []string{`app.js`, `var x`})
	check("static, no chart SVGs (empty <svg>s of the same size)", page,
		[]string{`<svg width="800" height="450"></svg>`, `<table>`, `<p>kept</p>`}, []string{`<path`, `<text`, `app.js`})
	check("static, the chart SVGs without their <text>s", page, []string{`<path d="M0 0L1 1"/>`, `<path d="M2 2"></path>`}, []string{`<text`})
	check("static, the chart SVGs without their <path>s", page, []string{`<text x="1">ə</text>`, `<svg width="800" height="450">`}, []string{`<path`})
	check("static, no table, no <details> (sources, notes)", page, []string{`<path d="M0 0L1 1"/>`, `<p>kept</p>`}, []string{`<table`, `<details`, `<td>`})
	svgFont := `<svg width="800" font-family="&#39;Noto Sans&#39;, &#39;DejaVu Sans&#39;, Arial, sans-serif"><text>a</text></svg>`
	check("static, the chart SVGs' text in DejaVu Sans (not the page's Noto Sans faces)", svgFont,
		[]string{`<svg width="800" font-family="&#39;DejaVu Sans&#39;, Arial, sans-serif"><text>a</text></svg>`}, []string{"Noto"})
	css := `@font-face { font-family: 'Noto Sans'; src: url('a.woff2'); }
body { margin: 0; }
@font-face { font-family: 'Noto Sans'; font-weight: 700; }`
	check(`static, the chart SVGs with text-rendering="geometricPrecision" (text not scaled per screen size)`, page,
		[]string{`<svg text-rendering="geometricPrecision" width="800" height="450">`, `<text x="1">ə</text>`}, []string{`app.js`})
	if got := by["static, the page's text without the 'Go' family (not installed: DejaVu Sans)"].css(`body { font: 16px/1.5 'Go', 'DejaVu Sans', Arial, sans-serif; }`); got != `body { font: 16px/1.5 'DejaVu Sans', Arial, sans-serif; }` {
		t.Errorf("the style without 'Go': %q", got)
	}
	if got := by["static, no Noto Sans @font-face (the system's fonts)"].css(css); strings.Contains(got, "@font-face") || !strings.Contains(got, "body { margin: 0; }") {
		t.Errorf("the style without @font-face: %q", got)
	}
}

// The preload variant adds, before </head>, one font preload per face, by the names the build
// gave them, and changes nothing else.
func TestLayoutPreloadVariant(t *testing.T) {
	dir := t.TempDir()
	names := `{"fonts/noto-sans-latin-400-normal.woff2": "fonts/noto-sans-latin-400-normal.0123456789.woff2",` +
		`"fonts/noto-sans-latin-700-normal.woff2": "fonts/noto-sans-latin-700-normal.abcdef0123.woff2"}`
	if err := os.WriteFile(filepath.Join(dir, caching.NamesFile), []byte(names), 0o644); err != nil {
		t.Fatal(err)
	}
	old := *distDir
	*distDir = dir
	defer func() { *distDir = old }()
	page := `<head><title>t</title></head><body><p>kept</p></body>`
	got := preloadFaces(page)
	want := `<head><title>t</title>` +
		`<link rel="preload" href="fonts/noto-sans-latin-400-normal.0123456789.woff2" as="font" type="font/woff2" crossorigin>` +
		`<link rel="preload" href="fonts/noto-sans-latin-700-normal.abcdef0123.woff2" as="font" type="font/woff2" crossorigin>` +
		`</head><body><p>kept</p></body>`
	if got != want {
		t.Errorf("preloadFaces:\n got %s\nwant %s", got, want)
	}
}
