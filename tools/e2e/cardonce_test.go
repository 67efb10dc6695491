//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Issue 26: a table card said its footnote twice, «Кто сообщил: большинство наблюдателей
// (сноска 7)» and then «Сноска: 7» (az and en the same). On a phone each card names its
// footnote once, in its footnote field: no other field but the caveats (which may say
// something about the footnote, such as where it stands) names "footnote N" again.
func TestPhoneCardSaysFootnoteOnce(t *testing.T) {
	ctx, _ := newBrowser(t)
	for _, lang := range []string{"en", "az", "ru"} {
		p := phones[0]
		name := fmt.Sprintf("%s %dx%d", lang, p.w, p.h)
		if err := chromedp.Do(ctx, phoneViewport(p.w, p.h), chromedp.Navigate(baseURL+"/"+pageOf(lang)+"#view=table&year=2012")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the table", `!!(window.azflowsPage && window.azflowsPage.state) && document.getElementById('figures-table').getBoundingClientRect().height > 0`, 10*time.Second)
		m := eval[struct {
			Stem    string
			Cards   int
			Repeats []string
		}](t, ctx, `(() => { const t = document.getElementById('figures-table');
			const heads = [...t.querySelectorAll('thead th')].map((h) => h.textContent.trim());
			const fnCol = 5, cavCol = 6;
			// The footnote's word in the page's language, from its column's name: its stem, so
			// that an inflected form ("сноске 7") counts too.
			const stem = heads[fnCol].toLowerCase().slice(0, 4);
			const out = {Stem: stem, Cards: 0, Repeats: []};
			for (const tr of t.querySelectorAll('tbody tr')) {
				const cells = [...tr.children];
				const fn = cells[fnCol].innerText.trim();
				if (!/^[0-9]+$/.test(fn)) continue;
				out.Cards++;
				const re = new RegExp(stem + '\\S*\\s+' + fn + '(?![0-9])', 'iu');
				cells.forEach((c, i) => {
					if (i === fnCol || i === cavCol || c.getBoundingClientRect().height === 0) return;
					if (re.test(c.innerText)) out.Repeats.push(tr.id + ': ' + heads[i] + ' «' + c.innerText.trim() + '» and ' + heads[fnCol] + ': ' + fn);
				});
			}
			return out; })()`)
		if m.Cards < 10 || len(m.Stem) < 4 {
			t.Fatalf("%s: %d cards with a footnote, the footnote's word %q", name, m.Cards, m.Stem)
		}
		for _, r := range m.Repeats {
			t.Errorf("%s: a card names its footnote twice: %s", name, r)
		}
	}
}
