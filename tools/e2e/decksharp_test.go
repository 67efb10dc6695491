//go:build !(js && wasm)

package e2e

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// deckScaled is a reveal.js 6 deck of 1280×720 slides with reveal's default margin (4 %):
// at 1920×1080 reveal shows its slides 1.44 times their size (a transform), as on a 1080p
// projector. Its first slide holds {{slide}}.
var deckScaled = revealDeck(deckScaling, `{{slide}}`, `<h2>End</h2>`)

// embedCodeFor is the page's embed code for the state hash at size ('responsive', '960x540',
// …), as a teacher copies it, pointed at the host server's origin ({{origin}}), loaded at once.
func embedCodeFor(t *testing.T, ctx context.Context, hash, size string) string {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1200, 900), chromedp.Navigate(baseURL+"/#"+hash)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the page", `!!(window.azflowsPage && window.azflowsPage.embedCode)`, 10*time.Second)
	code := eval[string](t, ctx, `window.azflowsPage.embedCode('`+size+`')`)
	return strings.ReplaceAll(strings.Replace(code, ` loading="lazy"`, "", 1), baseURL, "{{origin}}")
}

// openDeck opens a deckScaled with slide at 1920×1080 and waits for reveal's 1.44.
func openDeck(t *testing.T, ctx context.Context, slide string) {
	t.Helper()
	base := hostServer(t, map[string]string{"/deck.html": strings.Replace(deckScaled, "{{slide}}", slide, 1)})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1920, 1080), chromedp.Navigate(base+"/deck.html")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the deck at 1.44", `typeof Reveal !== 'undefined' && Reveal.isReady() && Math.abs(Reveal.getScale() - 1.44) < 0.005`, 20*time.Second)
}

// deckFrame is the embedded page's window in openDeck's deck.
const deckFrame = `document.querySelector('.reveal iframe').contentWindow`

