//go:build !(js && wasm)

package e2e

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
)

// networkOff cuts the tab off the network: every request fails as it would without one.
func networkOff(t *testing.T, ctx context.Context) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, tg, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}}}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}

// allowDownloads saves the tab's downloads into a new directory, which it returns.
func allowDownloads(t *testing.T, ctx context.Context) string {
	t.Helper()
	dir := t.TempDir()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// download clicks the link with the id, as a reader would, and returns the file that the
// browser saved under its download name.
func download(t *testing.T, ctx context.Context, dir, id string) []byte {
	t.Helper()
	name := eval[string](t, ctx, `document.getElementById('`+id+`').download`)
	if name == "" || strings.ContainsAny(name, "/\\") {
		t.Fatalf("#%s has download name %q", id, name)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#"+id))); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil && len(b) > 0 {
			return b
		}
		if time.Now().After(deadline) {
			t.Fatalf("clicking #%s saved no %s", id, name)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Each single file, opened from disk with the network off, is the page in its language: the
// live chart draws its words with the Noto subsets it needs (ə as a real glyph in
// Azerbaijani, Cyrillic in Russian), every view works, the downloads (the PNG slide images
// painted in the page, the SVG, the CSV and JSON in the language) are there, and the switch
// goes to its siblings (issue 12, finding 8).
func TestOfflineEveryLanguage(t *testing.T) {
	glyphs := map[i18n.Lang]string{i18n.AZ: "ə", i18n.RU: "д"}
	for _, l := range i18n.Langs {
		t.Run(string(l), func(t *testing.T) {
			ctx, _ := newBrowser(t)
			networkOff(t, ctx)
			dir := allowDownloads(t, ctx)
			requests := recordRequests(ctx, t)
			recordCSP(t, ctx)
			errs := watchErrors(t, ctx)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 800), chromedp.Navigate(offlineURLOf(l, "#view=map&year=2012"))); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
			if got := eval[string](t, ctx, `document.documentElement.lang`); got != string(l) {
				t.Errorf("html lang %q", got)
			}
			if h1 := eval[string](t, ctx, `document.querySelector('h1').textContent`); h1 != i18n.T(l, "page.title") {
				t.Errorf("h1 %q, want %q", h1, i18n.T(l, "page.title"))
			}
			st := charts.State{View: "map", Year: 2012, Lang: l}
			if l == i18n.EN {
				st.Lang = ""
			}
			waitFor(t, ctx, "the first map frame", liveView+`.ready && `+liveView+`.frames > 0 && `+liveView+`.hash === '`+st.Hash()+`'`, 15*time.Second)
			time.Sleep(600 * time.Millisecond) // a year's arcs tween in at start

			if r, ok := glyphs[l]; ok {
				fx, fy, fw, fh := liveFrameBox(t, ctx)
				model := layout.Build(testAssets, charts.State{View: "map", Year: 2012, Lang: l}, fw, fh)
				checkGlyph(t, screenshotPNG(ctx, t, ""), model, fx, fy, r, l == i18n.AZ)
			}

			// Every view, from the file.
			for _, v := range charts.Views() {
				for _, y := range charts.Years {
					s := charts.State{View: v, Year: y, Lang: st.Lang}
					if err := runJS(ctx, `location.hash = `+jsString("#"+charts.State{View: v, Year: y}.Hash())); err != nil {
						t.Fatal(err)
					}
					if !layout.IsChart(v) {
						waitFor(t, ctx, v, `document.body.classList.contains('view-`+v+`')`, 5*time.Second)
						continue
					}
					waitFor(t, ctx, s.Hash()+" live", liveView+`.hash === '`+s.Hash()+`' && `+liveView+`.frames > 0`, 15*time.Second)
					time.Sleep(250 * time.Millisecond)
					fx, fy, fw, fh := liveFrameBox(t, ctx)
					if colours, frac := nonBlank(crop(screenshotPNG(ctx, t, ""), fx, fy, fw, fh)); colours < 20 || frac < 0.05 {
						t.Errorf("%s looks blank: %d colours, %.3f non-background", s.Hash(), colours, frac)
					}
				}
			}
			if n := eval[int](t, ctx, `document.querySelectorAll('#figures-table tbody tr').length`); n < 10 {
				t.Errorf("the table has %d rows", n)
			}

			// Downloads: PNG slide images painted in the page, at their sizes, looking like the
			// build's (charts/raster, the same model).
			if err := runJS(ctx, `location.hash = '#view=bars&year=2010'`); err != nil {
				t.Fatal(err)
			}
			sfx := map[i18n.Lang]string{i18n.EN: "", i18n.AZ: ".az", i18n.RU: ".ru"}[l]
			for id, size := range map[string][2]int{"dl-png": {1920, 1080}, "dl-png-720": {1280, 720}} {
				waitFor(t, ctx, id+" painted", `(() => { const a = document.getElementById('`+id+`'); return a.checkVisibility() && a.href.startsWith('blob:') && a.download === 'bars-2010-`+fmt.Sprintf("%dx%d", size[0], size[1])+sfx+`.png'; })()`, 20*time.Second)
				b := download(t, ctx, dir, id)
				img, err := png.Decode(bytes.NewReader(b))
				if err != nil {
					t.Fatalf("%s: not a PNG: %v", id, err)
				}
				if img.Bounds().Dx() != size[0] || img.Bounds().Dy() != size[1] {
					t.Errorf("%s is %v, want %v", id, img.Bounds().Size(), size)
				}
				built, err := os.ReadFile(filepath.Join(distDir, distAsset(t, fmt.Sprintf("charts/bars-2010-%dx%d%s.png", size[0], size[1], sfx))))
				if err != nil {
					t.Fatal(err)
				}
				ref, err := png.Decode(bytes.NewReader(built))
				if err != nil {
					t.Fatal(err)
				}
				r := image.Rect(0, 0, size[0], size[1])
				if sim := similarity(inkMask(img, r), inkMask(ref, r)); sim < 0.8 {
					t.Errorf("%s: the painted image matches the build's slide image only %.2f", id, sim)
				}
			}
			waitFor(t, ctx, "the SVG download", `document.getElementById('dl-svg').href.startsWith('blob:')`, 5*time.Second)
			if svg := string(download(t, ctx, dir, "dl-svg")); !strings.Contains(svg, "<svg") || !strings.Contains(svg, `data-view="bars"`) || !strings.Contains(svg, strings.Split(i18n.T(l, "bars.title", 9999, ""), "9999")[0]) {
				t.Errorf("the SVG download is not the %s bars chart: %.300q", l, svg)
			}
			waitFor(t, ctx, "the data downloads", `[...document.querySelectorAll('.actions a[href^="blob:"][download$="sv"], .actions a[href^="blob:"][download$="json"]')].length === 3`, 5*time.Second)
			csv := string(download(t, ctx, dir, "dl-figures"))
			if l != i18n.EN && !strings.Contains(strings.SplitN(csv, "\n", 2)[0], "measure_"+string(l)) {
				t.Errorf("the figures CSV is not the %s one: %.200q", l, csv)
			}

			// The switch: to the siblings beside it, in the same state.
			sw := eval[[]string](t, ctx, `[...document.querySelectorAll('#lang-switch a')].filter(a => a.checkVisibility()).map(a => a.getAttribute('href'))`)
			if len(sw) != 3 || !strings.HasPrefix(sw[0], "azflows.html#view=bars&year=2010") || !strings.HasPrefix(sw[1], "azflows.az.html#view=bars&year=2010") || !strings.HasPrefix(sw[2], "azflows.ru.html#view=bars&year=2010") {
				t.Errorf("language switch %q", sw)
			}
			offlineOnlyOf(t, requests, l)
			if v := eval[[]string](t, ctx, `window.__csp || []`); len(v) > 0 {
				t.Errorf("policy violations: %q", v)
			}
			if e := errs(); len(e) > 0 {
				t.Errorf("console errors: %q", e)
			}
			// Following it opens the sibling.
			next := i18n.Langs[(indexLang(l)+1)%len(i18n.Langs)]
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#lang-switch a[data-lang="`+string(next)+`"]`))); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "the "+string(next)+" file", `location.pathname.endsWith('/`+offlineFiles[next]+`') && document.documentElement.lang === '`+string(next)+`' && !!window.azflowsPage && window.azflowsPage.state.view === 'bars'`, 20*time.Second)
		})
	}
}

func indexLang(l i18n.Lang) int {
	for i, x := range i18n.Langs {
		if x == l {
			return i
		}
	}
	return -1
}
