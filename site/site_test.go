package site

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
)

// code is JavaScript without its comments (// to the end of a line, /* … */), strings kept.
func code(js string) string {
	var out []string
	for _, line := range strings.Split(js, "\n") {
		if i := strings.Index(line, "//"); i >= 0 && !strings.Contains(line[:i], "'") && !strings.Contains(line[:i], `"`) {
			line = line[:i] // a comment after code with no string before it
		} else if strings.HasPrefix(strings.TrimSpace(line), "//") {
			line = ""
		}
		out = append(out, line)
	}
	// Block comments after line comments: a line comment may name a glob (charts/ebiten/*_js.go)
	// that would open one.
	return regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(strings.Join(out, "\n"), "")
}

// TestIDs checks that every element id web/*/*.js looks up is in IDs, and that the file IDs
// names writes it: the page's template (index.html), view.html, or the build (offline.go).
func TestIDs(t *testing.T) {
	js := code(sources(t, "web/*/*.js"))
	used := map[string]bool{}
	for _, re := range []string{`getElementById\('([^']+)'\)`, `(?:querySelector(?:All)?|closest)\('[^']*#([a-z][a-z0-9-]*)`, `'aria-describedby', '([^']+)'`} {
		for _, m := range regexp.MustCompile(re).FindAllStringSubmatch(js, -1) {
			for _, id := range strings.Fields(m[1]) {
				used[id] = true
			}
		}
	}
	if len(used) < 25 {
		t.Fatalf("found only %d ids in web/*/*.js: the patterns no longer match the scripts", len(used))
	}
	for id := range used {
		if _, ok := IDs[id]; !ok {
			t.Errorf("web/*/*.js uses the id %q, which site.IDs does not list", id)
		}
	}
	index := sources(t, "index.html")
	links := map[string]bool{}
	for _, p := range PNGSizes {
		links[p.Link] = true
	}
	d := DataOf(i18n.Langs[0])
	for _, x := range []Download{d.Figures, d.Events, d.JSON, FilesOf(States()[0], i18n.Langs[0]).SVG} {
		links[x.Link] = true
	}
	goWriters := map[string]string{IDOfflineAssets: "site.IDOfflineAssets", IDOfflineWasm: "site.IDOfflineWasm"}
	for id, where := range IDs {
		file := strings.Fields(where)[0]
		src := sources(t, file)
		switch {
		case strings.HasSuffix(file, ".go"):
			if !strings.Contains(src, `id="`+"` + "+goWriters[id]) {
				t.Errorf("%s: %s does not write the id %q (as %s)", id, file, id, goWriters[id])
			}
		case links[id]:
			if !strings.Contains(index, `{{range .Downloads}}<a id="{{.Link}}"`) {
				t.Errorf("%s: index.html does not write the download links' ids", id)
			}
		case !strings.Contains(src, `id="`+id+`"`):
			t.Errorf("%s: %s has no element with the id %q", id, file, id)
		}
	}
}

// TestGlobals checks that every window.azflows… global the scripts, the view, the tests and
// tools/cmd/bench use is one of Globals, and that wasm/ names them by their constants.
func TestGlobals(t *testing.T) {
	name := regexp.MustCompile(`\bazflows[A-Z][A-Za-z]*\b`)
	for _, src := range []struct{ name, text string }{
		{"web/*/*.js", code(sources(t, "web/*/*.js"))},
		{"tools/e2e/*.go", sources(t, "tools/e2e/*.go")},
		{"tools/cmd/bench/*.go", sources(t, "tools/cmd/bench/*.go")},
		{"charts/ebiten/*.go", sources(t, "charts/ebiten/*.go")},
	} {
		seen := 0
		own := map[string]bool{} // a test's own instrumentation (window.azflowsFrames = [])
		for _, m := range regexp.MustCompile(`window\.(azflows[A-Z][A-Za-z]*) = `).FindAllStringSubmatch(src.text, -1) {
			own[m[1]] = src.name == "tools/e2e/*.go"
		}
		for _, g := range name.FindAllString(src.text, -1) {
			seen++
			if !slices.Contains(Globals, g) && !own[g] {
				t.Errorf("%s uses window.%s, which site.Globals does not list", src.name, g)
			}
		}
		if seen == 0 && src.name == "web/*/*.js" {
			t.Errorf("%s uses no global: the pattern no longer matches", src.name)
		}
	}
	if m := regexp.MustCompile(`"azflows[A-Z][A-Za-z]*"`).FindString(sources(t, "charts/ebiten/*.go")); m != "" {
		t.Errorf("wasm/ spells the global %s: use its site.Global constant", m)
	}
}

