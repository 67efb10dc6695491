//go:build !(js && wasm)

package e2e

import (
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/i18n"
)

// Issue 26: on a touch phone (a finger its only pointer) the live chart's hint speaks of tapping, not of a
// cursor and clicking, in each language. (The desktop's hint, with a mouse, is checked in
// lang_test.go.)
func TestTouchHintSpeaksOfTapping(t *testing.T) {
	pointerWords := regexp.MustCompile(`(?i)hover|click|cursor|курсор|наведите|щелч|kursor|klik`)
	for _, lang := range []string{"ru", "az", "en"} {
		ctx, stop := newBrowser(t) // one browser a language, as a reader opens one page
		if err := chromedp.Do(ctx, phoneViewport(360, 640), chromedp.Navigate(baseURL+"/"+pageOf(lang)+"#view=bars&year=2012")); err != nil {
			t.Fatal(err)
		}
		if !eval[bool](t, ctx, `matchMedia('(any-pointer: coarse)').matches && !matchMedia('(any-pointer: fine)').matches`) {
			t.Fatalf("%s: the emulated phone has a fine pointer: the test needs touch emulation", lang)
		}
		waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
		hint := eval[string](t, ctx, `document.getElementById('chart-notice').innerText`)
		t.Logf("%s: %s", lang, hint)
		if want := i18n.T(i18n.Lang(lang), "notice.live.touch"); hint != want {
			t.Errorf("%s: hint %q, want %q", lang, hint, want)
		}
		if w := pointerWords.FindString(hint); w != "" {
			t.Errorf("%s: the touch hint speaks of %q", lang, w)
		}
		stop()
	}
}
