package layout

import (
	"strings"
	"testing"

	"azflows/charts"
	"azflows/i18n"
)

// The live chart's name and description name the view and year, in the chart's language.
func TestAccessibleNameAndDescription(t *testing.T) {
	for _, l := range i18n.Langs {
		for _, v := range charts.Views() {
			if !IsChart(v) {
				continue
			}
			for _, y := range charts.Years {
				s := charts.State{View: v, Year: y, Lang: l}
				c := Build(testAssets, s, 800, 450)
				name := AccessibleName(c)
				if !strings.HasPrefix(name, i18n.T(l, "view."+v)+": ") || !strings.Contains(name, i18n.AfterColon(l, c.Title)) {
					t.Errorf("%s %s %d: name %q, want the view's label and the title %q", l, v, y, name, c.Title)
				}
				d := AccessibleDescription(s)
				if !strings.HasSuffix(d, i18n.T(l, "live.keys")) || len(d) <= len(i18n.T(l, "live.keys"))+10 {
					t.Errorf("%s %s %d: description %q, want what the chart shows and the keys", l, v, y, d)
				}
				if first := summarySentences(s)[0]; !strings.HasPrefix(d, first+" ") {
					t.Errorf("%s %s %d: description %q, want the summary's first sentence %q first", l, v, y, d, first)
				}
			}
		}
	}
}

// After the colon of a chart's name, Azerbaijani and Russian go on in lower case, except for a
// proper name (native reading 2, D9): «Хронология: меры и показатели…», «Xəritə: Azərbaycandan…».
func TestAccessibleNameAfterColon(t *testing.T) {
	for _, tc := range []struct {
		l    i18n.Lang
		view string
		want string
	}{
		{i18n.RU, "timeline", "Хронология: меры и\u00a0показатели"},
		{i18n.RU, "bars", "Страны назначения по годам: куда вывозили"},
		{i18n.RU, "compare", "Сравнение показателей: другие показатели"},
		{i18n.RU, "map", "Карта: куда вывозили"},
		{i18n.AZ, "timeline", "Zaman xətti: tədbirlər"},
		{i18n.AZ, "compare", "Rəqəmlərin müqayisəsi: məqalənin"},
		{i18n.AZ, "map", "Xəritə: Azərbaycandan"},
		{i18n.EN, "map", "Map: Where victims"},
	} {
		if got := AccessibleName(Build(testAssets, charts.State{View: tc.view, Year: 2010, Lang: tc.l}, 800, 450)); !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s %s: %q, want it to begin %q", tc.l, tc.view, got, tc.want)
		}
	}
}

// A Russian tooltip joined into one line keeps the dash off the start of a line: a no-break
// space before it (native reading 2, D10), as the catalogs' own dashes have.
func TestRussianTipDashNoBreak(t *testing.T) {
	c := Build(testAssets, charts.State{View: "map", Year: 2010, Lang: i18n.RU}, 800, 450)
	n := 0
	for d := range c.Tips {
		tip := c.Tip(d)
		if strings.Contains(tip, " \u2014") {
			t.Errorf("%s: plain space before the dash in %q", d, tip)
		}
		n += strings.Count(tip, "\u00a0\u2014")
	}
	if n == 0 {
		t.Error("no Russian tooltip of the map has a dash at all; the check checks nothing")
	}
}
