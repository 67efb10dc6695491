package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/data"
	"azflows/i18n"
	"azflows/site"
)

// offlineFile is the single self-contained page in the first language: it works when opened
// from disk (file://) with the network off. site.OfflineName names it in each language.
var offlineFile = site.OfflineName(i18n.Langs[0])

// isOfflineFile reports whether name is the single file of a language.
func isOfflineFile(name string) bool {
	for _, l := range langs() {
		if name == site.OfflineName(l) {
			return true
		}
	}
	return false
}

// offlineBudget is the most azflows.html may weigh (issue 5).
const offlineBudget = 5_000_000

var (
	cspMeta      = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?`)
	fontURL      = regexp.MustCompile(`url\('(fonts/[^']+)\.woff2'\) format\('woff2'\)`)
	scriptSrc    = regexp.MustCompile(`<script src="([^"]+)"[^>]*></script>\n?`)
	scriptOrData = regexp.MustCompile(`(?i)</script|<!--`)
)

// writeOffline writes the single file of every language (offlineName).
func writeOffline(a charts.Assets, out string) error {
	for _, l := range langs() {
		if err := writeOfflineIn(a, out, l); err != nil {
			return fmt.Errorf("%s: %w", site.OfflineName(l), err)
		}
	}
	return nil
}

// writeOfflineIn writes dist/azflows.html (or .az.html, .ru.html) from the pages the build
// already wrote: the same index.html of the language (page, first chart, table, sources),
// with its styles and scripts inlined, and
// everything its frames need inside it: the view's wasm (gzip, in base 85), the fallback pages,
// the echarts bundle, the base map, the SVGs of the other states and the data downloads (one
// gzip+base85 bundle of texts); the page's fonts are data: URLs in its style.
// web/page/offline.js decodes them with DecompressionStream and builds the frames as srcdoc
// documents, which share the page's origin and policy, so nothing is fetched. The page's fonts
// are the .woff files (not .woff2): web/page/offline.js hands the same bytes to the view, which
// draws the chart's text with them (ə, Cyrillic), as the site's view does.
func writeOfflineIn(a charts.Assets, out string, l i18n.Lang) error {
	read := func(name string) (string, error) {
		b, err := os.ReadFile(filepath.Join(out, name))
		return string(b), err
	}
	page, err := read(site.PageName(l))
	if err != nil {
		return err
	}
	page = cspMeta.ReplaceAllString(page, "")
	page = withoutPhoneSVG(page)
	page = withoutPreviewTags(page)
	// The texts the frames and downloads need, by the path the page would have fetched.
	assets := map[string]string{}
	d := site.DataOf(l)
	for _, name := range []string{site.ViewPage, "framegate.js", "view.js", "wasm_exec.js", site.BaseMap, "assets/echarts.min.js",
		"assets/basemap.js", d.Figures.Href, d.Events.Href, d.JSON.Href} {
		s, err := read(name)
		if err != nil {
			return err
		}
		assets[name] = cspMeta.ReplaceAllString(s, "")
	}
	var fallbackScripts, fallbackStyles []string
	for _, s := range site.States() {
		name := site.FilesOf(s, l).Fallback
		p, err := read(name)
		if err != nil {
			return err
		}
		p = cspMeta.ReplaceAllString(p, "")
		assets[name] = p
		for _, m := range inlineScript.FindAllStringSubmatch(p, -1) {
			if !strings.Contains(m[1], "application/") {
				fallbackScripts = append(fallbackScripts, m[2])
			}
		}
		for _, m := range inlineStyle.FindAllStringSubmatch(p, -1) {
			fallbackStyles = append(fallbackStyles, m[1])
		}
	}
	// The SVG of every state but the one in #static, by the name of the script the page would
	// load: its JSON, which app.js asks offline.js for.
	def := charts.Default
	def.Lang = l
	svgs, err := stateSVGsJSON(a, l, def)
	if err != nil {
		return err
	}
	assets[stateSVGsFile(l)] = string(svgs)
	// The glyphs of every text of every state's SVG, once: the SVG downloads are drawn as
	// outlines from them (web/page/offline.js), as the site's are, within the file's budget.
	glyphs, err := offlineGlyphs(a, l)
	if err != nil {
		return err
	}
	assets[site.OfflineGlyphs] = string(glyphs)
	// Scripts that web/page/offline.js inlines into the frames: each must be one script element.
	for _, name := range []string{"framegate.js", "view.js", "wasm_exec.js", "assets/echarts.min.js", "assets/basemap.js"} {
		if scriptOrData.MatchString(assets[name]) {
			return fmt.Errorf("offline: %s contains </script or <!-- and cannot be inlined", name)
		}
	}
	// Not HTML-escaped (json.Marshal writes each < > & as \u003c…): the bundle goes into the
	// page compressed, and the escapes of its pages and SVGs cost the single file kilobytes.
	var bundleJSON bytes.Buffer
	enc := json.NewEncoder(&bundleJSON)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(assets); err != nil {
		return err
	}
	bundle := bundleJSON.Bytes()
	wasm, err := os.ReadFile(filepath.Join(out, site.WasmFile))
	if err != nil {
		return err
	}

	// The page's own styles and scripts, inlined.
	css, err := read("style.css")
	if err != nil {
		return err
	}
	// The page's fonts, which the SVG's text was measured with, as data: URLs: the .woff of
	// each subset, which the view reads back from these rules (web/page/offline.js, fonts).
	var fontErr error
	css = fontURL.ReplaceAllStringFunc(css, func(m string) string {
		name := fontURL.FindStringSubmatch(m)[1] + ".woff"
		b, err := os.ReadFile(filepath.Join("node_modules", "@fontsource", "noto-sans", "files", filepath.Base(name)))
		if err != nil {
			fontErr = err
			return m
		}
		return "url(data:font/woff;base64," + base64.StdEncoding.EncodeToString(b) + ") format('woff')"
	})
	if fontErr != nil {
		return fontErr
	}
	// Minified, as the scripts are: the single file's budget is tight.
	if css, err = minifyStyle(css); err != nil {
		return err
	}
	noscript, err := read("noscript.css")
	if err != nil {
		return err
	}
	var scripts []string
	for _, name := range []string{"app.js", "modes.js"} {
		s, err := read(name)
		if err != nil {
			return err
		}
		scripts = append(scripts, s)
	}
	offlineJS, err := os.ReadFile(filepath.Join(webPage, "offline.js"))
	if err != nil {
		return err
	}
	scripts = append([]string{string(offlineJS)}, scripts...)
	for i, s := range scripts {
		if scripts[i], err = minifyScript(s); err != nil {
			return err
		}
		if scriptOrData.MatchString(scripts[i]) {
			return fmt.Errorf("offline: page script %d contains </script or <!--", i)
		}
	}

	replace := func(old, new string) error {
		if !strings.Contains(page, old) {
			return fmt.Errorf("offline: index.html has no %q", old)
		}
		page = strings.Replace(page, old, new, 1)
		return nil
	}
	steps := [][2]string{
		{`<link rel="stylesheet" href="style.css">`, "<style>" + css + "</style>"},
		{`<noscript><link rel="stylesheet" href="noscript.css"></noscript>`, "<noscript><style>" + noscript + "</style></noscript>"},
		// The PNG, SVG, CSV and JSON links become blob: links (offline.js paints the PNGs).
		{"</footer>", `<p class="offline-build">` + html.EscapeString(i18n.T(l, "page.offline", version(), dataVersion(l))) + "</p>\n</footer>"},
	}
	for _, s := range steps {
		if err := replace(s[0], s[1]); err != nil {
			return err
		}
	}
	// Links to the page in each language go to the single file of that language beside it.
	for _, o := range site.LangPages(langs()) {
		page = strings.ReplaceAll(page, `href="`+o.Page+`"`, `href="`+o.Offline+`"`)
	}
	// The deferred scripts of the head become inline scripts at the end of the body, after
	// the data they read.
	page = scriptSrc.ReplaceAllString(page, "")
	var tail strings.Builder
	tail.WriteString(`<script type="application/octet-stream" id="` + site.IDOfflineAssets + `" data-encoding="gzip+base85">`)
	tail.WriteString(gzip85(bundle))
	tail.WriteString("</script>\n")
	tail.WriteString(`<script type="application/octet-stream" id="` + site.IDOfflineWasm + `" data-encoding="gzip+base85">`)
	wasm85 := gzip85(wasm)
	tail.WriteString(wasm85)
	tail.WriteString("</script>\n")
	for _, s := range scripts {
		tail.WriteString("<script>" + s + "</script>\n")
	}
	if err := replace("</body>", tail.String()+"</body>"); err != nil {
		return err
	}

	// The policy: the page's inline blocks, and those offline.js puts into the frames.
	extra := append([]string{assets["framegate.js"], assets["view.js"], assets["wasm_exec.js"], assets["assets/echarts.min.js"], assets["assets/basemap.js"]}, fallbackScripts...)
	meta := `<meta http-equiv="Content-Security-Policy" content="` + cspWith(page, true, false, extra, fallbackStyles) + `">`
	page = strings.Replace(page, `<meta charset="utf-8">`, `<meta charset="utf-8">`+"\n"+meta, 1)

	if err := os.WriteFile(filepath.Join(out, site.OfflineName(l)), []byte(page), 0o644); err != nil {
		return err
	}
	verdict := "within"
	if len(page) > offlineBudget {
		verdict = "OVER"
	}
	fmt.Printf("build: %s is %.2f MB (%s the %d MB budget; the wasm is %.2f MB of it)\n", site.OfflineName(l),
		float64(len(page))/1e6, verdict, offlineBudget/1_000_000, float64(len(wasm85))/1e6)
	return nil
}

