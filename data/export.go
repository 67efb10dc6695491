package data

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
)

// Dataset is everything the page shows, as one document for the JSON download.
type Dataset struct {
	Source     string     `json:"source"`
	License    string     `json:"license"`    // the terms of the site's data (License)
	Quotations string     `json:"quotations"` // whose words the quotes are (Quotations)
	Figures    []Figure   `json:"figures"`
	Flows      []Flow     `json:"flows"`
	Routes     []Route    `json:"routes"`
	Events     []Event    `json:"events"`
	Footnotes  []Footnote `json:"footnotes"`
}

// All returns the whole dataset.
func All() Dataset {
	return Dataset{Source: Citation, License: License, Quotations: Quotations, Figures: Figures, Flows: Flows, Routes: Routes, Events: Events, Footnotes: Footnotes}
}

// WriteJSON writes the whole dataset as indented JSON.
func WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(All())
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// WriteFiguresCSV writes one row per figure, with its footnote's reference and caveats.
func WriteFiguresCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "measure", "value", "high", "bound", "as_written", "unit", "period_from", "period_to", "period_as_written", "reporter", "status", "footnote", "footnote_reference", "quote", "caveats", "formula", "license"})
	for _, f := range Figures {
		from, to := "", ""
		if f.Period.From != 0 {
			from, to = strconv.Itoa(f.Period.From), strconv.Itoa(f.Period.To)
		}
		cw.Write([]string{f.ID, f.Measure, num(f.Value), num(f.High), string(f.Bound), f.Text, f.Unit, from, to, f.Period.Text,
			f.Reporter, string(f.Status), strconv.Itoa(f.Footnote), FootnoteText(f.Footnote), f.Quote, strings.Join(f.Caveats, " | "), f.Formula, License})
	}
	cw.Flush()
	return cw.Error()
}

// WriteEventsCSV writes one row per timeline event.
func WriteEventsCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "event", "when_as_written", "axis_year", "precision", "footnote", "footnote_reference", "quote", "caveats", "license"})
	for _, e := range Events {
		y := ""
		if e.Year != 0 {
			y = strconv.FormatFloat(e.Year, 'f', 2, 64)
		}
		cw.Write([]string{e.ID, e.Title, e.When, y, string(e.Precision), strconv.Itoa(e.Footnote), FootnoteText(e.Footnote), e.Quote, strings.Join(e.Caveats, " | "), License})
	}
	cw.Flush()
	return cw.Error()
}
