package main

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/font/sfnt"

	"azflows/internal/fonts"
	"azflows/site"
)

// The view's fonts (view.html's config) are written decoded: each file the view fetches is a
// plain sfnt that charts/fonts.Sfnt takes as it is, so the view's start inflates nothing
// (issue 30: the WOFF decode was 60 ms of the wasm's start even with its code compiled), and
// it is the same font as the subset's WOFF decoded.
func TestViewFontsAreDecoded(t *testing.T) {
	atRoot(t)
	out := t.TempDir()
	for _, d := range []string{"assets", "fonts"} {
		if err := os.MkdirAll(filepath.Join(out, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := copyStatic(out); err != nil {
		t.Fatal(err)
	}
	set, err := fonts.Load("node_modules")
	if err != nil {
		t.Fatal(err)
	}
	c := site.NewViewConfig()
	for _, w := range []struct {
		urls []string
		want [][]byte
	}{{c.Fonts.Regular, set.Regular}, {c.Fonts.Bold, set.Bold}} {
		if len(w.urls) != len(fonts.Subsets) {
			t.Fatalf("the view's config names %d fonts of a weight, want one per subset (%d)", len(w.urls), len(fonts.Subsets))
		}
		for i, u := range w.urls {
			b, err := os.ReadFile(filepath.Join(out, u))
			if err != nil {
				t.Fatalf("the view's config names %s: %v", u, err)
			}
			got, decoded, err := fonts.Sfnt(b)
			if err != nil || decoded {
				t.Errorf("%s: decoded %v, %v; want a plain sfnt the view takes as it is", u, decoded, err)
				continue
			}
			if string(got) != string(w.want[i]) {
				t.Errorf("%s is not the %s subset's font (%d bytes, want %d)", u, fonts.Subsets[i], len(got), len(w.want[i]))
			}
			if _, err := sfnt.Parse(got); err != nil {
				t.Errorf("%s: %v", u, err)
			}
		}
	}
}
