//go:build !(js && wasm)

package e2e

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
)

// The phones of the phone tests: two common screens, CSS pixels at device scale 2, touch.
var phones = []struct{ w, h int64 }{{360, 640}, {390, 844}}

// phoneViewport emulates a phone w×h: device scale 2, a mobile viewport, touch (so the page
// sees (hover: none) and (pointer: coarse)).
func phoneViewport(w, h int64) chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(w, h, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2))
}

// shiftsJS records, in the top document only, every layout shift the Layout Instability API
// reports that no input caused (window.azflowsShifts: the sum, and the shifted elements).
const shiftsJS = `if (window.top === window && window.PerformanceObserver) {
	window.azflowsShifts = {sum: 0, list: []};
	new PerformanceObserver((l) => { for (const e of l.getEntries()) { if (e.hadRecentInput) continue;
		window.azflowsShifts.sum += e.value;
		window.azflowsShifts.list.push(e.value.toFixed(4) + ' ' + (e.sources || []).map((s) => (s.node && (s.node.id || s.node.className || s.node.nodeName)) + ' ' + Math.round(s.previousRect.y) + '→' + Math.round(s.currentRect.y)).join(', '));
	} }).observe({type: 'layout-shift', buffered: true});
	// Every text the loading notice shows.
	window.azflowsNotices = [];
	document.addEventListener('DOMContentLoaded', () => { const n = document.getElementById('chart-notice');
		if (n) new MutationObserver(() => window.azflowsNotices.push(n.textContent)).observe(n, {childList: true, characterData: true, subtree: true}); });
}`

