package layout

import (
	"encoding/json"
	"testing"

	"azflows/charts"
	"azflows/i18n"
)

// The glyph table lays every text out as TextWidth measures it: the advances and kerning it
// gives add up to the model's width of each text of every language's map and timeline.
func TestGlyphTableMatchesTheModel(t *testing.T) {
	var texts []charts.GlyphText
	for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU} {
		for _, v := range []string{"map", "timeline", "compare"} {
			for _, m := range Build(testAssets, charts.State{View: v, Year: 2012, Lang: l, Context: v == "map"}, 800, 450).Marks {
				if m.Kind == charts.TextMark {
					texts = append(texts, charts.GlyphText{Text: m.Text, Bold: m.Bold})
				}
			}
		}
	}
	b, err := testAssets.Fonts.Glyphs(texts)
	if err != nil {
		t.Fatal(err)
	}
	var tab struct {
		Unit   float64
		Runes  map[string][2]any
		Kern   map[string]float64
		Glyphs map[string]string
	}
	if err := json.Unmarshal(b, &tab); err != nil {
		t.Fatal(err)
	}
	for _, x := range texts {
		w := "0"
		if x.Bold {
			w = "1"
		}
		pen, prev := 0.0, ""
		for _, r := range x.Text {
			g, ok := tab.Runes[w+string(r)]
			if !ok {
				t.Fatalf("no glyph for %q in %q", r, x.Text)
			}
			if _, ok := tab.Glyphs[g[0].(string)]; !ok {
				t.Fatalf("no outline for %q", r)
			}
			if prev != "" {
				pen += tab.Kern[w+prev+string(r)]
			}
			pen += g[1].(float64)
			prev = string(r)
		}
		got, want := pen/64/tab.Unit*13, testAssets.Fonts.TextWidth(x.Text, 13, x.Bold)
		if d := got - want; d > 0.01 || d < -0.01 {
			t.Errorf("%q: %.3f px wide by the table, %.3f by the model", x.Text, got, want)
		}
	}
}
