package layout

import (
	"fmt"
	"os"
	"testing"

	"azflows/charts"
	"azflows/internal/fonts"
	"azflows/internal/geo"
)

// TestMain gives the model its base map and fonts from node_modules (run `npm ci`), as the
// build does (internal/testenv.UseRepoAssets for the other packages' tests).
func TestMain(m *testing.M) {
	if err := useRepoAssets(); err != nil {
		fmt.Fprintln(os.Stderr, "charts:", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

func useRepoAssets() error {
	bm, err := geo.ForTests()
	if err != nil {
		return err
	}
	fs, err := fonts.ForTests()
	if err != nil {
		return err
	}
	f, err := charts.NewFonts(fs.Regular, fs.Bold)
	if err != nil {
		return err
	}
	testAssets = charts.NewAssets(f, bm)
	return nil
}

// testAssets are the repository's fonts and base map, as the build gives them to Build.
var testAssets charts.Assets
