package ebiten

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
	"azflows/site"
)

// The keyboard visits each datum once, in the model's order, in every chart view.
func TestFocusOrderOneStopPerDatum(t *testing.T) {
	for _, view := range layout.ChartViews() {
		for _, y := range charts.Years {
			c := layout.Build(testAssets, charts.State{View: view, Year: y}, 800, 450)
			order := focusOrder(c)
			if len(order) == 0 {
				t.Errorf("%s %d: nothing to focus", view, y)
				continue
			}
			seen := map[string]bool{}
			for _, d := range order {
				if seen[d] {
					t.Errorf("%s %d: %s twice", view, y, d)
				}
				seen[d] = true
				if layout.TooltipText(c.Lang, d) == "" {
					t.Errorf("%s %d: %s has no text to announce", view, y, d)
				}
				if m, ok := c.HitTest(focusPoint(c, d), hitSlop); !ok || m.Datum != d {
					// The tooltip is anchored on the datum's own shape.
					if view != "map" { // map countries may lie under an arc or a label
						t.Errorf("%s %d: focus point of %s hits %q", view, y, d, m.Datum)
					}
				}
			}
			// Figures come first, in the model's order; context shapes (countries) after them.
			firstCountry := -1
			for i, d := range order {
				isCountry := strings.HasPrefix(d, "country/")
				if isCountry && firstCountry < 0 {
					firstCountry = i
				}
				if !isCountry && firstCountry >= 0 {
					t.Errorf("%s %d: figure %s after the country %s", view, y, d, order[firstCountry])
				}
			}
		}
	}
}

func keys(ks ...string) input { return input{Keys: ks} }

func TestKeyboardMovesFocusPinsAndClears(t *testing.T) {
	v := newView(testAssets.Fonts, "view=bars&year=2010")
	tick(v, input{})
	v.frame(800, 450)
	tick(v, input{})
	order := focusOrder(v.chart)

	// ArrowRight from nothing focuses the first datum and posts its text for the live region.
	ms := tick(v, keys("ArrowRight"))
	if got := hoverMsgs(ms); len(got) != 1 || got[0] != order[0] {
		t.Fatalf("ArrowRight: %v, want [%s]", got, order[0])
	}
	if ms[0].Text != layout.TooltipText(v.chart.Lang, order[0]) || ms[0].Text == "" {
		t.Errorf("announced %q", ms[0].Text)
	}
	if len(v.overlay) == 0 {
		t.Error("the focused datum is not outlined")
	}
	if _, _, ok := v.frame(800, 450); !ok {
		t.Error("focus not drawn")
	}
	// Down is next too; Left and Up go back; ends do not wrap.
	for _, step := range []struct {
		key  string
		want int
	}{{"ArrowDown", 1}, {"ArrowRight", 2}, {"ArrowLeft", 1}, {"ArrowUp", 0}, {"ArrowUp", 0},
		{"End", len(order) - 1}, {"ArrowRight", len(order) - 1}, {"Home", 0}} {
		tick(v, keys(step.key))
		if s, _ := v.snapshot(); s.Focus != order[step.want] || s.Hover != order[step.want] {
			t.Errorf("%s: focus %q shown %q, want %q", step.key, s.Focus, s.Hover, order[step.want])
		}
	}
	// ArrowLeft from nothing starts at the end.
	tick(v, keys("Escape"))
	tick(v, keys("ArrowLeft"))
	if v.kb.datum != order[len(order)-1] {
		t.Errorf("ArrowLeft from nothing: %q", v.kb.datum)
	}

	// Enter pins; the mouse then takes over focus but the pin stays; Space on it again unpins.
	tick(v, keys("Home", "ArrowRight", "Enter"))
	if v.pinned != order[1] {
		t.Fatalf("Enter pinned %q, want %q", v.pinned, order[1])
	}
	tick(v, input{Pointer: charts.Point{X: 795, Y: 5}, PointerMoved: true})
	if s, _ := v.snapshot(); s.Focus != "" || s.Hover != order[1] || !s.Pinned {
		t.Errorf("after a mouse move: %+v", s)
	}
	tick(v, keys("ArrowLeft", "ArrowRight", " "))
	if v.pinned != "" || v.kb.datum != order[1] {
		t.Errorf("Space on the pinned datum: pinned %q focus %q", v.pinned, v.kb.datum)
	}
	// Escape clears focus and pin: the live region is told there is nothing.
	tick(v, keys("Enter"))
	if got := hoverMsgs(tick(v, input{Escape: true})); len(got) != 1 || got[0] != "" || v.pinned != "" || v.kb.datum != "" {
		t.Errorf("Escape: %v pinned %q focus %q", got, v.pinned, v.kb.datum)
	}
	// A new state drops the focus.
	tick(v, keys("ArrowRight"))
	tick(v, input{HasHash: true, Hash: "view=flow&year=2012"})
	if v.kb.datum != "" {
		t.Errorf("focus %q survived a change of view", v.kb.datum)
	}
	if tick(v, keys("ArrowRight")); v.kb.datum != focusOrder(v.chart)[0] {
		t.Errorf("flow: first focus %q", v.kb.datum)
	}
	for _, k := range []string{"ArrowRight", "ArrowLeft", "ArrowUp", "ArrowDown", "Home", "End", "Enter", " ", "Escape"} {
		if !navKey(k) {
			t.Errorf("navKey(%q) false", k)
		}
	}
	if navKey("Tab") || navKey("a") {
		t.Error("the view must leave Tab and letters to the page")
	}
}

