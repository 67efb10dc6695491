package echarts

import (
	"fmt"
	"os"
	"testing"

	"azflows/internal/testenv"
)

// TestMain gives the model its base map and fonts from node_modules (run `npm ci`).
func TestMain(m *testing.M) {
	if err := testenv.UseRepoAssets(); err != nil {
		fmt.Fprintln(os.Stderr, "echarts:", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}
