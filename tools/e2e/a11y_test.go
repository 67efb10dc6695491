//go:build !(js && wasm)

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
)

// axeViolation is what the test keeps of one axe-core violation.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// injectAxe evaluates node_modules/axe-core/axe.min.js in the page. DevTools evaluation is not
// subject to the page's Content Security Policy, which allows no such script.
func injectAxe(t *testing.T, ctx context.Context) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core: %v (run `npm ci`; make build does it)", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](string(src)+"\n;void 0")); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	if !eval[bool](t, ctx, `typeof window.axe === 'object' && typeof window.axe.run === 'function'`) {
		t.Fatal("axe-core did not load")
	}
}

// runAxe scans the page (not the chart's frame, a canvas described by the page) and returns
// the serious and critical violations.
func runAxe(t *testing.T, ctx context.Context) []axeViolation {
	t.Helper()
	js := `axe.run(document, {resultTypes: ['violations'], iframes: false}).then(r => r.violations
		.filter(v => v.impact === 'serious' || v.impact === 'critical')
		.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').slice(0, 200))})))`
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe.run: %v", err)
	}
	return vs
}

func emulateMedia(features ...*emulation.MediaFeature) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features})
		return err
	})
}

// Every view, live, in the light and the dark scheme and with high contrast, has no serious or
// critical axe-core violations.
func TestAxeEveryView(t *testing.T) {
	ctx, _ := newBrowser(t)
	open(t, ctx, 1200, 900, "#view=map&year=2012")
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	injectAxe(t, ctx)
	for _, scheme := range []string{"light", "dark", "high-contrast"} {
		switch scheme {
		case "dark":
			if err := chromedp.Do(ctx, emulateMedia(&emulation.MediaFeature{Name: "prefers-color-scheme", Value: "dark"})); err != nil {
				t.Fatal(err)
			}
			if !eval[bool](t, ctx, `matchMedia('(prefers-color-scheme: dark)').matches && getComputedStyle(document.body).backgroundColor === 'rgb(13, 17, 23)'`) {
				t.Error("the page does not follow prefers-color-scheme: dark")
			}
		case "high-contrast":
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#contrast-toggle`))); err != nil {
				t.Fatal(err)
			}
			if !eval[bool](t, ctx, `document.documentElement.classList.contains('high-contrast') && document.getElementById('contrast-toggle').getAttribute('aria-pressed') === 'true' && localStorage.getItem('azflows-theme') === 'high-contrast'`) {
				t.Error("the high-contrast toggle did not switch, say so, or persist")
			}
		}
		for _, view := range charts.Views() {
			hash := "view=" + view + "&year=2012"
			if err := runJS(ctx, `window.azflowsPage.go('`+hash+`')`); err != nil {
				t.Fatal(err)
			}
			if layout.IsChart(view) {
				waitFor(t, ctx, view+" live", liveView+`.hash.startsWith('`+hash+`') && `+liveView+`.ready`, 20*time.Second)
				if s := eval[string](t, ctx, `document.getElementById('chart-summary').textContent`); s != layout.Summary(charts.State{View: view, Year: 2012}) {
					t.Errorf("%s: summary under the chart %q, want the model's", view, s)
				}
			}
			for _, v := range runAxe(t, ctx) {
				t.Errorf("%s, %s: axe %s (%s): %s\n  %s", scheme, view, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
			}
		}
	}
	// Stored, the choice comes back on the next visit; no other key is stored.
	open(t, ctx, 1200, 900, "#view=bars&year=2010")
	waitFor(t, ctx, "the page", `!!window.azflowsPage`, 10*time.Second)
	if !eval[bool](t, ctx, `document.documentElement.classList.contains('high-contrast')`) {
		t.Error("high contrast not restored from localStorage")
	}
	if keys := eval[[]string](t, ctx, `Object.keys(localStorage)`); slices.ContainsFunc(keys, func(k string) bool { return k != "azflows-theme" && k != "azflows-lang" }) {
		t.Errorf("localStorage holds %v", keys)
	}
}

// focusDesc names the focused element of the page for the Tab order test.
const focusDesc = `(() => {
	const e = document.activeElement;
	if (!e || e === document.body) return '';
	const cs = e.closest('label') ? getComputedStyle(e.closest('label')) : getComputedStyle(e);
	const ring = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
	const name = e.id ? '#' + e.id : e.name ? e.name : e.tagName === 'IFRAME' ? 'iframe.' + e.className : e.tagName.toLowerCase() + ':' + (e.textContent || '').trim().slice(0, 30);
	return name + (ring ? '' : ' (no focus ring)');
})()`

