package echarts

import (
	"fmt"
	"os"
	"testing"

	"azflows/charts"
	"azflows/charts/fonts"
	"azflows/charts/geo"
)

// TestMain gives the map view its base map (from node_modules/world-atlas; run `npm ci`).
func TestMain(m *testing.M) {
	bm, err := geo.ForTests()
	if err != nil {
		fmt.Fprintln(os.Stderr, "echarts:", err)
		os.Exit(1)
	}
	charts.SetBaseMap(bm)
	fs, err := fonts.ForTests()
	if err != nil {
		fmt.Fprintln(os.Stderr, "echarts:", err)
		os.Exit(1)
	}
	if err := charts.SetFonts(fs.Regular, fs.Bold); err != nil {
		fmt.Fprintln(os.Stderr, "echarts:", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}
