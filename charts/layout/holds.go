package layout

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
)

// A view never drops what it shows: every datum it draws is explained in the same picture (a
// label in words or a key entry), every kind of mark the map draws has its key entry, the
// timeline explains every one of its items, and nothing says that it does not fit. Dropped is
// that rule; Build (growing the picture as the last shape) and TestViewNeverDrops both use it.

// dataRoles are the roles of marks that show a datum.
var dataRoles = map[charts.Role]bool{charts.RoleBar: true, charts.RoleBand: true, charts.RoleNode: true, charts.RoleArc: true, charts.RoleEstimate: true, charts.RoleUnknown: true, charts.RoleEvent: true, charts.RoleRoute: true}

// layerKeys names the key entry that explains each kind of mark a map draws.
var layerKeys = map[charts.Role]string{charts.RoleRoute: "route", charts.RoleUnknown: "unknown", charts.RoleEstimate: "estimate"}

// notFitWords are what a chart never says: that something does not fit it.
var notFitWords = []string{"too many for this frame", "sığmır", "не помещаются"}

// dropped lists what the chart c, laid out for the state s, leaves unexplained, one line per
// item; empty when it holds everything it shows. A chart in another language than English is
// also held to the English chart laid out at the same size (c.W×c.H): it explains at least the
// data that one explains, draws at least its marks and keeps at least its key entries.
func dropped(view string, lay layoutFunc, s charts.State, c *charts.Chart) []string {
	out := unexplained(c)
	if len(out) > 0 || lang(s) == i18n.EN {
		return out // (the English layout is not laid out for a chart that drops already)
	}
	en := englishLayout(c.Assets, view, lay, s, c.W, c.H)
	if m := missingFrom(explainedData(en), explainedData(c)); len(m) > 0 {
		out = append(out, fmt.Sprintf("explains less than English: %v", m))
	}
	if m := missingFrom(drawnData(en), drawnData(c)); len(m) > 0 {
		out = append(out, fmt.Sprintf("draws less than English: %v", m))
	}
	if m := missingKeys(s.Year, keyEntries(en), keyEntries(c), explainedData(c)); len(m) > 0 {
		out = append(out, fmt.Sprintf("key entries missing that English has: %v", m))
	}
	if m := fewerNames(en, c); len(m) > 0 {
		out = append(out, fmt.Sprintf("names fewer countries than English: %v", m))
	}
	return out
}

// namedCountries are, for each datum, the countries the chart's texts of that datum name
// (its label, its key entry): a qualifier such as "Other countries, incl. Russia" is a country
// named. A name counts in any form that begins with its stem («Росси|я», «Росси|и»), or in the
// catalog's short form ("UAE").
func namedCountries(c *charts.Chart) map[string]map[string]bool {
	texts := map[string]string{}
	for _, m := range c.Marks {
		if m.Kind == charts.TextMark && m.Datum != "" {
			texts[m.Datum] += " " + m.Text
		}
	}
	codes := map[string]bool{}
	for _, f := range data.Flows {
		if f.To != "" {
			codes[f.To] = true
		}
		for _, in := range f.Includes {
			codes[in] = true
		}
	}
	out := map[string]map[string]bool{}
	for code := range codes {
		forms := []string{countryName(c.Assets.BaseMap, c.Lang, code)}
		if i18n.Has("country.short." + code) {
			forms = append(forms, i18n.T(c.Lang, "country.short."+code))
		}
		for i, f := range forms {
			f = strings.Trim(f, "[]") // the pseudo-locale's brackets
			forms[i] = f
			if r := []rune(f); len(r) > 4 {
				forms[i] = string(r[:len(r)-1])
			}
		}
		for d, t := range texts {
			for _, f := range forms {
				if strings.Contains(t, f) {
					if out[d] == nil {
						out[d] = map[string]bool{}
					}
					out[d][code] = true
				}
			}
		}
	}
	return out
}

