package data_test

import (
	"fmt"
	"strings"
	"testing"

	. "azflows/data"
	"azflows/data/datatest"
	"azflows/internal/paper"
)

func TestRecordsMatchSource(t *testing.T) {
	for _, err := range Validate(paper.ForTests(t)) {
		t.Error(err)
	}
}

// The checks that need no paper pass on the records as they are, with or without it.
func TestRecordsCheck(t *testing.T) {
	for _, err := range Check() {
		t.Error(err)
	}
}

// Every deliberate corruption of the records is refused, naming the record: those the
// records alone show by Check, the others by the checks against the paper.
func TestCorruptionsRefused(t *testing.T) {
	for _, c := range datatest.Corruptions {
		t.Run(c.Name, func(t *testing.T) {
			var src string
			if c.NeedsPaper {
				src = paper.ForTests(t)
			}
			restore := c.Apply()
			defer restore()
			var all []string
			for _, e := range Validate(src) {
				all = append(all, e.Error())
			}
			if !strings.Contains(strings.Join(all, "\n"), fmt.Sprintf("record %q", c.Record)) {
				t.Errorf("not refused, or without naming %s; the checks said: %q", c.Record, all)
			}
		})
	}
}

func TestEveryFigureCounted(t *testing.T) {
	// The numbers the paper states as figures; each must be a record's value.
	want := []float64{1000, 18, 40, 39, 34, 9, 23, 4, 3, 473, 89, 19, 12, 2, 14, 5, 6}
	have := map[float64]bool{}
	for _, f := range Figures {
		have[f.Value], have[f.High] = true, true
	}
	for _, w := range want {
		if !have[w] {
			t.Errorf("no figure holds %v", w)
		}
	}
}

func TestFlowsReconcile(t *testing.T) {
	cases := map[int]struct{ total, countries, other, unknown float64 }{
		2010: {34, 30, 4, 0},
		2012: {89, 47, 0, 42},
	}
	for y, want := range cases {
		var c, o, u float64
		for _, f := range FlowsFor(y) {
			switch f.Kind {
			case Country:
				c += FlowValue(f)
			case OtherCountries:
				o += FlowValue(f)
			case NotGiven:
				u += FlowValue(f)
			}
		}
		tot, _ := FigureByID(FlowsFor(y)[0].Total)
		if tot.Value != want.total || c != want.countries || o != want.other || u != want.unknown {
			t.Errorf("%d: total %v countries %v other %v unknown %v, want %+v", y, tot.Value, c, o, u, want)
		}
	}
}

func TestValidateRejectsBadRecords(t *testing.T) {
	src := paper.ForTests(t)
	saved, savedFlows := Figures, Flows
	defer func() { Figures, Flows = saved, savedFlows }()
	Figures = append([]Figure(nil), saved...)
	Figures[2].Quote = "more persons were convicted of trafficking (93 persons)"
	Figures[3].Footnote = 99
	Figures = append(Figures, Figure{ID: "extra-2010", Text: "5", Value: 5, High: 5, Quote: saved[5].Quote, Footnote: 9, Period: Period{From: 2010, To: 2010}})
	Flows = append(append([]Flow(nil), savedFlows...), Flow{ID: "flow-extra", Year: 2010, Kind: Country, FigureID: "extra-2010", Total: "victims-2010"})
	var msgs []string
	for _, e := range Validate(src) {
		msgs = append(msgs, e.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{`"convicted-2010": quote not found`, `"victims-2010": cites footnote 99`, "destinations add up to 39, more than the year's total 34"} {
		if !strings.Contains(all, want) {
			t.Errorf("Validate did not report %q; it said:\n%s", want, all)
		}
	}
}

func TestParseNumbers(t *testing.T) {
	for text, want := range map[string][]float64{"1,000": {1000}, "three": {3}, "18 and 35-40": {18, 35, 40}, "5-6": {5, 6}} {
		got := ParseNumbers(text)
		if len(got) != len(want) {
			t.Fatalf("%q: %v", text, got)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q: %v, want %v", text, got, want)
			}
		}
	}
}
