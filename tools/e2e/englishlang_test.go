//go:build !(js && wasm)

package e2e

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// englishFunctionWords are English function words; a run of text with two of them, and no letter of
// Russian or Azerbaijani, is English to this test (independently of how the build marks it).
var englishFunctionWords = map[string]bool{"the": true, "of": true, "and": true, "to": true, "in": true, "for": true,
	"is": true, "it": true, "their": true, "on": true, "by": true, "with": true, "from": true, "at": true,
	"as": true, "this": true, "that": true, "are": true, "was": true, "past": true, "years": true}

var (
	notEnglishLetter = regexp.MustCompile(`[\p{Cyrillic}əıışğçöüƏİŞĞÇÖÜ]`)
	latinWord        = regexp.MustCompile(`[A-Za-z]+`)
	quoted           = regexp.MustCompile(`«([^»]*)»|“([^”]*)”`)
)

func isEnglish(s string) bool {
	if notEnglishLetter.MatchString(s) {
		return false
	}
	n := 0
	for _, w := range latinWord.FindAllString(s, -1) {
		if englishFunctionWords[strings.ToLower(w)] {
			n++
		}
	}
	return n >= 2
}

// In the Russian and Azerbaijani pages every passage in English — a quotation of the paper, its
// title, its footnotes — is inside an element marked lang="en", so that a screen reader speaks
// it with an English voice: checked over every text node of the built page, once it runs. The
// static SVG's <title>s (each mark's tooltip, its accessible name) are not checked: a name is
// one string, with no part in another language; the page hides them once the live chart runs.
func TestEnglishPassagesCarryLangEn(t *testing.T) {
	ctx, _ := newBrowser(t)
	for _, l := range []string{"ru", "az"} {
		open(t, ctx, 1000, 800, "#view=compare&year=2012&lang="+l)
		waitFor(t, ctx, "index."+l+".html", `location.pathname.endsWith('/index.`+l+`.html') && !!window.azflowsPage && !!window.azflowsPage.state`, 20*time.Second)
		// Every text node outside scripts and the chart's frame, with its element's language.
		nodes := eval[[][2]string](t, ctx, `(() => {
			const out = [];
			const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			for (let n = w.nextNode(); n; n = w.nextNode()) {
				const el = n.parentElement;
				// An SVG <title> is a mark's accessible name: one string, which no element inside
				// can give a language (left out, and said so in the test's doc comment).
				if (!el || el.closest('script, style, title') || !n.textContent.trim()) continue;
				const host = el.closest('[lang]');
				out.push([n.textContent, host ? host.getAttribute('lang') : document.documentElement.lang]);
			}
			return out;
		})()`)
		checked := 0
		for _, n := range nodes {
			text, lang := n[0], n[1]
			runs := []string{text}
			for _, m := range quoted.FindAllStringSubmatch(text, -1) {
				runs = append(runs, m[1]+m[2])
			}
			for _, r := range runs {
				if !isEnglish(r) {
					continue
				}
				checked++
				if !strings.HasPrefix(lang, "en") {
					t.Errorf("%s: English without lang=en (lang %q): %q in %q", l, lang, r, text)
				}
			}
		}
		if checked == 0 {
			t.Errorf("%s: no English passage found: the test looks at nothing", l)
		}
	}
}