// TestScriptsBuildNoNames checks that web/*/*.js spells no language, page or file name and
// builds none: every string literal and regular expression of their code is free of the
// languages' codes, the pages' and offline files' names and the site's file paths and
// extensions, which come from the configs (PageConfig, ViewConfig).
func TestScriptsBuildNoNames(t *testing.T) {
	var bad []*regexp.Regexp
	for _, l := range append(slices.Clone(i18n.Langs), i18n.XX) {
		bad = append(bad, regexp.MustCompile(`^`+string(l)+`$`))
	}
	bad = append(bad,
		regexp.MustCompile(`^(index|azflows)(\.|$)`),                               // page names
		regexp.MustCompile(`(^|[^ ])\.(html|svg|png|woff2?|ttf|wasm|json|csv)\b`),  // file names and extensions
		regexp.MustCompile(`^(charts|fallback|fonts|data|assets)(/|\\/)`),          // the site's directories
		regexp.MustCompile(`\b(latin|cyrillic)\b|-(400|700)-|\b\d{3,4}x\d{3,4}\b`), // font subsets, PNG sizes
	)
	literal := regexp.MustCompile(`'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|/(?:[^/\\\n*]|\\.)(?:[^/\\\n]|\\.)*/[gimsuy]*`)
	// The least literals each file has: fewer means the pattern no longer matches.
	least := map[string]int{"web/page/app.js": 10, "web/page/modes.js": 10, "web/view/view.js": 10, "web/page/offline.js": 10, "web/view/viewhost.js": 10}
	for _, f := range []string{"web/page/app.js", "web/page/modes.js", "web/view/view.js", "web/page/offline.js", "web/view/viewhost.js"} {
		js := code(sources(t, f))
		n := 0
		for _, lit := range literal.FindAllString(js, -1) {
			n++
			body := lit[1:strings.LastIndexAny(lit, `'"/`)]
			if len(strings.Fields(body)) >= 4 {
				continue // prose (a message that names the program), not a name
			}
			for _, re := range bad {
				if re.MatchString(body) {
					t.Errorf("%s: %s builds a name (%v): take it from the config", f, lit, re)
				}
			}
		}
		if n < least[f] {
			t.Errorf("%s: only %d literals found: the pattern no longer matches", f, n)
		}
	}
}

// TestPageConfig checks the config's names: a file entry for every chart view, year and
// context flag (by the hash web/page/app.js looks it up with), named as FilesOf names them,
// every name once, and the pages of each language.
func TestPageConfig(t *testing.T) {
	for _, l := range i18n.Langs {
		c := NewPageConfig(l, i18n.Langs, nil, nil)
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		var back PageConfig
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if want := len(layout.ChartViews()) * len(charts.Years) * 2; len(back.Files) != want {
			t.Errorf("%s: %d file entries, want %d", l, len(back.Files), want)
		}
		hrefs := map[string]string{}
		for _, s := range States() {
			f, ok := back.Files[s.Hash()]
			if !ok {
				t.Errorf("%s: no files for %s", l, s.Hash())
				continue
			}
			for _, d := range append([]Download{f.SVG}, f.PNG...) {
				if prev, dup := hrefs[d.Href]; dup {
					t.Errorf("%s: %s names %s, as %s does", l, s.Hash(), d.Href, prev)
				}
				hrefs[d.Href] = s.Hash()
				if !strings.HasSuffix(d.Href, "/"+d.Name) {
					t.Errorf("%s: %s is saved as %s", l, d.Href, d.Name)
				}
			}
			if len(f.PNG) != len(PNGSizes) {
				t.Errorf("%s: %d PNGs", l, len(f.PNG))
			}
			if !strings.Contains(f.Fallback, Key(s)) || !strings.Contains(f.Template, Key(s)) {
				t.Errorf("%s: %s's files are not its own: %+v", l, s.Hash(), f)
			}
		}
		// A view without a context layer has the files of its plain state under context=1.
		for _, v := range layout.ChartViews() {
			if charts.HasContext(v) {
				continue
			}
			plain, ctx := State{View: v, Year: charts.Years[0]}, State{View: v, Year: charts.Years[0], Context: true}
			if back.Files[plain.Hash()].Fallback != back.Files[ctx.Hash()].Fallback {
				t.Errorf("%s: %s with context=1 has other files", l, v)
			}
		}
		if len(back.Langs) != len(i18n.Langs) || back.Langs[0].Page != "index.html" || back.Langs[0].Offline != "azflows.html" {
			t.Errorf("%s: langs %+v", l, back.Langs)
		}
		for _, p := range back.Langs {
			if p.Page != PageName(p.Lang) || p.Offline != OfflineName(p.Lang) || p.Name != i18n.Names[p.Lang] {
				t.Errorf("%s: %+v", l, p)
			}
		}
	}
}

func TestPreviewNamesAndLocales(t *testing.T) {
	for _, l := range Langs() {
		if OGLocales[l] == "" {
			t.Errorf("no og:locale for %s", l)
		}
	}
	if PreviewChartW*PreviewScale != PreviewW || PreviewChartH*PreviewScale != PreviewH {
		t.Errorf("the preview chart %dx%d at %g is not %dx%d", PreviewChartW, PreviewChartH, PreviewScale, PreviewW, PreviewH)
	}
	s := State{View: "bars", Year: 2012}
	if got := PreviewName(s, "ru"); got != "v/bars-2012.ru.html" {
		t.Errorf("PreviewName = %q", got)
	}
	if got := PreviewImage(s, "en"); got != "v/bars-2012.png" {
		t.Errorf("PreviewImage = %q", got)
	}
}
