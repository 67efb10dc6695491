package charts

import (
	"strings"
	"testing"

	"azflows/i18n"
)

// The live chart's name and description name the view and year, in the chart's language.
func TestAccessibleNameAndDescription(t *testing.T) {
	for _, l := range i18n.Langs {
		for _, v := range Views() {
			if !IsChart(v) {
				continue
			}
			for _, y := range Years {
				s := State{View: v, Year: y, Lang: l}
				c := Build(s, 800, 450)
				name := c.AccessibleName()
				if !strings.HasPrefix(name, i18n.T(l, "view."+v)+": ") || !strings.Contains(name, c.Title) {
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
