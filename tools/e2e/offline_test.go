//go:build !(js && wasm)

package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
)

// offlineBudget is what issue 5 allows dist/azflows.html to weigh.
const offlineBudget = 5_000_000

// offlineFiles are the single files of each language, as the build names them.
var offlineFiles = map[i18n.Lang]string{i18n.EN: "azflows.html", i18n.AZ: "azflows.az.html", i18n.RU: "azflows.ru.html"}

// sibling matches links from one single file to another.
var sibling = regexp.MustCompile(`^azflows(\.[a-z]{2})?\.html`)

func offlineURL(hash string) string { return offlineURLOf(i18n.EN, hash) }

func offlineURLOf(l i18n.Lang, hash string) string {
	return "file://" + filepath.ToSlash(filepath.Join(distDir, offlineFiles[l])) + hash
}

// offlineOnly fails the test for every request that would need a disk file other than
// azflows.html itself, or the network.
func offlineOnly(t *testing.T, requests *requestLog) { offlineOnlyOf(t, requests, i18n.EN) }

func offlineOnlyOf(t *testing.T, requests *requestLog, l i18n.Lang) {
	t.Helper()
	self := offlineURLOf(l, "")
	for _, r := range requests.URLs() {
		lower := strings.ToLower(r)
		if strings.HasPrefix(lower, "data:") || strings.HasPrefix(lower, "blob:") || strings.HasPrefix(lower, "about:") {
			continue
		}
		if strings.SplitN(r, "#", 2)[0] == self {
			continue
		}
		t.Errorf("%s requested %s", offlineFiles[l], r)
	}
}

// Each single file weighs at most the budget, carries its version, and holds no reference to
// another file but its siblings in the other languages.
func TestOfflineFileSize(t *testing.T) {
	for _, l := range i18n.Langs {
		name := offlineFiles[l]
		b, err := os.ReadFile(filepath.Join(distDir, name))
		if err != nil {
			t.Fatalf("%v: `make build` writes it", err)
		}
		t.Logf("dist/%s: %d bytes (%.2f MB), budget %d", name, len(b), float64(len(b))/1e6, offlineBudget)
		if len(b) > offlineBudget {
			t.Errorf("dist/%s is %d bytes, over the budget of %d", name, len(b), offlineBudget)
		}
		html := string(b)
		markup := regexp.MustCompile(`(?s)<script[^>]*>.*?</script>`).ReplaceAllString(html, "")
		// Links a reader may follow (the footnotes' sources, the license's deed) load nothing:
		// they open only when clicked, and send no referrer.
		markup = regexp.MustCompile(`<a [^>]*rel="[^"]*noopener noreferrer[^"]*"[^>]*>`).ReplaceAllString(markup, "<a>")
		for _, ref := range regexp.MustCompile(`(?:src|href)="([^"#][^"]*)"`).FindAllStringSubmatch(markup, -1) {
			u := ref[1]
			if !strings.HasPrefix(u, "data:") && !sibling.MatchString(u) && !strings.HasPrefix(u, "charts/") && !strings.HasPrefix(u, "data/") {
				t.Errorf("%s refers to %q", name, u)
			}
		}
		if !strings.Contains(html, `class="offline-build"`) || !strings.Contains(html, "sha256") {
			t.Errorf("%s does not say which code and data it was built from", name)
		}
		if !strings.Contains(html, `<html lang="`+string(l)+`"`) {
			t.Errorf("%s is not in %s", name, l)
		}
	}
}

