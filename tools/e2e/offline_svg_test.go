//go:build !(js && wasm)

package e2e

import (
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/i18n"
	"azflows/internal/testenv"
	"azflows/site"
)

// The single file's SVG download is drawn as outlines, like the site's: it has no text that
// needs a font, and an SVG engine without Noto Sans (rsvg-convert) draws it as it draws the
// site's own outlined download of the same state, every label in its place, nothing cut.
func TestOfflineSVGDownloadOutlined(t *testing.T) {
	exe, err := exec.LookPath("rsvg-convert")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("rsvg-convert is missing: .ci/run installs librsvg2-bin")
		}
		t.Skip("rsvg-convert is missing: apt-get install librsvg2-bin (CI installs it and never skips this)")
	}
	for _, l := range []i18n.Lang{i18n.RU, i18n.AZ} {
		ctx, _ := newBrowser(t)
		dir := allowDownloads(t, ctx)
		st := charts.State{View: "map", Year: 2012, Lang: l}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 800), chromedp.Navigate(offlineURLOf(l, "#view=map&year=2012"))); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the SVG download", `document.getElementById('dl-svg').href.startsWith('blob:')`, 30*time.Second)
		doc := string(download(t, ctx, dir, "dl-svg"))
		if strings.Contains(doc, "<text") {
			i := strings.Index(doc, "<text")
			t.Errorf("%s: the single file's SVG download has live text: %.200s", l, doc[i:])
		}
		if !strings.Contains(doc, `aria-label="`+i18n.T(l, "map.title", 2012)) {
			t.Errorf("%s: the download does not keep its title's words as a label", l)
		}
		// The site's download of the state, under its content-hashed name.
		href := site.FilesOf(st, l).SVG.Href
		matches, _ := filepath.Glob(filepath.Join(distDir, strings.TrimSuffix(href, ".svg")+".*.svg"))
		if len(matches) != 1 {
			t.Fatalf("%s: %d files for the site's %s", l, len(matches), href)
		}
		site2, err := os.ReadFile(matches[0])
		if err != nil {
			t.Fatal(err)
		}
		w, h := 1600, 900
		a, b := rsvgPNG(t, exe, []byte(doc), w, h), rsvgPNG(t, exe, site2, w, h)
		if d := testenv.PixelsDiffer(a, b); d > 0.002 {
			t.Errorf("%s: drawn without the font, the single file's download differs from the site's in %.2f %% of its pixels", l, 100*d)
		}
	}
}

func rsvgPNG(t *testing.T, exe string, doc []byte, w, h int) image.Image {
	t.Helper()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "c.svg"), filepath.Join(dir, "c.png")
	if err := os.WriteFile(in, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command(exe, "-w", strconv.Itoa(w), "-h", strconv.Itoa(h), "-b", "white", "-o", out, in).CombinedOutput(); err != nil {
		t.Fatalf("rsvg-convert: %v: %s", err, msg)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}
