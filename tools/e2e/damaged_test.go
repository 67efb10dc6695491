//go:build !(js && wasm)

package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/i18n"
)

// base85Digits are the digits of the single file's data blocks (cmd/build/offline.go).
const base85Digits = "!#$%()*+,.0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~"

// damagedCopy writes a copy of the single file of l with the data block id changed: a run of
// its base-85 digits in the middle replaced by other digits, as a bad copy or a bad disk
// changes a file (every digit stays a valid one: only gzip's check can tell).
func damagedCopy(t *testing.T, l i18n.Lang, id string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(distDir, offlineFiles[l]))
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	loc := regexp.MustCompile(`<script [^>]*id="` + id + `"[^>]*>`).FindStringIndex(html)
	if loc == nil {
		t.Fatalf("%s has no block #%s", offlineFiles[l], id)
	}
	end := loc[1] + strings.Index(html[loc[1]:], "</script>")
	mid := (loc[1] + end) / 2
	body := []byte(html)
	for i := mid; i < mid+64; i++ {
		d := strings.IndexByte(base85Digits, body[i])
		if d < 0 {
			t.Fatalf("#%s holds %q, not a base-85 digit", id, body[i])
		}
		body[i] = base85Digits[(d+41)%len(base85Digits)]
	}
	p := filepath.Join(t.TempDir(), offlineFiles[l])
	if err := os.WriteFile(p, body, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Issue 29, finding 9: a single file whose data is damaged says so at once, in its own
// language, instead of waiting 20 s for the view and blaming the connection. With its pages
// and scripts damaged no frame can be built: the page keeps its static chart (the first
// state's, which it holds itself) and says the file is damaged; with the view's program damaged, the fallback draws and the reason says the file
// is damaged. (Within 10 s: the view's own time limit is 20 s.)
func TestOfflineDamagedBundle(t *testing.T) {
	ctx, _ := newBrowser(t)
	for _, c := range []struct {
		lang  i18n.Lang
		block string
	}{{i18n.AZ, "azflows-assets"}, {i18n.RU, "azflows-wasm"}, {i18n.EN, "azflows-assets"}, {i18n.EN, "azflows-wasm"}, {i18n.AZ, "azflows-wasm"}} {
		t.Run(string(c.lang)+" "+c.block, func(t *testing.T) {
			file := damagedCopy(t, c.lang, c.block)
			if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.EmulateViewport(1000, 800), chromedp.Navigate("file://"+filepath.ToSlash(file)+"#"+charts.Default.Hash())); err != nil {
				t.Fatal(err)
			}
			if c.block == "azflows-assets" {
				want := i18n.T(c.lang, "notice.offline.damaged")
				waitFor(t, ctx, "the notice that the file is damaged", `window.azflowsPage.notice === `+jsString(want), 10*time.Second)
				if got := eval[string](t, ctx, `window.azflowsPage.mode`); got != "static" {
					t.Errorf("mode %q, want static (the still chart)", got)
				}
				// The first state's still chart, which the page itself holds, stays; no frame.
				if !eval[bool](t, ctx, `!!document.querySelector('#static svg')`) {
					t.Error("the static chart is gone")
				}
				if n := eval[int](t, ctx, `document.querySelectorAll('.live-frame, .fallback-frame').length`); n != 0 {
					t.Errorf("%d frames were made", n)
				}
			} else {
				want := i18n.T(c.lang, "notice.fallback.damaged")
				waitFor(t, ctx, "the fallback, for the damaged file", `window.azflowsPage.mode === 'fallback' && window.azflowsPage.reason === `+jsString(want), 10*time.Second)
				waitFor(t, ctx, "the fallback chart", `window.azflowsPage.fallbackPainted === true`, 20*time.Second)
				// The notice says exactly that, in the page's language; never the generic
				// reason (the view's own report arrives, if at all, after the page has moved on).
				if got, want := eval[string](t, ctx, `window.azflowsPage.notice`), strings.Replace(i18n.T(c.lang, "notice.fallback"), "{1}", want, 1); got != want {
					t.Errorf("the notice %q, want %q", got, want)
				}
			}
			time.Sleep(200 * time.Millisecond)
			if got := eval[string](t, ctx, `window.azflowsPage.notice`); strings.Contains(got, "20") {
				t.Errorf("the notice blames the time: %q", got)
			}
		})
	}
}
