package charts

import (
	"math"
	"strings"
	"testing"

	"azflows/data"
)

var sizes = [][2]float64{{320, 240}, {800, 450}, {1280, 720}, {1920, 1080}}

func eachChart(t *testing.T, fn func(t *testing.T, c *Chart)) {
	for _, v := range ChartViews() {
		for _, y := range Years {
			for _, s := range sizes {
				c := Build(State{View: v, Year: y}, s[0], s[1])
				t.Run(v+"/"+itoa(y)+"/"+itoa(int(s[0])), func(t *testing.T) { fn(t, c) })
			}
		}
	}
}

func TestBarLengthProportionalAndShared(t *testing.T) {
	for _, s := range sizes {
		perUnit := 0.0
		for _, y := range Years {
			c := Bars(y, s[0], s[1])
			n := 0
			for _, m := range c.Marks {
				if m.Role != "bar" {
					continue
				}
				n++
				fig, _ := data.FigureByID(m.Datum)
				if fig.Value != m.Value {
					t.Errorf("%s: value %v, figure says %v", m.ID, m.Value, fig.Value)
				}
				k := m.Rect.W / fig.Value
				if perUnit == 0 {
					perUnit = k
				}
				if math.Abs(k-perUnit) > 1e-9 {
					t.Errorf("%v %d %s: %v px per person, other bars %v", s, y, m.ID, k, perUnit)
				}
			}
			if want := len(data.FlowsFor(y)); n != want {
				t.Errorf("%d: %d bars, want %d", y, n, want)
			}
		}
	}
}

func TestBandThicknessProportional(t *testing.T) {
	for _, s := range sizes {
		perUnit := 0.0
		for _, y := range Years {
			c := Flow(y, s[0], s[1])
			for _, m := range c.Marks {
				if m.Role != "node" || m.ID == "node/AZ" {
					continue
				}
				k := m.Rect.H / m.Value
				if perUnit == 0 {
					perUnit = k
				}
				if math.Abs(k-perUnit) > 1e-9 {
					t.Errorf("%v %d %s: %v px per person, others %v", s, y, m.ID, k, perUnit)
				}
			}
			az, _ := c.Mark("node/AZ")
			if math.Abs(az.Rect.H-yearTotal(y).Value*perUnit) > 1e-6 {
				t.Errorf("%d: origin %v px for %v persons", y, az.Rect.H, yearTotal(y).Value)
			}
		}
	}
}

func TestNothingOutsideFrame(t *testing.T) {
	eachChart(t, func(t *testing.T, c *Chart) {
		for _, m := range c.Marks {
			b := m.Bounds()
			if b.X < -0.01 || b.Y < -0.01 || b.X+b.W > c.W+0.01 || b.Y+b.H > c.H+0.01 {
				t.Errorf("%s (%q) at %+v leaves the %vx%v frame", m.ID, m.Text, b, c.W, c.H)
			}
		}
	})
}

func TestLabelsDoNotOverlap(t *testing.T) {
	eachChart(t, func(t *testing.T, c *Chart) {
		if c.W < 800 {
			return // 320×240 is checked for staying inside the frame only
		}
		var texts []Mark
		for _, m := range c.Marks {
			if m.Kind == TextMark {
				texts = append(texts, m)
			}
		}
		for i := range texts {
			for j := i + 1; j < len(texts); j++ {
				a, b := texts[i].Bounds(), texts[j].Bounds()
				if a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H {
					t.Errorf("%s %q overlaps %s %q", texts[i].ID, texts[i].Text, texts[j].ID, texts[j].Text)
				}
			}
		}
	})
}

func TestHitTestFindsEachDatum(t *testing.T) {
	eachChart(t, func(t *testing.T, c *Chart) {
		for _, m := range c.Marks {
			if m.Role != "bar" && m.Role != "band" {
				continue
			}
			got, ok := c.HitTest(m.Center(), 4)
			if !ok || got.Datum != m.Datum {
				t.Errorf("centre of %s hits %q (%v)", m.ID, got.Datum, ok)
			}
		}
		if m, ok := c.HitTest(Point{1, 1}, 4); ok {
			t.Errorf("the corner hits %s", m.ID)
		}
	})
}

func TestOverlayStaysInFrame(t *testing.T) {
	eachChart(t, func(t *testing.T, c *Chart) {
		for _, p := range []Point{{0, 0}, {c.W, 0}, {0, c.H}, {c.W, c.H}, {c.W / 2, c.H / 2}} {
			ov := c.Overlay("dest-2010-other", p)
			if c.Year == 2012 {
				ov = c.Overlay("dest-2012-not-given", p)
			}
			box := false
			for _, m := range ov {
				if m.Role != "tooltip" {
					continue
				}
				box = true
				b := m.Bounds()
				if b.X < 0 || b.Y < 0 || b.X+b.W > c.W+0.01 || b.Y+b.H > c.H+0.01 {
					t.Errorf("pointer %v: tooltip %s at %+v leaves the frame", p, m.ID, b)
				}
			}
			if !box {
				t.Errorf("no tooltip")
			}
		}
	})
}

func TestUnknownIsNotACountry(t *testing.T) {
	c := Bars(2012, 800, 450)
	m, _ := c.Mark("bar/dest-2012-not-given")
	if m.Style.Dash == nil || m.Style.Fill == OfficialC || m.Label != "Destination not given" {
		t.Errorf("the unplaced 42 are drawn like a country: %+v", m)
	}
	o, _ := Bars(2010, 800, 450).Mark("bar/dest-2010-other")
	if o.Style.Dash == nil || o.Style.Fill == OfficialC {
		t.Errorf("\"other countries\" drawn like one country: %+v", o.Style)
	}
	// Unplaced and grouped figures come last.
	var order []string
	for _, m := range c.Marks {
		if m.Role == "bar" {
			order = append(order, m.Datum)
		}
	}
	if order[len(order)-1] != "dest-2012-not-given" || order[0] != "dest-2012-turkey" {
		t.Errorf("order %v", order)
	}
}

func TestTooltipNamesFootnoteAndCaveat(t *testing.T) {
	got := TooltipText("dest-2010-turkey")
	for _, want := range []string{"Victims trafficked to Turkey: 23", "footnote 9", "accuracy"} {
		if !contains(got, want) {
			t.Errorf("tooltip %q lacks %q", got, want)
		}
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
