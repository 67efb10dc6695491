package charts

import (
	"testing"
	"unicode/utf8"
)

// FaceRuns is called for every line of text each time it is painted (the live view's lines,
// the PNGs): its cost is one allocation per run, not one per rune. It grew each run by
// concatenation, rune by rune: a tooltip's lines made two thousand allocations (issue 30).
func TestFaceRunsAllocatesPerRunNotPerRune(t *testing.T) {
	s := "Reported victims of trafficking from Azerbaijan, 2012: 45 (Azərbaycan, Россия)"
	testAssets.Fonts.FaceRuns(s, false) // the fonts parsed
	runs := testAssets.Fonts.FaceRuns(s, false)
	allocs := testing.AllocsPerRun(20, func() { testAssets.Fonts.FaceRuns(s, false) })
	if limit := float64(len(runs) + 2); allocs > limit {
		t.Errorf("FaceRuns of %d runes in %d runs: %.0f allocations, want at most %.0f", utf8.RuneCountInString(s), len(runs), allocs, limit)
	}
}

// Drawable, called for every text mark each time the overlay is made (each hover frame), makes
// nothing for a text every rune of which a font has. It made a []rune of every text (on the
// heap for a tooltip's longer lines) and its own sfnt.Buffer.
func TestDrawableAllocatesOnlyToReplace(t *testing.T) {
	ok := "Reported victims of trafficking from Azerbaijan (Azərbaycan), Россия, 2012: 45"
	bad := "a\u4e16b"
	testAssets.Fonts.Drawable(ok, false)
	if n := testing.AllocsPerRun(20, func() { testAssets.Fonts.Drawable(ok, false) }); n > 0 {
		t.Errorf("testAssets.Fonts.Drawable(%q): %.0f allocations, want none", ok, n)
	}
	if n := testing.AllocsPerRun(20, func() { testAssets.Fonts.Drawable(bad, false) }); n > 3 {
		t.Errorf("testAssets.Fonts.Drawable(%q): %.0f allocations, want at most 3", bad, n)
	}
	for s, want := range map[string]string{ok: ok, bad: "a?b", "\u4e16\u4e16x": "??x", "": ""} {
		if got := testAssets.Fonts.Drawable(s, true); got != want {
			t.Errorf("testAssets.Fonts.Drawable(%q) = %q, want %q", s, got, want)
		}
	}
}

// The runs are what they were: s split by the font of each rune, every rune kept but those no
// font has (replaced by '?', in the first font's run), invalid UTF-8 as U+FFFD.
func TestFaceRunsSplitsByFont(t *testing.T) {
	for _, c := range []struct {
		s    string
		bold bool
		want []Run
	}{
		{"Azərbaycan Россия", false, []Run{{0, "Az"}, {1, "ə"}, {0, "rbaycan "}, {2, "Россия"}}},
		{"2012: 45", true, []Run{{0, "2012: 45"}}},
		{"a\u4e16b\u4e16\u4e16", false, []Run{{0, "a?b??"}}},
		{"\u4e16ə\xffx", false, []Run{{0, "?"}, {1, "ə"}, {0, "\ufffdx"}}},
		{"", false, nil},
	} {
		got := testAssets.Fonts.FaceRuns(c.s, c.bold)
		if len(got) != len(c.want) {
			t.Errorf("testAssets.Fonts.FaceRuns(%q) = %+v, want %+v", c.s, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("testAssets.Fonts.FaceRuns(%q) = %+v, want %+v", c.s, got, c.want)
				break
			}
		}
	}
}
