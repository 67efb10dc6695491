package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"github.com/andybalholm/brotli"

	"azflows/charts"
	"azflows/data"
	"azflows/data/datatest"
	"azflows/i18n"
	"azflows/internal/paper"
	"azflows/internal/repo"
	"azflows/site"
)

// atRoot runs the test in the repository's root, where the build runs (it reads web/,
// index.html, node_modules/ and builds ./wasm from there).
func atRoot(t *testing.T) {
	t.Helper()
	root, err := repo.Root()
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
}

// The build refuses data that fails a check, naming the record, before it writes anything:
// every corruption of data/datatest, those that need the paper where it is found.
func TestBuildRefusesBadData(t *testing.T) {
	atRoot(t)
	src, _ := paper.Path(".")
	for _, c := range datatest.Corruptions {
		t.Run(c.Name, func(t *testing.T) {
			if c.NeedsPaper {
				paper.ForTests(t)
			}
			out := filepath.Join(t.TempDir(), "dist")
			restore := c.Apply()
			defer restore()
			source := ""
			if c.NeedsPaper {
				source = src
			}
			err := build(out, source)
			if err == nil {
				t.Fatal("the build went ahead")
			}
			if !strings.Contains(err.Error(), fmt.Sprintf("record %q", c.Record)) {
				t.Errorf("the error does not name %s:\n%v", c.Record, err)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("the build wrote the output anyway")
			}
		})
	}

	t.Run("flows over the year's total", func(t *testing.T) {
		saved, savedFlows := data.Figures, data.Flows
		defer func() { data.Figures, data.Flows = saved, savedFlows }()
		data.Figures = append(append([]data.Figure(nil), saved...), data.Figure{ID: "extra-2010", Text: "3", Value: 3, High: 3,
			Quote: saved[7].Quote, Phrase: "3 to Iran", Counts: "Iran", Measure: "Iran", Footnote: 9, Period: data.Period{From: 2010, To: 2010}})
		data.Flows = append(append([]data.Flow(nil), savedFlows...), data.Flow{ID: "flow-extra", Year: 2010, Kind: data.Country, Label: "Iran", FigureID: "extra-2010", Total: "victims-2010"})
		err := build(filepath.Join(t.TempDir(), "dist"), "")
		if err == nil || !strings.Contains(err.Error(), "destinations add up to 37, more than the year's total 34") {
			t.Errorf("the build did not refuse flows over the total: %v", err)
		}
	})
}

// A paper named with -source (or AZFLOWS_SOURCE) must be there.
func TestBuildRefusesMissingNamedPaper(t *testing.T) {
	atRoot(t)
	missing := filepath.Join(t.TempDir(), "no-paper.txt")
	err := build(filepath.Join(t.TempDir(), "dist"), missing)
	if err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("build with -source %s: %v, want an error naming it", missing, err)
	}
}

// -out refuses a directory holding anything the build did not make, and leaves it untouched:
// `-out .` once overwrote the index.html template and left package.json.br in the sources.
func TestOutRefusesForeignDirectory(t *testing.T) {
	atRoot(t)
	for name, files := range map[string][]string{
		"a source tree":              {"index.html", "package.json", "go.mod", "web/page/app.js"},
		"a directory of other files": {"notes.txt"},
		"an old build beside go.mod": {"index.html", "view.wasm", "wasm_exec.js", "fallback/map-2010.html", "go.mod"},
	} {
		dir := t.TempDir()
		for _, f := range files {
			os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755)
			os.WriteFile(filepath.Join(dir, f), []byte("mine: "+f), 0o644)
		}
		before := snapshot(t, dir)
		err := build(dir, "")
		if err == nil || !strings.Contains(err.Error(), markerFile) {
			t.Errorf("%s: build -out %s: %v, want a refusal naming the marker", name, dir, err)
		}
		if after := snapshot(t, dir); !slices.Equal(before, after) {
			t.Errorf("%s: the directory changed:\nbefore %q\nafter  %q", name, before, after)
		}
		if left, _ := filepath.Glob(buildDirPrefix(dir) + "*"); len(left) > 0 {
			t.Errorf("%s: build directories left beside it: %q", name, left)
		}
	}
}