// minifyScript is src, a classic script, minified by esbuild (esbuildPath) without renaming
// its top-level names, which the page's scripts share: the single file's budget has little
// room, and the page scripts' comments are a tenth of it.
// minifyStyle is src, a style sheet, minified by esbuild.
func minifyStyle(src string) (string, error) {
	cmd := exec.Command(esbuildPath, "--minify", "--loader=css", "--log-level=warning")
	cmd.Stdin = strings.NewReader(src)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("minifying the page's style with esbuild: %w: %s", err, stderr.String())
	}
	return strings.TrimSpace(out.String()), nil
}

func minifyScript(src string) (string, error) {
	cmd := exec.Command(esbuildPath, "--minify", "--loader=js", "--log-level=warning")
	cmd.Stdin = strings.NewReader(src)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("minifying a page script with esbuild: %w: %s", err, stderr.String())
	}
	return out.String(), nil
}

// gzip85 is b as the smallest gzip stream the build can make (smallestGzip) written in
// base 85 (base85Digits).
func gzip85(b []byte) string {
	return base85(smallestGzip(b))
}

// base85Digits are the digits of the base-85 text of azflows.html's data blocks: printable
// ASCII without the characters that could end or disturb a script element or an attribute
// (< > & " ' ` \ / -). Base 85 is 25% longer than the bytes, base 64 33%: 0.26 MB less here.
const base85Digits = "!#$%()*+,.0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~"

