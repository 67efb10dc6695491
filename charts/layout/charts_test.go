package layout

import (
	"math"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/i18n"

	"azflows/data"
)

var sizes = [][2]float64{{320, 240}, {800, 450}, {1280, 720}, {1920, 1080}}

func eachChart(t *testing.T, fn func(t *testing.T, c *charts.Chart)) {
	for _, v := range ChartViews() {
		for _, y := range charts.Years {
			for _, s := range sizes {
				c := Build(testAssets, charts.State{View: v, Year: y}, s[0], s[1])
				t.Run(v+"/"+itoa(y)+"/"+itoa(int(s[0])), func(t *testing.T) { fn(t, c) })
			}
		}
	}
}

func TestBarLengthProportionalAndShared(t *testing.T) {
	for _, s := range sizes {
		perUnit := 0.0
		for _, y := range charts.Years {
			c := Bars(testAssets, y, s[0], s[1])
			n := 0
			for _, m := range c.Marks {
				if m.Role != charts.RoleBar {
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
				if v, ok := c.Mark("value/" + m.Datum); !ok || v.Text != fig.Text {
					t.Errorf("%v %d %s: value label %q, want %q", s, y, m.ID, v.Text, fig.Text)
				}
			}
			// Every year's destinations are in every state's chart, whichever year is chosen.
			if want := len(data.Flows); n != want {
				t.Errorf("%d: %d bars, want %d", y, n, want)
			}
		}
	}
}

// The years' rows line up: one row per destination category, the same y in every panel, and a
// category a year lacks is a text saying so, not a bar.
func TestBarsRowsAlignAcrossYears(t *testing.T) {
	for _, s := range sizes {
		c := Bars(testAssets, 2012, s[0], s[1])
		rows := destRows(i18n.EN)
		if got := []string{rows[0].Key, rows[len(rows)-2].Key, rows[len(rows)-1].Key}; got[0] != "TR" || got[1] != "other" || got[2] != "not-given" {
			t.Errorf("row order %v", got)
		}
		for _, r := range rows {
			lbl, ok := c.Mark("label/" + r.Key)
			if !ok {
				t.Fatalf("no row label for %s", r.Key)
			}
			for _, y := range charts.Years {
				d, has := r.Cells[y]
				if !has {
					m, ok := c.Mark("missing/" + itoa(y) + "/" + r.Key)
					if !ok || m.Kind != charts.TextMark || !strings.HasPrefix(m.Text, "—") {
						t.Errorf("%v %d %s: no \"—\" text for the missing category: %+v", s, y, r.Key, m)
					}
					if math.Abs(m.At.Y-lbl.At.Y) > lbl.Size {
						t.Errorf("%v %d %s: missing text at y %v, row label at %v", s, y, r.Key, m.At.Y, lbl.At.Y)
					}
					continue
				}
				b, _ := c.Mark("bar/" + d.Figure.ID)
				if cy := b.Rect.Y + b.Rect.H/2; math.Abs(cy-(lbl.At.Y-lbl.Size*0.35)) > 0.01 {
					t.Errorf("%v %s: bar centre %v, row label centre %v", s, b.ID, cy, lbl.At.Y-lbl.Size*0.35)
				}
			}
		}
	}
	c := Bars(testAssets, 2010, 800, 450)
	if m, _ := c.Mark("missing/2010/RU"); !strings.Contains(m.Text, "other countries") || m.Datum != "dest-2010-other" {
		t.Errorf("2010 Russia: %q (%s), want a pointer to \"other countries\"", m.Text, m.Datum)
	}
	if m, _ := c.Mark("missing/2010/not-given"); !strings.Contains(m.Text, "none: all given") {
		t.Errorf("2010 not given: %q", m.Text)
	}
	if m, _ := c.Mark("missing/2012/other"); m.Text != "— not reported" {
		t.Errorf("2012 other countries: %q", m.Text)
	}
}

// The chosen year's panel is outlined, and holds that year's bars; the other year's is not.
func TestBarsChosenYearOutlined(t *testing.T) {
	for _, s := range sizes {
		for _, y := range charts.Years {
			c := Bars(testAssets, y, s[0], s[1])
			sel, ok := c.Mark("selected/" + itoa(y))
			if !ok {
				t.Fatalf("%v %d: no outline", s, y)
			}
			for _, o := range charts.Years {
				if _, ok := c.Mark("selected/" + itoa(o)); ok != (o == y) {
					t.Errorf("%v %d: outline of %d is %v", s, y, o, ok)
				}
			}
			for _, m := range c.Marks {
				if m.Role != charts.RoleBar {
					continue
				}
				fig, _ := data.FigureByID(m.Datum)
				in := sel.Rect.Contains(charts.Point{X: m.Rect.X, Y: m.Rect.Y}) && sel.Rect.Contains(charts.Point{X: m.Rect.X + m.Rect.W, Y: m.Rect.Y + m.Rect.H})
				if in != (fig.Period.From == y) {
					t.Errorf("%v %d: %s inside the outline: %v", s, y, m.ID, in)
				}
			}
		}
	}
}

func TestBandThicknessProportional(t *testing.T) {
	for _, s := range sizes {
		perUnit := 0.0
		for _, y := range charts.Years {
			c := Flow(testAssets, y, s[0], s[1])
			for _, m := range c.Marks {
				if m.Role != charts.RoleNode || m.ID == "node/AZ" {
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
	eachChart(t, func(t *testing.T, c *charts.Chart) {
		for _, m := range c.Marks {
			b := m.Bounds()
			if b.X < -0.01 || b.Y < -0.01 || b.X+b.W > c.W+0.01 || b.Y+b.H > c.H+0.01 {
				t.Errorf("%s (%q) at %+v leaves the %vx%v frame", m.ID, m.Text, b, c.W, c.H)
			}
		}
	})
}

func TestLabelsDoNotOverlap(t *testing.T) {
	eachChart(t, func(t *testing.T, c *charts.Chart) {
		if c.W < 800 {
			return // 320×240 is checked for staying inside the frame only
		}
		var texts []charts.Mark
		for _, m := range c.Marks {
			if m.Kind == charts.TextMark {
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
	eachChart(t, func(t *testing.T, c *charts.Chart) {
		for _, m := range c.Marks {
			if m.Role != charts.RoleBar && m.Role != charts.RoleBand {
				continue
			}
			got, ok := c.HitTest(m.Center(), 4)
			if !ok || got.Datum != m.Datum {
				t.Errorf("centre of %s hits %q (%v)", m.ID, got.Datum, ok)
			}
		}
		if m, ok := c.HitTest(charts.Point{X: 1, Y: 1}, 4); ok {
			t.Errorf("the corner hits %s", m.ID)
		}
	})
}

func TestOverlayStaysInFrame(t *testing.T) {
	eachChart(t, func(t *testing.T, c *charts.Chart) {
		for _, p := range []charts.Point{{X: 0, Y: 0}, {X: c.W, Y: 0}, {X: 0, Y: c.H}, {X: c.W, Y: c.H}, {X: c.W / 2, Y: c.H / 2}} {
			ov := Overlay(c, "dest-2010-other", p)
			if c.Year == 2012 {
				ov = Overlay(c, "dest-2012-not-given", p)
			}
			box := false
			for _, m := range ov {
				if m.Role != charts.RoleTooltip {
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
	c := Bars(testAssets, 2012, 800, 450)
	m, _ := c.Mark("bar/dest-2012-not-given")
	if m.Style.Dash == nil || m.Style.Fill == charts.OfficialC || m.Label != "Referred, no destination given" {
		t.Errorf("the unplaced 42 are drawn like a country: %+v", m)
	}
	o, _ := Bars(testAssets, 2010, 800, 450).Mark("bar/dest-2010-other")
	if o.Style.Dash == nil || o.Style.Fill == charts.OfficialC {
		t.Errorf("\"other countries\" drawn like one country: %+v", o.Style)
	}
	// Unplaced and grouped figures come last.
	var order []string
	for _, m := range c.Marks {
		if m.Role == charts.RoleBar && strings.HasPrefix(m.Datum, "dest-2012-") {
			order = append(order, m.Datum)
		}
	}
	if order[len(order)-1] != "dest-2012-not-given" || order[0] != "dest-2012-turkey" {
		t.Errorf("order %v", order)
	}
}

func TestTooltipNamesFootnoteAndCaveat(t *testing.T) {
	got := TooltipText(i18n.EN, "dest-2010-turkey")
	for _, want := range []string{"Victims trafficked to Turkey: 23", "footnote 9", "accuracy"} {
		if !contains(got, want) {
			t.Errorf("tooltip %q lacks %q", got, want)
		}
	}
}

func contains(s, sub string) bool { return strings.Contains(spaced(s), sub) }

// spaced is s with its no-break spaces as plain ones ("footnote\u00a09" reads "footnote 9").
func spaced(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
