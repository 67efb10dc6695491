package layout

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/i18n"

	"azflows/data"
)

// Every number the paper gives is drawn in at least one chart, as the paper writes it, by a
// text mark that points at its record (a range with an en dash, i18n.RangeDashes), and that record's tooltip names its footnote.
func TestEveryFigureInSomeChart(t *testing.T) {
	for _, s := range [][2]float64{{800, 450}, {1920, 1080}} {
		for _, f := range data.Figures {
			where := ""
			for _, v := range ChartViews() {
				for _, y := range charts.Years {
					for _, m := range Build(testAssets, charts.State{View: v, Year: y}, s[0], s[1]).Marks {
						if m.Datum == f.ID && m.Kind == charts.TextMark && (strings.Contains(m.Text, i18n.RangeDashes(f.Text)) || strings.Contains(m.Text, "\u201c"+f.Text+"\u201d")) { // a quotation keeps the paper's hyphen
							where = v
						}
					}
				}
			}
			if where == "" {
				t.Errorf("%v: %s (%q) is drawn in no chart", s, f.ID, f.Text)
			}
			if tip := spaced(TooltipText(i18n.EN, f.ID)); !strings.Contains(tip, fmt.Sprintf("footnote %d", f.Footnote)) {
				t.Errorf("%s: tooltip %q does not name footnote %d", f.ID, tip, f.Footnote)
			}
		}
	}
}

func figureMark(t *testing.T, c *charts.Chart, id string) charts.Mark {
	t.Helper()
	m, ok := c.Mark(id)
	if !ok {
		t.Fatalf("%s %d: no mark %s", c.View, c.Year, id)
	}
	return m
}

// Official counts share one scale; the 9 are a part of the 34 on it; the estimates are
// outlines (dashed, no fill) on scales of their own, apart from the official counts.
func TestCompareEncodings(t *testing.T) {
	for _, s := range sizes {
		for _, y := range charts.Years {
			c := Compare(testAssets, y, s[0], s[1])
			conv, iden, ref := figureMark(t, c, "bar/"+cmpConvicted), figureMark(t, c, "bar/"+cmpIdentified), figureMark(t, c, "bar/"+cmpReferred)
			k := conv.Rect.W / 39
			for _, m := range []charts.Mark{iden, ref} {
				if math.Abs(m.Rect.W/m.Value-k) > 1e-9 || m.Rect.X != conv.Rect.X {
					t.Errorf("%v: %s not on the official scale", s, m.ID)
				}
				if m.Style.Dash != nil || m.Style.Fill != charts.OfficialC {
					t.Errorf("%v: official %s drawn as %+v", s, m.ID, m.Style)
				}
			}
			part := figureMark(t, c, "part/"+cmpNoSchool)
			if math.Abs(part.Rect.W-9*k) > 1e-9 || part.Rect.X != iden.Rect.X || part.Rect.Y != iden.Rect.Y || part.Style.Fill == charts.OfficialC {
				t.Errorf("%v: the 9 are not a distinct part of the 34: %+v in %+v", s, part.Rect, iden.Rect)
			}
			if l := figureMark(t, c, "label/"+cmpNoSchool); s[0] >= 800 && !strings.HasPrefix(l.Text, "9 of the 34 identified") || !strings.Contains(l.Text, "computed here") && s[0] >= 800 {
				t.Errorf("%v: part label %q", s, l.Text)
			}
			if _, ok := c.Mark("bar/" + cmpNGO); !ok {
				// The smallest frames: only the official counts, and a note that says so.
				if !strings.Contains(allText(c), "473") {
					t.Errorf("%v %d: the estimates are left out without a word", s, y)
				}
				continue
			}
			ngo := figureMark(t, c, "bar/"+cmpNGO)
			if ngo.Style.Dash == nil || ngo.Style.Fill != "" || ngo.Style.Stroke != charts.EstimateC {
				t.Errorf("%v: the NGO estimate is drawn like a count: %+v", s, ngo.Style)
			}
			// Apart: right of the official counts' panel, or under it (stacked on phones).
			if (ngo.Rect.X < conv.Rect.X+conv.Rect.W || ngo.Rect.X <= ref.Rect.X+ref.Rect.W) && ngo.Rect.Y <= ref.Rect.Y+ref.Rect.H {
				t.Errorf("%v: the estimate shares the official counts' panel (x %v)", s, ngo.Rect.X)
			}
			if v := figureMark(t, c, "value/"+cmpNGO); !strings.HasPrefix(v.Text, "up to ") {
				t.Errorf("%v: estimate labelled %q", s, v.Text)
			}
			for _, id := range []string{"range/" + cmpAge, "range-end/" + cmpAge} {
				if m := figureMark(t, c, id); m.Style.Dash == nil || m.Style.Stroke != charts.EstimateC {
					t.Errorf("%v: %s drawn as %+v", s, id, m.Style)
				}
			}
			sel := figureMark(t, c, "selected/"+itoa(y))
			for _, m := range []charts.Mark{conv, iden, ref} {
				fig, _ := data.FigureByID(m.Datum)
				in := sel.Rect.Contains(charts.Point{X: m.Rect.X, Y: m.Rect.Y}) && sel.Rect.Contains(charts.Point{X: m.Rect.X + m.Rect.W, Y: m.Rect.Y + m.Rect.H})
				if in != (fig.Period.From == y) {
					t.Errorf("%v %d: %s inside the chosen year's outline: %v", s, y, m.ID, in)
				}
			}
		}
	}
}