// liveTakesStaticBox puts the chart in view (8 px under the viewport's top), waits for the
// live view and checks that it takes exactly the box the static chart (what, in the messages)
// had. It returns the static chart's box.
func liveTakesStaticBox(t *testing.T, ctx context.Context, name, what string) chartBox {
	t.Helper()
	first := eval[chartBox](t, ctx, chartBoxJS)
	if err := runJS(ctx, `window.scrollTo(0, `+strconv.FormatFloat(max(0, first.Top-8), 'f', 0, 64)+`)`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the live chart", `window.azflowsPage.mode !== 'static'`, 40*time.Second)
	time.Sleep(500 * time.Millisecond) // the view's frame settles
	live := eval[chartBox](t, ctx, chartBoxJS)
	if math.Abs(live.Top-first.Top) > 0.5 || math.Abs(live.H-first.SH) > 1 || math.Abs(live.W-first.SW) > 1 {
		t.Errorf("%s: the static %s was %.0f×%.0f at y = %.0f, the live one is %.0f×%.0f at y = %.0f", name, what, first.SW, first.SH, first.Top, live.W, live.H, live.Top)
	}
	return first
}

// shiftToLive opens page in a viewport with shiftsJS recording, puts the chart in view (as a
// reader who came for it has it, so that its shifts count) and checks that the live chart
// takes exactly the static chart's place and that the layout shift from the first paint to
// live and through every chart view and year (switched as a link would, no input, so every
// shift counts; the last to end) is ≤ 0.02. It returns the first chart's box.
func shiftToLive(t *testing.T, ctx context.Context, name string, viewport chromedp.Action[chromedp.Void], page, end string) chartBox {
	t.Helper()
	onNewDocument(t, ctx, shiftsJS)
	if err := chromedp.Do(ctx, viewport, chromedp.Navigate(baseURL+"/"+page)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.state)`, 10*time.Second)
	first := liveTakesStaticBox(t, ctx, name, "chart")
	for _, v := range charts.Views() {
		if !layout.IsChart(v) {
			continue
		}
		for _, y := range charts.Years {
			if err := runJS(ctx, `location.hash = 'view=`+v+`&year=`+strconv.Itoa(y)+`'`); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, v+" "+strconv.Itoa(y), `window.azflowsPage.state.view === '`+v+`' && window.azflowsPage.state.year === `+strconv.Itoa(y), 5*time.Second)
			time.Sleep(150 * time.Millisecond)
		}
	}
	if err := runJS(ctx, `location.hash = '`+end+`'`); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	sh := eval[struct {
		Sum  float64
		List []string
	}](t, ctx, `window.azflowsShifts`)
	if sh.Sum > 0.02 {
		t.Errorf("%s: cumulative layout shift %.4f > 0.02: %q", name, sh.Sum, sh.List)
	} else {
		t.Logf("%s: cumulative layout shift %.4f", name, sh.Sum)
	}
	return first
}

// chartBoxJS is the box of the chart the page shows: the live view's frame when live, else
// the static SVG; with the static SVG's viewBox size.
const chartBoxJS = `(() => { const live = window.azflowsPage.mode === 'live';
	const el = live ? document.querySelector('#live-slot iframe') : [...document.querySelectorAll('.static svg')].find((s) => s.getBoundingClientRect().height > 0);
	const r = el.getBoundingClientRect();
	const s = [...document.querySelectorAll('.static svg')].find((s) => s.getBoundingClientRect().height > 0);
	const sr = s ? s.getBoundingClientRect() : {top: 0, height: 0, width: 0};
	const vb = s && s.viewBox.baseVal ? [s.viewBox.baseVal.width, s.viewBox.baseVal.height] : [0, 0];
	return {Top: r.top + scrollY, W: r.width, H: r.height, STop: sr.top + scrollY, SW: sr.width, SH: sr.height, VW: vb[0], VH: vb[1]}; })()`

type chartBox struct{ Top, W, H, STop, SW, SH, VW, VH float64 }

// On a phone, in every language, the chart is on the first screen (its top in the upper half
// of the viewport), the first chart is laid out for the phone (its static SVG is the phone
// frame, drawn at about its own size, not the desktop chart shrunk), the live view takes
// exactly the static chart's place (layout shift ≤ 0.02 from the first paint to live and
// through every view and year switch), and the loading notice counts the bytes that travel.
func TestPhoneFirstScreen(t *testing.T) {
	travel := wasmTravelMB(t)
	for _, lang := range []string{"en", "az", "ru"} {
		t.Run(lang, func(t *testing.T) {
			for _, p := range phones {
				ctx, _ := newBrowser(t)
				name := fmt.Sprintf("%s %dx%d", lang, p.w, p.h)
				first := shiftToLive(t, ctx, name, phoneViewport(p.w, p.h), pageOf(lang), "view=map&year=2012")
				if first.Top+1 > float64(p.h)/2 {
					t.Errorf("%s: the chart starts at y = %.0f, not in the upper half of the %d px screen", name, first.Top, p.h)
				}
				if first.VW < first.SW*0.85 || first.VW > first.SW*1.2 {
					t.Errorf("%s: the first chart is a %.0f×%.0f layout drawn %.0f×%.0f: not the phone's (text scaled by %.2f)", name, first.VW, first.VH, first.SW, first.SH, first.SW/first.VW)
				}
				checkNoticeBytes(t, name, eval[[]string](t, ctx, `window.azflowsNotices`), travel)
			}
		})
	}
}

// wasmTravelMB is the most view.wasm can take on the wire, in MB: its larger precompressed form.
func wasmTravelMB(t *testing.T) float64 {
	t.Helper()
	wasm := distAsset(t, "view.wasm")
	most := 0.0
	for _, ext := range []string{".br", ".gz"} {
		fi, err := os.Stat(filepath.Join(distDir, wasm+ext))
		if err != nil {
			t.Fatalf("no precompressed %s%s: %v", wasm, ext, err)
		}
		most = math.Max(most, float64(fi.Size())/1e6)
	}
	return most
}

var mbRE = regexp.MustCompile(`([0-9]+[.,]?[0-9]*)\s*(MB|МБ)`)

// checkNoticeBytes fails when a loading notice names more megabytes than view.wasm sends.
func checkNoticeBytes(t *testing.T, name string, notices []string, travel float64) {
	t.Helper()
	for _, n := range notices {
		for _, m := range mbRE.FindAllStringSubmatch(n, -1) {
			v, err := strconv.ParseFloat(strings.Replace(m[1], ",", ".", 1), 64)
			if err != nil {
				t.Fatalf("%s: notice %q: %v", name, n, err)
			}
			if v > travel+0.1 {
				t.Errorf("%s: the loading notice says %q: more than the %.1f MB that travel", name, n, travel)
			}
		}
	}
}

// withMouse gives headless Chromium, which has no pointing device of its own ((hover: none),
// (pointer: none)), a mouse: a desktop's (hover: hover) and (pointer: fine). A phone's touch
// emulation (phoneViewport) overrides it.
var withMouse = chromedp.Flag("blink-settings", "primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4")

// tapTargetsJS lists the page's visible controls smaller than min×min CSS px: links,
// buttons, the labels of choices, selects and summaries (a link inside a sentence is left
// out, as WCAG 2.2 leaves it).
const tapTargetsJS = `((min) => { const out = [];
	for (const el of document.querySelectorAll('a[href], button, summary, select, textarea, #controls label, .embed-size label, .context-toggle label')) {
		const r = el.getBoundingClientRect();
		if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
		if (el.closest('.controls') && el.matches('label') && !el.closest('fieldset')) continue;
		if (el.localName === 'a' && !el.matches('#figures-table a.fn') && el.closest('p.summary, .sources li, .sources p, footer, .keys, .lede, .content-note, #figures-table td, .embed-box p')) continue;
		if (r.width + 0.5 < min || r.height + 0.5 < min) out.push((el.id || el.className || el.localName) + ' "' + (el.innerText || '').trim().slice(0, 24) + '" ' + Math.round(r.width) + '×' + Math.round(r.height));
	}
	return out; })`

// On a phone every control is at least 44×44 CSS px; on a desktop at least 24×24 (WCAG 2.2).
// The keyboard's help is shown only where there is a fine pointer that hovers (a keyboard is
// likely there), and never printed.
func TestPhoneTapTargetsAndKeyboardHelp(t *testing.T) {
	ctx, _ := newBrowser(t, withMouse)
	for _, lang := range []string{"en", "az", "ru"} {
		for _, p := range phones {
			name := fmt.Sprintf("%s %dx%d", lang, p.w, p.h)
			if err := chromedp.Do(ctx, phoneViewport(p.w, p.h), chromedp.Navigate(baseURL+"/"+pageOf(lang)+"#view=bars&year=2010")); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.state)`, 10*time.Second)
			if !eval[bool](t, ctx, `matchMedia('(hover: none)').matches`) {
				t.Fatalf("%s: the emulated phone hovers: no touch emulation", name)
			}
			if err := runJS(ctx, `document.getElementById('embed').open = true`); err != nil {
				t.Fatal(err)
			}
			for _, s := range eval[[]string](t, ctx, tapTargetsJS+`(44)`) {
				t.Errorf("%s: tap target under 44×44: %s", name, s)
			}
			// The table's cards: a card's footnote link stands alone in its field, a target of
			// its own (issue 26); the sources' summary too.
			if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/"+pageOf(lang)+"#view=table&year=2012")); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "the table", `!!(window.azflowsPage && window.azflowsPage.state) && document.getElementById('figures-table').getBoundingClientRect().height > 0`, 10*time.Second)
			if n := eval[int](t, ctx, `document.querySelectorAll('#figures-table a.fn').length`); n < 10 {
				t.Fatalf("%s: %d footnote links in the table", name, n)
			}
			for i, s := range eval[[]string](t, ctx, tapTargetsJS+`(44)`) {
				if i < 5 {
					t.Errorf("%s table: tap target under 44×44: %s", name, s)
				}
			}
			if h := eval[float64](t, ctx, `document.getElementById('chart-keys').getBoundingClientRect().height`); h > 0 {
				t.Errorf("%s: the keyboard help is shown on a touch screen (%v px tall)", name, h)
			}
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate("about:blank"), chromedp.Navigate(baseURL+"/"+pageOf(lang)+"#view=bars&year=2010")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.state)`, 10*time.Second)
		if err := runJS(ctx, `document.getElementById('embed').open = true`); err != nil {
			t.Fatal(err)
		}
		for _, s := range eval[[]string](t, ctx, tapTargetsJS+`(24)`) {
			t.Errorf("%s desktop: target under 24×24: %s", lang, s)
		}
		if h := eval[float64](t, ctx, `document.getElementById('chart-keys').getBoundingClientRect().height`); h == 0 {
			t.Errorf("%s desktop: no keyboard help where a mouse and keyboard are (hover %v, fine pointer %v)", lang, eval[bool](t, ctx, `matchMedia('(hover: hover)').matches`), eval[bool](t, ctx, `matchMedia('(pointer: fine)').matches`))
		}
		if err := chromedp.Do(ctx, media("print")); err != nil {
			t.Fatal(err)
		}
		if h := eval[float64](t, ctx, `document.getElementById('chart-keys').getBoundingClientRect().height`); h > 0 {
			t.Errorf("%s: the keyboard help is printed", lang)
		}
		if err := chromedp.Do(ctx, media("")); err != nil {
			t.Fatal(err)
		}
	}
}

// On a phone the table is a card per figure: nothing wider than the screen, every field
// full width with its column's name; on a desktop it keeps its columns under a sticky header.
func TestPhoneTableCards(t *testing.T) {
	ctx, _ := newBrowser(t)
	for _, lang := range []string{"en", "az", "ru"} {
		for _, p := range phones {
			name := fmt.Sprintf("%s %dx%d", lang, p.w, p.h)
			if err := chromedp.Do(ctx, phoneViewport(p.w, p.h), chromedp.Navigate(baseURL+"/"+pageOf(lang)+"#view=table&year=2012")); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "the table", `!!(window.azflowsPage && window.azflowsPage.state) && document.getElementById('figures-table').getBoundingClientRect().height > 0`, 10*time.Second)
			m := eval[struct {
				WrapSW, WrapCW, W, TableW float64
				Narrow, Unlabelled        []string
				Rows                      int
			}](t, ctx, `(() => { const w = document.querySelector('.table-wrap'), t = document.getElementById('figures-table');
				const heads = [...t.querySelectorAll('thead th')].map((h) => h.textContent.trim());
				const out = {WrapSW: w.scrollWidth, WrapCW: w.clientWidth, W: document.documentElement.clientWidth, TableW: t.getBoundingClientRect().width, Narrow: [], Unlabelled: [], Rows: 0};
				for (const tr of t.querySelectorAll('tbody tr')) { out.Rows++;
					[...tr.children].forEach((c, i) => { const r = c.getBoundingClientRect();
						if (r.height > 0 && r.width < w.clientWidth * 0.6) out.Narrow.push(tr.id + ' ' + heads[i] + ' ' + Math.round(r.width) + ' px');
						if (i > 0 && r.height > 0 && (c.dataset.label !== heads[i] || (getComputedStyle(c, '::before').content || 'none') === 'none')) out.Unlabelled.push(tr.id + ' ' + heads[i]); });
				}
				return out; })()`)
			if m.WrapSW > m.WrapCW+1 || m.TableW > m.W+0.5 {
				t.Errorf("%s: the table is %v px wide (its box scrolls %v in %v) on a %v px screen", name, m.TableW, m.WrapSW, m.WrapCW, m.W)
			}
			if m.Rows < 10 {
				t.Fatalf("%s: %d rows", name, m.Rows)
			}
			for i, s := range m.Narrow {
				if i < 5 {
					t.Errorf("%s: a field of a figure in a narrow column: %s", name, s)
				}
			}
			for i, s := range m.Unlabelled {
				if i < 5 {
					t.Errorf("%s: a field without its column's name: %s", name, s)
				}
			}
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(baseURL+"/"+pageOf(lang)+"#view=table&year=2012")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the table", `!!(window.azflowsPage && window.azflowsPage.state) && document.getElementById('figures-table').getBoundingClientRect().height > 0`, 10*time.Second)
		if err := runJS(ctx, `window.scrollTo(0, document.querySelector('#figures-table tbody tr:nth-child(12)').getBoundingClientRect().top + scrollY)`); err != nil {
			t.Fatal(err)
		}
		top := eval[[]float64](t, ctx, `(() => { const h = document.querySelector('#figures-table thead th').getBoundingClientRect(); return [h.top, h.height, document.querySelectorAll('#figures-table thead th').length]; })()`)
		if top[2] != 7 || top[0] < -0.5 || top[0] > 1 {
			t.Errorf("%s desktop: the table's header (%v columns) is at y = %v after scrolling: not sticky", lang, top[2], top[0])
		}
	}
}

// Touching a bar on a phone shows its read-out in space kept for it: nothing under the chart
// moves.
func TestPhoneReadoutDoesNotMovePage(t *testing.T) {
	ctx, _ := newBrowser(t)
	for _, lang := range []string{"en", "az", "ru"} {
		p := phones[0]
		name := fmt.Sprintf("%s %dx%d", lang, p.w, p.h)
		if err := chromedp.Do(ctx, phoneViewport(p.w, p.h), chromedp.Navigate(baseURL+"/"+pageOf(lang)+"#view=bars&year=2010")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the live chart", `window.azflowsPage.mode === 'live'`, 40*time.Second)
		waitFor(t, ctx, "the first frame", liveView+`.ready && `+liveView+`.frames > 0`, 10*time.Second)
		// The chart in view (a touch lands only on the screen).
		if err := runJS(ctx, `window.scrollTo(0, document.querySelector('#live-slot iframe').getBoundingClientRect().top + scrollY - 8)`); err != nil {
			t.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond)
		fx, fy, fw, fh := liveFrameBox(t, ctx)
		before := eval[float64](t, ctx, `document.querySelector('.summary').getBoundingClientRect().top + scrollY`)
		model := layout.Build(testAssets, charts.State{View: "bars", Year: 2010, Lang: i18n.Lang(lang)}, fw, fh)
		bar, ok := model.Mark("bar/dest-2010-turkey")
		if !ok {
			t.Fatalf("%s: no Turkey bar in the %.0f×%.0f model", name, fw, fh)
		}
		c := bar.Center()
		if err := chromedp.Do(ctx, tap(fx+c.X, fy+c.Y)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the read-out", `window.azflowsPage.readout.length > 0`, 10*time.Second)
		time.Sleep(200 * time.Millisecond)
		after := eval[float64](t, ctx, `document.querySelector('.summary').getBoundingClientRect().top + scrollY`)
		if math.Abs(after-before) > 0.5 {
			t.Errorf("%s: the read-out moved the text under the chart from y = %v to %v", name, before, after)
		}
	}
}

// tap touches the page at x, y and lifts the finger.
func tap(x, y float64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		pt := []*input.TouchPoint{{X: x, Y: y}}
		if _, err := cdp.Call(ctx, tg, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: pt}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}})
		return err
	})
}

// media emulates a CSS media type ("print"; "" for the screen again).
func media(m string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
		return err
	})
}

// The embed code offers the site's sizer (web/page/embed.js): in a phone's 344 px column and in a
// 100 %-wide desktop column the frame becomes as tall as the page in it, which lays itself out
// for that width (3:4 on a phone, 16:9 wider), chart first under compact controls, with its
// source line, and nothing scrolls inside the frame.
func TestPhoneEmbedFits(t *testing.T) {
	ctx, _ := newBrowser(t)
	hosts := []struct {
		w, h   int64
		mobile bool
		ratio  float64 // the chart's height over its width
	}{{360, 640, true, 4.0 / 3}, {1000, 800, false, 9.0 / 16}}
	for _, lang := range []string{"en", "az", "ru"} {
		for _, h := range hosts {
			name := fmt.Sprintf("%s %d px column", lang, h.w-16)
			vp := chromedp.EmulateViewport(h.w, h.h)
			if h.mobile {
				vp = phoneViewport(h.w, h.h)
			}
			if err := chromedp.Do(ctx, vp, chromedp.Navigate("about:blank"), chromedp.Navigate(baseURL+"/"+pageOf(lang)+"#view=bars&year=2010")); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.embedCode)`, 10*time.Second)
			code := eval[string](t, ctx, `window.azflowsPage.embedCode('responsive')`)
			if !strings.Contains(code, "<script") || !strings.Contains(code, "data-azflows") {
				t.Errorf("%s: the default embed code offers no sizer: %s", name, code)
				continue
			}
			// The host: the code in a column as wide as the screen less its margins (8 px each
			// side). A script put in by innerHTML does not run: it is made anew.
			if err := runJS(ctx, `(() => { const code = `+strconv.Quote(code)+`;
				document.head.innerHTML = ''; document.body.innerHTML = code;
				document.body.style.cssText = 'margin:8px;padding:0;max-width:none;display:block';
				for (const f of document.body.querySelectorAll('iframe')) f.style.cssText = f.getAttribute('style'); // the CSSOM: the page's CSP refuses style attributes
				for (const old of document.body.querySelectorAll('script')) { const s = document.createElement('script'); s.src = old.src; old.replaceWith(s); } })()`); err != nil {
				t.Fatal(err)
			}
			const inner = `document.querySelector('iframe[data-azflows]').contentWindow`
			waitFor(t, ctx, "the embedded page, live and fitted", `(() => { try { const w = `+inner+`; return w.document.body.classList.contains('fit') && w.azflowsPage.mode !== 'static'; } catch (e) { return false; } })()`, 40*time.Second)
			time.Sleep(800 * time.Millisecond) // the last height message
			m := eval[struct {
				FrameW, FrameH, DocH, InnerH, ScrollH float64
				ChartTop, ChartW, ChartH, LineTop     float64
				LineBot, ControlsBot                  float64
			}](t, ctx, `(() => { const f = document.querySelector('iframe[data-azflows]'), w = f.contentWindow, d = w.document;
				const fr = {width: f.clientWidth, height: f.clientHeight};
				const shown = [...d.querySelectorAll('.static svg, #live-slot iframe')].filter((e) => e.getBoundingClientRect().height > 0).map((e) => e.getBoundingClientRect());
				const c = w.azflowsPage.mode === 'live' ? d.querySelector('#live-slot iframe').getBoundingClientRect() : shown[0];
				const line = d.querySelector('.embed-line').getBoundingClientRect(), ctl = d.getElementById('controls').getBoundingClientRect();
				return {FrameW: fr.width, FrameH: fr.height, DocH: d.documentElement.getBoundingClientRect().height, InnerH: w.innerHeight, ScrollH: d.documentElement.scrollHeight,
					ChartTop: c.top, ChartW: c.width, ChartH: c.height, LineTop: line.top, LineBot: line.bottom, ControlsBot: ctl.height > 0 ? ctl.bottom : 0}; })()`)
			if math.Abs(m.FrameH-math.Ceil(m.DocH)) > 2 || m.ScrollH > m.InnerH+1 {
				t.Errorf("%s: the frame is %v px tall for a page of %v px (it scrolls %v in %v)", name, m.FrameH, m.DocH, m.ScrollH, m.InnerH)
			}
			if m.ChartW < m.FrameW*0.9 || math.Abs(m.ChartH/m.ChartW-h.ratio) > 0.02 {
				t.Errorf("%s: the chart is %.0f×%.0f in a %.0f px frame, not the %v proportion", name, m.ChartW, m.ChartH, m.FrameW, h.ratio)
			}
			if m.ControlsBot > 64 || m.ChartTop > m.ControlsBot+16 {
				t.Errorf("%s: the controls end at %v and the chart starts at %v: not chart first", name, m.ControlsBot, m.ChartTop)
			}
			if m.LineBot-m.LineTop < 10 || m.LineBot > m.InnerH+0.5 {
				t.Errorf("%s: the source line is at %v–%v in a %v px page", name, m.LineTop, m.LineBot, m.InnerH)
			}
		}
	}
}
