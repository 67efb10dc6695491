package raster

import (
	"fmt"
	"os"
	"testing"

	"azflows/charts"
	"azflows/internal/testenv"
)

// testAssets are the model's base map and fonts from node_modules (run `npm ci`), as the build
// gives them to layout.Build.
var testAssets charts.Assets

func TestMain(m *testing.M) {
	var err error
	if testAssets, err = testenv.RepoAssets(); err != nil {
		fmt.Fprintln(os.Stderr, "raster:", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}