// The multi-year total shows both of the paper's wordings of its period, flagged.
func TestCompareTotalShowsBothWordings(t *testing.T) {
	c := Compare(testAssets, 2012, 800, 450)
	var texts []string
	for _, m := range c.Marks {
		if m.Datum == cmpTotal && m.Kind == charts.TextMark {
			texts = append(texts, m.Text)
		}
	}
	all := strings.Join(texts, " | ")
	for _, want := range []string{"473", "six years", "seven years (2006-2012)", "disagree"} {
		if !strings.Contains(all, want) {
			t.Errorf("the 473's texts %q lack %q", all, want)
		}
	}
}

// Events sit at their year on one linear axis, in time order; vague ones span the years
// their words name; the undated shelter is in its own lane below the axis.
func TestTimelineOrderAndSpacing(t *testing.T) {
	for _, s := range sizes {
		c := Timeline(testAssets, 2012, s[0], s[1])
		if s[1] < 300 {
			// Too short for an axis: the list form, each item with its marker, in order; where
			// the frame, with the markers' key, cannot hold every item, the picture Build
			// lays out grows to hold the 89.
			if _, ok := c.Mark("axis/line"); ok {
				t.Errorf("%v: an axis in a frame too short for one", s)
			}
			if _, ok := Build(testAssets, charts.State{View: "timeline", Year: 2012}, s[0], s[1]).Mark("list/victims-2012"); !ok {
				t.Errorf("%v: no list entry for the 89", s)
			}
			continue
		}
		line := figureMark(t, c, "axis/line")
		axisY := line.Points[0].Y
		x90, x10 := figureMark(t, c, "tick/1990").Points[0].X, figureMark(t, c, "tick/2010").Points[0].X
		perYear := (x10 - x90) / 20
		at := func(y float64) float64 { return x90 + (y-1990)*perYear }
		prev := math.Inf(-1)
		events := append([]data.Event(nil), data.Events...)
		sort.SliceStable(events, func(i, j int) bool { return events[i].Year < events[j].Year })
		for _, e := range events {
			if figs, ok := figureEvents[e.ID]; ok {
				for _, id := range figs {
					figureMark(t, c, "marker/"+id)
				}
				continue
			}
			m := figureMark(t, c, "marker/"+e.ID)
			b := m.Bounds()
			if e.Precision == data.Undated {
				if b.Y <= axisY {
					t.Errorf("%v: undated %s above the axis, at y %v", s, e.ID, b.Y)
				}
				continue
			}
			if b.Y+b.H > axisY {
				t.Errorf("%v: %s below the axis", s, e.ID)
			}
			switch e.Precision {
			case data.Vague:
				if !(b.X < at(e.Year) && b.X+b.W > at(e.Year)) || m.Style.Dash == nil {
					t.Errorf("%v: vague %s does not span its year %v dashed: %+v", s, e.ID, e.Year, b)
				}
			case data.Year:
				if math.Abs(b.X-at(e.Year)) > 0.01 || math.Abs(b.W-perYear) > 0.01 {
					t.Errorf("%v: %s spans %v+%v, want the year %v", s, e.ID, b.X, b.W, e.Year)
				}
			default:
				if math.Abs(b.X+b.W/2-at(e.Year)) > 0.01 {
					t.Errorf("%v: %s at x %v, want %v", s, e.ID, b.X+b.W/2, at(e.Year))
				}
			}
			if e.Precision != data.Vague { // in time order on the axis
				if x := b.X; x < prev {
					t.Errorf("%v: %s out of order", s, e.ID)
				} else {
					prev = x
				}
			}
			if !strings.Contains(TooltipText(i18n.EN, e.ID), e.When) {
				t.Errorf("%s: tooltip lacks the date as worded, %q", e.ID, e.When)
			}
		}
		// The yearly counts on the same axis: 2010's at 2010, 2012's at 2012, the 473 over 2006-2012.
		for id, y := range map[string]float64{"victims-2010": 2010, "convicted-2010": 2010, "victims-2012": 2012, "victims-2006-2012": 2006} {
			if b := figureMark(t, c, "marker/"+id).Bounds(); math.Abs(b.X-at(y)) > 0.01 {
				t.Errorf("%v: %s at x %v, want %v", s, id, b.X, at(y))
			}
		}
		if b := figureMark(t, c, "marker/victims-2006-2012").Bounds(); math.Abs(b.X+b.W-at(2013)) > 0.01 {
			t.Errorf("%v: the 473 does not span to the end of 2012", s)
		}
	}
}

