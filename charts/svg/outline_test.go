package svg

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/charts/raster"
	"azflows/i18n"
	"azflows/internal/testenv"
)

// rsvg is Debian's rsvg-convert (librsvg2-bin, installed by .ci/run): an SVG engine that has
// none of the page's fonts (no Noto Sans on the machine).
func rsvg(t *testing.T) string {
	p, err := exec.LookPath("rsvg-convert")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("rsvg-convert is missing: .ci/run installs librsvg2-bin")
		}
		t.Skip("rsvg-convert is missing: apt-get install librsvg2-bin (CI installs it and never skips this)")
	}
	return p
}

func render(t *testing.T, exe string, doc []byte, w, h int) image.Image {
	t.Helper()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "c.svg"), filepath.Join(dir, "c.png")
	if err := os.WriteFile(in, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-w", strconv.Itoa(w), "-h", strconv.Itoa(h), "-b", "white", "-o", out, in)
	if msg, err := cmd.CombinedOutput(); err != nil {
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

// The SVG download carries its text as the fonts' outlines: rendered by an engine without
// Noto Sans it matches the page's rendering (the model painted with the page's fonts), where
// the same SVG with <text> does not (labels run into each other: "Rusiya4").
func TestDownloadLooksTheSameWithoutTheFonts(t *testing.T) {
	exe := rsvg(t)
	for _, s := range []charts.State{{View: "bars", Year: 2012, Lang: i18n.AZ}, {View: "map", Year: 2012, Lang: i18n.RU}, {View: "timeline", Year: 2010, Lang: i18n.EN}} {
		c := layout.Build(testAssets, s, 800, 450)
		page := raster.Draw(c, 1)
		var outlined, text bytes.Buffer
		if err := WriteOutlined(&outlined, c); err != nil {
			t.Fatal(err)
		}
		if err := Write(&text, c); err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(outlined.Bytes(), []byte("<text")) {
			t.Errorf("%s: the download still has <text> elements", s.Hash())
		}
		for _, m := range c.Marks {
			if m.Kind == charts.TextMark && !bytes.Contains(outlined.Bytes(), []byte(`aria-label="`+esc(m.Text)+`"`)) {
				t.Errorf("%s: %q is not kept as words (aria-label)", s.Hash(), m.Text)
				break
			}
		}
		dOut := testenv.PixelsDiffer(render(t, exe, outlined.Bytes(), 800, 450), page)
		dText := testenv.PixelsDiffer(render(t, exe, text.Bytes(), 800, 450), page)
		t.Logf("%s: pixels differing from the page's rendering: outlines %.2f %%, <text> %.2f %%", s.Hash(), 100*dOut, 100*dText)
		if dOut > 0.01 {
			t.Errorf("%s: the outlined SVG differs from the page's rendering in %.2f %% of its pixels", s.Hash(), 100*dOut)
		}
		if dText < 2*dOut {
			t.Errorf("%s: the check does not tell fonts apart: <text> %.2f %%, outlines %.2f %%", s.Hash(), 100*dText, 100*dOut)
		}
	}
}
