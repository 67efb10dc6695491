// Package datatest holds deliberate corruptions of the records, for the tests that show the
// data checks (data.Check, data.CheckSource) and the build refuse each one.
package datatest

import (
	"fmt"

	"azflows/data"
)

// Corruption is one deliberate mistake in the records.
type Corruption struct {
	Name       string
	Record     string // the record whose error must be named
	NeedsPaper bool   // only the checks against the paper can see it
	apply      func(figs []data.Figure, evs []data.Event)
}

// Apply makes the corruption on copies of data.Figures and data.Events, which it puts in their
// place; the func it returns puts the originals back.
func (c Corruption) Apply() (restore func()) {
	figs, evs := data.Figures, data.Events
	data.Figures = append([]data.Figure(nil), figs...)
	data.Events = append([]data.Event(nil), evs...)
	c.apply(data.Figures, data.Events)
	return func() { data.Figures, data.Events = figs, evs }
}

func fig(figs []data.Figure, id string) *data.Figure {
	for i := range figs {
		if figs[i].ID == id {
			return &figs[i]
		}
	}
	panic(fmt.Sprintf("datatest: no figure %q", id))
}

func event(evs []data.Event, id string) *data.Event {
	for i := range evs {
		if evs[i].ID == id {
			return &evs[i]
		}
	}
	panic(fmt.Sprintf("datatest: no event %q", id))
}

// setNumber gives a figure another exact number, as written.
func setNumber(f *data.Figure, v float64, text string) { f.Value, f.High, f.Text = v, v, text }

// Corruptions are the mistakes the checks must refuse, each naming the record.
var Corruptions = []Corruption{
	{Name: "a reporter names the figure's own footnote again", Record: "victim-age-range", apply: func(figs []data.Figure, _ []data.Event) {
		f := fig(figs, "victim-age-range")
		f.Reporter += " (footnote 7)"
	}},
	{Name: "Turkey's 23 and Iran's 3 swapped (2010)", Record: "dest-2010-turkey", apply: func(figs []data.Figure, _ []data.Event) {
		tr, ir := fig(figs, "dest-2010-turkey"), fig(figs, "dest-2010-iran")
		tr.Value, ir.Value, tr.High, ir.High, tr.Text, ir.Text = ir.Value, tr.Value, ir.High, tr.High, ir.Text, tr.Text
	}},
	{Name: "Turkey's and Iran's numbers and phrases swapped (2012)", Record: "dest-2012-turkey", apply: func(figs []data.Figure, _ []data.Event) {
		tr, ir := fig(figs, "dest-2012-turkey"), fig(figs, "dest-2012-iran")
		tr.Value, ir.Value, tr.High, ir.High, tr.Text, ir.Text = ir.Value, tr.Value, ir.High, tr.High, ir.Text, tr.Text
		tr.Phrase, ir.Phrase = ir.Phrase, tr.Phrase
	}},
	{Name: "39 convicted, off by one", Record: "convicted-2010", apply: func(figs []data.Figure, _ []data.Event) {
		setNumber(fig(figs, "convicted-2010"), 40, "40")
	}},
	{Name: "39 convicted written as 9", Record: "convicted-2010", apply: func(figs []data.Figure, _ []data.Event) {
		setNumber(fig(figs, "convicted-2010"), 9, "9")
	}},
	{Name: "89 referred put in 2011", Record: "victims-2012", apply: func(figs []data.Figure, _ []data.Event) {
		f := fig(figs, "victims-2012")
		f.Period.From, f.Period.To = 2011, 2011
	}},
	{Name: "victims of 2010 quoting the 2012 paragraph", Record: "victims-2010", apply: func(figs []data.Figure, _ []data.Event) {
		fig(figs, "victims-2010").Quote = fig(figs, "victims-2012").Quote
	}},
	{Name: "convictions citing footnote 12 instead of 9", Record: "convicted-2010", NeedsPaper: true, apply: func(figs []data.Figure, _ []data.Event) {
		fig(figs, "convicted-2010").Footnote = 12
	}},
	{Name: "the 2012 figures event citing footnote 11 instead of 12", Record: "ev-2012-figures", NeedsPaper: true, apply: func(_ []data.Figure, evs []data.Event) {
		event(evs, "ev-2012-figures").Footnote = 11
	}},
	{Name: "39 convicted changed to 93 in number, phrase and quote alike", Record: "convicted-2010", NeedsPaper: true, apply: func(figs []data.Figure, _ []data.Event) {
		f := fig(figs, "convicted-2010")
		setNumber(f, 93, "93")
		f.Phrase = "convicted of trafficking (93 persons)"
		f.Quote = "in 2010, according to the reports by the Ministry of the Interior, more persons were convicted of trafficking (93 persons) than the number of victims of trafficking who were discovered (34 people)."
	}},
}
