package raster

import (
	"bytes"
	"flag"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"azflows/charts"
	"azflows/charts/paint"
	"azflows/i18n"
)

// Slide images come out at the asked size, and the bars are painted where the model put them.
func TestSlideImages(t *testing.T) {
	for _, size := range [][2]float64{{1920, 1080}, {1280, 720}} {
		c := charts.Build(charts.State{View: "flow", Year: 2012}, 800, 450)
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
			if m.Role != "node" || m.Rect.H*k < 4 {
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
		for _, v := range charts.ChartViews() {
			var b bytes.Buffer
			if err := WritePNG(&b, charts.Build(charts.State{View: v, Year: 2012, Lang: l}, 344, 459), 1); err != nil {
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
