package charts

import (
	"fmt"
	"os"
	"testing"

	"azflows/charts/fonts"
	"azflows/charts/geo"
)

// TestMain gives the map view its base map and the text its fonts (Noto Sans from
// node_modules/@fontsource/noto-sans), the base map made from node_modules/world-atlas as the build
// makes dist/basemap.json. It fails, never skips, when world-atlas is missing: run `npm ci`.
func TestMain(m *testing.M) {
	bm, err := geo.ForTests()
	if err != nil {
		fmt.Fprintln(os.Stderr, "charts:", err)
		os.Exit(1)
	}
	SetBaseMap(bm)
	fs, err := fonts.ForTests()
	if err != nil {
		fmt.Fprintln(os.Stderr, "charts:", err)
		os.Exit(1)
	}
	if err := SetFonts(fs.Regular, fs.Bold); err != nil {
		fmt.Fprintln(os.Stderr, "charts:", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}