// The chart keeps the stepping keys only while the reader walks its marks (entered with Enter
// or Tab, left with Escape); otherwise they go to the page, and PageDown/PageUp always do.
func TestRouteKey(t *testing.T) {
	for _, c := range []struct {
		walking bool
		key     string
		route   keyRoute
		walkKey string
		after   bool
	}{
		{false, "ArrowRight", keyHost, "ArrowRight", false},
		{false, "ArrowLeft", keyHost, "ArrowLeft", false},
		{false, " ", keyHost, " ", false},
		{false, "PageDown", keyHost, "PageDown", false},
		{false, "PageUp", keyHost, "PageUp", false},
		{false, "Escape", keyHost, "Escape", false},
		{false, "Home", keyIgnore, "Home", false},
		{false, "ArrowDown", keyIgnore, "ArrowDown", false},
		{false, "Enter", keyWalk, "Home", true},
		{true, "ArrowRight", keyWalk, "ArrowRight", true},
		{true, "ArrowUp", keyWalk, "ArrowUp", true},
		{true, " ", keyWalk, " ", true},
		{true, "Enter", keyWalk, "Enter", true},
		{true, "End", keyWalk, "End", true},
		{true, "PageDown", keyHost, "PageDown", true},
		{true, "Escape", keyWalk, "Escape", false},
		{true, "a", keyIgnore, "a", true},
	} {
		r, k, after := routeKey(c.walking, c.key)
		if r != c.route || k != c.walkKey || after != c.after {
			t.Errorf("routeKey(%v, %q) = %v, %q, %v; want %v, %q, %v", c.walking, c.key, r, k, after, c.route, c.walkKey, c.after)
		}
	}
	// Enter outside the walk focuses the first mark.
	v := newView(testAssets.Fonts, "view=bars&year=2010")
	tick(v, input{})
	v.frame(800, 450)
	tick(v, input{})
	_, k, _ := routeKey(false, "Enter")
	tick(v, keys(k))
	if order := focusOrder(v.chart); v.kb.datum != order[0] {
		t.Errorf("Enter focused %q, want the first mark %q", v.kb.datum, order[0])
	}
}

// The keyboard's read-outs follow the walk (layout.Walk): the second stop leaves out the
// caveat the first said; a new walk after Escape says it again. Enter confirms the pin and the
// unpin, Escape the unpin, in the chart's language.
func TestKeyboardReadoutsAndPinConfirmed(t *testing.T) {
	for _, l := range []string{"en", "az", "ru"} {
		v := newView(testAssets.Fonts, "view=map&year=2010&lang="+l)
		tick(v, input{BaseMapSettled: true})
		v.frame(800, 450)
		tick(v, input{})
		lang := v.chart.Lang
		order := focusOrder(v.chart)
		var w layout.Walk
		text := func(ms []message) string {
			for _, m := range ms {
				if m.Type == "azflows:hover" {
					return m.Text
				}
			}
			return "(no read-out)"
		}
		for i := 0; i < 3; i++ {
			if got, want := text(tick(v, keys("ArrowRight"))), w.Readout(lang, order[i]); got != want {
				t.Errorf("%s: stop %d said %q, want %q", l, i, got, want)
			}
		}
		if s, _ := v.snapshot(); s.Tooltip != v.chart.Tip(order[2]) {
			t.Errorf("%s: the tooltip drawn is %q, want the whole tip", l, s.Tooltip)
		}
		head := layout.Head(lang, order[2])
		if got, want := text(tick(v, keys("Enter"))), i18n.T(lang, "live.pinned", head); got != want {
			t.Errorf("%s: Enter said %q, want %q", l, got, want)
		}
		if got, want := text(tick(v, keys("Enter"))), i18n.T(lang, "live.unpinned", head); got != want {
			t.Errorf("%s: Enter again said %q, want %q", l, got, want)
		}
		tick(v, keys(" "))
		if got, want := text(tick(v, keys("Escape"))), i18n.T(lang, "live.unpinned", head); got != want || v.pinned != "" {
			t.Errorf("%s: Escape said %q, want %q (pinned %q)", l, got, want, v.pinned)
		}
		// A new walk: the first stop whole again.
		if got, want := text(tick(v, keys("ArrowRight"))), v.chart.Tip(order[0]); got != want {
			t.Errorf("%s: a new walk's first stop said %q, want %q", l, got, want)
		}
		// Escape with nothing pinned clears the read-out.
		if got := text(tick(v, keys("Escape"))); got != "" {
			t.Errorf("%s: Escape without a pin said %q", l, got)
		}
	}
}

// The keys routeKey routes anywhere are exactly site.RoutedKeys, which web/view/view.js reads
// from its config and prevents outside the canvas: a key routed here but not there would
// scroll the frame; one there but not here would be swallowed for nothing. No file of the
// view spells a key: they are site's.
func TestRoutedKeysAreSites(t *testing.T) {
	routed := map[string]bool{}
	for _, k := range site.RoutedKeys {
		routed[k] = true
	}
	candidates := append(slices.Clone(site.RoutedKeys), site.KeyTab, "a", "F5", "Shift", "Backspace", "Delete", "Insert", "+", "-", "0")
	for k := range navKeys {
		candidates = append(candidates, k)
	}
	for _, k := range candidates {
		used := false
		for _, walking := range []bool{false, true} {
			if r, _, _ := routeKey(walking, k); r != keyIgnore {
				used = true
			}
		}
		if used != routed[k] {
			t.Errorf("%q: routed %v, in site.RoutedKeys %v", k, used, routed[k])
		}
		if navKeys[k] && !routed[k] {
			t.Errorf("%q: the walk's key is not in site.RoutedKeys", k)
		}
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range append(slices.Clone(site.RoutedKeys), site.KeyTab) {
			if k == site.KeySpace {
				continue // " " is also a plain space
			}
			if strings.Contains(string(b), strconv.Quote(k)) {
				t.Errorf("%s spells the key %q: use its site.Key constant", f, k)
			}
		}
	}
}
