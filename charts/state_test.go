package charts

import (
	"path/filepath"
	"testing"

	"azflows/i18n"
	"azflows/internal/repo"
)

// Every shared vector (charts/testdata/hash_vectors.json, also run against the page's parser
// by e2e.TestPageParserVectors) gives the state it names.
func TestHashVectors(t *testing.T) {
	root, err := repo.Root()
	if err != nil {
		t.Fatal(err)
	}
	vectors, err := LoadHashVectors(filepath.Join(root, HashVectorsFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vectors {
		want := State{View: v.Want.View, Year: v.Want.Year, Context: v.Want.Context, Lang: i18n.Lang(v.Want.Lang)}
		if got := ParseHash(v.Input()); got != want {
			t.Errorf("ParseHash(%.80q) = %+v, want %+v %s", v.Input(), got, want, v.Note)
		}
	}
}

func TestParseHash(t *testing.T) {
	cases := map[string]State{
		"":                                    Default,
		"#view=flow&year=2012":                {"flow", 2012, false, ""},
		"view=bars&year=2012":                 {"bars", 2012, false, ""},
		"?year=2012":                          {"map", 2012, false, ""},
		"#view=%3Cscript%3E&year=abc":         Default,
		"#view=flow&view=bars&year=2012":      {"flow", 2012, false, ""},
		"#year=2011":                          Default,
		"#year=99999999999999999999999":       Default,
		"#view=javascript:alert(1)&year=2010": Default,
		"#view=flow&year=%00":                 {"flow", 2010, false, ""},
		"#%%%%&view=flow":                     {"flow", 2010, false, ""},
		"#unknown=1&year= 2012 ":              {"map", 2012, false, ""},
		"#view=flow&lang=az":                  {"flow", 2010, false, "az"},
		"#lang=ru&year=2012":                  {"map", 2012, false, "ru"},
		"#lang=de":                            Default,
		"#lang=AZ":                            Default,
		"#lang=az&lang=ru":                    {"map", 2010, false, "az"},
	}
	for in, want := range cases {
		if got := ParseHash(in); got != want {
			t.Errorf("ParseHash(%q) = %+v, want %+v", in, got, want)
		}
	}
	for _, s := range []State{{"flow", 2012, false, ""}, {"bars", 2010, false, ""}, {"flow", 2012, true, ""}, {"map", 2012, true, ""}, {"bars", 2012, false, "az"}, {"map", 2010, true, "ru"}, {"flow", 2010, false, "en"}} {
		if got := ParseHash("#" + s.Hash()); got != s {
			t.Errorf("round trip of %+v gives %+v", s, got)
		}
	}
}

func TestDefaultIsTheMap(t *testing.T) {
	if Default != (State{"map", 2010, false, ""}) || Views()[0] != "map" {
		t.Errorf("default %+v, views %v: the map comes first", Default, Views())
	}
}

func FuzzParseHash(f *testing.F) {
	for _, s := range []string{"", "#view=flow&year=2012", "#view=%3Cscript%3E&year=abc", "?year=2012&year=2010", "#%zz", "#lang=az&view=map", "#lang=ru;x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st := ParseHash(s)
		if !validView(st.View) || !validYear(st.Year) || (st.Lang != "" && !i18n.Valid(st.Lang)) {
			t.Fatalf("ParseHash(%q) = %+v, not a valid state", s, st)
		}
		if ParseHash(st.Hash()) != st {
			t.Fatalf("%+v does not round-trip", st)
		}
	})
}
