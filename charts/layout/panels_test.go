package layout

import (
	"testing"

	"azflows/charts"
	"azflows/i18n"
)

// Every mark that names a panel and row lies in that row's band, on the panel's scale: what
// the echarts fallback relies on instead of measuring marks.
func TestMarksNameTheirPanelAndRow(t *testing.T) {
	for _, l := range i18n.Langs {
		for _, v := range ChartViews() {
			for _, y := range charts.Years {
				c := Build(testAssets, charts.State{View: v, Year: y, Lang: l}, 800, 450)
				if len(c.Panels) == 0 {
					t.Fatalf("%s %s %d: no panels", l, v, y)
				}
				for _, m := range c.Marks {
					if m.Panel == "" {
						continue
					}
					p, ok := c.Panel(m.Panel)
					if !ok {
						t.Fatalf("%s %s %d: %s names panel %q, which the chart lacks", l, v, y, m.ID, m.Panel)
					}
					if m.Row == "" || m.Kind != charts.RectMark || m.Role == charts.RoleSelection {
						continue
					}
					var row *charts.Row
					for i := range p.Rows {
						if p.Rows[i].Key == m.Row {
							row = &p.Rows[i]
						}
					}
					if row == nil {
						t.Fatalf("%s %s %d: %s names row %q of panel %s, which it lacks", l, v, y, m.ID, m.Row, p.ID)
					}
					if m.Rect.Y < row.Y0-0.01 || m.Rect.Y+m.Rect.H > row.Y1+0.01 {
						t.Errorf("%s %s %d: %s (y %.1f–%.1f) outside its row %s (%.1f–%.1f)", l, v, y, m.ID, m.Rect.Y, m.Rect.Y+m.Rect.H, row.Key, row.Y0, row.Y1)
					}
					if p.X.D1 == 0 || v == "flow" {
						continue
					}
					// A bar from zero ends at its value; a range or span covers From–To.
					x0, x1 := p.X.Map(0), p.X.Map(m.Value)
					if m.From != 0 || m.To != 0 {
						x0, x1 = p.X.Map(m.From), p.X.Map(m.To)
					}
					if m.From != 0 && m.From == m.To { // a point in time: a square centred on it
						if cx := m.Rect.X + m.Rect.W/2; abs(cx-x0) > 0.01 {
							t.Errorf("%s %s %d: %s centred at %.2f, its date at %.2f", l, v, y, m.ID, cx, x0)
						}
						continue
					}
					if m.Role == charts.RoleBar && m.Rect.W > 1 && (abs(m.Rect.X-x0) > 0.01 || abs(m.Rect.X+m.Rect.W-x1) > 0.01) {
						t.Errorf("%s %s %d: %s spans x %.2f–%.2f, its panel's scale says %.2f–%.2f", l, v, y, m.ID, m.Rect.X, m.Rect.X+m.Rect.W, x0, x1)
					}
				}
				// Tick labels are the panel's tick texts, at the scale's positions.
				for _, p := range c.Panels {
					for _, tk := range p.Ticks {
						if tk.Text != i18n.Number(l, tk.Value) && v != "timeline" {
							t.Errorf("%s %s: panel %s tick %v labelled %q", l, v, p.ID, tk.Value, tk.Text)
						}
					}
				}
			}
		}
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// The Azerbaijani compare view's NGO scale runs to 1,000 (its tick reads "1.000"): the value,
// not the label, is what the model keeps.
func TestCompareNGOScaleInEveryLanguage(t *testing.T) {
	for _, l := range i18n.Langs {
		c := Build(testAssets, charts.State{View: "compare", Year: 2010, Lang: l}, 800, 450)
		p, ok := c.Panel("ngo")
		if !ok {
			t.Fatalf("%s: no ngo panel", l)
		}
		last := p.Ticks[len(p.Ticks)-1]
		if last.Value != 1000 || p.X.D1 != 1000 {
			t.Errorf("%s: NGO scale ends at %v (tick %q), want 1000", l, p.X.D1, last.Text)
		}
	}
}

// The default view and year come from the ordered view list and the data, not from the order
// Go runs init funcs.
func TestDefaultIsFirstViewAndYear(t *testing.T) {
	if charts.Default.View != charts.ViewList[0].ID || charts.Default.View != "map" || charts.Default.Year != charts.Years[0] || charts.Years[0] != 2010 {
		t.Errorf("Default = %+v, Years %v", charts.Default, charts.Years)
	}
	if got := charts.Views(); len(got) != 7 || got[5] != "table" || got[6] != "sources" {
		t.Errorf("Views() = %v", got)
	}
}

// Tips are computed once and hold every interactive datum's lines.
func TestChartTipsCoverEveryDatum(t *testing.T) {
	for _, v := range ChartViews() {
		c := Build(testAssets, charts.State{View: v, Year: 2012, Context: true, Lang: i18n.RU}, 800, 450)
		for _, m := range c.Marks {
			if m.Interactive() && len(c.Tips[m.Datum]) == 0 {
				t.Errorf("%s: %s (%s) has no tip", v, m.ID, m.Datum)
			}
		}
	}
}