// fakeBuild makes a small directory as a build leaves it: the files, then the marker with
// their manifest.
func fakeBuild(t *testing.T, dir string, files ...string) {
	t.Helper()
	for _, f := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), []byte("built: "+f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeMarker(dir); err != nil {
		t.Fatal(err)
	}
}

// Issue 29, finding 2: a copy of dist/ with its marker (rsync -a dist/ host:… copies it along)
// into which a person put a file and a folder, or changed a file, is not a build's any more:
// -out refuses it, names what it did not make, and changes nothing.
func TestOutRefusesBuildWithForeignFiles(t *testing.T) {
	atRoot(t)
	for name, c := range map[string]struct {
		change func(dir string)
		want   []string
	}{
		"a note and a folder of photos": {func(dir string) {
			os.WriteFile(filepath.Join(dir, "important-notes.txt"), []byte("mine"), 0o644)
			os.MkdirAll(filepath.Join(dir, "photos"), 0o755)
		}, []string{"important-notes.txt", "photos/"}},
		"a photo in a folder of the build": {func(dir string) {
			os.WriteFile(filepath.Join(dir, "charts", "holiday.jpg"), []byte("mine"), 0o644)
		}, []string{"charts/holiday.jpg"}},
		"a page edited by hand": {func(dir string) {
			os.WriteFile(filepath.Join(dir, "index.html"), []byte("my edit"), 0o644)
		}, []string{"index.html"}},
		"a symlink": {func(dir string) {
			os.Symlink("/etc/passwd", filepath.Join(dir, "passwd"))
		}, []string{"passwd"}},
	} {
		dir := filepath.Join(t.TempDir(), "site")
		fakeBuild(t, dir, "index.html", "view.0123456789.wasm", "charts/map-2010.0123456789.svg", "fallback/map-2010.html")
		c.change(dir)
		before := snapshot(t, dir)
		err := build(dir, "")
		if err == nil {
			t.Errorf("%s: the build went ahead", name)
		} else {
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%s: the refusal does not name %s: %v", name, w, err)
				}
			}
			if strings.Contains(err.Error(), "view.0123456789.wasm") {
				t.Errorf("%s: the refusal names a file of the build: %v", name, err)
			}
		}
		if after := snapshot(t, dir); !slices.Equal(before, after) {
			t.Errorf("%s: the directory changed:\nbefore %q\nafter  %q", name, before, after)
		}
	}
	// An intact build passes the check, with what tools/cmd/bench and tools/cmd/shots wrote into it.
	dir := filepath.Join(t.TempDir(), "site")
	fakeBuild(t, dir, "index.html", "charts/map-2010.0123456789.svg")
	os.WriteFile(filepath.Join(dir, "bench.json"), []byte("{}"), 0o644)
	os.MkdirAll(filepath.Join(dir, "shots"), 0o755)
	os.WriteFile(filepath.Join(dir, "shots", "map-2010-en-phone.png"), []byte("png"), 0o644)
	if legacy, err := checkOut(dir); err != nil || legacy {
		t.Errorf("an intact build: legacy %v, %v", legacy, err)
	}
}

