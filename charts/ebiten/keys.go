package ebiten

import (
	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
	"azflows/site"
)

// Keyboard use of the chart, while its frame has focus. The reader walks the marks only after
// entering the walk with Enter, or by reaching the chart with Tab: then the arrow keys move a
// focus between the marks that show data, one stop per datum in the model's order; Home and
// End go to the first and the last; Enter or Space pins the focused datum; Escape clears focus
// and pin and ends the walk. The focused datum is outlined and its tooltip drawn as on hover,
// and its read-out is posted to the page (azflows:hover), whose live region reads it out: the
// walk's (layout.Walk: a caveat once per walk), and a pin's or unpin's confirmation.
//
// Outside the walk (after a click into the chart, say), the keys presenters' clickers send
// (PageDown, PageUp, →, ←, Space) and Escape are not the chart's: they go to the page
// (azflows:key), which steps its story with them or hands them on to its host (a reveal.js
// deck, web/page/modes.js). PageDown and PageUp always go there.

// navKeys are the keys the walk handles (KeyboardEvent.key values; every key the view
// routes is in site.RoutedKeys, which web/view/view.js reads from its config).
var navKeys = map[string]bool{site.KeyRight: true, site.KeyDown: true, site.KeyLeft: true, site.KeyUp: true,
	site.KeyHome: true, site.KeyEnd: true, site.KeyEnter: true, site.KeySpace: true, site.KeyEscape: true}

// navKey reports whether the view handles key.
func navKey(key string) bool { return navKeys[key] }

// keyRoute is where a key pressed in the chart goes.
type keyRoute int

const (
	keyIgnore keyRoute = iota // not the chart's and not the page's: the browser does as usual
	keyWalk                   // the chart's: moves the walk over the marks (input.Keys)
	keyHost                   // the page's: posted as azflows:key, for its story or its host
)

// routeKey decides where key goes, given whether the reader is walking the marks; it returns
// the key the walk sees (Enter outside the walk starts it on the first mark) and whether the
// reader walks after it.
func routeKey(walking bool, key string) (route keyRoute, walkKey string, walkingAfter bool) {
	switch key {
	case site.KeyEscape:
		if walking {
			return keyWalk, key, false
		}
		return keyHost, key, false
	case site.KeyEnter:
		if !walking {
			return keyWalk, site.KeyHome, true
		}
		return keyWalk, key, true
	case site.KeyPageDown, site.KeyPageUp:
		return keyHost, key, walking
	}
	if walking && navKey(key) {
		return keyWalk, key, true
	}
	switch key {
	case site.KeyRight, site.KeyLeft, site.KeySpace:
		return keyHost, key, false
	}
	return keyIgnore, key, walking
}

// keyFocus is the keyboard's place in the chart.
type keyFocus struct {
	datum string // the focused datum; "" for none
}

// focusOrder lists the chart's data in the order the keyboard visits them (the model decides:
// figures first, then context shapes such as the map's countries).
func focusOrder(c *charts.Chart) []string {
	if c == nil {
		return nil
	}
	return layout.FocusOrder(c)
}

// focusPoint is where the tooltip of a focused datum is anchored: the centre of its first shape
// (of its first label when it has no shape).
func focusPoint(c *charts.Chart, datum string) charts.Point {
	var label *charts.Mark
	for i, m := range c.Marks {
		if m.Datum != datum || !m.Interactive() {
			continue
		}
		if m.Kind != charts.TextMark {
			return m.Center()
		}
		if label == nil {
			label = &c.Marks[i]
		}
	}
	if label != nil {
		return label.Center()
	}
	return charts.Point{X: c.W / 2, Y: c.H / 2}
}

// applyKeys moves the keyboard focus and the pin for the keys pressed since the last tick.
func (v *view) applyKeys(keys []string) {
	for _, k := range keys {
		order := focusOrder(v.chart)
		cur := indexOf(order, v.kb.datum)
		if cur < 0 && v.kb.datum == "" {
			cur = indexOf(order, v.pinned) // start from the pinned datum, if any
		}
		if v.kb.datum == "" {
			v.walk = layout.Walk{} // a new walk: its first stops say everything again
		}
		switch k {
		case site.KeyRight, site.KeyDown:
			if len(order) > 0 {
				v.kb.datum = order[min(cur+1, len(order)-1)]
			}
		case site.KeyLeft, site.KeyUp:
			if len(order) > 0 {
				if cur < 0 {
					cur = len(order)
				}
				v.kb.datum = order[max(cur-1, 0)]
			}
		case site.KeyHome:
			if len(order) > 0 {
				v.kb.datum = order[0]
			}
		case site.KeyEnd:
			if len(order) > 0 {
				v.kb.datum = order[len(order)-1]
			}
		case site.KeyEnter, site.KeySpace:
			if d := v.kb.datum; d != "" {
				if v.pinned == d {
					v.pinned = ""
					v.confirm = i18n.T(v.chart.Lang, "live.unpinned", layout.Head(v.chart.Lang, d))
				} else {
					v.pinned, v.pinAt = d, focusPoint(v.chart, d)
					v.confirm = i18n.T(v.chart.Lang, "live.pinned", layout.Head(v.chart.Lang, d))
				}
			}
		case site.KeyEscape:
			v.unpinByEscape()
		}
	}
}

// unpinByEscape ends the walk and clears the pin, and confirms the unpin when there was one.
func (v *view) unpinByEscape() {
	if v.pinned != "" && v.chart != nil {
		v.confirm = i18n.T(v.chart.Lang, "live.unpinned", layout.Head(v.chart.Lang, v.pinned))
	}
	v.kb, v.pinned = keyFocus{}, ""
}

// readout is what the live region says of the datum shown: the walk's read-out while the
// keyboard walks (layout.Walk), else the whole tooltip; a pin's confirmation instead, once.
func (v *view) readout(shown string) string {
	if c := v.confirm; c != "" {
		v.confirm = ""
		return c
	}
	switch {
	case shown == "":
		return ""
	case shown == v.kb.datum:
		return v.walk.Readout(v.chart.Lang, shown)
	}
	return v.shownText
}

func indexOf(list []string, s string) int {
	if s == "" {
		return -1
	}
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
