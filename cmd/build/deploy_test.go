package main

import (
	"strings"
	"testing"

	"azflows/internal/caching"
)

// headerRule is one rule of a _headers file: a path (a trailing * matches any rest) and its
// headers.
type headerRule struct {
	path    string
	headers map[string]string
}

func parseHeaders(t *testing.T, text string) []headerRule {
	t.Helper()
	var rules []headerRule
	for _, line := range strings.Split(text, "\n") {
		switch {
		case strings.TrimSpace(line) == "", strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, " "):
			rules = append(rules, headerRule{path: line, headers: map[string]string{}})
		case len(rules) == 0:
			t.Fatalf("a header before any path: %q", line)
		default:
			k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
			if !ok {
				t.Fatalf("not a header: %q", line)
			}
			rules[len(rules)-1].headers[k] = strings.TrimSpace(v)
		}
	}
	return rules
}

func (r headerRule) matches(p string) bool {
	if prefix, ok := strings.CutSuffix(r.path, "*"); ok {
		return strings.HasPrefix(p, prefix)
	}
	return p == r.path
}

// TestHeadersFile checks the _headers file (Netlify, Cloudflare Pages) against internal/caching:
// every path a browser asks for, a page by its name and by the name without .html that
// Cloudflare's pretty URLs serve it under, and the directory, is matched by exactly one rule
// (Cloudflare joins the values of several), whose Cache-Control is caching.For's.
func TestHeadersFile(t *testing.T) {
	files := []string{
		"index.html", "index.az.html", "view.html", "azflows.ru.html", "asset-names.json", ".nojekyll", headersFile,
		"app.0123456789.js", "app.0123456789.js.br", "style.0123456789.css", "view.0123456789.wasm",
		"fonts/noto-sans-latin-400-normal.0123456789.woff2", "assets/echarts.min.0123456789.js",
		"charts/map-2010.0123456789.svg", "charts/map-2010-1920x1080.az.0123456789.png", "fallback/map-2010.ru.0123456789.html",
		"data/azflows.json", "data/azflows-figures.az.csv", "data/azflows.json.gz",
	}
	rules := parseHeaders(t, headersRules(files))
	asked := map[string]string{"/": caching.Revalidate} // path → the file it serves
	for _, f := range files {
		if isPrecompressedFile(f) || strings.HasPrefix(f, ".") || f == headersFile {
			continue
		}
		asked["/"+f] = f
		if page, ok := strings.CutSuffix(f, ".html"); ok {
			asked["/"+page] = f
		}
	}
	for p, f := range asked {
		want := caching.For(f)
		if p == "/" {
			want = caching.Revalidate
		}
		var matched []headerRule
		for _, r := range rules {
			if r.matches(p) {
				matched = append(matched, r)
			}
		}
		if len(matched) != 1 {
			t.Errorf("%s: %d rules match, want exactly one", p, len(matched))
			continue
		}
		if got := matched[0].headers["Cache-Control"]; got != want {
			t.Errorf("%s: Cache-Control %q, want %q", p, got, want)
		}
		if got := matched[0].headers["X-Content-Type-Options"]; got != nosniff {
			t.Errorf("%s: X-Content-Type-Options %q", p, got)
		}
	}
}
