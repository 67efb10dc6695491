//go:build !(js && wasm)

package e2e

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// story reads the presentation's steps from the built page's config.
func story(t *testing.T) []struct{ Hash, Caption string } {
	b, err := os.ReadFile(filepath.Join(distDir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, `id="azflows-config">`)
	j := strings.Index(s[i:], "</script>")
	var cfg struct {
		Story []struct{ Hash, Caption string }
	}
	if err := json.Unmarshal([]byte(s[i+len(`id="azflows-config">`):i+j]), &cfg); err != nil {
		t.Fatal(err)
	}
	if len(cfg.Story) < 5 {
		t.Fatalf("story has %d steps", len(cfg.Story))
	}
	return cfg.Story
}

func TestPresentationSteps(t *testing.T) {
	steps := story(t)
	ctx, _ := newBrowser(t)
	open(t, ctx, 1280, 720, "#present=2")
	waitFor(t, ctx, "presentation mode", `!!(window.azflowsPage.present && document.body.classList.contains('present'))`, 10*time.Second)
	at := func(n int) {
		t.Helper()
		waitFor(t, ctx, "step", `window.azflowsPage.present && window.azflowsPage.present.step === `+itoa(n), 5*time.Second)
		h := eval[string](t, ctx, `window.azflowsPage.hashOf(window.azflowsPage.state)`)
		if h != steps[n-1].Hash {
			t.Errorf("step %d shows %q, want %q", n, h, steps[n-1].Hash)
		}
		if c := eval[string](t, ctx, `document.getElementById('present-caption').textContent`); c != steps[n-1].Caption {
			t.Errorf("step %d caption %q", n, c)
		}
		if s := eval[string](t, ctx, `document.getElementById('present-step').textContent`); s != "Step "+itoa(n)+" of "+itoa(len(steps)) {
			t.Errorf("indicator %q", s)
		}
		if !strings.Contains(eval[string](t, ctx, `location.hash`), "present="+itoa(n)) {
			t.Errorf("the URL does not reopen step %d", n)
		}
	}
	at(2)
	for _, k := range []struct {
		key  string
		want int
	}{{kb.ArrowRight, 3}, {kb.PageDown, 4}, {" ", 5}, {kb.ArrowRight, 5}, {kb.PageUp, 4}, {kb.ArrowLeft, 3}} {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(k.key)); err != nil {
			t.Fatal(err)
		}
		at(k.want)
	}
	// The large type: the caption is at least 1.5× the body text of the normal page.
	if px := eval[float64](t, ctx, `parseFloat(getComputedStyle(document.getElementById('present-caption')).fontSize)`); px < 24 {
		t.Errorf("caption font %vpx", px)
	}
	// Inside reveal.js, leaving the slide pauses the keys.
	if err := runJS(ctx, `window.postMessage('slide:stop', '*')`); err != nil {
		t.Fatal(err)
	}
	// A message from the page itself is not from a host deck: ignored.
	time.Sleep(200 * time.Millisecond)
	if eval[bool](t, ctx, `window.azflowsPage.present.paused`) {
		t.Error("a message that does not come from the parent paused the presentation")
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "leaving", `!window.azflowsPage.present && !document.body.classList.contains('present')`, 5*time.Second)
	if strings.Contains(eval[string](t, ctx, `location.hash`), "present") {
		t.Error("the hash still says present after Escape")
	}
}

// Inside a host page (a reveal.js deck posts 'slide:stop'/'slide:start'), the embedded
// presentation pauses when its slide is left.
func TestPresentationPausesInDeck(t *testing.T) {
	ctx, _ := newBrowser(t)
	open(t, ctx, 1280, 800, "")
	host := `document.body.innerHTML = '<iframe id=f style="width:1200px;height:700px" src="` + baseURL + `/#present=1&embed"></iframe>';`
	if err := runJS(ctx, host); err != nil {
		t.Fatal(err)
	}
	const inner = `document.getElementById('f').contentWindow`
	waitFor(t, ctx, "the embedded presentation", `(() => { try { return !!`+inner+`.azflowsPage.present; } catch (e) { return false; } })()`, 15*time.Second)
	if err := runJS(ctx, inner+`.postMessage('slide:stop', '*')`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "pause", inner+`.azflowsPage.present.paused === true`, 5*time.Second)
	if err := runJS(ctx, inner+`.postMessage('slide:start', '*')`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "resume", inner+`.azflowsPage.present.paused === false`, 5*time.Second)
}

