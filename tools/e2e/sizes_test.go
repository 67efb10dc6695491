//go:build !(js && wasm)

package e2e

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// pageOf is the page of a language: index.html, index.az.html, index.ru.html.
func pageOf(lang string) string {
	if lang == "en" {
		return "index.html"
	}
	return "index." + lang + ".html"
}

// fitJS measures the page against the viewport: the document's scroll size, the viewport,
// and the elements (by selector) that reach outside it or are cut inside their own box.
const fitJS = `((sels) => {
	// On a phone the layout viewport (innerWidth) grows to fit what is too wide; the screen is
	// the document's client width (the device width of the viewport meta tag).
	const d = document.documentElement, W = Math.min(innerWidth, d.clientWidth, visualViewport.width * visualViewport.scale);
	const out = {sw: Math.max(d.scrollWidth, innerWidth), sh: d.scrollHeight, w: W, h: innerHeight, outside: [], cut: []};
	for (const sel of sels) {
		for (const el of document.querySelectorAll(sel)) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 && r.height === 0) continue;
			if (r.left < -0.5 || r.right > W + 0.5) out.outside.push(sel + ' ' + (el.innerText || el.id || '').trim().slice(0, 30) + ' ' + Math.round(r.left) + '–' + Math.round(r.right));
			if (el.scrollWidth > el.clientWidth + 1) out.cut.push(sel + ' ' + (el.innerText || el.id || '').trim().slice(0, 30) + ' ' + el.scrollWidth + '>' + el.clientWidth);
		}
	}
	return out;
})`

type fit struct {
	SW, SH, W, H float64
	Outside, Cut []string
}

