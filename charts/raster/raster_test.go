package raster

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/orisano/pixelmatch"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
	"azflows/internal/paint"
)

// Slide images come out at the asked size, and the bars are painted where the model put them.
func TestSlideImages(t *testing.T) {
	for _, size := range [][2]float64{{1920, 1080}, {1280, 720}} {
		c := layout.Build(testAssets, charts.State{View: "flow", Year: 2012}, 800, 450)
		k := size[0] / c.W
		var b bytes.Buffer
		if err := WritePNG(&b, c, k); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&b)
		if err != nil {
			t.Fatal(err)
		}
		if r := img.Bounds(); r.Dx() != int(size[0]) || r.Dy() != int(size[1]) {
			t.Fatalf("image is %v, want %v", r.Size(), size)
		}
		for _, m := range c.Marks {
			if m.Role != charts.RoleNode || m.Rect.H*k < 4 {
				continue
			}
			want, _ := paint.Color(m.Style.Fill)
			cx, cy := (m.Rect.X+m.Rect.W/2)*k, (m.Rect.Y+m.Rect.H/2)*k
			got := img.At(int(cx), int(cy))
			r, g, bl, _ := got.RGBA()
			if math.Abs(float64(r>>8)-float64(want.R))+math.Abs(float64(g>>8)-float64(want.G))+math.Abs(float64(bl>>8)-float64(want.B)) > 12 {
				t.Errorf("%v: %s centre is %v, want %v", size, m.ID, got, want)
			}
		}
		// Text is there: the title's box has dark pixels.
		title, _ := c.Mark("title")
		tb := title.Bounds()
		dark := 0
		for y := int(tb.Y * k); y < int((tb.Y+tb.H)*k); y++ {
			for x := int(tb.X * k); x < int((tb.X+tb.W)*k); x++ {
				if r, _, _, _ := img.At(x, y).RGBA(); r>>8 < 80 {
					dark++
				}
			}
		}
		if dark < 200 {
			t.Errorf("%v: the title area has only %d dark pixels", size, dark)
		}
	}
}

var update = flag.Bool("update", false, "rewrite the golden PNG files in testdata/")

// TestPhoneGolden compares the PNG of each view (2012) in every language at the frame a 360 px
// phone gives the chart (344×459) with the reviewed file in testdata/phone/; the
// rasterizer is pure Go, so the bytes are the same on every machine.
func TestPhoneGolden(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU} {
		for _, v := range layout.ChartViews() {
			var b bytes.Buffer
			if err := WritePNG(&b, layout.Build(testAssets, charts.State{View: v, Year: 2012, Lang: l}, 344, 459), 1); err != nil {
				t.Fatal(err)
			}
			name := filepath.Join("testdata", "phone", v+"-2012-344x459."+string(l)+".png")
			if *update {
				os.MkdirAll(filepath.Dir(name), 0o755)
				if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(name)
			if err != nil {
				t.Fatalf("%v (run go test ./charts/raster -update to create it)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("%s differs from the golden file; review with -update and look at it", name)
			}
		}
	}
}

// pngGoldens are the states whose 800×450 PNG is compared with a reviewed image: each view
// once, in each language once.
var pngGoldens = []charts.State{
	{View: "map", Year: 2012, Lang: i18n.EN}, {View: "bars", Year: 2010, Lang: i18n.AZ}, {View: "flow", Year: 2012, Lang: i18n.RU},
	{View: "compare", Year: 2010, Lang: i18n.RU}, {View: "timeline", Year: 2012, Lang: i18n.AZ}, {View: "map", Year: 2010, Context: true, Lang: i18n.RU},
}

// maxDiff is the share of pixels that may differ perceptibly from a golden image
// (pixelmatch's YIQ distance over its threshold, anti-aliased edges not counted): a font
// hinting or rasterizer change passes, a moved bar or a changed word does not.
const maxDiff = 0.0002

// differing is the share of a's pixels that differ perceptibly from b's.
func differing(t *testing.T, a, b image.Image) float64 {
	t.Helper()
	n, err := pixelmatch.MatchPixel(a, b, pixelmatch.Threshold(0.1))
	if err != nil {
		t.Fatal(err)
	}
	return float64(n) / float64(a.Bounds().Dx()*a.Bounds().Dy())
}

// TestPNGGolden compares the PNG of a few states (every view, every language) with the
// reviewed image in testdata/png/ perceptually, not byte for byte; and checks that the
// comparison tells the years of a view apart.
func TestPNGGolden(t *testing.T) {
	paint := func(s charts.State) image.Image {
		var b bytes.Buffer
		if err := WritePNG(&b, layout.Build(testAssets, s, 800, 450), 1); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&b)
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	for _, s := range pngGoldens {
		got := paint(s)
		key := s.View + "-" + strconv.Itoa(s.Year)
		if s.Context {
			key += "-context"
		}
		name := filepath.Join("testdata", "png", key+"."+string(s.Lang)+".png")
		if *update {
			var b bytes.Buffer
			png.Encode(&b, got)
			os.MkdirAll(filepath.Dir(name), 0o755)
			if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			t.Fatalf("%v (run go test ./charts/raster -update to create it)", err)
		}
		want, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if d := differing(t, got, want); d > maxDiff {
			t.Errorf("%s: %.2f %% of the pixels differ from the golden image (at most %.2f %%); look at both and review with -update", name, d*100, maxDiff*100)
		}
		other := s
		other.Year = 2010 + 2012 - s.Year
		if d := differing(t, paint(other), want); d <= maxDiff {
			t.Errorf("%s: the %d chart passes as the %d one (%.2f %% differ): the comparison is too tolerant", name, other.Year, s.Year, d*100)
		}
	}
}
