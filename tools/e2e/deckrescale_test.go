//go:build !(js && wasm)

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A deck whose scale changes after the view has started (the teacher's window goes from
// 1280×720 to 1920×1080, as on pressing F on a projector) keeps the view sharp: the view's
// canvas follows the new scale, 1.44 device pixels per CSS pixel (over the window's), instead
// of keeping the ratio ebiten read as it started.
func TestDeckRescaledEmbedFollows(t *testing.T) {
	ctx, _ := newBrowser(t)
	code := embedCodeFor(t, ctx, "view=bars&year=2010&lang=en", "960x540")
	base := hostServer(t, map[string]string{"/deck.html": strings.Replace(deckScaled, "{{slide}}", code, 1)})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 720), chromedp.Navigate(base+"/deck.html")); err != nil {
		t.Fatal(err)
	}
	const view = deckFrame + `.document.querySelector('#live-slot iframe').contentWindow`
	const k = `(() => { try { return ` + view + `.azflowsView.dsf / devicePixelRatio; } catch (e) { return 0; } })()`
	waitFor(t, ctx, "the embedded live view", `(() => { try { return `+deckFrame+`.azflowsPage.mode === 'live' && `+view+`.azflowsView.ready && `+view+`.azflowsView.frames > 0; } catch (e) { return false; } })()`, 60*time.Second)
	k0 := eval[float64](t, ctx, k)
	s0 := eval[float64](t, ctx, `Reveal.getScale()`)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1920, 1080)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the deck at 1.44", `Math.abs(Reveal.getScale() - 1.44) < 0.005`, 20*time.Second)
	var k1 float64
	for end := time.Now().Add(15 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		if k1 = eval[float64](t, ctx, k); k1 > 1.43 || time.Now().After(end) {
			break
		}
	}
	t.Logf("deck scale %.2f: the view drew at %.2f device pixels per CSS pixel; after the window grew to scale 1.44, at %.2f", s0, k0, k1)
	if k1 < 1.44-0.01 || k1 > 1.44+0.01 {
		t.Errorf("after the deck's scale changed to 1.44 the canvas is backed by %.3f device pixels per CSS pixel (over the window's), want 1.44", k1)
	}
}
