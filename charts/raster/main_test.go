package raster

import (
	"fmt"
	"os"
	"testing"

	"azflows/charts"
	"azflows/charts/fonts"
)

// TestMain gives chart text its fonts (node_modules/@fontsource/noto-sans; run `npm ci`).
func TestMain(m *testing.M) {
	fs, err := fonts.ForTests()
	if err != nil {
		fmt.Fprintln(os.Stderr, "raster:", err)
		os.Exit(1)
	}
	if err := charts.SetFonts(fs.Regular, fs.Bold); err != nil {
		fmt.Fprintln(os.Stderr, "raster:", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}
