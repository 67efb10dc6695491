//go:build !(js && wasm)

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The page, the embed, the fallback and presentation make no request to another host, set no
// cookie, and store nothing but the reader's language and theme.
func TestPrivacy(t *testing.T) {
	for _, c := range []struct {
		name string
		hash string
		gl   bool
	}{{"page", "#view=map&year=2012&context=1", true}, {"embed", "#view=timeline&year=2010&embed", true},
		{"present", "#present=3", true}, {"fallback", "#view=compare&year=2012", false}} {
		t.Run(c.name, func(t *testing.T) {
			var flags []chromedp.ExecAllocatorOption
			if !c.gl {
				flags = append(flags, chromedp.Flag("use-gl", "disabled"))
			}
			ctx, _ := newBrowser(t, flags...)
			requests := recordRequests(ctx, t)
			open(t, ctx, 1000, 800, c.hash)
			want := "live"
			if !c.gl {
				want = "fallback"
			}
			waitFor(t, ctx, want, `window.azflowsPage.mode === '`+want+`'`, 60*time.Second)
			time.Sleep(time.Second)
			if f := requests.Foreign(baseURL); len(f) > 0 {
				t.Errorf("requests to other hosts: %q", f)
			}
			if n := len(requests.URLs()); n < 3 {
				t.Errorf("only %d requests recorded: the log does not work", n)
			}
			got := eval[map[string]any](t, ctx, `(() => {
				const frames = [window, ...[...document.querySelectorAll('iframe')].map(f => f.contentWindow)];
				const keys = new Set(); let cookies = '';
				for (const w of frames) { try { cookies += w.document.cookie; for (let i = 0; i < w.localStorage.length; i++) keys.add(w.localStorage.key(i)); for (let i = 0; i < w.sessionStorage.length; i++) keys.add('session:' + w.sessionStorage.key(i)); } catch (e) {} }
				return {cookies, keys: [...keys]}; })()`)
			if got["cookies"] != "" {
				t.Errorf("cookies set: %q", got["cookies"])
			}
			for _, k := range got["keys"].([]any) {
				if k != "azflows-theme" && k != "azflows-lang" {
					t.Errorf("stored %q", k)
				}
			}
		})
	}
}
