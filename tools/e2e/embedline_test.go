//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// In an embed at 480×270, in each language, the source is named once and the line under the
// chart is whole: the chart draws its own source line (the model's "source" marks), so the
// page's line under it offers the link to the full page only, and that link is not cut off.
// In the table view, where no chart draws it, the line names the source again.
func TestEmbedLineOnceAndWhole(t *testing.T) {
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled")) // the layout is the page's, whatever draws the chart
	for _, lang := range []string{"en", "az", "ru"} {
		for _, view := range []string{"bars", "map", "table"} {
			name := fmt.Sprintf("%s %s 480x270", lang, view)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(480, 270),
				chromedp.Navigate(baseURL+"/"+pageOf(lang)+"#view="+view+"&year=2012&embed")); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "embed mode", `document.body.classList.contains('embed') && !!window.azflowsPage.state`, 10*time.Second)
			m := eval[struct {
				Text          string
				Scroll, Width float64
				LinkRight     float64
				LineRight     float64
				SourceShown   bool
				ChartSources  int
			}](t, ctx, `(() => { const l = document.querySelector('.embed-line'), a = document.getElementById('embed-full'), s = l.querySelector('span');
				const chart = document.getElementById('chart');
				return { Text: l.innerText, Scroll: l.scrollWidth, Width: l.clientWidth, LinkRight: a.getBoundingClientRect().right, LineRight: l.getBoundingClientRect().right,
					SourceShown: !!s && s.checkVisibility(),
					ChartSources: chart.checkVisibility() ? document.querySelectorAll('#static svg text.source').length : 0 }; })()`)
			if m.Scroll > m.Width+0.5 || m.LinkRight > m.LineRight+0.5 {
				t.Errorf("%s: the line under the chart %q is cut: %v px of text in %v px, its link ends at %v of %v", name, m.Text, m.Scroll, m.Width, m.LinkRight, m.LineRight)
			}
			if view == "table" {
				if !m.SourceShown {
					t.Errorf("%s: no chart names the source here, and neither does the line %q", name, m.Text)
				}
				continue
			}
			if m.ChartSources == 0 {
				t.Errorf("%s: the chart draws no source line", name)
			}
			if m.SourceShown {
				t.Errorf("%s: the source is named twice: in the chart and in the line under it, %q", name, m.Text)
			}
		}
	}
}