// fewerNames lists "datum: code" for each country the English chart names for a datum and the
// chart c does not.
func fewerNames(en, c *charts.Chart) []string {
	got := namedCountries(c)
	var out []string
	for d, codes := range namedCountries(en) {
		for code := range codes {
			if !got[d][code] {
				out = append(out, d+": "+code)
			}
		}
	}
	sort.Strings(out)
	return out
}

// englishLayout is the English chart of s's view laid out at w×h, as dropped compares with it.
// Layouts are pure functions of the state, the size and the assets, and Build asks for the
// same English layouts again and again (every translated chart, every height its growth
// tries), so the assets' memo keeps them (Assets.Layout). Callers only read them.
func englishLayout(a charts.Assets, view string, lay layoutFunc, s charts.State, w, h float64) *charts.Chart {
	s.Lang = i18n.EN
	return a.Layout(charts.LayoutKey{View: view, State: s, W: w, H: h}, func() *charts.Chart { return lay(a, s, w, h) })
}

// Dropped lists what a chart that Build laid out for s leaves unexplained (see dropped).
func Dropped(s charts.State, c *charts.Chart) []string {
	view, lay := layoutOf(s)
	return dropped(view, lay, s, c)
}

// unexplained lists what the chart leaves unexplained by its own words: a datum drawn with no
// label in words, no key entry and no labelled row; a kind of mark on the map without its key
// entry; an item of the view not explained; a text saying that something does not fit.
func unexplained(c *charts.Chart) []string {
	var out []string
	ex := explainedData(c)
	rows := map[string]bool{} // rows labelled in words (the bars' countries)
	for _, m := range c.Marks {
		if m.Kind == charts.TextMark && m.Role == charts.RoleLabel && m.Datum == "" && m.Row != "" && hasLetter(m.Text) {
			rows[m.Row] = true
		}
	}
	for _, m := range c.Marks { // a datum drawn in a labelled row is explained by its row's label
		if m.Kind != charts.TextMark && m.Datum != "" && m.Row != "" && rows[m.Row] {
			ex[m.Datum] = true
		}
	}
	keys := keyEntries(c)
	seen := map[string]bool{}
	for _, m := range c.Marks {
		if m.Kind == charts.TextMark {
			for _, nf := range notFitWords {
				if strings.Contains(m.Text, nf) {
					out = append(out, fmt.Sprintf("says it does not fit: %s %q", m.ID, m.Text))
				}
			}
			continue
		}
		if m.Datum != "" && dataRoles[m.Role] && !ex[m.Datum] && !seen[m.Datum] {
			seen[m.Datum] = true
			out = append(out, "datum drawn, not explained: "+m.Datum)
		}
		if k, ok := layerKeys[m.Role]; ok && c.View == "map" && !strings.HasPrefix(m.ID, "legend/") && !keys[k] && !seen["layer/"+k] {
			seen["layer/"+k] = true
			out = append(out, fmt.Sprintf("%s drawn, no key entry %q", m.ID, k))
		}
	}
	// Every kind of marker drawn has its key entry: a marker's look (styleClass) says what
	// kind of item it is, so each look drawn needs a key swatch of the same look (or the
	// swatch's look made a reference of another year, mute).
	swatches := map[string]bool{}
	for _, m := range c.Marks {
		if m.Kind != charts.TextMark && strings.HasPrefix(m.ID, "legend/") {
			swatches[styleClass(m.Kind, m.Style)] = true
			swatches[styleClass(m.Kind, mute(m.Style))] = true
		}
	}
	for _, m := range c.Marks {
		if k := styleClass(m.Kind, m.Style); strings.HasPrefix(m.ID, "marker/") && !swatches[k] && !seen["class/"+k] {
			seen["class/"+k] = true
			out = append(out, fmt.Sprintf("%s drawn, no key entry for its kind of marker (%s)", m.ID, k))
		}
	}
	want := expectedData(c)
	if c.View == "timeline" {
		want = timelineData()
	}
	for _, d := range want {
		if !ex[d] && !seen[d] {
			out = append(out, "item not explained: "+d)
		}
	}
	sort.Strings(out)
	return out
}

