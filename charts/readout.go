package charts

import (
	"strings"

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
