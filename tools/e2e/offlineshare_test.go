//go:build !(js && wasm)

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/i18n"
)

// Offline honesty: a single file opened from disk hands out no file:// address as a "link to
// this view" or embed code (useless to anyone else); they are hidden and a sentence in the
// file's language says they need the page on a web site.
func TestOfflineFileHidesFileLinks(t *testing.T) {
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled"))
	for _, l := range []i18n.Lang{i18n.EN, i18n.RU} {
		if err := chromedp.Do(ctx, chromedp.Navigate(offlineURLOf(l, "#view=bars&year=2012"))); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the single file", `!!(window.azflowsPage && window.azflowsPage.state)`, 20*time.Second)
		g := eval[struct {
			LinkShown, EmbedShown bool
			Said                  string
		}](t, ctx, `({ LinkShown: document.getElementById('copy-link').checkVisibility(), EmbedShown: document.getElementById('embed').checkVisibility(),
			Said: document.getElementById('offline-share') ? document.getElementById('offline-share').textContent : '' })`)
		if g.LinkShown || g.EmbedShown {
			t.Errorf("%s: the single file offers a file:// link (%v) or embed code (%v)", l, g.LinkShown, g.EmbedShown)
		}
		want := map[i18n.Lang]string{i18n.EN: "web site", i18n.RU: "на сайте"}[l]
		if !strings.Contains(g.Said, want) {
			t.Errorf("%s: the single file says %q, want a sentence that the link and embed code need the page online (%q)", l, g.Said, want)
		}
	}
}
