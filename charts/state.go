package charts

import (
	"net/url"
	"strconv"
	"strings"
)

// Views lists the views in the order the page offers them; the first is the default.
var Views = []string{"bars", "flow"}

// Years lists the years with destination data; the first is the default.
var Years = []int{2010, 2012}

// State is what the URL hash holds: which view of which year.
type State struct {
	View string
	Year int
}

// Default is the view a visitor sees without a hash.
var Default = State{View: Views[0], Year: Years[0]}

// ParseHash reads "#view=flow&year=2012" (with or without '#' or '?'). Unknown keys are
// ignored and unknown or malformed values fall back to the default; it never fails.
func ParseHash(s string) State {
	st := Default
	s = strings.TrimLeft(s, "#?")
	if len(s) > 2048 {
		s = s[:2048]
	}
	q, _ := url.ParseQuery(s) // keeps the pairs it could parse
	if v := q.Get("view"); validView(v) {
		st.View = v
	}
	if y, err := strconv.Atoi(strings.TrimSpace(q.Get("year"))); err == nil && validYear(y) {
		st.Year = y
	}
	return st
}

// Hash is the state as a URL fragment without '#'.
func (s State) Hash() string { return "view=" + s.View + "&year=" + strconv.Itoa(s.Year) }

func validView(v string) bool {
	for _, w := range Views {
		if v == w {
			return true
		}
	}
	return false
}

func validYear(y int) bool {
	for _, w := range Years {
		if y == w {
			return true
		}
	}
	return false
}