// Opened from disk with the network off, the single file runs the interactive map: its
// WebAssembly, base map and state all come from inside the file.
func TestOfflineFileLive(t *testing.T) {
	ctx, _ := newBrowser(t)
	requests := recordRequests(ctx, t)
	recordCSP(t, ctx)
	errs := watchErrors(t, ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 800), chromedp.Navigate(offlineURL("#view=map&year=2012"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	waitFor(t, ctx, "the first map frame", liveView+`.ready && `+liveView+`.frames > 0 && `+liveView+`.hash === 'view=map&year=2012'`, 15*time.Second)
	// The single file's policy allows no worker: its view runs on the frame's main thread.
	if m := liveViewMode(t, ctx); m.Mode != "main" || !strings.Contains(m.Why, "single file") {
		t.Errorf("the single file's view runs on %q (%s), want main (a single file)", m.Mode, m.Why)
	}
	time.Sleep(600 * time.Millisecond) // a year's arcs tween in at start

	fx, fy, fw, fh := liveFrameBox(t, ctx)
	model := mapModel(t, 2012, fw, fh)
	img := screenshotPNG(ctx, t, "")
	if colours, frac := nonBlank(crop(img, fx, fy, fw, fh)); colours < 20 || frac < 0.2 {
		t.Errorf("the map looks blank: %d colours, %.3f non-background", colours, frac)
	}
	ru, ok := model.Mark("arc/RU")
	if !ok {
		t.Fatal("the model has no Russia arc in 2012")
	}
	c := ru.Center()
	if got := img.At(int(fx+c.X), int(fy+c.Y)); !near(got, charts.OfficialC) {
		t.Errorf("pixel at the Russia arc's centre is %v, want %s", got, charts.OfficialC)
	}
	if _, p, found := clearCountryPoint(model, "country/AZ/"); !found {
		t.Error("no clear point in Azerbaijan")
	} else if got := img.At(int(fx+p.X), int(fy+p.Y)); !near(got, layout.OriginC) {
		t.Errorf("Azerbaijan at %v is %v, want %s", p, got, layout.OriginC)
	}
	// The SVG download is built from the SVG the page shows for the state.
	waitFor(t, ctx, "the SVG download", `document.getElementById('dl-svg').href.startsWith('blob:')`, 5*time.Second)
	waitFor(t, ctx, "the data downloads", `[...document.querySelectorAll('.actions a[download]')].filter(a => /CSV|JSON/.test(a.textContent)).every(a => a.href.startsWith('blob:'))`, 5*time.Second)
	offlineOnly(t, requests)
	if v := eval[[]string](t, ctx, `window.__csp || []`); len(v) > 0 {
		t.Errorf("policy violations: %q", v)
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// Without WebGL the single file shows the echarts fallback, from inside the file too.
func TestOfflineFileFallback(t *testing.T) {
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled"))
	requests := recordRequests(ctx, t)
	recordCSP(t, ctx)
	errs := watchErrors(t, ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 900), chromedp.Navigate(offlineURL("#view=map&year=2012"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the fallback", `window.azflowsPage.mode === 'fallback'`, 20*time.Second)
	if n := eval[string](t, ctx, `window.azflowsPage.notice`); !strings.Contains(n, "no WebGL") {
		t.Errorf("notice %q does not say why", n)
	}
	const fb = `document.querySelector('#fallback-slot iframe').contentWindow`
	waitFor(t, ctx, "the echarts chart", `(() => { try { const w = `+fb+`; return !!(w.echarts && w.echarts.getInstanceByDom(w.document.getElementById('fallback-chart'))); } catch (e) { return false; } })()`, 20*time.Second)
	n := eval[int](t, ctx, `(() => { const w = `+fb+`; const o = w.echarts.getInstanceByDom(w.document.getElementById('fallback-chart')).getOption(); return o.series.find(s => s.name === 'arcs').data.length; })()`)
	want := 0
	for _, m := range mapModel(t, 2012, 800, 450).Marks {
		if m.Role == charts.RoleArc {
			want++
		}
	}
	if n != want {
		t.Errorf("fallback has %d arcs, the model %d", n, want)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		colours, frac := nonBlank(screenshotPNG(ctx, t, "#fallback-slot iframe"))
		if colours >= 20 && frac >= 0.2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the fallback map looks blank: %d colours, %.3f non-background", colours, frac)
		}
		time.Sleep(250 * time.Millisecond)
	}
	// The pre-rendered SVG of the other states comes from the file's bundle (offline.js): the
	// map of 2012 is not the one in the page's document.
	waitFor(t, ctx, "the SVG of map-2012", `(() => { const s = document.querySelector('#static svg'); return !!s && s.dataset.view === 'map' && s.dataset.year === '2012'; })()`, 5*time.Second)
	// Switching the view loads that view's fallback, from the file, and its static SVG.
	if err := runJS(ctx, `location.hash = '#view=bars&year=2010'`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the SVG of bars-2010", `(() => { const s = document.querySelector('#static svg'); return !!s && s.dataset.view === 'bars' && s.dataset.year === '2010' && s.querySelectorAll('rect.bar').length > 0; })()`, 5*time.Second)
	waitFor(t, ctx, "the bars fallback", `(() => { try { const d = `+fb+`.document; return d.getElementById('fallback').dataset.view === 'bars' && !!`+fb+`.echarts.getInstanceByDom(d.getElementById('fallback-chart')); } catch (e) { return false; } })()`, 10*time.Second)
	offlineOnly(t, requests)
	if v := eval[[]string](t, ctx, `window.__csp || []`); len(v) > 0 {
		t.Errorf("policy violations: %q", v)
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// A single file holds one language: a lang in the hash neither leaves the file nor draws the
// chart in another language; its switch links to its siblings beside it.
func TestOfflineFileStaysInItsLanguage(t *testing.T) {
	ctx, _ := newBrowser(t)
	requests := recordRequests(ctx, t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 800), chromedp.Navigate(offlineURL("#view=bars&year=2010&lang=az"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.state)`, 20*time.Second)
	if p := eval[string](t, ctx, `location.pathname`); !strings.HasSuffix(p, "/azflows.html") {
		t.Errorf("the offline file sent the reader to %s", p)
	}
	if l := eval[string](t, ctx, `window.azflowsPage.state.lang`); l != "" {
		t.Errorf("state lang %q in the offline file", l)
	}
	if err := runJS(ctx, `location.hash = 'view=map&year=2012&lang=ru'`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the map", `window.azflowsPage.state.view === 'map'`, 10*time.Second)
	if p := eval[string](t, ctx, `location.pathname`); !strings.HasSuffix(p, "/azflows.html") {
		t.Errorf("a lang in the hash sent the reader to %s", p)
	}
	for _, r := range requests.URLs() {
		if !strings.HasPrefix(r, "file://") && !strings.HasPrefix(r, "data:") && !strings.HasPrefix(r, "blob:") && !strings.HasPrefix(r, "about:") {
			t.Errorf("request to %s", r)
		}
	}
}
