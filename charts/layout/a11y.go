package layout

import (
	"azflows/charts"
	"azflows/i18n"
)

// AccessibleName is the live chart's name for a screen reader: its view and its title (which
// names the year where the view has one), as the focused chart element carries it.
func AccessibleName(c *charts.Chart) string {
	return i18n.T(c.Lang, "live.name", i18n.T(c.Lang, "view."+c.View), i18n.AfterColon(c.Lang, c.Title))
}

// AccessibleDescription is the live chart's one-line description for a screen reader: what
// the chart shows (the first sentence of its summary) and that the arrow keys walk it.
func AccessibleDescription(s charts.State) string {
	keys := i18n.T(lang(s), "live.keys")
	if ss := summarySentences(s); len(ss) > 0 {
		return ss[0] + " " + keys
	}
	return keys
}
