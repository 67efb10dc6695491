package fonts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"azflows/internal/repo"
)

// Issue 29, finding 9: the WOFF decoder's limits are a little above the largest font the
// chart draws with (a fontsource subset of Noto Sans, Subsets, both weights): its file and its
// inflated tables.
func TestWOFFLimitsFitTheInput(t *testing.T) {
	const headroom = 3
	root, err := repo.Root()
	if err != nil {
		t.Fatal(err)
	}
	largest, largestSfnt := 0, 0
	for _, s := range Subsets {
		for _, w := range []string{"400", "700"} {
			b, err := os.ReadFile(filepath.Join(root, "node_modules", "@fontsource", "noto-sans", "files", "noto-sans-"+s+"-"+w+"-normal.woff"))
			if err != nil {
				t.Fatal(err)
			}
			sfnt, err := DecodeWOFF(b)
			if err != nil {
				t.Fatalf("%s %s: %v", s, w, err)
			}
			largest, largestSfnt = max(largest, len(b)), max(largestSfnt, len(sfnt))
		}
	}
	t.Logf("largest WOFF %d bytes, %d inflated (limits %d, %d)", largest, largestSfnt, MaxWOFFSize, MaxSfntSize)
	if MaxWOFFSize > headroom*largest {
		t.Errorf("MaxWOFFSize %d is more than %d× the largest font's %d bytes", MaxWOFFSize, headroom, largest)
	}
	if MaxSfntSize > headroom*largestSfnt {
		t.Errorf("MaxSfntSize %d is more than %d× the largest font's %d inflated bytes", MaxSfntSize, headroom, largestSfnt)
	}
	over := append([]byte("wOFF"), make([]byte, MaxWOFFSize)...)
	if _, err := DecodeWOFF(over); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("a WOFF over the limit: %v", err)
	}
}
