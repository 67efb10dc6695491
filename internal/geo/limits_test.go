package geo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"azflows/internal/repo"
)

// headroom is how far above the real input a decoder's limit may be: a limit far above it
// lets a hostile input make the decoder allocate hundreds of megabytes (an 8 MB base map once
// allocated 235 MB; the real one is 70 KB).
const headroom = 3

// Issue 29, finding 9: the TopoJSON decoder's limits are a little above world-atlas'
// countries-50m.json, the file the build reads: its size and the points its rings join.
func TestTopoJSONLimitsFitTheInput(t *testing.T) {
	root, err := repo.Root()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, WorldAtlasFile))
	if err != nil {
		t.Fatal(err)
	}
	feats, err := DecodeTopoJSON(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	points := 0
	for _, f := range feats {
		for _, r := range f.Rings {
			points += len(r)
		}
	}
	t.Logf("%s: %d bytes, %d points (limits %d bytes, %d points)", WorldAtlasFile, len(b), points, MaxTopoJSONSize, MaxRingPoints)
	if MaxTopoJSONSize > headroom*len(b) {
		t.Errorf("MaxTopoJSONSize %d is more than %d× the %d bytes of %s", MaxTopoJSONSize, headroom, len(b), WorldAtlasFile)
	}
	if MaxRingPoints > headroom*points {
		t.Errorf("MaxRingPoints %d is more than %d× the %d points of %s", MaxRingPoints, headroom, points, WorldAtlasFile)
	}
}

// Issue 29, finding 9: the base map's limit is a little above the base map the build writes.
func TestBaseMapLimitFitsTheInput(t *testing.T) {
	b, err := region.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("the base map: %d bytes (limit %d)", len(b), MaxBaseMapSize)
	if MaxBaseMapSize > headroom*len(b) {
		t.Errorf("MaxBaseMapSize %d is more than %d× the %d bytes of the base map", MaxBaseMapSize, headroom, len(b))
	}
	if _, err := Parse([]byte(`{"countries":[` + strings.Repeat(" ", MaxBaseMapSize) + `]}`)); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("a base map over the limit: %v", err)
	}
}
