//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"image"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
)

// liveNameJS is the live chart's accessible name (the view's name and the chart's title).
const liveNameJS = `document.querySelector('#live-slot iframe').contentDocument.querySelector('canvas').getAttribute('aria-label') || ''`

// diffFrac is the share of the pixels of two same-sized images that differ.
func diffFrac(a, b image.Image) float64 {
	r := a.Bounds().Intersect(b.Bounds())
	n, d := 0, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			n++
			ar, ag, ab, _ := a.At(x, y).RGBA()
			br, bg, bb, _ := b.At(x, y).RGBA()
			if absDiff(ar, br) > 0x0800 || absDiff(ag, bg) > 0x0800 || absDiff(ab, bb) > 0x0800 {
				d++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(d) / float64(n)
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// Switching the year on the bars (both years drawn) visibly changes the chart and its title:
// the chosen year is the one the title names first, on a desktop and on a phone.
func TestYearSwitchChangesBars(t *testing.T) {
	for _, c := range []struct {
		lang  string
		w, h  int64
		phone bool
	}{{"en", 1280, 800, false}, {"ru", 360, 640, true}} {
		ctx, _ := newBrowser(t)
		name := fmt.Sprintf("%s %dx%d", c.lang, c.w, c.h)
		vp := chromedp.EmulateViewport(c.w, c.h)
		if c.phone {
			vp = phoneViewport(c.w, c.h)
		}
		if err := chromedp.Do(ctx, vp, chromedp.Navigate(baseURL+"/"+pageOf(c.lang)+"#view=bars&year=2010")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the live chart", `window.azflowsPage.mode === 'live'`, 40*time.Second)
		waitFor(t, ctx, "the first frame", liveView+`.ready && `+liveView+`.frames > 0`, 10*time.Second)
		if err := runJS(ctx, `document.querySelector('#live-slot iframe').scrollIntoView({block: 'start'})`); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		shot := func() image.Image { return screenshotPNG(ctx, t, "#live-slot iframe") }
		_, _, fw, fh := liveFrameBox(t, ctx)
		// The Turkey bar of each year, full colour for the chosen year, pale for the other.
		bars := func(img image.Image, year int) {
			t.Helper()
			model := layout.Build(testAssets, charts.State{View: "bars", Year: year, Lang: i18n.Lang(c.lang)}, fw, fh)
			k := float64(img.Bounds().Dx()) / fw
			for _, y := range charts.Years {
				id := fmt.Sprintf("bar/dest-%d-turkey", y)
				m, ok := model.Mark(id)
				if !ok {
					t.Fatalf("%s: no %s in the %.0f×%.0f model", name, id, fw, fh)
				}
				p := m.Center()
				r, g, b, _ := img.At(int(p.X*k), int(p.Y*k)).RGBA()
				// OfficialC is #2e5a87; the muted fill is it at a quarter over white.
				dark := r>>8 < 0x70 && g>>8 < 0x90 && b>>8 < 0xb0
				if y == year && !dark {
					t.Errorf("%s: with %d chosen, its Turkey bar is painted #%02x%02x%02x, not in full colour", name, year, r>>8, g>>8, b>>8)
				}
				if y != year && dark {
					t.Errorf("%s: with %d chosen, %d's Turkey bar is painted #%02x%02x%02x: as full as the chosen year's", name, year, y, r>>8, g>>8, b>>8)
				}
			}
		}
		before, nameBefore := shot(), eval[string](t, ctx, liveNameJS)
		bars(before, 2010)
		// The reader's press on the year (its label, as a finger or a mouse would).
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#controls label:has(input[name=year][value="2012"])`))); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "2012 live", liveView+`.hash.indexOf('year=2012') >= 0 && `+liveView+`.ready`, 10*time.Second)
		time.Sleep(500 * time.Millisecond)
		after, nameAfter := shot(), eval[string](t, ctx, liveNameJS)
		bars(after, 2012)
		t.Logf("%s: switching the year changed %.1f %% of the chart's pixels", name, 100*diffFrac(before, after))
		for _, n := range []struct {
			name      string
			year, not string
		}{{nameBefore, "2010", "2012"}, {nameAfter, "2012", "2010"}} {
			i, j := strings.Index(n.name, n.year), strings.Index(n.name, n.not)
			if i < 0 || (j >= 0 && j < i) {
				t.Errorf("%s: with %s chosen the chart is named %q: the year chosen is not named first", name, n.year, n.name)
			}
		}
	}
}

// On the views without a year (the table, the sources) the year control is disabled and a
// visible line says why; on the charts it is enabled and the line is gone.
func TestYearControlOnPageViews(t *testing.T) {
	ctx, _ := newBrowser(t)
	for _, lang := range []string{"en", "az", "ru"} {
		for _, vp := range []struct {
			w, h  int64
			phone bool
		}{{1280, 800, false}, {360, 640, true}} {
			act := chromedp.EmulateViewport(vp.w, vp.h)
			if vp.phone {
				act = phoneViewport(vp.w, vp.h)
			}
			if err := chromedp.Do(ctx, act, chromedp.Navigate(baseURL+"/"+pageOf(lang)+"#view=bars&year=2010")); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.state)`, 10*time.Second)
			want := i18n.T(i18n.Lang(lang), "ctl.year.none")
			for _, v := range charts.Views() {
				name := fmt.Sprintf("%s %dx%d %s", lang, vp.w, vp.h, v)
				if err := runJS(ctx, `location.hash = 'view=`+v+`&year=2012'`); err != nil {
					t.Fatal(err)
				}
				waitFor(t, ctx, v, `window.azflowsPage.state.view === '`+v+`'`, 5*time.Second)
				got := eval[struct {
					Disabled, Hidden bool
					Reason           string
					RH               float64
				}](t, ctx, `(() => { const f = document.querySelector('#controls input[name=year]').closest('fieldset');
					const r = document.getElementById('year-none'); const b = r ? r.getBoundingClientRect() : {height: 0};
					return {Disabled: f.disabled, Hidden: f.getBoundingClientRect().height === 0,
						Reason: r && b.height > 0 ? r.textContent.trim() : '', RH: b.height}; })()`)
				if layout.IsChart(v) {
					if got.Disabled || got.Hidden || got.Reason != "" {
						t.Errorf("%s: on a chart the year control is disabled %v, hidden %v, with the line %q", name, got.Disabled, got.Hidden, got.Reason)
					}
					continue
				}
				if !got.Disabled && !got.Hidden {
					t.Errorf("%s: the year control is live on a view without a year", name)
				}
				if got.Reason != want {
					t.Errorf("%s: the line that says why is %q (%.0f px tall), want %q", name, got.Reason, got.RH, want)
				}
			}
		}
	}
}

// On a phone, a tapped bar's tooltip stands away from the finger and from the bar (its box
// contains neither the touch point nor any of the bar), the read-out keeps its place, and a
// tap elsewhere on the chart, or Escape, takes it away.
// English runs on every phone size; Azerbaijani and Russian on the smallest (one view each,
// to keep the run short).
func TestPhoneTouchTooltip(t *testing.T) {
	type run struct {
		lang i18n.Lang
		w, h int64
	}
	var runs []run
	for _, p := range phones {
		runs = append(runs, run{i18n.EN, p.w, p.h})
	}
	runs = append(runs, run{i18n.AZ, phones[0].w, phones[0].h}, run{i18n.RU, phones[0].w, phones[0].h})
	for _, p := range runs {
		ctx, _ := newBrowser(t)
		name := fmt.Sprintf("%s %dx%d", p.lang, p.w, p.h)
		if err := chromedp.Do(ctx, phoneViewport(p.w, p.h), chromedp.Navigate(baseURL+"/"+pageOf(string(p.lang))+"#view=bars&year=2012")); err != nil {
			t.Fatal(err)
		}
		if got := eval[string](t, ctx, `document.documentElement.lang`); got != string(p.lang) {
			t.Fatalf("%s: the page's lang is %q", name, got)
		}
		waitFor(t, ctx, "the live chart", `window.azflowsPage.mode === 'live'`, 40*time.Second)
		waitFor(t, ctx, "the first frame", liveView+`.ready && `+liveView+`.frames > 0`, 10*time.Second)
		if err := runJS(ctx, `window.scrollTo(0, document.querySelector('#live-slot iframe').getBoundingClientRect().top + scrollY - 8)`); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		fx, fy, fw, fh := liveFrameBox(t, ctx)
		readoutTop := eval[float64](t, ctx, `document.getElementById('readout').getBoundingClientRect().top`)
		model := layout.Build(testAssets, charts.State{View: "bars", Year: 2012, Lang: p.lang}, fw, fh)
		before := screenshotPNG(ctx, t, "")
		k := float64(before.Bounds().Dx()) / float64(p.w) // device pixels per CSS pixel
		for _, id := range []string{"bar/dest-2012-turkey", "bar/dest-2012-russia"} {
			bar, ok := model.Mark(id)
			if !ok {
				t.Fatalf("%s: no %s in the %.0f×%.0f model", name, id, fw, fh)
			}
			c := bar.Center()
			tx, ty := fx+c.X, fy+c.Y
			if err := chromedp.Do(ctx, tap(tx, ty)); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "the pin", liveView+`.pinned && `+liveView+`.hover === '`+bar.Datum+`'`, 10*time.Second)
			time.Sleep(300 * time.Millisecond)
			after := screenshotPNG(ctx, t, "")
			// The tooltip is what changed outside the bar's outline (the highlight hugs the bar).
			br := image.Rect(int((fx+bar.Rect.X-5)*k), int((fy+bar.Rect.Y-5)*k), int(math.Ceil((fx+bar.Rect.X+bar.Rect.W+5)*k)), int(math.Ceil((fy+bar.Rect.Y+bar.Rect.H+5)*k)))
			frame := image.Rect(int(fx*k), int(fy*k), int((fx+fw)*k), int((fy+fh)*k))
			tip := image.Rectangle{}
			for y := frame.Min.Y; y < frame.Max.Y; y++ {
				for x := frame.Min.X; x < frame.Max.X; x++ {
					if image.Pt(x, y).In(br) {
						continue
					}
					ar, ag, ab, _ := before.At(x, y).RGBA()
					cr, cg, cb, _ := after.At(x, y).RGBA()
					if absDiff(ar, cr) > 0x0800 || absDiff(ag, cg) > 0x0800 || absDiff(ab, cb) > 0x0800 {
						tip = tip.Union(image.Rect(x, y, x+1, y+1))
					}
				}
			}
			box := [4]float64{float64(tip.Min.X) / k, float64(tip.Min.Y) / k, float64(tip.Dx()) / k, float64(tip.Dy()) / k}
			if tip.Empty() || tip.Dx() < int(40*k) || tip.Dy() < int(20*k) {
				t.Errorf("%s %s: no tooltip drawn (what changed: %v CSS px)", name, id, box)
				continue
			}
			touch := image.Pt(int(tx*k), int(ty*k))
			barPx := image.Rect(int((fx+bar.Rect.X)*k), int((fy+bar.Rect.Y)*k), int((fx+bar.Rect.X+bar.Rect.W)*k), int((fy+bar.Rect.Y+bar.Rect.H)*k))
			if touch.In(tip) {
				t.Errorf("%s %s: the tooltip %v covers the touch point (%.0f, %.0f)", name, id, box, tx, ty)
			}
			if tip.Overlaps(barPx) {
				t.Errorf("%s %s: the tooltip %v covers the tapped bar %v", name, id, box, bar.Rect)
			}
			if got := eval[float64](t, ctx, `document.getElementById('readout').getBoundingClientRect().top`); math.Abs(got-readoutTop) > 0.5 {
				t.Errorf("%s %s: the read-out moved from y = %.1f to %.1f", name, id, readoutTop, got)
			}
			t.Logf("%s %s: touch at (%.0f, %.0f), bar %v, tooltip %v", name, id, tx, ty, bar.Rect, box)
		}
		// A tap where there is no shape (the middle of the title's line, right of its words)
		// takes the tooltip away.
		if err := chromedp.Do(ctx, tap(fx+fw-6, fy+6)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the tooltip gone after a tap elsewhere", `!`+liveView+`.pinned && `+liveView+`.hover === ''`, 5*time.Second)
		time.Sleep(300 * time.Millisecond)
		frame := image.Rect(int(fx*k), int(fy*k), int((fx+fw)*k), int((fy+fh)*k))
		sub := func(img image.Image) image.Image {
			return img.(interface {
				SubImage(image.Rectangle) image.Image
			}).SubImage(frame)
		}
		if f := diffFrac(sub(before), sub(screenshotPNG(ctx, t, ""))); f > 0.001 {
			t.Errorf("%s: after the tap elsewhere %.2f %% of the chart differs from before the first tap", name, 100*f)
		}
		// Escape takes it away too.
		bar, _ := model.Mark("bar/dest-2012-turkey")
		c := bar.Center()
		if err := chromedp.Do(ctx, tap(fx+c.X, fy+c.Y)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the pin again", liveView+`.pinned`, 10*time.Second)
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the tooltip gone after Escape", `!`+liveView+`.pinned && `+liveView+`.hover === ''`, 5*time.Second)
		// A tap on the page outside the chart's frame (on the summary's words under it) takes
		// it away too, and the chart is as before the first tap.
		if err := chromedp.Do(ctx, tap(fx+c.X, fy+c.Y)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the pin once more", liveView+`.pinned`, 10*time.Second)
		out := eval[[2]float64](t, ctx, `(() => { const r = document.getElementById('chart-summary').getClientRects()[0]; return [r.left + 4, r.top + 8]; })()`)
		if out[1] < fy+fh || out[1] > float64(p.h) {
			t.Fatalf("%s: the summary's first line (y = %.0f) is not on the screen under the chart (%.0f–%.0f)", name, out[1], fy, fy+fh)
		}
		if err := chromedp.Do(ctx, tap(out[0], out[1])); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the tooltip gone after a tap on the page", `!`+liveView+`.pinned && `+liveView+`.hover === ''`, 5*time.Second)
		time.Sleep(300 * time.Millisecond)
		if f := diffFrac(sub(before), sub(screenshotPNG(ctx, t, ""))); f > 0.001 {
			t.Errorf("%s: after the tap on the page %.2f %% of the chart differs from before the first tap", name, 100*f)
		}
		// The tooltip's close control: drawn where the model puts it, at least 44×44, and a
		// tap on it takes the tooltip away.
		if err := chromedp.Do(ctx, tap(fx+c.X, fy+c.Y)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the pin for the close control", liveView+`.pinned`, 10*time.Second)
		time.Sleep(300 * time.Millisecond)
		var closeAt charts.Rect
		for _, m := range layout.OverlayFor(model, bar.Datum, c, true) {
			if m.ID == layout.TooltipCloseID {
				closeAt = m.Rect
			}
		}
		if closeAt.W < 44 || closeAt.H < 44 {
			t.Fatalf("%s: the finger's tooltip has no close control of 44×44 CSS px (%+v)", name, closeAt)
		}
		xr := image.Rect(int((fx+closeAt.X+4)*k), int((fy+closeAt.Y+4)*k), int((fx+closeAt.X+closeAt.W-4)*k), int((fy+closeAt.Y+closeAt.H-4)*k))
		if f := diffFrac(sub2(before, xr), sub2(screenshotPNG(ctx, t, ""), xr)); f < 0.02 {
			t.Errorf("%s: nothing drawn at the close control %+v (%.2f %% changed)", name, closeAt, 100*f)
		}
		if err := chromedp.Do(ctx, tap(fx+closeAt.X+closeAt.W/2, fy+closeAt.Y+closeAt.H/2)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the tooltip gone after a tap on its close control", `!`+liveView+`.pinned && `+liveView+`.hover === ''`, 5*time.Second)
	}
}

// sub2 is the part r of img.
func sub2(img image.Image, r image.Rectangle) image.Image {
	return img.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(r)
}
