package layout

import (
	"fmt"
	"os"
	"testing"

	"azflows/charts"
	"azflows/internal/testenv"
)

// TestMain gives the layouts the repository's base map and fonts from node_modules (run
// `npm ci`), as the build does.
func TestMain(m *testing.M) {
	a, err := testenv.RepoAssets()
	if err != nil {
		fmt.Fprintln(os.Stderr, "charts/layout:", err)
		os.Exit(1)
	}
	testAssets = a
	os.Exit(m.Run())
}

// testAssets are the repository's fonts and base map, as the build gives them to Build.
var testAssets charts.Assets
