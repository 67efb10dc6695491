//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/echarts"
	"azflows/charts/layout"
	"azflows/i18n"
)

// fallbackText is a text the echarts chart drew, as zrender measured it in the browser (its
// box in the chart's pixels) and the font it was drawn in.
type fallbackText struct {
	ID, Text, Font string
	X, Y, W, H     float64
}

// fallbackTextsJS lists the texts of the chart in window w (a JavaScript expression) from
// zrender's display list, each with its box after its transforms.
func fallbackTextsJS(w string) string {
	return `(() => {
  const w = ` + w + `;
  const chart = w.echarts.getInstanceByDom(w.document.getElementById('` + echarts.ChartID + `'));
  const out = [];
  chart.getZr().storage.getDisplayList(true).forEach((d) => {
    const s = d.style || {};
    if (typeof s.text !== 'string' || s.text === '') return;
    let p = d, id = '';
    while (p && !id) { if (typeof p.id === 'string') id = p.id; p = p.parent; }
    const r = d.getBoundingRect().clone();
    r.applyTransform(d.getComputedTransform());
    out.push({ID: String(id), Text: s.text, Font: s.font || '', X: r.x, Y: r.y, W: r.width, H: r.height});
  });
  return out;
})()`
}

// fallbackReadyJS is true once the chart in window w is drawn.
func fallbackReadyJS(w string) string {
	return `(() => { try { const w = ` + w + `; const el = w.document.getElementById('` + echarts.ChartID + `'); return !!(w.echarts && el && w.echarts.getInstanceByDom(el)); } catch (e) { return false; } })()`
}

// notoLoadedJS is true when the document of window w has the site's Noto Sans loaded, both
// weights.
func notoLoadedJS(w string) string {
	return `(() => { const d = (` + w + `).document; return d.fonts.check("12px 'Noto Sans'") && d.fonts.check("bold 12px 'Noto Sans'") && [...d.fonts].some((f) => /Noto Sans/.test(f.family) && f.status === 'loaded'); })()`
}

// The fallback's texts sit where the model put them, in the site's own Noto Sans, so that none
// runs into another or out of the chart: every text the echarts chart draws of every fallback
// page (every view, year and language) is the model's text of that id, measured in the
// browser, and no two boxes overlap. (In DejaVu Sans, wider than the model's metrics, the
// fallback drew "Destination not given42", "473persons" and cut "(2006-201" at the chart's
// edge.)
func TestFallbackTextsDoNotCollide(t *testing.T) {
	ctx, _ := newBrowserFor(t, 4*time.Minute, chromedp.Flag("use-gl", "disabled"))
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(900, 700)); err != nil {
		t.Fatal(err)
	}
	for _, l := range i18n.Langs {
		for _, v := range layout.ChartViews() {
			for _, y := range charts.Years {
				st := charts.State{View: v, Year: y, Lang: l}
				url := baseURL + fallbackPage(t, st)
				if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
					t.Fatal(err)
				}
				waitFor(t, ctx, "the echarts chart of "+url, fallbackReadyJS("window"), 20*time.Second)
				checkFallbackTexts(t, fmt.Sprintf("%s-%d.%s", v, y, l), st, eval[bool](t, ctx, notoLoadedJS("window")), eval[[]fallbackText](t, ctx, fallbackTextsJS("window")))
			}
		}
	}
}

// In the single offline file the fallback's fonts come from the file itself (its page's
// @font-face rules, web/page/offline.js): the map of 2012 draws in Noto Sans there too, its texts
// clear of each other, and nothing is fetched.
func TestOfflineFallbackTextsInNotoSans(t *testing.T) {
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled"))
	requests := recordRequests(ctx, t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 900), chromedp.Navigate(offlineURL("#view=map&year=2012"))); err != nil {
		t.Fatal(err)
	}
	const fb = `document.querySelector('#fallback-slot iframe').contentWindow`
	waitFor(t, ctx, "the echarts chart", fallbackReadyJS(fb), 20*time.Second)
	st := charts.State{View: "map", Year: 2012, Lang: i18n.EN}
	checkFallbackTexts(t, "offline map-2012", st, eval[bool](t, ctx, notoLoadedJS(fb)), eval[[]fallbackText](t, ctx, fallbackTextsJS(fb)))
	offlineOnly(t, requests)
}

// checkFallbackTexts fails the test where the fallback of st (named name) drew without Noto
// Sans, drew a text the model does not have at that id, or drew two texts into each other or
// one out of the chart.
func checkFallbackTexts(t *testing.T, name string, st charts.State, noto bool, texts []fallbackText) {
	t.Helper()
	const slack = 0.5 // px: boxes that share an edge after rounding do not collide
	if !noto {
		t.Errorf("%s: the site's Noto Sans is not loaded in the fallback page", name)
	}
	c := layout.Build(testAssets, st, echarts.W, echarts.H)
	model := map[string]string{} // the model's texts by id, but the caption's
	for _, m := range c.Marks {
		if m.Kind == charts.TextMark && m.Role != charts.RoleNote && m.Role != charts.RoleSource {
			model[m.ID] = m.Text
		}
	}
	if len(texts) != len(model) {
		t.Errorf("%s: the chart draws %d texts, the model %d (besides the caption's notes and source)", name, len(texts), len(model))
	}
	for i, a := range texts {
		if want, ok := model[a.ID]; !ok || want != a.Text {
			t.Errorf("%s: the chart draws %q as %s, the model %q", name, a.Text, a.ID, want)
		}
		if !strings.Contains(a.Font, "Noto Sans") {
			t.Errorf("%s: %s %q drawn in %q", name, a.ID, a.Text, a.Font)
		}
		if a.X < -slack || a.Y < -slack || a.X+a.W > echarts.W+slack || a.Y+a.H > echarts.H+slack {
			t.Errorf("%s: %s %q (%.1f,%.1f %.1f×%.1f) runs out of the %d×%d chart", name, a.ID, a.Text, a.X, a.Y, a.W, a.H, echarts.W, echarts.H)
		}
		for _, b := range texts[i+1:] {
			ox := min(a.X+a.W, b.X+b.W) - max(a.X, b.X)
			oy := min(a.Y+a.H, b.Y+b.H) - max(a.Y, b.Y)
			if ox > slack && oy > slack {
				t.Errorf("%s: %s %q and %s %q overlap by %.1f×%.1f px", name, a.ID, a.Text, b.ID, b.Text, ox, oy)
			}
		}
	}
}
