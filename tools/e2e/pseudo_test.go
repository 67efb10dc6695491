//go:build !(js && wasm)

package e2e

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/data"
	"azflows/i18n"
	"azflows/internal/server"
	"azflows/site"
)

// englishWords are the words of the English catalog (three letters or more, lowercased) that
// the paper's own names shown as they are (the source line, the citation) do not use.
func englishWords() map[string]bool {
	word := regexp.MustCompile(`[A-Za-z]{3,}`)
	verbs := regexp.MustCompile(`%(?:\[[0-9]+\])?[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]|\{[a-z0-9:]+\}|<[^>]*>|&[a-z]+;`)
	out := map[string]bool{}
	for _, k := range i18n.Keys() {
		for _, w := range word.FindAllString(verbs.ReplaceAllString(i18n.T(i18n.EN, k), " "), -1) {
			out[strings.ToLower(w)] = true
		}
	}
	for _, w := range word.FindAllString(data.ShortSource+" "+data.Citation, -1) {
		delete(out, strings.ToLower(w))
	}
	return out
}

// leaks are the English catalog words in text.
func leaks(text string, english map[string]bool) []string {
	var out []string
	// A URL (the view's address in the citation) is an address, not words of a language.
	text = regexp.MustCompile(`\bhttps?://\S+`).ReplaceAllString(text, " ")
	for _, w := range regexp.MustCompile(`[A-Za-z]{3,}`).FindAllString(text, -1) {
		if english[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// optionText are the strings of an echarts option that readers see: texts, data names,
// tooltips, descriptions; not fonts, colours, shapes, ids, a series' own name (an identifier
// the option never shows) or the base map's region keys ("x:…", countries it names nowhere).
func optionText(v any, path string) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			out = append(out, optionText(c, path+"."+k)...)
		}
	case []any:
		for _, c := range x {
			out = append(out, optionText(c, path)...)
		}
	case string:
		key := path[strings.LastIndex(path, ".")+1:]
		switch {
		case path == ".series.name", strings.HasPrefix(x, "x:"):
		case key == "text", key == "name", key == "subtext", key == "description", key == "tooltipLines", key == "data", key == "formatter":
			out = append(out, x)
		}
	}
	return out
}

// TestPseudoLocale builds the site with the pseudo-locale (cmd/build -pseudo: i18n.XX, every
// string bracketed, accented and 40 % longer) and reads every view in it: the page's text as
// the reader sees it (static chart, controls, notices, the table and the sources outside the
// paper's own English), each state's SVG download (its words and titles) and fallback page
// (the echarts option) hold no word of the English catalog, so nothing is hard-coded. That
// the text fits is charts' TestMatrix, which lays out every view in xx at 11 sizes.
func TestPseudoLocale(t *testing.T) {
	out := filepath.Join(t.TempDir(), "dist")
	cmd := exec.Command("go", "run", "./cmd/build", "-pseudo", "-out", out)
	cmd.Dir = repoRoot
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ./cmd/build -pseudo: %v\n%s", err, tail(string(b), 4096))
	}
	english := englishWords()
	if len(english) < 500 || !english["victims"] {
		t.Fatalf("only %d English words: the catalog was not read", len(english))
	}
	xx := i18n.XX

	// The files: the SVG downloads' words, the fallback pages' option text.
	words := regexp.MustCompile(`(?:aria-label="|<title>)([^"<]*)`)
	config := pageConfig(t, out, xx) // the files by their hashed names
	for _, s := range site.States() {
		f, ok := config.Files[s.Hash()]
		if !ok {
			t.Fatalf("%s's config has no files for %s", site.PageName(xx), s.Hash())
		}
		b, err := os.ReadFile(filepath.Join(out, f.SVG.Href))
		if err != nil {
			t.Fatal(err)
		}
		var text []string
		for _, m := range words.FindAllStringSubmatch(string(b), -1) {
			text = append(text, m[1])
		}
		if len(text) < 5 {
			t.Errorf("%s: only %d texts", f.SVG.Href, len(text))
		}
		if l := leaks(strings.Join(text, " "), english); len(l) > 0 {
			t.Errorf("%s: English words %q", f.SVG.Href, l)
		}
		page, err := os.ReadFile(filepath.Join(out, f.Fallback))
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`(?s)<script type="application/json" id="fallback-option">(.*?)</script>`).FindSubmatch(page)
		if m == nil {
			t.Fatalf("%s has no option", f.Fallback)
		}
		var option any
		if err := json.Unmarshal(m[1], &option); err != nil {
			t.Fatalf("%s: %v", f.Fallback, err)
		}
		strs := optionText(option, "")
		if len(strs) < 5 {
			t.Errorf("%s: only %d strings", f.Fallback, len(strs))
		}
		if l := leaks(strings.Join(strs, " "), english); len(l) > 0 {
			t.Errorf("%s: English words %q", f.Fallback, l)
		}
	}

	// The page as read, in the fallback (the live view is ebiten's canvas).
	srv := httptest.NewServer(server.Handler(out))
	defer srv.Close()
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled"))
	const readable = `(() => {
		const skip = el => el.closest('[lang="en"], template, script, style, [hidden]');
		const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		const out = [];
		for (let n = walk.nextNode(); n; n = walk.nextNode()) if (!skip(n.parentElement)) out.push(n.textContent);
		for (const el of document.querySelectorAll('[aria-label], [title]')) out.push(el.getAttribute('aria-label') || '', el.getAttribute('title') || '');
		return out.join(' ');
	})()`
	for _, v := range charts.Views() {
		hash := charts.State{View: v, Year: charts.Years[len(charts.Years)-1]}.Hash()
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"/"+site.PageName(xx)+"#"+hash)); err != nil {
			t.Fatal(err)
		}
		if layout.IsChart(v) {
			waitFor(t, ctx, v+" in the fallback", `!!window.azflowsPage && window.azflowsPage.mode === 'fallback' && window.azflowsPage.fallbackPainted`, 20*time.Second)
		} else {
			waitFor(t, ctx, v+" shown", `document.body.classList.contains('view-`+v+`')`, 10*time.Second)
		}
		text := eval[string](t, ctx, readable)
		if !strings.Contains(text, i18n.T(xx, "view."+v)) {
			t.Errorf("%s: the page does not show its own view's name %q", v, i18n.T(xx, "view."+v))
		}
		if l := leaks(text, english); len(l) > 0 {
			t.Errorf("%s: the page shows English words %q", v, l)
		}
	}
}