// A build from before the manifest (its marker holds one line) is replaced only when each of
// its files is one the new build writes (by logical name); a person's file in it stops the build.
func TestLegacyBuildChecked(t *testing.T) {
	newBuild := t.TempDir()
	fakeBuild(t, newBuild, "index.html", "view.0123456789.wasm", "view.0123456789.wasm.br", "fallback/map-2010.0123456789.html")
	old := filepath.Join(t.TempDir(), "dist")
	for _, f := range []string{"index.html", "index.html.gz", "view.abcdefabcd.wasm", "fallback/map-2010.abcdefabcd.html"} {
		os.MkdirAll(filepath.Dir(filepath.Join(old, f)), 0o755)
		os.WriteFile(filepath.Join(old, f), []byte("old"), 0o644)
	}
	os.WriteFile(filepath.Join(old, markerFile), []byte(legacyMarkerHead+" (v1). The next build replaces this directory whole.\n"), 0o644)
	if legacy, err := checkOut(old); err != nil || !legacy {
		t.Fatalf("an older build: legacy %v, %v", legacy, err)
	}
	if err := checkLegacy(newBuild, old); err != nil {
		t.Errorf("an older build of the same files: %v", err)
	}
	os.WriteFile(filepath.Join(old, "important-notes.txt"), []byte("mine"), 0o644)
	if err := checkLegacy(newBuild, old); err == nil || !strings.Contains(err.Error(), "important-notes.txt") {
		t.Errorf("an older build with a person's file: %v, want a refusal naming it", err)
	}
}

// snapshot lists every file under dir with a hash of its content, sorted.
func snapshot(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			out = append(out, rel+"/")
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		out = append(out, rel+" "+hex.EncodeToString(sum[:8]))
		return nil
	})
	slices.Sort(out)
	return out
}

// TestBuildSite builds the whole site twice into a temporary directory and checks what
// dist/ holds: every .br and .gz is its file's current content (azflows.html was one build
// behind), no file of an older build survives (a stray page with an inline script once got
// compressed and hashed into the policy), each page's policy allows exactly the inline blocks
// it holds, and a build that fails midway leaves the previous one exactly as it was.
func TestBuildSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole site (about 20 s); run without -short")
	}
	atRoot(t)
	// Issue 29, finding 1: whatever the umask, dist/ is readable by every user (a web server
	// running as its own user reads a copy of it).
	defer syscall.Umask(syscall.Umask(0o077))
	out := filepath.Join(t.TempDir(), "dist")
	if err := build(out, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, markerFile)); err != nil {
		t.Errorf("no marker: %v", err)
	}
	checkModes(t, out)

	// An older build's leftovers, among them a page with an inline script, as an older build
	// that wrote them lists them in its manifest; a stale sibling of the offline file, as
	// compress-before-writeOffline left it.
	stray := filepath.Join(out, "fallback", "map-2009.html")
	os.WriteFile(stray, []byte(`<!doctype html><meta charset="utf-8"><script>alert(1)</script>`), 0o644)
	os.WriteFile(filepath.Join(out, "charts", "old-2009.svg"), []byte("<svg/>"), 0o644)
	os.WriteFile(filepath.Join(out, offlineFile+".br"), []byte("stale"), 0o644)
	if err := writeMarker(out); err != nil {
		t.Fatal(err)
	}
	if err := build(out, ""); err != nil {
		t.Fatal(err)
	}
	checkModes(t, out)
	for _, f := range []string{stray, stray + ".br", stray + ".gz", filepath.Join(out, "charts", "old-2009.svg")} {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s survived the rebuild", f)
		}
	}
	strayHash := hashSource("alert(1)")
	checkConfigFiles(t, out)
	checkStateSVGs(t, out)

	compressed := 0
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		var dec func(io.Reader) (io.Reader, error)
		switch filepath.Ext(p) {
		case ".br":
			dec = func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil }
		case ".gz":
			dec = func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }
		case ".html":
			checkPolicy(t, p, strayHash)
			return nil
		default:
			return nil
		}
		raw, err := os.ReadFile(strings.TrimSuffix(p, filepath.Ext(p)))
		if err != nil {
			t.Errorf("%s has no original: %v", p, err)
			return nil
		}
		b, _ := os.ReadFile(p)
		r, err := dec(bytes.NewReader(b))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		got, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(got, raw) {
			t.Errorf("%s is not the current %s (%d bytes decoded, %d in the file; %v)", p, filepath.Base(strings.TrimSuffix(p, filepath.Ext(p))), len(got), len(raw), err)
		}
		compressed++
		return nil
	})
	names := assetNames(t, out)
	for _, f := range []string{offlineFile, "index.html", names["view.wasm"], names["app.js"]} {
		for _, ext := range []string{".br", ".gz"} {
			if _, err := os.Stat(filepath.Join(out, f+ext)); err != nil {
				t.Errorf("no %s%s", f, ext)
			}
		}
	}
	t.Logf("%d compressed files checked", compressed)

	// A build that fails midway (esbuild missing, after the wasm was rebuilt) leaves the
	// previous build exactly as it was, and nothing beside it.
	before := snapshot(t, out)
	saved := esbuildPath
	esbuildPath = filepath.Join(t.TempDir(), "no-esbuild")
	err := build(out, "")
	esbuildPath = saved
	if err == nil || !strings.Contains(err.Error(), "no-esbuild") {
		t.Fatalf("the build without esbuild: %v, want an error naming it", err)
	}
	if after := snapshot(t, out); !slices.Equal(before, after) {
		t.Errorf("the failed build changed %s", out)
	}
	if left, _ := filepath.Glob(buildDirPrefix(out) + "*"); len(left) > 0 {
		t.Errorf("the failed build left %q", left)
	}
}

