package charts

import (
	"azflows/data"
	"azflows/i18n"
	"strings"
	"testing"

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
		f, err := NewFonts(c.reg, c.bold)
		if err == nil || f != nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: NewFonts = %v, %v; want no fonts and an error saying %q", name, f, err, c.want)
		}
	}
}

// A nil *Fonts measures with the Go fonts: no panic, the width the Go fonts give.
func TestNilFontsAreTheGoFonts(t *testing.T) {
	var f *Fonts
	g, err := NewFonts([][]byte{goregular.TTF}, [][]byte{goregular.TTF})
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