// On phones (320, 360 and 390 px wide, touch, 2× or 3× pixels) the page never scrolls
// sideways in any language: the views are a select beside the year buttons, the language
// switch and the high-contrast toggle stay whole on screen, and the table is a card per figure.
func TestPhonePageFitsTheWidth(t *testing.T) {
	ctx, _ := newBrowser(t)
	visible := `["#controls label", "#lang-switch a", "#contrast-toggle", ".lede", "h1", ".actions a", ".actions button", "#embed summary"]`
	for _, lang := range []string{"en", "az", "ru"} {
		for _, w := range []int64{320, 360, 390} {
			for _, hash := range []string{"#view=map&year=2012", "#view=table&year=2012", "#view=sources&year=2012"} {
				name := fmt.Sprintf("%s %dpx %s", lang, w, hash)
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 740, chromedp.EmulateMobile, chromedp.EmulateScale(3)),
					chromedp.Navigate(baseURL+"/"+pageOf(lang)+hash)); err != nil {
					t.Fatal(err)
				}
				waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.state)`, 10*time.Second)
				f := eval[fit](t, ctx, fitJS+"("+visible+")")
				if f.SW > f.W+0.5 {
					t.Errorf("%s: the page is %v px wide in a %v px screen: it scrolls sideways", name, f.SW, f.W)
				}
				for _, o := range f.Outside {
					t.Errorf("%s: off screen: %s", name, o)
				}
				for _, c := range f.Cut {
					t.Errorf("%s: cut: %s", name, c)
				}
				if hash == "#view=table&year=2012" {
					// The table is a card per figure (tools/e2e/phone_test.go): nothing in its box
					// lies beyond the screen, to be scrolled to.
					box := eval[[]float64](t, ctx, `(() => { const b = document.querySelector('.table-wrap'); const r = b.getBoundingClientRect(); return [r.right, b.scrollWidth, b.clientWidth]; })()`)
					if box[0] > f.W+0.5 || box[1] > box[2]+1 {
						t.Errorf("%s: the table's box reaches %v in %v and holds %v px in %v", name, box[0], f.W, box[1], box[2])
					}
				}
			}
		}
	}
}

// Embedded in a slide frame of any size, in every language, the page shows the chart and its
// controls with no scrollbar: the controls wrap, the chart takes the height they leave.
func TestEmbedSizesFit(t *testing.T) {
	sizes := []struct {
		w, h int64
		view string
	}{{480, 270, "bars"}, {960, 540, "map"}, {1280, 720, "timeline"}}
	for _, lang := range []string{"en", "az", "ru"} {
		t.Run(lang, func(t *testing.T) {
			ctx, _ := newBrowser(t)
			for _, s := range sizes {
				name := fmt.Sprintf("%s %dx%d %s", lang, s.w, s.h, s.view)
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(s.w, s.h),
					chromedp.Navigate(baseURL+"/"+pageOf(lang)+"#view="+s.view+"&year=2012&embed")); err != nil {
					t.Fatal(err)
				}
				waitFor(t, ctx, "embed mode", `document.body.classList.contains('embed') && !!window.azflowsPage.state`, 10*time.Second)
				checkEmbed(t, ctx, name+" (static)", "window")
				// And once the interactive chart (or the fallback) has taken the static one's place.
				waitFor(t, ctx, "the live chart", `window.azflowsPage.mode !== 'static'`, 25*time.Second)
				checkEmbed(t, ctx, name+" ("+eval[string](t, ctx, `window.azflowsPage.mode`)+")", "window")
			}
			// A host page with the embed at 100 % width and 16:9.
			open(t, ctx, 1000, 800, "")
			// Styles through the CSSOM: the page's CSP refuses style attributes.
			if err := runJS(ctx, `document.body.innerHTML = '<iframe id=f src="`+baseURL+`/`+pageOf(lang)+`#view=bars&year=2010&embed"></iframe>';
				document.body.style.cssText = 'margin:0;padding:0;max-width:none'; const f = document.getElementById('f');
				f.style.display = 'block'; f.style.width = '100%'; f.style.aspectRatio = '16 / 9'; f.style.border = '0';`); err != nil {
				t.Fatal(err)
			}
			const inner = `document.getElementById('f').contentWindow`
			waitFor(t, ctx, "the embedded page", `(() => { try { const w = `+inner+`; return w.document.body.classList.contains('embed') && w.azflowsPage.mode !== 'static'; } catch (e) { return false; } })()`, 25*time.Second)
			if w := eval[float64](t, ctx, inner+`.innerWidth`); w < 990 {
				t.Fatalf("the host's frame is %v px wide, not the page's width", w)
			}
			checkEmbed(t, ctx, lang+" 100%-wide 16:9 host", inner)
		})
	}
}

// checkEmbed measures an embedded page: win is the JS expression of its window ("window" for
// the tab itself).
func checkEmbed(t *testing.T, ctx context.Context, name, win string) {
	t.Helper()
	m := eval[struct {
		SW, SH, W, H       float64
		ChartTop, ChartBot float64
		ChartW, ChartH     float64
		Below              float64 // what the page shows under the chart: the notice and source line
		Controls           []string
	}](t, ctx, `((w) => { const d = w.document, de = d.documentElement, c = d.getElementById('chart').getBoundingClientRect();
		const shown = [...d.querySelectorAll('#static svg, #live-slot iframe, #fallback-slot iframe')].map(e => e.getBoundingClientRect()).filter(r => r.height > 0)[0] || {top: 0, bottom: 0, width: 0, height: 0};
		const line = d.querySelector('.embed-line').getBoundingClientRect();
		const out = [];
		for (const el of d.querySelectorAll('#controls label')) {
			const r = el.getBoundingClientRect();
			if (r.width === 0) continue;
			if (r.left < -0.5 || r.right > w.innerWidth + 0.5 || r.top < -0.5 || r.bottom > w.innerHeight + 0.5) out.push(el.innerText.trim() + ' at ' + Math.round(r.left) + ',' + Math.round(r.top));
		}
		return {SW: de.scrollWidth, SH: de.scrollHeight, W: w.innerWidth, H: w.innerHeight, ChartTop: shown.top, ChartBot: shown.bottom,
			ChartW: shown.width, ChartH: shown.height, Below: w.innerHeight - line.top, Controls: out}; })(`+win+`)`)
	if m.SW > m.W+0.5 || m.SH > m.H+0.5 {
		t.Errorf("%s: scrollbars: content %vx%v in %vx%v", name, m.SW, m.SH, m.W, m.H)
	}
	for _, c := range m.Controls {
		t.Errorf("%s: control out of sight: %s", name, c)
	}
	if m.ChartBot > m.H+0.5 {
		t.Errorf("%s: the chart ends at %v, under the %v px frame", name, m.ChartBot, m.H)
	}
	// The chart takes the height the controls leave: from under them to the source line.
	if left := m.H - m.ChartTop - m.Below; m.ChartH < left-24 {
		t.Errorf("%s: the chart is %v px tall where %v px are left under the controls", name, m.ChartH, left)
	}
	if m.ChartW < m.W*0.9 {
		t.Errorf("%s: the chart is %v px wide in a %v px frame", name, m.ChartW, m.W)
	}
}