func TestEmbedFitsAndPostsHeight(t *testing.T) {
	ctx, _ := newBrowser(t)
	for _, size := range [][2]int64{{320, 240}, {800, 450}, {1920, 1080}} {
		open(t, ctx, size[0], size[1], "#view=flow&year=2012&embed")
		waitFor(t, ctx, "embed mode", `document.body.classList.contains('embed')`, 10*time.Second)
		fit := eval[[]float64](t, ctx, `(() => { const d = document.documentElement, c = document.getElementById('chart').getBoundingClientRect();
			return [d.scrollWidth, d.scrollHeight, innerWidth, innerHeight, c.right, c.bottom, (() => { for (const el of document.querySelectorAll('#static svg, #live-slot iframe, #fallback-slot iframe')) { const r = el.getBoundingClientRect(); if (r.height > 0 && getComputedStyle(el.closest('div')).opacity !== '0') return r.width / r.height; } return 0; })()]; })()`)
		if fit[0] > fit[2]+1 || fit[1] > fit[3]+1 {
			t.Errorf("%v: the embed scrolls: content %vx%v in %vx%v", size, fit[0], fit[1], fit[2], fit[3])
		}
		if fit[4] > fit[2]+1 || fit[5] > fit[3]+1 {
			t.Errorf("%v: the chart reaches %v,%v outside the frame", size, fit[4], fit[5])
		}
		// The chart is not held at 16:9: it takes the height the controls leave (sizes_test.go).
		if r := fit[6]; r < float64(size[0])/float64(size[1])*0.5 || r > float64(size[0])/float64(size[1])*3 {
			t.Errorf("%v: chart aspect %v, far from the frame's", size, r)
		}
		for _, hidden := range []string{"header", "footer", ".actions", "#sources"} {
			if eval[bool](t, ctx, `getComputedStyle(document.querySelector('`+hidden+`')).display !== 'none'`) {
				t.Errorf("%v: %s shows in the embed", size, hidden)
			}
		}
		// The chart names its source; the line under it links to the full page (embedline_test.go).
		if s := eval[string](t, ctx, `document.querySelector('.embed-line').innerText`); strings.Contains(s, "CARIM-East") || !strings.Contains(s, "full page") {
			t.Errorf("embed line %q, want the link to the full page alone", s)
		}
	}
	// In a host page, the embed posts its height.
	open(t, ctx, 1000, 800, "")
	if err := runJS(ctx, `window.heights = []; addEventListener('message', e => { if (e.data && e.data.type === 'azflows:height') heights.push(e.data.height); });
		document.body.insertAdjacentHTML('beforeend', '<iframe id=f style="width:640px;height:400px" src="`+baseURL+`/#view=bars&year=2010&embed"></iframe>');`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "a height message", `window.heights.length > 0 && window.heights[window.heights.length - 1] > 100`, 15*time.Second)
	// The page offers embed code with the current view, a title and lazy loading.
	code := eval[string](t, ctx, `document.getElementById('embed-code').value`)
	for _, want := range []string{"<iframe", `title="`, `loading="lazy"`, "#view=", "&amp;embed"} {
		if !strings.Contains(code, want) {
			t.Errorf("embed code %q lacks %q", code, want)
		}
	}
}

func TestSlideImagesAndSVGDownload(t *testing.T) {
	ctx, _ := newBrowser(t)
	open(t, ctx, 1000, 800, "#view=flow&year=2012")
	waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.state)`, 10*time.Second)
	links := eval[map[string]string](t, ctx, `({svg: document.getElementById('dl-svg').href, png: document.getElementById('dl-png').href, png720: document.getElementById('dl-png-720').href})`)
	for k, want := range map[string][2]int{"png": {1920, 1080}, "png720": {1280, 720}} {
		body := get(t, links[k])
		img, err := png.Decode(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s: %v", links[k], err)
		}
		if r := img.Bounds(); r.Dx() != want[0] || r.Dy() != want[1] {
			t.Errorf("%s is %v, want %v", links[k], r.Size(), want)
		}
		if colours, frac := nonBlank(img); colours < 20 || frac < 0.05 {
			t.Errorf("%s looks blank: %d colours, %.3f", links[k], colours, frac)
		}
		if !strings.Contains(links[k], "flow-2012") {
			t.Errorf("PNG link %s is not of the current view", links[k])
		}
	}
	svg := get(t, links["svg"])
	var doc struct {
		Title string `xml:"title"`
	}
	if err := xml.Unmarshal(svg, &doc); err != nil {
		t.Fatalf("the SVG download does not parse: %v", err)
	}
	if !strings.Contains(doc.Title, "2012") || !bytes.Contains(svg, []byte("Source: CARIM-East")) {
		t.Errorf("SVG title %q / source line missing", doc.Title)
	}
}

func get(t *testing.T, u string) []byte {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %s", u, resp.Status)
	}
	b, _ := io.ReadAll(resp.Body)
	return b
}

func itoa(i int) string { return strconv.Itoa(i) }
