//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// clickerDeckHTML is a reveal.js 6 deck with the chart embedded on its second slide.
var clickerDeckHTML = revealDeck(deckFixed,
	`<h2>Trafficking from Azerbaijan</h2>`,
	`<iframe id="chart" src="/index.html#view=bars&amp;year=2010&amp;lang=en&amp;embed" title="chart" style="border:0;width:960px;height:540px"></iframe>`,
	`<h2>End</h2>`)

// The clicker in every mode (issue 27): in a reveal.js deck, after a click into the embedded
// chart's fallback (no WebGL), PageDown, Space and ← reach the deck; after a click on a year
// button inside the embed, → moves the slide, not the year.
func TestClickerKeysInFallbackAndEmbedControls(t *testing.T) {
	base := hostServer(t, map[string]string{"/deck.html": clickerDeckHTML})
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled"))
	openFixedDeck(t, ctx, base)
	inner := `document.getElementById('chart').contentWindow`
	waitFor(t, ctx, "the embed's fallback", `(() => { try { const p = `+inner+`.azflowsPage; return p.mode === 'fallback' && p.fallbackPainted; } catch (e) { return false; } })()`, 30*time.Second)
	slide, key := deckKeys(t, ctx)
	click := func(what, js string) {
		t.Helper()
		p := eval[[]float64](t, ctx, js)
		if err := chromedp.Do(ctx, chromedp.MouseClickXY(p[0], p[1])); err != nil {
			t.Fatal(err)
		}
	}
	// clickFallback clicks the fallback chart, on its title (no mark), as a presenter would.
	clickFallback := func() {
		t.Helper()
		if err := runJS(ctx, `Reveal.slide(1)`); err != nil {
			t.Fatal(err)
		}
		slide(1)
		click("the fallback chart", `(() => { const f = document.getElementById('chart').getBoundingClientRect(); const l = `+inner+`.document.querySelector('#fallback-slot iframe').getBoundingClientRect(); return [f.left + l.left + 20, f.top + l.top + 10]; })()`)
		waitFor(t, ctx, "the keyboard in the fallback", `(() => { try { return `+inner+`.document.activeElement === `+inner+`.document.querySelector('#fallback-slot iframe'); } catch (e) { return false; } })()`, 5*time.Second)
	}
	for _, c := range []struct {
		key  string
		want int
	}{{kb.PageDown, 2}, {" ", 2}, {kb.ArrowRight, 2}, {kb.ArrowLeft, 0}, {kb.PageUp, 0}} {
		clickFallback()
		key(c.key)
		slide(c.want)
	}

	// A click on the year 2012 inside the embed, then →: the slide moves; the year stays.
	if err := runJS(ctx, `Reveal.slide(1)`); err != nil {
		t.Fatal(err)
	}
	slide(1)
	click("2012", `(() => { const f = document.getElementById('chart').getBoundingClientRect(); const l = `+inner+`.document.querySelector('input[name=year][value="2012"]').getBoundingClientRect(); return [f.left + l.left + l.width / 2, f.top + l.top + l.height / 2]; })()`)
	waitFor(t, ctx, "year 2012 in the embed", inner+`.azflowsPage.state.year === 2012 && `+inner+`.document.activeElement.name === 'year'`, 5*time.Second)
	key(kb.ArrowRight)
	slide(2)
	if y := eval[int](t, ctx, inner+`.azflowsPage.state.year`); y != 2012 {
		t.Errorf("→ on the year buttons in an embed moved the year to %d (the deck's key)", y)
	}
}

// No key is lost at the static → live swap: a presenter who clicked the chart while it was
// the static picture, and then the live one, moves the deck with the first PageDown after the
// swap, each time.
func TestClickerFirstKeyAfterSwap(t *testing.T) {
	base := hostServer(t, map[string]string{"/deck.html": clickerDeckHTML})
	for run := 1; run <= 3; run++ {
		ctx, _ := newBrowser(t)
		openFixedDeck(t, ctx, base)
		if err := runJS(ctx, `Reveal.slide(1)`); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "slide 2", `Reveal.getIndices().h === 1`, 5*time.Second)
		inner := `document.getElementById('chart').contentWindow`
		waitFor(t, ctx, "the embed's page", `(() => { try { return !!`+inner+`.azflowsPage.state; } catch (e) { return false; } })()`, 20*time.Second)
		mode := eval[string](t, ctx, inner+`.azflowsPage.mode`)
		p := eval[[]float64](t, ctx, `(() => { const f = document.getElementById('chart').getBoundingClientRect(); const l = `+inner+`.document.getElementById('chart').getBoundingClientRect(); return [f.left + l.left + 20, f.top + l.top + 10]; })()`)
		if err := chromedp.Do(ctx, chromedp.MouseClickXY(p[0], p[1])); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the live chart", `(() => { try { const w = `+inner+`; return w.azflowsPage.mode === 'live' && w.document.querySelector('#live-slot iframe').contentWindow.azflowsView.frames > 0; } catch (e) { return false; } })()`, 60*time.Second)
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.PageDown)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, fmt.Sprintf("run %d (clicked in mode %s): the first PageDown after the swap moves the deck", run, mode), `Reveal.getIndices().h === 2`, 5*time.Second)
		t.Logf("run %d: clicked the chart in mode %s; the first PageDown after the swap moved the deck", run, mode)
	}
}
