package data

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"
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

// Every download says under which terms it may be reused: the JSON in its "license" and
// "quotations" fields, each CSV row in its last column.
func TestDownloadsCarryLicense(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(b.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	lic, _ := d["license"].(string)
	if !strings.Contains(lic, "CC BY 4.0") || !strings.Contains(lic, "https://creativecommons.org/licenses/by/4.0/") {
		t.Errorf("JSON license %q, want CC BY 4.0 with its URL", lic)
	}
	if q, _ := d["quotations"].(string); !strings.Contains(q, "EUI, RSCAS") || !strings.Contains(q, "2013/41") {
		t.Errorf("JSON quotations %q, want them credited to the paper and EUI, RSCAS", q)
	}
	for name, write := range map[string]func(io.Writer) error{"figures": WriteFiguresCSV, "events": WriteEventsCSV} {
		var c bytes.Buffer
		if err := write(&c); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&c).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			last := r[len(r)-1]
			if i == 0 && last != "license" || i > 0 && last != License {
				t.Errorf("%s CSV row %d ends %q, want the license", name, i, last)
				break
			}
		}
	}
}
