package layout

import (
	"strings"

	"azflows/charts"
	"azflows/i18n"
)

// Walk is the memory of one keyboard walk over a chart's marks, from the first arrow key to
// Escape (or a new chart): what its read-outs have said. A screen reader speaks each read-out
// whole, so a read-out says the figure and what it counts first, then its period and source,
// and a caveat or a reporter only the first time the walk meets it. The zero Walk is a new
// walk.
type Walk struct{ said map[string]bool }

// Readout is what the live region says when the walk reaches datum: its tooltip's lines, less
// what this walk has said already.
func (w *Walk) Readout(l i18n.Lang, datum string) string {
	if w.said == nil {
		w.said = map[string]bool{}
	}
	var parts []string
	for _, ln := range tipLines(l, datum) {
		switch {
		case ln.once == "":
			parts = append(parts, ln.text)
		case w.said[ln.once]:
			if ln.short != "" {
				parts = append(parts, ln.short)
			}
		default:
			w.said[ln.once] = true
			parts = append(parts, ln.text)
		}
	}
	return i18n.Typeset(l, strings.Join(parts, " \u2014 "))
}

// Head is the first line of datum's tooltip: the figure and what it counts (an event's title,
// a country's name), as a confirmation names it.
func Head(l i18n.Lang, datum string) string {
	if lines := tipLines(l, datum); len(lines) > 0 {
		return lines[0].text
	}
	return ""
}

// FocusOrder lists the chart's data in the order a keyboard visits them, each datum once: the
// figures first (bars, bands, arcs, events, in the model's order), then the context shapes
// that only describe them (the map's countries), save a shape that would say again a figure an
// earlier stop said (a destination's country after its arc): each figure once per walk.
func FocusOrder(c *charts.Chart) []string {
	seen := map[string]bool{}
	heads := map[string]bool{} // the figures the stops so far say
	var out []string
	for _, context := range []bool{false, true} {
		for _, m := range c.Marks {
			if m.Interactive() && !seen[m.Datum] && strings.HasPrefix(m.Datum, "country/") == context {
				seen[m.Datum] = true
				lines := tipLines(c.Lang, m.Datum)
				if context && repeats(lines, heads) {
					continue // a destination's country says its arc's figure again: one stop
				}
				if len(lines) > 0 {
					heads[lines[0].text] = true
				}
				out = append(out, m.Datum)
			}
		}
	}
	return out
}

// repeats reports whether any of lines is the figure of an earlier stop (in heads).
func repeats(lines []tipLine, heads map[string]bool) bool {
	for _, ln := range lines {
		if heads[ln.text] {
			return true
		}
	}
	return false
}
