package data

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"
)

func TestFiguresCSVRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := WriteFiguresCSV(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(Figures)+1 {
		t.Fatalf("%d rows, want %d", len(rows), len(Figures)+1)
	}
	byID := map[string][]string{}
	for _, r := range rows[1:] {
		byID[r[0]] = r
	}
	if r := byID["convicted-2010"]; r[2] != "39" || r[12] != "9" || r[13] == "" {
		t.Errorf("convicted-2010 row %q", r)
	}
	if r := byID["ngo-estimate-females-per-year"]; r[2] != "1000" || r[4] != "up to" || r[11] != "estimate" {
		t.Errorf("estimate row %q", r)
	}
}

func TestJSONHasEverything(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var d Dataset
	if err := json.Unmarshal(b.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Figures) != len(Figures) || len(d.Flows) != len(Flows) || len(d.Events) != len(Events) || len(d.Footnotes) != 13 {
		t.Errorf("JSON holds %d figures, %d flows, %d events, %d footnotes", len(d.Figures), len(d.Flows), len(d.Events), len(d.Footnotes))
	}
	var events bytes.Buffer
	if err := WriteEventsCSV(&events); err != nil {
		t.Fatal(err)
	}
	rows, _ := csv.NewReader(&events).ReadAll()
	if len(rows) != len(Events)+1 {
		t.Errorf("events CSV has %d rows", len(rows))
	}
}
