//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
)

// phonePicture says why a static SVG of viewBox w×h drawn bw×bh on a phone is not the phone's
// picture ("" when it is): the phone's frame is 3:4 (the live view's box there) and drawn at
// about its own size, not the 800×450 layout shrunk into the box (text scaled by 0.45).
func phonePicture(w, h, bw, bh float64) string {
	switch {
	case w <= 0 || h <= 0:
		return "no viewBox"
	case math.Abs(w/h-3.0/4) > 0.01:
		return fmt.Sprintf("a %.0f×%.0f layout, not 3:4", w, h)
	case w < bw*0.85 || w > bw*1.2:
		return fmt.Sprintf("a %.0f×%.0f layout drawn %.0f×%.0f (text scaled by %.2f)", w, h, bw, bh, bw/w)
	}
	return ""
}

// firstPictureJS records, from the document's start, the first static SVG of the hash's view
// and year that is on the screen (window.azflowsFirstPicture: its viewBox, its drawn size, its
// box), looked for at every animation frame (before each paint), and the viewBox of the page's
// own phone picture (#static-phone's, the page's first state's) as the document came.
const firstPictureJS = `if (window.top === window) {
	window.azflowsFirstPicture = null;
	const h = new URLSearchParams(location.hash.slice(1)), view = h.get('view'), year = h.get('year');
	let own = [0, 0];
	document.addEventListener('DOMContentLoaded', () => { const s = document.querySelector('#static-phone svg');
		if (s) own = [s.viewBox.baseVal.width, s.viewBox.baseVal.height]; });
	const frame = () => {
		const s = [...document.querySelectorAll('.static svg')].find(s => s.dataset.view === view && s.dataset.year === year && s.getBoundingClientRect().height > 0);
		if (!s) { requestAnimationFrame(frame); return; }
		const vb = s.viewBox.baseVal, b = s.getBoundingClientRect();
		window.azflowsFirstPicture = {W: vb.width, H: vb.height, BW: b.width, BH: b.height, Box: s.parentElement.id,
			OwnW: own[0], OwnH: own[1], Mode: (window.azflowsPage && window.azflowsPage.mode) || ''};
	};
	requestAnimationFrame(frame);
}`

// A phone (360×640) opening a shared link to each chart view (#view=V&year=Y, a state other
// than the page's first) in en, az and ru paints that view's phone picture first: the first
// static SVG of the view on the screen has the viewBox of the phone's frame (3:4, the page's
// own phone picture's, drawn at about its own size), never the 800×450 picture in the box.
func TestPhoneSharedLinkPaintsPhone(t *testing.T) {
	p := phones[0]
	for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU} {
		ctx, stop := newBrowser(t)
		onNewDocument(t, ctx, firstPictureJS)
		if err := chromedp.Do(ctx, phoneViewport(p.w, p.h)); err != nil {
			t.Fatal(err)
		}
		for _, v := range charts.Views() {
			if !layout.IsChart(v) {
				continue
			}
			y := charts.Years[0]
			if v == charts.Default.View && y == charts.Default.Year {
				y = charts.Years[len(charts.Years)-1]
			}
			name := fmt.Sprintf("%s %dx%d #view=%s&year=%d", l, p.w, p.h, v, y)
			if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(baseURL+"/"+pageOf(string(l))+"#view="+v+"&year="+strconv.Itoa(y))); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, name+": a static picture of the view", `!!window.azflowsFirstPicture`, 10*time.Second)
			got := eval[struct {
				W, H, BW, BH, OwnW, OwnH float64
				Box, Mode                string
			}](t, ctx, `window.azflowsFirstPicture`)
			if why := phonePicture(got.W, got.H, got.BW, got.BH); why != "" {
				t.Errorf("%s: the first picture (#%s, page %s) is not the phone's: %s", name, got.Box, got.Mode, why)
			} else if got.W != got.OwnW || got.H != got.OwnH {
				t.Errorf("%s: the first picture is %.0f×%.0f, the page's own phone picture %.0f×%.0f", name, got.W, got.H, got.OwnW, got.OwnH)
			}
			t.Logf("%s: first picture %.0f×%.0f in #%s, drawn %.0f×%.0f (page %s)", name, got.W, got.H, got.Box, got.BW, got.BH, got.Mode)
		}
		stop()
	}
}