// checkModes checks that out and every directory in it are 0755 and every file 0644.
func checkModes(t *testing.T, out string) {
	t.Helper()
	bad := 0
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		want := fs.FileMode(0o644)
		if d.IsDir() {
			want = fs.ModeDir | 0o755
		}
		if fi.Mode() != want && bad < 5 {
			bad++
			t.Errorf("%s: mode %v, want %v", p, fi.Mode(), want)
		}
		return nil
	})
}

// checkConfigFiles checks that every file the pages' and the view's configs name (site.FilesOf,
// site.LangPages, site.ViewConfig) is in the built site, and that no page names a language the
// build did not render: the build writes each file under the name the contract gives it.
// checkStateSVGs checks that each page holds one SVG, its first state's, and names the script
// with every other state's (stateSVGsFile), which calls the page with them, each the SVG of
// its state.
func checkStateSVGs(t *testing.T, out string) {
	t.Helper()
	names := assetNames(t, out)
	for _, l := range site.Langs() {
		page, err := os.ReadFile(filepath.Join(out, site.PageName(l)))
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(page), "<svg"); n != 2 {
			t.Errorf("%s holds %d SVGs, want 2 (#static's and #static-phone's)", site.PageName(l), n)
		}
		def := charts.Default
		def.Lang = l
		want := `data-svgs="` + names[stateSVGsFile(l)] + `" data-template="` + site.FilesOf(def, l).Template + `"`
		if names[stateSVGsFile(l)] == "" || !strings.Contains(string(page), want) {
			t.Errorf("%s does not name its other states' SVGs: no %s", site.PageName(l), want)
		}
		script, err := os.ReadFile(filepath.Join(out, names[stateSVGsFile(l)]))
		if err != nil {
			t.Errorf("%s: %v", stateSVGsFile(l), err)
			continue
		}
		_, call, ok := strings.Cut(string(script), stateSVGsCall+"(")
		body, ok2 := strings.CutSuffix(strings.TrimSpace(call), ");")
		var svgs map[string]string
		if !ok || !ok2 || json.Unmarshal([]byte(body), &svgs) != nil {
			t.Errorf("%s does not call %s with a JSON object", stateSVGsFile(l), stateSVGsCall)
			continue
		}
		for _, s := range site.States() {
			s.Lang = l
			svg, ok := svgs[site.FilesOf(s, l).Template]
			switch {
			case s == def && ok:
				t.Errorf("%s holds the page's own state %s too", stateSVGsFile(l), site.Key(s))
			case s != def && (!ok || !strings.HasPrefix(svg, "<svg") || !strings.Contains(svg, `data-view="`+s.View+`" data-year="`+strconv.Itoa(s.Year)+`"`)):
				t.Errorf("%s: no SVG of %s", stateSVGsFile(l), site.Key(s))
			}
		}
		if len(svgs) != len(site.States())-1 {
			t.Errorf("%s holds %d SVGs, want %d", stateSVGsFile(l), len(svgs), len(site.States())-1)
		}
		checkPhoneStateSVGs(t, out, names, l, string(page))
	}
}

