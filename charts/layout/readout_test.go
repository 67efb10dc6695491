package layout

import (
	"strings"
	"testing"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"
)

// walkReadouts walks every stop of c's keyboard order once, as the live region hears it.
func walkReadouts(c *charts.Chart) (order, said []string) {
	var w Walk
	order = FocusOrder(c)
	for _, d := range order {
		said = append(said, w.Readout(c.Lang, d))
	}
	return order, said
}

// A walk's read-outs are ones a listener can bear: each stop opens with the figure and what it
// counts, then the period and the source; a caveat or a reporter is said once per walk, not at
// every stop; and no figure comes twice (a destination's arc, then its country).
func TestWalkReadoutsCanBeBorne(t *testing.T) {
	for _, l := range i18n.Langs {
		for _, view := range ChartViews() {
			for _, y := range charts.Years {
				c := Build(testAssets, charts.State{View: view, Year: y, Lang: l}, 800, 450)
				order, said := walkReadouts(c)
				heads := map[string]string{}
				caveats := map[string]int{}
				for i, d := range order {
					lines := tipLines(l, d)
					r := said[i]
					if r == "" {
						t.Errorf("%s %s %d: %s says nothing", l, view, y, d)
						continue
					}
					// The figure first.
					if !strings.HasPrefix(r, lines[0].text) {
						t.Errorf("%s %s %d: %s opens with %q, not its figure %q", l, view, y, d, r, lines[0].text)
					}
					// Each figure once: no later stop repeats the figure an earlier one said.
					for _, ln := range lines {
						if prev, ok := heads[ln.text]; ok && prev != d {
							t.Errorf("%s %s %d: %s says %q again (said at %s)", l, view, y, d, ln.text, prev)
						}
					}
					heads[lines[0].text] = d
					for _, ln := range lines {
						if ln.once != "" && strings.Contains(r, ln.once) {
							caveats[ln.once]++
						}
					}
					// Beyond what is said once, a stop is short (the longest are a figure
					// computed here, with its formula, and a period the paper words at length).
					rest := r
					for _, ln := range lines {
						if ln.once != "" {
							rest = strings.Replace(rest, ln.once, "", 1)
						}
					}
					if n := len(strings.Fields(rest)); n > 50 {
						t.Errorf("%s %s %d: %s: %d words beside its caveat: %q", l, view, y, d, n, rest)
					}
					// The period and the source next, before any caveat.
					if f, ok := data.FigureByID(d); ok {
						period, fn := i18n.Period(l, f), i18n.T(l, "tip.footnote", f.Footnote)
						if l == i18n.EN && (!strings.Contains(strings.ToLower(r), strings.ToLower(period)) || !strings.Contains(r, fn)) {
							t.Errorf("%s %s %d: %s lacks its period %q or source %q: %q", l, view, y, d, period, fn, r)
						}
						if p, s := strings.Index(strings.ToLower(r), strings.ToLower(period)), strings.Index(r, fn); p >= 0 && s >= 0 {
							for _, ln := range lines {
								if ln.once != "" && ln.short == "" {
									if c := strings.Index(r, ln.once); c >= 0 && c < s {
										t.Errorf("%s %s %d: %s: the caveat comes before the source: %q", l, view, y, d, r)
									}
								}
							}
						}
					}
				}
				for cv, n := range caveats {
					if n > 1 {
						t.Errorf("%s %s %d: %q said %d times in one walk", l, view, y, cv, n)
					}
				}
			}
		}
	}
}

// A walk's read-outs say much less than its tooltips: the 2010 map's walk in English.
func TestWalkSaysLessThanTheTooltips(t *testing.T) {
	c := Build(testAssets, charts.State{View: "map", Year: 2010, Lang: i18n.EN}, 800, 450)
	order, said := walkReadouts(c)
	// A figure whose caveat and reporter were said before says 20 words at most.
	for i, d := range order {
		_, again := data.FigureByID(d)
		for _, ln := range tipLines(i18n.EN, d) {
			if ln.once != "" && !strings.Contains(strings.Join(said[:i], " "), ln.once) {
				again = false
			}
		}
		if n := len(strings.Fields(said[i])); again && n > 20 {
			t.Errorf("%s: %d words, though its caveat was said before: %q", d, n, said[i])
		}
	}
	// The first stop says all of its tooltip; the second, of the same source, only its figure,
	// period and source.
	if said[0] != c.Tip(order[0]) {
		t.Errorf("first stop %q, want its whole tooltip %q", said[0], c.Tip(order[0]))
	}
	if want := "Victims trafficked to the United Arab Emirates: 4 — Official count; in 2010 — Source: footnote 9"; spaced(said[1]) != want {
		t.Errorf("second stop %q, want %q", said[1], want)
	}
	// A new walk says it all again.
	var w Walk
	if r := w.Readout(i18n.EN, order[1]); r != c.Tip(order[1]) {
		t.Errorf("a new walk's first stop %q", r)
	}
}

// In each year each destination is one stop: its arc, not its country again.
func TestEachDestinationOncePerWalk(t *testing.T) {
	for _, y := range charts.Years {
		c := Build(testAssets, charts.State{View: "map", Year: y, Lang: i18n.EN}, 800, 450)
		order := strings.Join(FocusOrder(c), " ")
		for _, code := range []string{"TR", "IR", "AE"} {
			if strings.Contains(order, "country/"+code+"/") {
				t.Errorf("%d: %s is a stop as a country beside its arc: %s", y, code, order)
			}
		}
		if !strings.Contains(order, "country/AZ/") || !strings.Contains(order, "country/PK/") {
			t.Errorf("%d: the countries with words of their own lost their stop: %s", y, order)
		}
	}
}
