package layout

import (
	"fmt"
	"math"
	"strconv"
	"testing"

	"azflows/charts"
)

// rgbOf parses "#rrggbb" into 0..1 channels.
func rgbOf(t *testing.T, hex string) [3]float64 {
	t.Helper()
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("colour %q is not #rrggbb", hex)
	}
	var c [3]float64
	for i := range c {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatalf("colour %q: %v", hex, err)
		}
		c[i] = float64(v) / 255
	}
	return c
}

// over blends fg with opacity a over bg, as the renderers paint it.
func over(fg, bg [3]float64, a float64) [3]float64 {
	if a <= 0 || a > 1 {
		a = 1
	}
	return [3]float64{fg[0]*a + bg[0]*(1-a), fg[1]*a + bg[1]*(1-a), fg[2]*a + bg[2]*(1-a)}
}

// luminance is WCAG 2's relative luminance.
func luminance(c [3]float64) float64 {
	lin := func(v float64) float64 {
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}

// contrast is WCAG 2's contrast ratio, 1..21.
func contrast(a, b [3]float64) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestContrastFormula(t *testing.T) {
	if c := contrast(rgbOf(t, "#000000"), rgbOf(t, "#ffffff")); math.Abs(c-21) > 1e-9 {
		t.Errorf("black on white %.3f, want 21", c)
	}
	if c := contrast(rgbOf(t, "#777777"), rgbOf(t, "#ffffff")); math.Abs(c-4.48) > 0.01 {
		t.Errorf("#777 on white %.3f, want 4.48", c)
	}
}

// The palette's text colours reach 4.5:1 on every background text is drawn on.
func TestPaletteTextContrast(t *testing.T) {
	for _, fg := range []string{charts.Ink, charts.Muted, charts.OfficialC, charts.PartC, charts.EstimateC, PlaceC, charts.Highlight} {
		for _, bg := range []string{charts.Background, charts.TooltipBg} {
			if c := contrast(rgbOf(t, fg), rgbOf(t, bg)); c < 4.5 {
				t.Errorf("text %s on %s: %.2f:1, want ≥ 4.5", fg, bg, c)
			}
		}
	}
	// Labels on the map fall on land, tinted or not (TestChartsContrast checks each one).
	for _, fg := range []string{charts.Ink, PlaceC} {
		for _, bg := range []string{LandC, DestLandC} {
			if c := contrast(rgbOf(t, fg), rgbOf(t, bg)); c < 4.5 {
				t.Errorf("text %s on %s: %.2f:1, want ≥ 4.5", fg, bg, c)
			}
		}
	}
}

// The marks that carry figures stand out from the background by 3:1 (WCAG 1.4.11), by their
// fill or their outline.
func TestPaletteGraphicContrast(t *testing.T) {
	bg := rgbOf(t, charts.Background)
	for _, c := range []string{charts.OfficialC, charts.PartC, charts.UnknownC, charts.EstimateC, charts.Highlight, OriginC} {
		if r := contrast(rgbOf(t, c), bg); r < 3 {
			t.Errorf("mark colour %s on %s: %.2f:1, want ≥ 3", c, charts.Background, r)
		}
	}
}

// In every chart, every text mark reaches 4.5:1 against what lies under it (the background, or
// the filled shapes drawn before it), and every mark that shows a figure reaches 3:1 against
// the background with its fill or its outline.
func TestChartsContrast(t *testing.T) {
	for _, v := range ChartViews() {
		for _, y := range charts.Years {
			for _, ctx := range []bool{false, true} {
				s := charts.State{View: v, Year: y, Context: ctx}
				c := Build(testAssets, s, 800, 450)
				marks := append(append([]charts.Mark(nil), c.Marks...), Overlay(c, firstDatum(c), charts.Point{X: 400, Y: 225})...)
				checkContrast(t, fmt.Sprint(s), c, marks)
			}
		}
	}
}

// firstDatum is the first datum a reader can hover.
func firstDatum(c *charts.Chart) string {
	for _, m := range c.Marks {
		if m.Interactive() {
			return m.Datum
		}
	}
	return ""
}

func checkContrast(t *testing.T, name string, c *charts.Chart, marks []charts.Mark) {
	t.Helper()
	bg := rgbOf(t, c.Background)
	for i, m := range marks {
		switch {
		case m.Kind == charts.TextMark && m.Style.Fill != "":
			fg := rgbOf(t, m.Style.Fill)
			b := m.Bounds()
			// Sample the text's box at its centre line: left, middle, right.
			for _, p := range []charts.Point{{X: b.X + 1, Y: b.Y + b.H/2}, {X: b.X + b.W/2, Y: b.Y + b.H/2}, {X: b.X + b.W - 1, Y: b.Y + b.H/2}} {
				under := colourUnder(t, marks[:i], p, bg)
				if r := contrast(over(fg, under, m.Style.Opacity), under); r < 4.5 {
					t.Errorf("%s: text %s %q (%s) on %v: %.2f:1, want ≥ 4.5", name, m.ID, m.Text, m.Style.Fill, hexOf(under), r)
					break
				}
			}
		case m.Kind != charts.TextMark && m.Interactive() && m.Role != charts.RoleCountry:
			// Country shapes are context: the arcs, labels and values carry the figures.
			best := 0.0
			if m.Style.Fill != "" {
				best = contrast(over(rgbOf(t, m.Style.Fill), bg, m.Style.Opacity), bg)
			}
			if m.Style.Stroke != "" && m.Style.StrokeWidth >= 1 {
				best = max(best, contrast(rgbOf(t, m.Style.Stroke), bg))
			}
			if best < 3 {
				t.Errorf("%s: mark %s (fill %s, stroke %s): %.2f:1 against the background, want ≥ 3", name, m.ID, m.Style.Fill, m.Style.Stroke, best)
			}
		}
	}
}

// colourUnder is the colour painted at p by the filled shapes in marks (topmost last).
func colourUnder(t *testing.T, marks []charts.Mark, p charts.Point, bg [3]float64) [3]float64 {
	col := bg
	for _, m := range marks {
		if m.Style.Fill == "" || m.Kind == charts.TextMark {
			continue
		}
		in := false
		switch m.Kind {
		case charts.RectMark:
			in = m.Rect.Contains(p)
		case charts.PathMark:
			in = m.Closed && len(m.Points) > 2 && charts.InPolygon(p, m.Points)
		}
		if in {
			col = over(rgbOf(t, m.Style.Fill), col, m.Style.Opacity)
		}
	}
	return col
}

func hexOf(c [3]float64) string {
	return fmt.Sprintf("#%02x%02x%02x", int(math.Round(c[0]*255)), int(math.Round(c[1]*255)), int(math.Round(c[2]*255)))
}
