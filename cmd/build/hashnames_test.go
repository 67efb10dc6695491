package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/i18n"
	"azflows/internal/caching"
	"azflows/site"
)

// assetNames reads the build's map of logical to hashed names.
func assetNames(t *testing.T, out string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, assetNamesFile))
	if err != nil {
		t.Fatal(err)
	}
	var names map[string]string
	if err := json.Unmarshal(b, &names); err != nil {
		t.Fatalf("%s: %v", assetNamesFile, err)
	}
	return names
}

// preHashSite writes into a new directory what the build's writers write before hashNames.
func preHashSite(t *testing.T) string {
	t.Helper()
	atRoot(t)
	a, err := loadAssets()
	if err != nil {
		t.Fatal(err)
	}
	with := func(step func(charts.Assets, string) error) func(string) error { return withAssets(a, step) }
	out := filepath.Join(t.TempDir(), "site")
	for _, d := range []string{"charts", "data", "fallback", "assets", "fonts"} {
		if err := os.MkdirAll(filepath.Join(out, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, step := range []func(string) error{buildWasm, copyStatic, with(writeBaseMap), with(writeCharts), with(writeFallback), writeData, with(writeIndex), with(writeOffline)} {
		if err := step(out); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// files reads every file under dir, by slash-separated path.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func copyTree(t *testing.T, from map[string][]byte) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	for name, b := range from {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Changing one source file renames exactly that file and the files that name it (and those
// that name them), and exactly the pages that load one of them change, to the new names;
// every other name and page stays byte for byte. The single files are never touched.
func TestHashedNamesFollowContent(t *testing.T) {
	if testing.Short() {
		t.Skip("builds most of the site (about 15 s); run without -short")
	}
	pre := files(t, preHashSite(t))
	hashOf := func(t *testing.T, tree map[string][]byte) (map[string]string, map[string][]byte) {
		dir := copyTree(t, tree)
		names, err := hashNamesIn(dir)
		if err != nil {
			t.Fatal(err)
		}
		return names, files(t, dir)
	}
	baseNames, base := hashOf(t, pre)

	// The names themselves: each hashable file renamed, its logical name gone, and every
	// page, style and script naming the hashed names only.
	for logical, hashed := range baseNames {
		if !caching.IsHashed(hashed) || caching.Logical(hashed) != logical {
			t.Errorf("%s is hashed as %s", logical, hashed)
		}
		if _, ok := base[logical]; ok {
			t.Errorf("%s is still there beside %s", logical, hashed)
		}
		if _, ok := base[hashed]; !ok {
			t.Errorf("%s is missing", hashed)
		}
	}
	for _, want := range []string{"view.wasm", "view.js", "wasm_exec.js", "app.js", "modes.js", "style.css", "noscript.css",
		"basemap.json", "assets/echarts.min.js", "assets/basemap.js", "fonts/noto-sans-latin-400-normal.ttf", "fonts/noto-sans-cyrillic-700-normal.woff2",
		"charts/map-2010.svg", "charts/map-2012-context.ru.svg", "charts/bars-2010-1920x1080.az.png", "fallback/map-2012.ru.html", "fallback/timeline-2010.html"} {
		if _, ok := baseNames[want]; !ok {
			t.Errorf("%s got no hashed name", want)
		}
	}
	for _, f := range []string{"index.html", "index.az.html", "view.html", "data/azflows.json", "data/azflows-figures.ru.csv"} {
		if _, ok := baseNames[f]; ok {
			t.Errorf("%s got a hashed name; the pages, the view's frame and the data downloads keep theirs", f)
		}
	}
	// Each page's config names every state's files by their hashed names, and its downloads
	// keep a readable save-as name: the anchor's download attribute and the config's name are
	// the logical file's own name.
	for _, l := range i18n.Langs {
		page := site.PageName(l)
		var c site.PageConfig
		configOf(t, base[page], site.IDConfig, &c)
		for h, sf := range c.Files {
			for _, d := range append([]site.Download{sf.SVG}, sf.PNG...) {
				if _, ok := base[d.Href]; !ok || !caching.IsHashed(d.Href) || path.Base(caching.Logical(d.Href)) != d.Name {
					t.Errorf("%s: %s: download %s saved as %s (hashed %v, there %v)", page, h, d.Href, d.Name, caching.IsHashed(d.Href), ok)
				}
			}
			if _, ok := base[sf.Fallback]; !ok || !caching.IsHashed(sf.Fallback) {
				t.Errorf("%s: %s: fallback %s is not a hashed file of the site", page, h, sf.Fallback)
			}
		}
		def := site.FilesOf(charts.Default, l)
		for _, d := range append([]site.Download{def.SVG}, def.PNG...) {
			anchor := fmt.Sprintf(`<a id="%s" href="%s" download="%s">`, d.Link, baseNames[d.Href], d.Name)
			if !bytes.Contains(base[page], []byte(anchor)) {
				t.Errorf("%s has no %s", page, anchor)
			}
		}
	}
	for _, l := range []string{"azflows.html", "azflows.az.html", "azflows.ru.html"} {
		if !bytes.Equal(base[l], pre[l]) {
			t.Errorf("hashNames changed the single file %s", l)
		}
	}
	filesUnder := func(prefix string) []string {
		var out []string
		for f := range pre {
			if strings.HasPrefix(f, prefix) {
				out = append(out, f)
			}
		}
		return out
	}
	mapPages, fallbackPages := filesUnder("fallback/map-"), filesUnder("fallback/")
	indexPages := []string{"index.html", "index.az.html", "index.ru.html"}
	// pageOf is the page whose config names the fallback page or download f (by its language).
	pageOf := func(f string) string {
		for _, l := range i18n.Langs[1:] {
			if strings.Contains(f, site.Suffix(l)+".") {
				return site.PageName(l)
			}
		}
		return site.PageName(i18n.Langs[0])
	}
	// namedBy is {the page that names f, f} for each f.
	namedBy := func(files []string) [][2]string {
		var out [][2]string
		for _, f := range files {
			out = append(out, [2]string{pageOf(f), f})
		}
		return out
	}
	each := func(files []string, named string) [][2]string {
		var out [][2]string
		for _, f := range files {
			out = append(out, [2]string{f, named})
		}
		return out
	}

	for _, tc := range []struct {
		changed string      // the file changed, as a writer wrote it
		renamed []string    // the logical names whose hashed names must change
		pages   []string    // the files that keep their names whose bytes must change
		refs    [][2]string // {a file, a renamed file} that it must name by its new name
	}{
		{"style.css", []string{"style.css"}, indexPages, each(indexPages, "style.css")},
		{"app.js", []string{"app.js"}, indexPages, each(indexPages, "app.js")},
		// The page's style and the fallback pages (which load the chart's fonts) name the .woff2.
		{"fonts/noto-sans-cyrillic-700-normal.woff2", append([]string{"fonts/noto-sans-cyrillic-700-normal.woff2", "style.css"}, fallbackPages...), indexPages,
			append(append(append(each(indexPages, "style.css"), [2]string{"style.css", "fonts/noto-sans-cyrillic-700-normal.woff2"}),
				each(fallbackPages, "fonts/noto-sans-cyrillic-700-normal.woff2")...), namedBy(fallbackPages)...)},
		// view.js reads the view's files from view.html's config (site.ViewConfig).
		{"fonts/noto-sans-latin-400-normal.ttf", []string{"fonts/noto-sans-latin-400-normal.ttf"}, []string{"view.html"},
			[][2]string{{"view.html", "fonts/noto-sans-latin-400-normal.ttf"}}},
		{"view.wasm", []string{"view.wasm"}, []string{"view.html"}, [][2]string{{"view.html", "view.wasm"}}},
		// One state's files: the one page whose config names them changes, nothing else.
		{"charts/map-2010.az.svg", []string{"charts/map-2010.az.svg"}, []string{"index.az.html"}, [][2]string{{"index.az.html", "charts/map-2010.az.svg"}}},
		{"charts/flow-2012-1280x720.ru.png", []string{"charts/flow-2012-1280x720.ru.png"}, []string{"index.ru.html"}, [][2]string{{"index.ru.html", "charts/flow-2012-1280x720.ru.png"}}},
		{"fallback/bars-2012.html", []string{"fallback/bars-2012.html"}, []string{"index.html"}, [][2]string{{"index.html", "fallback/bars-2012.html"}}},
		// The fallback pages' scripts: those pages are renamed, and the pages that name them change.
		{"assets/basemap.js", append([]string{"assets/basemap.js"}, mapPages...), indexPages,
			append(each(mapPages, "assets/basemap.js"), namedBy(mapPages)...)},
		{"assets/echarts.min.js", append([]string{"assets/echarts.min.js"}, fallbackPages...), indexPages,
			append(each(fallbackPages, "assets/echarts.min.js"), namedBy(fallbackPages)...)},
	} {
		t.Run(strings.ReplaceAll(tc.changed, "/", "_"), func(t *testing.T) {
			t.Parallel() // each on its own copy
			tree := map[string][]byte{}
			for k, v := range pre {
				if !isOfflineFile(k) { // left alone, as the names above show
					tree[k] = v
				}
			}
			tree[tc.changed] = append(slices.Clone(pre[tc.changed]), []byte("\n/* changed */\n")...)
			names, got := hashOf(t, tree)
			var renamed []string
			for logical, h := range names {
				if baseNames[logical] != h {
					renamed = append(renamed, logical)
				}
			}
			slices.Sort(renamed)
			want := slices.Sorted(slices.Values(tc.renamed))
			if !slices.Equal(renamed, want) {
				t.Errorf("renamed %q, want exactly %q", renamed, want)
			}
			pages := tc.pages
			var changedPages []string
			for f, b := range got {
				if _, hashed := names[caching.Logical(f)]; hashed && caching.IsHashed(f) || f == assetNamesFile {
					continue
				}
				if !bytes.Equal(b, base[f]) {
					changedPages = append(changedPages, f)
				}
			}
			slices.Sort(changedPages)
			pages = slices.Sorted(slices.Values(pages))
			if !slices.Equal(changedPages, pages) {
				t.Errorf("the files that keep their names and changed: %q, want exactly %q", changedPages, pages)
			}
			for _, r := range tc.refs {
				f := r[0]
				if h, ok := names[f]; ok {
					f = h // a renamed file, by its new name
				}
				if !bytes.Contains(got[f], []byte(path.Base(names[r[1]]))) {
					t.Errorf("%s does not name %s (the new name of %s)", f, names[r[1]], r[1])
				}
				if bytes.Contains(got[f], []byte(path.Base(baseNames[r[1]]))) {
					t.Errorf("%s still names %s (the old name of %s)", f, baseNames[r[1]], r[1])
				}
			}
			// The policy of each changed page, renamed or not, still allows exactly its inline blocks.
			for _, f := range append(changedPages, renamed...) {
				if h, ok := names[f]; ok {
					f = h
				}
				if strings.HasSuffix(f, ".html") {
					p := filepath.Join(t.TempDir(), path.Base(f))
					os.WriteFile(p, got[f], 0o644)
					checkPolicy(t, p, "")
				}
			}
		})
	}
}

// configOf decodes the JSON config with the script id in page.
func configOf(t *testing.T, page []byte, id string, into any) {
	t.Helper()
	m := regexp.MustCompile(`<script type="application/json" id="` + regexp.QuoteMeta(id) + `">(.*?)</script>`).FindSubmatch(page)
	if m == nil {
		t.Fatalf("no config %s", id)
	}
	if err := json.Unmarshal(m[1], into); err != nil {
		t.Fatalf("config %s: %v", id, err)
	}
}
