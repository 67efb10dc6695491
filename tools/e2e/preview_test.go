//go:build !(js && wasm)

package e2e

import (
	"encoding/json"
	"image/png"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
	"azflows/internal/repo"
	"azflows/site"
)

// ogResult is what open-graph-scraper gives for a page (the fields the test reads).
type ogResult struct {
	Success       bool   `json:"success"`
	Error         string `json:"error"`
	OGTitle       string `json:"ogTitle"`
	OGDescription string `json:"ogDescription"`
	OGURL         string `json:"ogUrl"`
	OGLocale      string `json:"ogLocale"`
	OGType        string `json:"ogType"`
	TwitterCard   string `json:"twitterCard"`
	OGImage       []struct {
		URL    string `json:"url"`
		Width  string `json:"width"`
		Height string `json:"height"`
	} `json:"ogImage"`
}

// parseOG parses the tags of the built pages at rel (paths under dist/) with
// open-graph-scraper, a maintained Open Graph parser from npm (tools/e2e/testdata/og.cjs).
func parseOG(t *testing.T, rel []string) map[string]ogResult {
	t.Helper()
	root, err := repo.Root()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "node_modules", "open-graph-scraper")); err != nil {
		t.Fatalf("open-graph-scraper is not installed (run npm ci; make does): %v", err)
	}
	args := []string{filepath.Join(root, "tools", "e2e", "testdata", "og.cjs")}
	for _, r := range rel {
		args = append(args, filepath.Join(distDir, r))
	}
	cmd := exec.Command("node", args...)
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("node og.cjs: %v", err)
	}
	var byFile map[string]ogResult
	if err := json.Unmarshal(b, &byFile); err != nil {
		t.Fatalf("og.cjs printed no JSON: %v\n%s", err, tail(string(b), 400))
	}
	out := map[string]ogResult{}
	for _, r := range rel {
		out[r] = byFile[filepath.Join(distDir, r)]
	}
	return out
}

// Link previews: every chart state in every language has a page of its own (v/KEY.LANG.html)
// whose Open Graph and Twitter tags, parsed by a maintained parser, name that state's title,
// a description, the page's own address, the language's locale, a large card and a 1200×630
// PNG of that state that exists in the build; the page sends people on to the page at that
// state. The main pages carry the same tags for their first view; the single files none.
func TestLinkPreviewsParse(t *testing.T) {
	siteURL := pageConfig(t, distDir, i18n.Langs[0]).SiteURL
	type want struct {
		title, url, locale, image, target string
	}
	wants := map[string]want{}
	var pages []string
	for _, l := range site.Langs() {
		for _, s := range site.States() {
			s.Lang = l
			name := site.PreviewName(s, l)
			c := layout.Build(testAssets, s, site.PreviewChartW, site.PreviewChartH)
			wants[name] = want{strings.ReplaceAll(i18n.T(l, "share.title"), "{1}", c.Title), name, site.OGLocales[l], site.PreviewImage(s, l), "../" + site.PageName(l) + "#" + s.Hash()}
			pages = append(pages, name)
		}
		def := charts.Default
		def.Lang = l
		name := site.PageName(l)
		wants[name] = want{i18n.T(l, "page.doctitle"), name, site.OGLocales[l], site.PreviewImage(def, l), ""}
		pages = append(pages, name)
	}
	got := parseOG(t, pages)
	// resolve turns a tag's address into a file of the build, as the page at page names it.
	resolve := func(page, u string) string {
		if siteURL != "" {
			return strings.TrimPrefix(u, siteURL)
		}
		if strings.Contains(u, "://") {
			return u
		}
		return path.Join(path.Dir(page), u)
	}
	checked := map[string]bool{}
	for _, p := range pages {
		w, g := wants[p], got[p]
		if !g.Success {
			t.Errorf("%s: the parser found no tags (%s)", p, g.Error)
			continue
		}
		if g.OGTitle != w.title {
			t.Errorf("%s: og:title %q, want %q", p, g.OGTitle, w.title)
		}
		if len([]rune(g.OGDescription)) < 40 {
			t.Errorf("%s: og:description %q is no description", p, g.OGDescription)
		}
		if resolve(p, g.OGURL) != w.url || (siteURL == "" && strings.Contains(g.OGURL, "..")) {
			t.Errorf("%s: og:url %q is not the page's own address", p, g.OGURL)
		}
		if g.OGLocale != w.locale {
			t.Errorf("%s: og:locale %q, want %q", p, g.OGLocale, w.locale)
		}
		if g.TwitterCard != "summary_large_image" {
			t.Errorf("%s: twitter:card %q, want summary_large_image", p, g.TwitterCard)
		}
		if len(g.OGImage) != 1 {
			t.Errorf("%s: %d og:image, want 1", p, len(g.OGImage))
			continue
		}
		img := g.OGImage[0]
		if file := resolve(p, img.URL); file != w.image {
			t.Errorf("%s: og:image %q is %s, want %s", p, img.URL, file, w.image)
		}
		if img.Width != "1200" || img.Height != "630" {
			t.Errorf("%s: og:image:width/height %s×%s, want 1200×630", p, img.Width, img.Height)
		}
		html, err := os.ReadFile(filepath.Join(distDir, p))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(html), `<link rel="canonical" href="`+g.OGURL+`">`) {
			t.Errorf("%s: no canonical link to %q", p, g.OGURL)
		}
		if w.target != "" && !strings.Contains(string(html), `<a href="`+strings.ReplaceAll(w.target, "&", "&amp;")+`">`) {
			t.Errorf("%s: no plain link to %s for people", p, w.target)
		}
		if checked[w.image] {
			continue
		}
		checked[w.image] = true
		f, err := os.Open(filepath.Join(distDir, w.image))
		if err != nil {
			t.Errorf("%s: its image: %v", p, err)
			continue
		}
		cfg, err := png.DecodeConfig(f)
		fi, _ := f.Stat()
		f.Close()
		if err != nil || cfg.Width != site.PreviewW || cfg.Height != site.PreviewH {
			t.Errorf("%s: %s is %dx%d (%v), want %dx%d", p, w.image, cfg.Width, cfg.Height, err, site.PreviewW, site.PreviewH)
		}
		if fi.Size() > 400<<10 {
			t.Errorf("%s: %s is %d KB, more than a preview needs (400 KB)", p, w.image, fi.Size()>>10)
		}
	}
	if want := len(site.Langs()) * len(site.States()); len(checked) != want {
		t.Errorf("%d distinct preview images, want %d (one per state and language)", len(checked), want)
	}
	// A single file is opened from a disk: no address, no preview.
	for _, l := range site.Langs() {
		b, err := os.ReadFile(filepath.Join(distDir, site.OfflineName(l)))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), `property="og:`) {
			t.Errorf("%s carries Open Graph tags", site.OfflineName(l))
		}
	}
}
