package charts

import (
	"fmt"
	"os"
	"testing"
)

// TestMain gives the model its base map and fonts from node_modules (run `npm ci`).
func TestMain(m *testing.M) {
	if err := UseRepoAssets(); err != nil {
		fmt.Fprintln(os.Stderr, "charts:", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}
