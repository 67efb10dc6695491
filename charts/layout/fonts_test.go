package layout

import (
	"reflect"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/data"
	"azflows/i18n"

	"golang.org/x/image/font/gofont/goregular"
)

// NewFonts refuses what it cannot measure with, and says which font it could not parse.
func TestNewFontsRefusesBadChains(t *testing.T) {
	good := [][]byte{goregular.TTF}
	for name, c := range map[string]struct {
		reg, bold [][]byte
		want      string
	}{
		"no regular":      {nil, good, "at least one font per weight"},
		"no bold":         {good, [][]byte{}, "at least one font per weight"},
		"garbage bold":    {good, [][]byte{[]byte("not a font")}, "bold font 1 of 1"},
		"garbage regular": {[][]byte{goregular.TTF, {0, 1, 0, 0}}, good, "regular font 2 of 2"},
	} {
		f, err := charts.NewFonts(c.reg, c.bold)
		if err == nil || f != nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: NewFonts = %v, %v; want no fonts and an error saying %q", name, f, err, c.want)
		}
	}
}

// A nil *Fonts measures with the Go fonts: no panic, the width the Go fonts give.
func TestNilFontsAreTheGoFonts(t *testing.T) {
	var f *charts.Fonts
	g, err := charts.NewFonts([][]byte{goregular.TTF}, [][]byte{goregular.TTF})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := f.TextWidth("Turkey 23", 12, false), g.TextWidth("Turkey 23", 12, false); a != b || a <= 0 {
		t.Errorf("nil Fonts measure %v, the Go regular font %v", a, b)
	}
	if got := f.Drawable("a\u4e16", false); got != "a?" {
		t.Errorf("nil Fonts draw a\u4e16 as %q, want a? (the Go fonts lack CJK)", got)
	}
}

// The tooltips name countries without the base map (countryName(nil, …)): every country one
// names (Azerbaijan, the places the map names, every route's destinations) has the catalog's
// name, so the base map's fallback would never be asked.
func TestTipCountriesInCatalog(t *testing.T) {
	codes := []string{"AZ"}
	for code := range places {
		codes = append(codes, code)
	}
	for _, r := range data.Routes {
		codes = append(codes, r.To...)
	}
	for _, code := range codes {
		if !i18n.Has("country." + code) {
			t.Errorf("a tooltip may name %s, which the catalog has no name for", code)
		}
	}
}

// Zero Assets lay out every view without a panic: the Go fonts, and a map without its
// countries that says so.
func TestZeroAssetsBuild(t *testing.T) {
	for _, v := range ChartViews() {
		c := Build(charts.Assets{}, charts.State{View: v, Year: 2010}, 800, 450)
		texts := 0
		for _, m := range c.Marks {
			if m.Kind == charts.TextMark {
				texts++
				if m.EmWidth <= 0 && m.Text != "" {
					t.Errorf("%s: %q has no measured width", v, m.Text)
				}
			}
		}
		if texts == 0 {
			t.Errorf("%s: zero Assets drew no text", v)
		}
	}
}

// The layouts' caches change nothing: Assets without them (a literal) lay out the same chart
// as NewAssets, for a translated map that grows (both caches asked) and the timeline.
func TestAssetsCachesAreNeutral(t *testing.T) {
	plain := charts.Assets{Fonts: testAssets.Fonts, BaseMap: testAssets.BaseMap}
	for _, s := range []charts.State{{View: "map", Year: 2010, Lang: i18n.RU}, {View: "timeline", Year: 2012, Lang: i18n.AZ}} {
		for _, size := range [][2]float64{{344, 194}, {800, 450}} {
			a, b := Build(testAssets, s, size[0], size[1]), Build(plain, s, size[0], size[1])
			if !reflect.DeepEqual(a.Marks, b.Marks) || a.H != b.H {
				t.Errorf("%+v at %v: the cached and the uncached layouts differ (%d and %d marks, %v and %v high)", s, size, len(a.Marks), len(b.Marks), a.H, b.H)
			}
		}
	}
}
