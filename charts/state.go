package charts

import (
	"net/url"
	"strconv"
	"strings"

	"azflows/data"
	"azflows/i18n"
)

// ViewDef is one view the page offers: its hash name and whether it has the context layer of
// routes named without numbers. Which of them the chart model draws the layouts say
// (layout.IsChart); the others the page writes as HTML.
type ViewDef struct {
	ID      string
	Context bool
}

// ViewList is every view, in the order the page offers them; the first is the default.
var ViewList = []ViewDef{{ID: "map", Context: true}, {ID: "bars"}, {ID: "flow"}, {ID: "compare"}, {ID: "timeline"}, {ID: "table"}, {ID: "sources"}}

// HasContext reports whether a view has the context layer of routes named without numbers.
func HasContext(view string) bool {
	for _, v := range ViewList {
		if v.ID == view {
			return v.Context
		}
	}
	return false
}

// Views lists the views that exist, in the order the page offers them; the first is the default.
// Views without a chart builder (see IsChart) are written as HTML by the page.
func Views() []string {
	out := make([]string, len(ViewList))
	for i, v := range ViewList {
		out[i] = v.ID
	}
	return out
}

// Years lists the years with destination data (data.FlowYears); the first is the default.
var Years = data.FlowYears()

// State is what the URL hash holds: which view of which year.
type State struct {
	View    string
	Year    int
	Context bool      // the map's context layer: routes the paper names without numbers
	Lang    i18n.Lang // "" when the hash names none (the page then asks the browser); drawn as English
}

// Default is the view a visitor sees without a hash: the first view of the first year.
var Default = State{View: ViewList[0].ID, Year: Years[0]}

// asciiSpace is what ParseHash trims around a year: ASCII white space only, as web/page/app.js does
// (Go's TrimSpace and JavaScript's \s disagree on U+0085 and U+FEFF; no Unicode space is trimmed).
const asciiSpace = " \t\n\v\f\r"

// ParseHash reads "#view=flow&year=2012" (with or without '#' or '?'). Unknown keys are
// ignored and unknown or malformed values fall back to the default; it never fails. Only the
// first 2048 bytes are read; a repeated key's first value counts. charts/testdata/hash_vectors.json
// holds the cases web/page/app.js's parser must agree on.
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
	if y, err := strconv.Atoi(strings.Trim(q.Get("year"), asciiSpace)); err == nil && validYear(y) {
		st.Year = y
	}
	st.Context = q.Get("context") == "1"
	if l := i18n.Lang(q.Get("lang")); i18n.Valid(l) {
		st.Lang = l
	}
	return st
}

// Hash is the state as a URL fragment without '#'.
func (s State) Hash() string {
	h := "view=" + s.View + "&year=" + strconv.Itoa(s.Year)
	if s.Context {
		h += "&context=1"
	}
	if s.Lang != "" {
		h += "&lang=" + string(s.Lang)
	}
	return h
}

func validView(v string) bool {
	for _, w := range Views() {
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