// Tab reaches every control of the page in order, each with a visible focus ring, passes
// through the chart and out again.
func TestTabOrderReachesEveryControl(t *testing.T) {
	ctx, _ := newBrowser(t)
	open(t, ctx, 1200, 900, "#view=map&year=2010")
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	var seen []string
	for i := 0; i < 40; i++ {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond) // the page marks the chart's frame as focused after a tick
		d := eval[string](t, ctx, focusDesc)
		if len(seen) == 0 || seen[len(seen)-1] != d {
			seen = append(seen, d)
		}
		if d == "summary:Sources and caveats" {
			break
		}
	}
	want := []string{"a:English", "a:Azərbaycanca", "a:Русский", "#contrast-toggle", "view", "year", "context", "iframe.live-frame", "#summary-table",
		"#dl-svg", "#dl-png", "#dl-png-720", "#dl-figures", "#dl-events", "#dl-json", "#copy-link",
		"#present-start", "summary:Embed this chart", "summary:Cite this chart", "summary:Sources and caveats"}
	if !slices.Equal(seen, want) {
		t.Errorf("Tab order\n got %q\nwant %q", seen, want)
	}
	// Shift+Tab goes back out of the chart the way it came.
	for i := 0; i < 12 && !strings.HasPrefix(eval[string](t, ctx, focusDesc), "iframe."); i++ {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift))); err != nil {
			t.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift))); err != nil {
		t.Fatal(err)
	}
	if d := eval[string](t, ctx, focusDesc); d != "context" {
		t.Errorf("Shift+Tab from the chart went to %q, want the layer checkbox", d)
	}
}

// In the chart, the arrow keys move between marks and the page's live region reads out the
// focused mark's figure, year, footnote and (once per walk) caveat; Enter pins it and Escape
// unpins it, and the read-out confirms both.
func TestArrowKeysAnnounceTheFigure(t *testing.T) {
	ctx, _ := newBrowser(t)
	for _, st := range []charts.State{{View: "bars", Year: 2010}, {View: "map", Year: 2012}} {
		t.Run(st.View, func(t *testing.T) {
			open(t, ctx, 1000, 800, "#"+st.Hash())
			waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
			waitFor(t, ctx, "the first frame", liveView+`.ready && `+liveView+`.frames > 0`, 10*time.Second)
			_, _, fw, fh := liveFrameBox(t, ctx)
			model := layout.Build(testAssets, st, fw, fh)
			if st.View == "map" {
				model = mapModel(t, st.Year, fw, fh) // with its countries, as the view draws it
			}
			order := layout.FocusOrder(model)
			// The keyboard reaches the chart (as with Tab: focus without a press), which starts
			// the walk over its marks; the frame may still have the focus from the last subtest,
			// whose Escape ended the walk, so it leaves first.
			if err := runJS(ctx, `document.activeElement && document.activeElement.blur(); document.querySelector('#live-slot iframe').focus()`); err != nil {
				t.Fatal(err)
			}
			var walk layout.Walk // the walk's read-outs: a caveat once
			for i, key := range []string{kb.ArrowRight, kb.ArrowRight, kb.ArrowLeft} {
				if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
					t.Fatal(err)
				}
				want := order[[]int{0, 1, 0}[i]]
				text := walk.Readout(model.Lang, want)
				waitFor(t, ctx, fmt.Sprintf("the readout of %s after key %d", want, i+1),
					`document.getElementById('readout').textContent === `+jsString(text), 10*time.Second)
				if f := eval[string](t, ctx, liveView+`.focus`); f != want {
					t.Errorf("view focus %q, want %q", f, want)
				}
			}
			if r := eval[string](t, ctx, `document.getElementById('readout').textContent`); !strings.Contains(r, "footnote") {
				t.Errorf("readout %q lacks the footnote", r)
			}
			if live := eval[string](t, ctx, `document.getElementById('readout').getAttribute('aria-live')`); live != "polite" {
				t.Errorf("readout aria-live %q", live)
			}
			// Enter pins the figure and Escape unpins it, and the read-out says so.
			head := layout.Head(model.Lang, order[0])
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "the pin's confirmation", `document.getElementById('readout').textContent === `+jsString(i18n.T(model.Lang, "live.pinned", head)), 10*time.Second)
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "the unpin's confirmation", `document.getElementById('readout').textContent === `+jsString(i18n.T(model.Lang, "live.unpinned", head)), 10*time.Second)
			// The frame is described by the summary, the table link and the keys.
			if d := eval[string](t, ctx, `document.querySelector('#live-slot iframe').getAttribute('aria-describedby')`); d != "chart-summary summary-table chart-keys" {
				t.Errorf("iframe aria-describedby %q", d)
			}
		})
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\u2028", `\u2028`, "\u2029", `\u2029`)
	return "'" + r.Replace(s) + "'"
}
