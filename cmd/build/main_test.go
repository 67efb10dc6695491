package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"azflows/data"
)

// The build refuses data that does not match the paper, naming the record, before it writes
// anything.
func TestBuildRefusesBadData(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", data.SourcePath))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	altered := filepath.Join(dir, "source.txt")
	os.WriteFile(altered, []byte(strings.Replace(string(src), "(39 persons)", "(93 persons)", 1)), 0o644)
	out := filepath.Join(dir, "dist")

	expect := func(what string, source string, want ...string) {
		t.Helper()
		err := build(out, source)
		if err == nil {
			t.Fatalf("%s: the build went ahead", what)
		}
		for _, w := range want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: the error does not say %q:\n%v", what, w, err)
			}
		}
		if _, err := os.Stat(filepath.Join(out, "index.html")); err == nil {
			t.Errorf("%s: the build wrote the site anyway", what)
		}
	}
	expect("a quote not in the source", altered, `record "convicted-2010": quote not found`)

	orig := filepath.Join("..", "..", data.SourcePath)
	saved, savedFlows := data.Figures, data.Flows
	defer func() { data.Figures, data.Flows = saved, savedFlows }()

	data.Figures = append([]data.Figure(nil), saved...)
	data.Figures[2].Footnote = 0
	data.Figures[3].Quote = ""
	expect("a record without footnote or quote", orig,
		`record "convicted-2010": has no source footnote`, `record "victims-2010": has no quote`)

	data.Figures = append(append([]data.Figure(nil), saved...), data.Figure{ID: "extra-2010", Text: "3", Value: 3, High: 3,
		Quote: saved[7].Quote, Footnote: 9, Period: data.Period{From: 2010, To: 2010}})
	data.Flows = append(append([]data.Flow(nil), savedFlows...), data.Flow{ID: "flow-extra", Year: 2010, Kind: data.Country, FigureID: "extra-2010", Total: "victims-2010"})
	expect("flows over the year's total", orig, "destinations add up to 37, more than the year's total 34")
}

// Every CSV download starts with a UTF-8 byte-order mark, so that spreadsheet programs read
// its Azerbaijani, Russian and typographic characters as UTF-8, and is UTF-8 after it.
func TestCSVHaveByteOrderMark(t *testing.T) {
	out := t.TempDir()
	if err := os.MkdirAll(filepath.Join(out, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeData(out); err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(out, "data", "*.csv"))
	if len(names) != 6 {
		t.Fatalf("%d CSV files: %v", len(names), names)
	}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
			t.Errorf("%s starts with % x, not the UTF-8 byte-order mark", filepath.Base(n), b[:min(3, len(b))])
		}
		if !utf8.Valid(b) || bytes.Count(b, []byte("\xef\xbb\xbf")) != 1 {
			t.Errorf("%s: not UTF-8 with one byte-order mark", filepath.Base(n))
		}
	}
}