// base85 writes each 4 bytes (big-endian) as 5 digits, most significant first; a last group
// of n < 4 bytes is padded with zeros and written as its first n+1 digits (as Ascii85 does).
// web/page/offline.js decodes it.
func base85(b []byte) string {
	out := make([]byte, 0, (len(b)+3)/4*5)
	for i := 0; i < len(b); i += 4 {
		var g [4]byte
		n := copy(g[:], b[i:])
		v := uint32(g[0])<<24 | uint32(g[1])<<16 | uint32(g[2])<<8 | uint32(g[3])
		var d [5]byte
		for j := 4; j >= 0; j-- {
			d[j] = base85Digits[v%85]
			v /= 85
		}
		out = append(out, d[:n+1]...)
	}
	return string(out)
}

// dataVersion names the data the file was built from, in l: its record counts and a hash of
// the JSON download.
func dataVersion(l i18n.Lang) string {
	var b bytes.Buffer
	if err := data.WriteJSON(&b); err != nil {
		return "(unknown)"
	}
	sum := sha256.Sum256(b.Bytes())
	return i18n.T(l, "page.offline.data", len(data.Figures), len(data.Events), hex.EncodeToString(sum[:])[:12])
}

// offlineGlyphs is the glyph table (charts.Fonts.Glyphs) of every text of every state's SVG in l.
func offlineGlyphs(a charts.Assets, l i18n.Lang) ([]byte, error) {
	var texts []charts.GlyphText
	for _, s := range site.States() {
		s.Lang = l
		for _, m := range layout.Build(a, s, chartW, chartH).Marks {
			if m.Kind == charts.TextMark {
				texts = append(texts, charts.GlyphText{Text: m.Text, Bold: m.Bold})
			}
		}
	}
	return a.Fonts.Glyphs(texts)
}

// phoneSVG is the phone's first chart in a page (index.html, #static-phone).
var phoneSVG = regexp.MustCompile(`(<div id="static-phone" class="static static-phone")[^>]*(>)<svg[\s\S]*?</svg>\s*(</div>)`)

// withoutPhoneSVG is page without the phone's first chart, which the single file leaves out
// for its budget: there #static's chart is drawn in the phone's box (web/page/style.css), as the
// charts of the other states are.
func withoutPhoneSVG(page string) string {
	page = phoneSVG.ReplaceAllString(page, "$1$2$3") // and its other states' (data-svgs: phoneStateSVGsFile)
	return strings.Replace(page, `class="chart phone-first"`, `class="chart"`, 1)
}

// withoutPreviewTags leaves out a page's link-preview tags (preview.go, ogTags): a file has
// no address to preview.
func withoutPreviewTags(page string) string {
	i, j := strings.Index(page, ogMarkStart), strings.Index(page, ogMarkEnd)
	if i < 0 || j < i {
		return page
	}
	return page[:i] + page[j+len(ogMarkEnd):]
}
