package echarts

import (
	"strings"
	"testing"

	"azflows/charts"
	"azflows/charts/layout"
)

// The other year's bars are muted as the model mutes them (charts.mute): their fill pale,
// their outline kept at full strength for 3:1 contrast. echarts' itemStyle.opacity would fade
// the outline with the fill, so the muting must be the fill colour's own alpha.
func TestMutedBarsKeepTheirOutline(t *testing.T) {
	st := charts.State{View: "bars", Year: 2012, Lang: "en"}
	c := layout.Build(testAssets, st, 800, 450)
	opt := option(t, render(t, st))
	items := map[string]map[string]any{}
	for _, s := range get(t, opt, "series").([]any) {
		data, _ := s.(map[string]any)["data"].([]any)
		for _, d := range data {
			it, ok := d.(map[string]any)
			if !ok {
				continue
			}
			if datum, _ := it["datum"].(string); datum != "" {
				if is, ok := it["itemStyle"].(map[string]any); ok {
					items[datum] = is
				}
			}
		}
	}
	checked := 0
	for _, m := range c.Marks {
		if m.Role != charts.RoleBar || m.Datum == "" {
			continue
		}
		is, ok := items[m.Datum]
		if !ok {
			t.Errorf("%s: no bar item with an itemStyle", m.ID)
			continue
		}
		color, _ := is["color"].(string)
		border, _ := is["borderColor"].(string)
		if op, ok := is["opacity"].(float64); ok && op < 1 {
			t.Errorf("%s: itemStyle.opacity %.2f fades the outline %q with the fill", m.ID, op, border)
		}
		muted := m.Style.Opacity > 0 && m.Style.Opacity < 1
		if !muted {
			if len(color) == 9 {
				t.Errorf("%s: the chosen year's bar has a translucent fill %q", m.ID, color)
			}
			continue
		}
		checked++
		want := strings.ToLower(m.Style.Fill) + alphaHex(m.Style.Opacity)
		if strings.ToLower(color) != want {
			t.Errorf("%s: muted fill %q, want %q (the model's fill at opacity %.2f)", m.ID, color, want, m.Style.Opacity)
		}
		if border == "" || !strings.EqualFold(border, m.Style.Stroke) {
			t.Errorf("%s: muted bar's outline %q, want the model's %q at full strength", m.ID, border, m.Style.Stroke)
		}
	}
	if checked == 0 {
		t.Fatal("no muted bar in bars 2012: the model mutes none (charts.withSubject)")
	}
}

// alphaHex is an opacity as the two hex digits of a #rrggbbaa colour.
func alphaHex(a float64) string {
	const digits = "0123456789abcdef"
	v := int(a*255 + 0.5)
	return string([]byte{digits[v>>4], digits[v&15]})
}