// On the timeline no label covers another item's marker, at the sizes people read it at.
func TestTimelineLabelsClearOfMarkers(t *testing.T) {
	for _, s := range [][2]float64{{800, 450}, {1280, 720}, {1920, 1080}} {
		for _, y := range charts.Years {
			c := Timeline(testAssets, y, s[0], s[1])
			for _, l := range c.Marks {
				if l.Role != charts.RoleLabel {
					continue
				}
				lb := l.Bounds()
				for _, m := range c.Marks {
					if !strings.HasPrefix(m.ID, "marker/") || m.Datum == l.Datum {
						continue
					}
					b := m.Bounds()
					if lb.X < b.X+b.W && b.X < lb.X+lb.W && lb.Y < b.Y+b.H && b.Y < lb.Y+lb.H {
						t.Errorf("%v: label %q covers %s", s, l.Text, m.ID)
					}
				}
			}
			if s[0] >= 800 {
				for _, e := range data.Events {
					if _, ok := figureEvents[e.ID]; ok {
						continue
					}
					if l, ok := c.Mark("label/" + e.ID); !ok || strings.HasSuffix(l.Text, "…") {
						t.Errorf("%v: label of %s cut or missing: %q", s, e.ID, l.Text)
					}
				}
			}
		}
	}
}

func TestEventTooltip(t *testing.T) {
	lines := TooltipLines(i18n.EN, "ev-2002-brussels")
	// It says once that the paper gives no footnote (the native reading found it twice).
	if len(lines) < 3 || strings.Count(strings.ToLower(strings.Join(lines, " ")), "no footnote") != 1 {
		t.Errorf("Brussels tooltip %q", lines)
	}
	tip := spaced(TooltipText(i18n.EN, "ev-2004-action-plan"))
	for _, want := range []string{"National Action Plan", "6 May 2004", "footnote 4", "no separate reference"} {
		if !strings.Contains(tip, want) {
			t.Errorf("tooltip %q lacks %q", tip, want)
		}
	}
	if tip := TooltipText(i18n.EN, "ev-shelter"); !strings.Contains(tip, "not dated") {
		t.Errorf("shelter tooltip %q", tip)
	}
}

// allText is every text mark of c, one a line.
func allText(c *charts.Chart) string {
	var b strings.Builder
	for _, m := range c.Marks {
		if m.Kind == charts.TextMark {
			b.WriteString(m.Text + "\n")
		}
	}
	return b.String()
}