// styleClass is the kind of a mark as a reader sees it: its shape, fill, outline, whether the
// outline is dashed, and how pale it is.
func styleClass(k charts.Kind, s charts.Style) string {
	return fmt.Sprintf("%v fill %q stroke %q dashed %v opacity %v", k, s.Fill, s.Stroke, len(s.Dash) > 0, s.Opacity)
}

// explainedData are the data a chart explains inside the picture: a datum with a text mark
// of its own that says something in words (a bare reference number explains nothing), or an
// entry in a key or legend.
//
// The dotted routes are explained by their layer's key entry ("routes named in the paper, no
// numbers"), whether or not their end also has a name on the map.
func explainedData(c *charts.Chart) map[string]bool {
	out := map[string]bool{}
	routeKey := false
	for _, m := range c.Marks {
		routeKey = routeKey || (m.Kind == charts.TextMark && strings.HasPrefix(m.ID, "legend/route/"))
		if m.Datum == "" || m.Kind != charts.TextMark || !hasLetter(m.Text) {
			continue
		}
		out[m.Datum] = true
	}
	if routeKey {
		for _, r := range data.Routes {
			out[r.ID] = true
		}
	}
	return out
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// keyEntries are the names of a chart's key entries: the second part of a legend text's id,
// "legend/<entry>/<line>".
func keyEntries(c *charts.Chart) map[string]bool {
	out := map[string]bool{}
	for _, m := range c.Marks {
		if rest, ok := strings.CutPrefix(m.ID, "legend/"); ok && m.Kind == charts.TextMark {
			name, _, _ := strings.Cut(rest, "/")
			out[name] = true
		}
	}
	return out
}

// expectedData are the records a view must show whatever the size: the year's destinations on
// the map and in the flow, every year's in the bars.
func expectedData(c *charts.Chart) []string {
	years := []int{c.Year}
	switch c.View {
	case "bars":
		years = charts.Years
	case "map", "flow":
	default:
		return nil
	}
	var out []string
	for _, y := range years {
		for _, d := range destinations(c.Lang, y) {
			out = append(out, d.Figure.ID)
		}
	}
	return out
}

// drawnData are the ids of the marks that show a datum.
func drawnData(c *charts.Chart) map[string]bool {
	out := map[string]bool{}
	for _, m := range c.Marks {
		if m.Datum != "" && dataRoles[m.Role] && m.Kind != charts.TextMark {
			out[m.ID] = true
		}
	}
	return out
}

// missingKeys are the key entries of want that got lacks, but for a destination's numbered
// entry ("key-<datum>") where the chart explains that datum otherwise (a label on the map);
// in a small embed's key, Azerbaijan's swatch where a label on the map names Azerbaijan, and
// the dashed arc's entry where the group's numbered entry carries the dashed sample.
func missingKeys(year int, want, got, explained map[string]bool) []string {
	var out []string
	for _, k := range missingFrom(want, got) {
		d, numbered := strings.CutPrefix(k, "key-")
		switch {
		case numbered && explained[d]:
		case k == "origin" && explained[countryDatum("AZ", year)]:
		case k == "group" && got["key-"+groupFigure(year)]:
		default:
			out = append(out, k)
		}
	}
	return out
}

// groupFigure is the figure of the year's group of other countries ("" if none).
func groupFigure(year int) string {
	for _, fl := range data.FlowsFor(year) {
		if fl.Kind == data.OtherCountries {
			return fl.FigureID
		}
	}
	return ""
}

// missingFrom lists, sorted, the keys of want that got lacks.
func missingFrom(want, got map[string]bool) []string {
	var out []string
	for k := range want {
		if !got[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// timelineData are the items the timeline shows: every event that is not only a restated
// figure, and every count it places on the axis.
func timelineData() []string {
	var out []string
	for _, e := range data.Events {
		if _, ok := figureEvents[e.ID]; !ok {
			out = append(out, e.ID)
		}
	}
	for _, f := range tlFigures {
		out = append(out, f.ID)
	}
	return out
}