// checkPhoneStateSVGs checks that the page's phone box (#static-phone) names the script with
// every other state's phone SVG (phoneStateSVGsFile), which calls the page with them and the
// kind phoneSVGsKind, each its state's at the phone's size with the ids prefixed as the box's
// own SVG's.
func checkPhoneStateSVGs(t *testing.T, out string, names map[string]string, l i18n.Lang, page string) {
	t.Helper()
	file := phoneStateSVGsFile(l)
	if names[file] == "" || !strings.Contains(page, `<div id="static-phone" class="static static-phone" data-svgs="`+names[file]+`">`) {
		t.Errorf("%s does not name its phone SVGs (%s) on #static-phone", site.PageName(l), file)
		return
	}
	script, err := os.ReadFile(filepath.Join(out, names[file]))
	if err != nil {
		t.Error(err)
		return
	}
	_, call, ok := strings.Cut(string(script), stateSVGsCall+"(")
	body, ok2 := strings.CutSuffix(strings.TrimSpace(call), ", "+strconv.Quote(phoneSVGsKind)+");")
	var svgs map[string]string
	if !ok || !ok2 || json.Unmarshal([]byte(body), &svgs) != nil {
		t.Errorf("%s does not call %s with a JSON object and %q", file, stateSVGsCall, phoneSVGsKind)
		return
	}
	def := charts.Default
	def.Lang = l
	viewBox := fmt.Sprintf(`viewBox="0 0 %d %d"`, phoneW, phoneH)
	for _, s := range site.States() {
		s.Lang = l
		svg, ok := svgs[site.FilesOf(s, l).Template]
		switch {
		case s == def && ok:
			t.Errorf("%s holds the page's own state %s too", file, site.Key(s))
		case s != def && (!ok || !strings.HasPrefix(svg, "<svg") || !strings.Contains(svg, viewBox) || strings.Count(svg, ` id="`) != strings.Count(svg, ` id="phone-`) ||
			!strings.Contains(svg, `data-view="`+s.View+`" data-year="`+strconv.Itoa(s.Year)+`"`)):
			t.Errorf("%s: no phone SVG (%s, ids phone-…) of %s", file, viewBox, site.Key(s))
		}
	}
	if len(svgs) != len(site.States())-1 {
		t.Errorf("%s holds %d SVGs, want %d", file, len(svgs), len(site.States())-1)
	}
}

func checkConfigFiles(t *testing.T, out string) {
	t.Helper()
	exists := func(from, name string) {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s names %s, which the build did not write", from, name)
		}
	}
	configIn := func(page, id string, into any) {
		b, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`<script type="application/json" id="` + id + `">(.*?)</script>`).FindSubmatch(b)
		if m == nil {
			t.Fatalf("%s has no config", page)
		}
		if err := json.Unmarshal(m[1], into); err != nil {
			t.Fatalf("%s: %v", page, err)
		}
	}
	for _, l := range i18n.Langs {
		var c site.PageConfig
		page := site.PageName(l)
		configIn(page, site.IDConfig, &c)
		if len(c.Files) == 0 || len(c.Langs) != len(i18n.Langs) || c.Lang != l {
			t.Errorf("%s: config with %d files, %d languages, lang %q", page, len(c.Files), len(c.Langs), c.Lang)
		}
		for h, f := range c.Files {
			exists(page+" "+h, f.Fallback)
			exists(page+" "+h, f.SVG.Href)
			for _, p := range f.PNG {
				exists(page+" "+h, p.Href)
			}
		}
		for _, p := range c.Langs {
			exists(page, p.Page)
			exists(page, p.Offline)
		}
		exists(page, c.View)
	}
	var v site.ViewConfig
	configIn(site.ViewPage, site.IDViewConfig, &v)
	for _, f := range append(append([]string{v.Wasm, v.BaseMap}, v.Fonts.Regular...), v.Fonts.Bold...) {
		exists(site.ViewPage, f)
	}
	if _, err := os.Stat(filepath.Join(out, site.PageName(i18n.XX))); err == nil {
		t.Errorf("the build wrote the pseudo-locale's page without -pseudo")
	}
}

