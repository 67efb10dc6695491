//go:build !(js && wasm)

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"azflows/internal/server"
)

// hostServer serves the built site with host pages beside it (path → HTML, served without
// the site's Content-Security-Policy, as a teacher's page would be; {{origin}} in them becomes
// the server's origin) and reveal.js from
// node_modules (the pinned devDependency) under /reveal/: one origin, the test's own.
func hostServer(t *testing.T, pages map[string]string) string {
	t.Helper()
	reveal := filepath.Join(repoRoot, "node_modules", "reveal.js", "dist")
	if _, err := os.Stat(filepath.Join(reveal, "reveal.js")); err != nil {
		t.Fatalf("reveal.js is not installed (%v): run `npm ci` (make build does)", err)
	}
	mux := http.NewServeMux()
	mux.Handle("/reveal/", http.StripPrefix("/reveal/", http.FileServer(http.Dir(reveal))))
	for path, html := range pages {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, strings.ReplaceAll(html, "{{origin}}", "http://"+r.Host))
		})
	}
	mux.Handle("/", server.Handler(distDir))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}

// The options of reveal.js for the host decks: 1280×720 slides shown at their size
// (deckFixed), or with reveal's default margin (4 %) scaled to the window (deckScaling).
const (
	deckFixed   = `width: 1280, height: 720, margin: 0, minScale: 1, maxScale: 1, transition: 'none', hash: false`
	deckScaling = `width: 1280, height: 720, transition: 'none', hash: false`
)

// revealDeck is a host page: a reveal.js 6 deck (served by hostServer under /reveal/) with
// reveal's options opts and one section per slide.
func revealDeck(opts string, slides ...string) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><meta charset="utf-8"><title>deck</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/reveal/reveal.css"></head><body>
<div class="reveal"><div class="slides">
`)
	for _, sl := range slides {
		b.WriteString("<section>" + sl + "</section>\n")
	}
	b.WriteString(`</div></div>
<script src="/reveal/reveal.js"></script>
<script>Reveal.initialize({ ` + opts + ` });</script>
</body></html>`)
	return b.String()
}

// openFixedDeck opens the deck at base+"/deck.html" in a 1280×720 window and waits until
// reveal is ready.
func openFixedDeck(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 720), chromedp.Navigate(base+"/deck.html")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the deck", `typeof Reveal !== 'undefined' && Reveal.isReady()`, 20*time.Second)
}

// deckKeys are a deck test's steps: slide waits for the deck's slide want (from 0), key
// presses a key.
func deckKeys(t *testing.T, ctx context.Context) (slide func(want int), key func(k string)) {
	slide = func(want int) {
		t.Helper()
		waitFor(t, ctx, fmt.Sprintf("slide %d", want+1), `Reveal.getIndices().h === `+itoa(want), 5*time.Second)
	}
	key = func(k string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.KeyEvent(k)); err != nil {
			t.Fatal(err)
		}
	}
	return slide, key
}

// deckHTML is a reveal.js 6 deck: a title, the chart embedded (slide 2), the presentation's
// story embedded at step 1 (slide 3), an end slide.
var deckHTML = revealDeck(deckFixed,
	`<h2>Trafficking from Azerbaijan</h2>`,
	`<iframe id="chart" src="/#view=bars&amp;year=2010&amp;embed" title="chart" allow="fullscreen" style="border:0;width:960px;height:540px"></iframe>`,
	`<iframe id="story" src="/#present=1&amp;embed" title="story" allow="fullscreen" style="border:0;width:960px;height:540px"></iframe>`,
	`<h2>End</h2>`)

// In a reveal.js deck the clicker's keys reach the deck: after a click into the embedded chart,
// PageDown moves the deck on; in the embedded story, PageDown steps to its last step and then
// moves the deck on, and PageUp goes back the same way (issue 12, finding 4).
func TestClickerKeysReachRevealDeck(t *testing.T) {
	base := hostServer(t, map[string]string{"/deck.html": deckHTML})
	steps := story(t)
	ctx, _ := newBrowser(t)
	errs := watchErrors(t, ctx)
	openFixedDeck(t, ctx, base)
	slide, key := deckKeys(t, ctx)
	// clickChart clicks the live chart in the embed with the id, near its top left corner
	// (on no mark), as a presenter would to give it the keyboard.
	clickChart := func(id string) {
		t.Helper()
		inner := `document.getElementById('` + id + `').contentWindow`
		waitFor(t, ctx, "the live chart in #"+id, `(() => { try { const w = `+inner+`; return w.azflowsPage.mode === 'live' && w.document.querySelector('#live-slot iframe').contentWindow.azflowsView.frames > 0; } catch (e) { return false; } })()`, 60*time.Second)
		p := eval[[]float64](t, ctx, `(() => { const f = document.getElementById('`+id+`').getBoundingClientRect(); const l = `+inner+`.document.querySelector('#live-slot iframe').getBoundingClientRect(); return [f.left + l.left + 6, f.top + l.top + 6]; })()`)
		if err := chromedp.Do(ctx, chromedp.MouseClickXY(p[0], p[1])); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the keyboard in #"+id+"'s chart", `(() => { try { return `+inner+`.document.activeElement === `+inner+`.document.querySelector('#live-slot iframe'); } catch (e) { return false; } })()`, 5*time.Second)
	}
	storyStep := `document.getElementById('story').contentWindow.azflowsPage.present.step`

	if err := runJS(ctx, `Reveal.slide(1)`); err != nil {
		t.Fatal(err)
	}
	slide(1)
	clickChart("chart")
	key(kb.PageDown)
	slide(2)

	clickChart("story")
	for n := 2; n <= len(steps); n++ {
		key(kb.PageDown)
		waitFor(t, ctx, fmt.Sprintf("story step %d", n), storyStep+` === `+itoa(n), 5*time.Second)
		if h := eval[int](t, ctx, `Reveal.getIndices().h`); h != 2 {
			t.Fatalf("PageDown to story step %d moved the deck to slide %d", n, h+1)
		}
	}
	key(kb.PageDown) // past the last step: the deck's
	slide(3)
	if s := eval[int](t, ctx, storyStep); s != len(steps) {
		t.Errorf("the story moved to step %d when the deck moved on", s)
	}

	key(kb.PageUp)
	slide(2)
	for n := len(steps) - 1; n >= 1; n-- {
		key(kb.PageUp)
		waitFor(t, ctx, fmt.Sprintf("story step %d going back", n), storyStep+` === `+itoa(n), 5*time.Second)
		if h := eval[int](t, ctx, `Reveal.getIndices().h`); h != 2 {
			t.Fatalf("PageUp to story step %d moved the deck to slide %d", n, h+1)
		}
	}
	key(kb.PageUp) // before the first step: the deck's
	slide(1)
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}
