//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/charts/svg"
	"azflows/i18n"
)

// phoneTimelineItems is how many items the paper's timeline has (issue #26: "all 19 items").
const phoneTimelineItems = 19

// On a 360×640 phone the first-paint (static) SVG of #view=timeline, a shared link's, is the
// phone's picture (its viewBox the phone frame's, drawn at about its own size: phonePicture)
// and holds every item of the timeline (each marker the model draws, by its id), each labelled
// in the page's language (a text with the item's datum, as the model writes it), placed in the
// phone layout's reading order: the model's at the phone's size, the vertical timeline's date
// order (charts.TestPhoneTimeline dates it). The live view then takes exactly that picture's
// place, with the chart in view: layout shift ≤ 0.02 from the first paint to live.
func TestPhoneTimelineStatic(t *testing.T) {
	p := phones[0]
	for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU} {
		ctx, _ := newBrowser(t)
		onNewDocument(t, ctx, shiftsJS)
		name := fmt.Sprintf("%s %dx%d", l, p.w, p.h)
		if err := chromedp.Do(ctx, phoneViewport(p.w, p.h), chromedp.Navigate(baseURL+"/"+pageOf(string(l))+"#view=timeline&year=2012")); err != nil {
			t.Fatal(err)
		}
		// The SVG read is the one on the screen (#static's or the phone's box's).
		const shown = `[...document.querySelectorAll('.static svg[data-view="timeline"]')].find(s => s.getBoundingClientRect().width > 0)`
		waitFor(t, ctx, "the static timeline on the screen", `!!`+shown, 10*time.Second)
		type item struct {
			ID, Text string
			X, Y     float64
		}
		got := eval[struct {
			W, H, BW, BH float64
			Items        []item
		}](t, ctx, `(() => { const s = `+shown+`, vb = s.viewBox.baseVal, b = s.getBoundingClientRect();
			return {W: vb.width, H: vb.height, BW: b.width, BH: b.height, Items: [...s.querySelectorAll('rect[id^="marker-"], rect[id^="phone-marker-"]')].map(r => {
				const d = r.dataset.datum || '';
				const t = d ? [...s.querySelectorAll('text')].filter(e => e.dataset.datum === d).map(e => e.textContent.trim()).join(' ') : '';
				return {ID: r.id.replace(/^phone-/, ''), Text: t, X: r.x.baseVal.value, Y: r.y.baseVal.value}; })}; })()`)
		if why := phonePicture(got.W, got.H, got.BW, got.BH); why != "" {
			t.Errorf("%s: the first-paint timeline is not the phone's picture: %s", name, why)
		}
		model := layout.Build(testAssets, charts.State{View: "timeline", Year: 2012, Lang: l}, got.W, got.H)
		read := func(a, b item) bool { // column by column, top down (as charts.TestPhoneTimeline reads)
			if math.Abs(a.X-b.X) > 30 {
				return a.X < b.X
			}
			return a.Y < b.Y
		}
		var want []item
		for _, m := range model.Marks {
			if strings.HasPrefix(m.ID, "marker/") && m.Kind == charts.RectMark {
				var words []string
				for _, w := range model.Marks {
					if w.Kind == charts.TextMark && w.Datum != "" && w.Datum == m.Datum {
						words = append(words, w.Text)
					}
				}
				want = append(want, item{svg.ID(m.ID), strings.Join(words, " "), m.Rect.X, m.Rect.Y})
			}
		}
		sort.SliceStable(want, func(i, j int) bool { return read(want[i], want[j]) })
		sort.SliceStable(got.Items, func(i, j int) bool { return read(got.Items[i], got.Items[j]) })
		if len(want) != phoneTimelineItems {
			t.Errorf("%s: the %.0f×%.0f model draws %d items, want %d", name, got.W, got.H, len(want), phoneTimelineItems)
		}
		ids := func(v []item) string {
			var s []string
			for _, i := range v {
				s = append(s, i.ID)
			}
			return strings.Join(s, " ")
		}
		if ids(got.Items) != ids(want) {
			t.Errorf("%s: the static SVG's items in reading order\n\t%s\nwant the model's\n\t%s", name, ids(got.Items), ids(want))
		}
		for i := range min(len(got.Items), len(want)) {
			g := got.Items[i]
			if g.Text == "" {
				t.Errorf("%s: item %s has no label", name, g.ID)
			} else if g.ID == want[i].ID && g.Text != want[i].Text {
				t.Errorf("%s: item %s is labelled %q, want the model's %q", name, g.ID, g.Text, want[i].Text)
			}
		}
		t.Logf("%s: %d items in a %.0f×%.0f SVG: %s", name, len(got.Items), got.W, got.H, ids(got.Items))

		// From that first paint to live, with the chart in view: no shift, the same box.
		liveTakesStaticBox(t, ctx, name, "timeline")
		sh := eval[struct {
			Sum  float64
			List []string
		}](t, ctx, `window.azflowsShifts`)
		if sh.Sum > 0.02 {
			t.Errorf("%s: cumulative layout shift %.4f > 0.02 from the shared link's first paint to live: %q", name, sh.Sum, sh.List)
		} else {
			t.Logf("%s: cumulative layout shift %.4f from the first paint to live", name, sh.Sum)
		}
	}
}