var (
	policyMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	hashToken  = regexp.MustCompile(`'sha256-[A-Za-z0-9+/=]+'`)
)

// checkPolicy checks that a built page has one policy and that its hashes are exactly those
// of the page's own inline scripts and styles (azflows.html may add those of the documents it
// writes into its frames), never that of a script the build did not write.
func checkPolicy(t *testing.T, path, forbidden string) {
	t.Helper()
	b, _ := os.ReadFile(path)
	html := string(b)
	m := policyMeta.FindAllStringSubmatch(html, -1)
	if len(m) != 1 {
		t.Errorf("%s: %d policies", path, len(m))
		return
	}
	have := hashToken.FindAllString(m[0][1], -1)
	if slices.Contains(have, forbidden) {
		t.Errorf("%s: the policy allows a script the build did not write", path)
	}
	rest := policyMeta.ReplaceAllString(html, "")
	var want []string
	for _, s := range inlineScript.FindAllStringSubmatch(rest, -1) {
		if !strings.Contains(s[1], "application/") && !strings.Contains(s[1], "text/plain") {
			want = append(want, hashSource(s[2]))
		}
	}
	for _, s := range inlineStyle.FindAllStringSubmatch(rest, -1) {
		want = append(want, hashSource(s[1]))
	}
	for _, w := range want {
		if !slices.Contains(have, w) {
			t.Errorf("%s: the policy does not allow one of its inline blocks", path)
		}
	}
	if !isOfflineFile(filepath.Base(path)) {
		slices.Sort(want)
		want = slices.Compact(want)
		if len(have) != len(want) {
			t.Errorf("%s: the policy allows %d inline blocks, the page has %d", path, len(have), len(want))
		}
	}
}

// Every CSV download starts with a UTF-8 byte-order mark, so that spreadsheet programs read
// its Azerbaijani, Russian and typographic characters as UTF-8, and is UTF-8 after it.
func TestCSVHaveByteOrderMark(t *testing.T) {
	out := t.TempDir()
	if err := os.MkdirAll(filepath.Join(out, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeData(out); err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(out, "data", "*.csv"))
	if len(names) != 6 {
		t.Fatalf("%d CSV files: %v", len(names), names)
	}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
			t.Errorf("%s starts with % x, not the UTF-8 byte-order mark", filepath.Base(n), b[:min(3, len(b))])
		}
		if !utf8.Valid(b) || bytes.Count(b, []byte("\xef\xbb\xbf")) != 1 {
			t.Errorf("%s: not UTF-8 with one byte-order mark", filepath.Base(n))
		}
	}
}

// The data downloads are for searching and reuse, not for line breaking: a no-break space
// that the page's typography puts into a translated text (after «сноска», «haşiyə», in
// «CC BY 4.0») is written as a plain space, so a search for «сноска 8» finds the cell.
func TestDataDownloadsHavePlainSpaces(t *testing.T) {
	out := t.TempDir()
	if err := os.MkdirAll(filepath.Join(out, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeData(out); err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(out, "data", "*"))
	found := map[string]bool{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if k := bytes.Count(b, []byte("\u00a0")); k > 0 {
			t.Errorf("%s: %d no-break spaces", filepath.Base(n), k)
		}
		for _, w := range []string{"сноска 8", "haşiyə 8"} {
			if bytes.Contains(b, []byte(w)) {
				found[w] = true
			}
		}
	}
	for _, w := range []string{"сноска 8", "haşiyə 8"} {
		if !found[w] {
			t.Errorf("no download has %q", w)
		}
	}
}