// gradientEnergy is the mean squared difference between neighbouring pixels' luminance inside
// box: a step from ink to paper drawn over one pixel counts fully, the same step smeared over
// two or three (a bitmap stretched by 1.44) a half or a third.
func gradientEnergy(img image.Image, box image.Rectangle) float64 {
	box = box.Intersect(img.Bounds())
	lum := func(x, y int) float64 {
		r, g, b, _ := img.At(x, y).RGBA()
		return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 257
	}
	var sum float64
	n := 0
	for y := box.Min.Y; y < box.Max.Y-1; y++ {
		for x := box.Min.X; x < box.Max.X-1; x++ {
			l := lum(x, y)
			dx, dy := lum(x+1, y)-l, lum(x, y+1)-l
			sum += dx*dx + dy*dy
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// A 960×540 embed in a reveal.js deck shown at 1080p (scale 1.44) is drawn at the resolution it
// is shown at: the embed code's script (web/page/embed.js) tells the page the host's scale, the
// view's canvas is backed by 1.44 device pixels per CSS pixel, and its edges carry at least 1.3
// times the energy of the same embed without the script, whose canvas, drawn at 1 device
// pixel per CSS pixel and stretched by the deck, smears each edge over two or three pixels.
func TestDeckScaledEmbedIsSharp(t *testing.T) {
	ctx, _ := newBrowser(t)
	code := embedCodeFor(t, ctx, "view=bars&year=2010&lang=en", "960x540")
	i := strings.Index(code, "<script")
	if i < 0 {
		t.Errorf("the 960×540 embed code carries no script to keep it sharp in a deck: %s", code)
		i = len(code)
	}
	const view = deckFrame + `.document.querySelector('#live-slot iframe').contentWindow`
	energy := func(name, slide string) (float64, float64) {
		t.Helper()
		openDeck(t, ctx, slide)
		waitFor(t, ctx, "the embedded live view", `(() => { try { return `+deckFrame+`.azflowsPage.mode === 'live' && `+view+`.azflowsView.ready && `+view+`.azflowsView.frames > 0; } catch (e) { return false; } })()`, 60*time.Second)
		eval[any](t, ctx, deckFrame+`.document.getElementById('static').style.visibility = 'hidden'`)
		r := eval[[]float64](t, ctx, `(() => { const f = document.querySelector('.reveal iframe'), fr = f.getBoundingClientRect(), s = fr.width / f.offsetWidth;
			const l = `+deckFrame+`.document.querySelector('#live-slot iframe').getBoundingClientRect();
			return [fr.left + l.left * s, fr.top + l.top * s, l.width * s, l.height * s, `+view+`.azflowsView.dsf, devicePixelRatio]; })()`)
		box := image.Rect(int(r[0])+4, int(r[1])+4, int(r[0]+r[2])-4, int(r[1]+r[3])-4)
		for end := time.Now().Add(shotWait); ; time.Sleep(150 * time.Millisecond) {
			img := screenshotPNG(ctx, t, "")
			if n, frac := nonBlank(img.(interface {
				SubImage(image.Rectangle) image.Image
			}).SubImage(box)); n >= 20 && frac > 0.02 {
				keepShot(t, name, img, box)
				return gradientEnergy(img, box), r[4] / r[5]
			}
			if time.Now().After(end) {
				t.Fatalf("%s: nothing drawn at %v after %v", name, box, shotWait)
			}
		}
	}
	sharp, k := energy("deck-with-script", code)
	blurred, k0 := energy("deck-without-script", code[:i])
	t.Logf("at scale 1.44: with the script the view draws at %.2f device pixels per CSS pixel, edge energy %.1f; without, at %.2f, %.1f (%.2f×)", k, sharp, k0, blurred, sharp/blurred)
	if k < 1.44-0.01 {
		t.Errorf("in a deck scaled 1.44 the canvas is backed by %.3f device pixels per CSS pixel (over the window's), want 1.44", k)
	}
	if sharp < 1.3*blurred {
		t.Errorf("the live view in a deck at scale 1.44 is blurred: edge energy %.1f, %.2f times that of the canvas stretched from 1 (%.1f), want at least 1.3", sharp, sharp/blurred, blurred)
	}
}

// keepShot writes the box of img to $AZFLOWS_SHOT_DIR/name.png, where that is set (to look at).
func keepShot(t *testing.T, name string, img image.Image, box image.Rectangle) {
	dir := os.Getenv("AZFLOWS_SHOT_DIR")
	if dir == "" {
		return
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(box)); err == nil {
		_ = os.WriteFile(filepath.Join(dir, name+".png"), b.Bytes(), 0o644)
	}
}

// The full-width embed under a slide heading keeps its source line inside the slide: in a
// reveal.js slide the script of the embed code gives the frame the room the heading leaves,
// and the page lays itself out in it (the chart, then the source line).
func TestFullWidthEmbedUnderSlideHeading(t *testing.T) {
	ctx, _ := newBrowser(t)
	code := embedCodeFor(t, ctx, "view=bars&year=2010&lang=en", "responsive")
	openDeck(t, ctx, "<h2>Where victims were taken</h2>\n"+code)
	waitFor(t, ctx, "the embedded page", `(() => { try { return `+deckFrame+`.azflowsPage.mode !== 'static'; } catch (e) { return false; } })()`, 60*time.Second)
	geom := func() []float64 {
		return eval[[]float64](t, ctx, `(() => { const f = document.querySelector('.reveal iframe'), fr = f.getBoundingClientRect(), s = fr.width / f.offsetWidth;
			const w = `+deckFrame+`, d = w.document, line = d.querySelector('.embed-line').getBoundingClientRect(), chart = d.getElementById('chart').getBoundingClientRect();
			const slides = Reveal.getSlidesElement().getBoundingClientRect(), h2 = document.querySelector('.reveal h2').getBoundingClientRect();
			return [fr.top + line.bottom * s, slides.bottom, line.bottom, w.innerHeight, h2.top, slides.top, chart.height, line.height, fr.height]; })()`)
	}
	// The frame settles (the page posts its height, the script sizes the frame).
	g := geom()
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); {
		time.Sleep(500 * time.Millisecond)
		h := geom()
		if h[8] == g[8] {
			break
		}
		g = h
	}
	t.Logf("source line's foot at %.0f px, slide's foot at %.0f px (frame %.0f px tall on the screen, chart %.0f CSS px)", g[0], g[1], g[8], g[6])
	if g[7] <= 0 {
		t.Fatal("the embedded page shows no source line")
	}
	if g[0] > g[1]+1 {
		t.Errorf("the source line ends %.0f px below the slide's foot (%.0f px): cut off", g[0]-g[1], g[1])
	}
	if g[2] > g[3]+0.5 {
		t.Errorf("the source line ends at %.0f px in a frame %.0f px tall: cut off", g[2], g[3])
	}
	if g[4] < g[5]-1 {
		t.Errorf("the slide's heading starts %.0f px above the slide", g[5]-g[4])
	}
	if g[6] < 300 {
		t.Errorf("the chart under the heading is %.0f px tall: too small to read", g[6])
	}
}
