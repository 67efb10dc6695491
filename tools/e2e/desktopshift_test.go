//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// The desktops of TestDesktopLayoutShift: a laptop, where the chart fills the width and the
// summary is at the screen's foot, and a large screen, where everything under the chart
// (summary, keys, downloads, embed and sources) is in view.
var desktops = []struct{ w, h int64 }{{1280, 800}, {1920, 1080}}

// On a desktop, in every language, the live chart takes exactly the static chart's place, and
// the layout shift from the first paint to live and through every view and year (switched as
// a link would, no input, so every shift counts) is ≤ 0.02: the summary under the chart,
// whose length changes with the view, moves nothing under it.
func TestDesktopLayoutShift(t *testing.T) {
	for _, lang := range []string{"en", "az", "ru"} {
		for _, d := range desktops {
			name := fmt.Sprintf("%s %dx%d", lang, d.w, d.h)
			ctx, stop := newBrowser(t, withMouse)
			shiftToLive(t, ctx, name, chromedp.EmulateViewport(d.w, d.h), pageOf(lang), "view=map&year=2010")
			stop()
		}
	}
}
