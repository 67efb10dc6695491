//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// On a 360×640 phone a screen reader meets the page in a sensible order: the page's title, the
// lede, the view and year controls, the chart (by its accessible name), its summary, then the
// rest (the table view); each of these is shown and not hidden from assistive technology, and
// the collapsed lede's "More" control is shown, named and takes the focus.
func TestPhoneReadingOrder(t *testing.T) {
	p := phones[0]
	want := []string{"title", "lede", "view control", "year control", "chart", "summary", "the rest"}
	for _, lang := range []string{"en", "az", "ru"} {
		ctx, _ := newBrowser(t)
		name := fmt.Sprintf("%s %dx%d", lang, p.w, p.h)
		if err := chromedp.Do(ctx, phoneViewport(p.w, p.h), chromedp.Navigate(baseURL+"/"+pageOf(lang)+"#view=bars&year=2012")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the live chart", `window.azflowsPage.mode === 'live'`, 40*time.Second)
		got := eval[struct {
			Order   []string
			Missing []string
			Chart   string
			More    string
			Focus   bool
		}](t, ctx, `(() => {
			const shown = e => !!e && e.getClientRects().length > 0 && !e.closest('[aria-hidden="true"]');
			const chart = [...document.querySelectorAll('#chart iframe, #chart svg[role="img"]')].find(shown);
			const parts = {"title": document.querySelector('h1'), "lede": document.getElementById('lede'),
				"view control": document.getElementById('view-select'), "year control": document.querySelector('input[name="year"]'),
				"chart": chart, "summary": document.getElementById('chart-summary'), "the rest": document.getElementById('table-view')};
			const missing = Object.keys(parts).filter(k => !shown(parts[k]) && k !== 'the rest');
			const order = Object.keys(parts).filter(k => parts[k]).sort((a, b) => parts[a] === parts[b] ? 0 :
				(parts[a].compareDocumentPosition(parts[b]) & Node.DOCUMENT_POSITION_FOLLOWING) ? -1 : 1);
			let chartName = '';
			if (chart && chart.tagName === 'IFRAME') chartName = chart.title;
			else if (chart) chartName = (chart.getAttribute('aria-labelledby') || '').split(' ').map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
			const more = document.getElementById('lede-more');
			if (more) more.focus();
			return {Order: order, Missing: missing, Chart: chartName, More: shown(more) ? more.textContent.trim() : '', Focus: !!more && document.activeElement === more};
		})()`)
		if strings.Join(got.Order, ", ") != strings.Join(want, ", ") {
			t.Errorf("%s: the page's order is %v, want %v", name, got.Order, want)
		}
		if len(got.Missing) > 0 {
			t.Errorf("%s: not shown to a reader: %v", name, got.Missing)
		}
		if got.Chart == "" {
			t.Errorf("%s: the chart has no accessible name", name)
		}
		if got.More == "" || !got.Focus {
			t.Errorf("%s: the lede's More control is shown and named %q, takes the focus %v", name, got.More, got.Focus)
		}
		t.Logf("%s: %v; the chart is %q; More is %q", name, got.Order, got.Chart, got.More)
	}
}
