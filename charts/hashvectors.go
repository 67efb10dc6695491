package charts

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// HashVectorsFile holds the shared test vectors of the URL hash parsers, relative to the
// repository root: each hash and the state it must give. The Go test of ParseHash and the
// browser test of web/page/app.js's parser read the same file, so the two parsers cannot drift.
const HashVectorsFile = "charts/testdata/hash_vectors.json"

// HashVector is one hash and the state both parsers must give for it.
type HashVector struct {
	Hash   string `json:"hash"`
	Repeat string `json:"repeat"` // written Times times after Hash (long inputs)
	Times  int    `json:"times"`
	Then   string `json:"then"` // after the repeats
	Note   string `json:"note"`
	Want   struct {
		View    string `json:"view"`
		Year    int    `json:"year"`
		Context bool   `json:"context"`
		Lang    string `json:"lang"`
	} `json:"want"`
}

// Input is the vector's whole hash.
func (v HashVector) Input() string { return v.Hash + strings.Repeat(v.Repeat, v.Times) + v.Then }

// LoadHashVectors reads the vectors from a file laid out as HashVectorsFile is.
func LoadHashVectors(path string) ([]HashVector, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct{ Vectors []HashVector }
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(doc.Vectors) == 0 {
		return nil, fmt.Errorf("%s: no vectors", path)
	}
	for i, v := range doc.Vectors {
		if v.Times < 0 || v.Times > 1<<16 {
			return nil, fmt.Errorf("%s: vector %d repeats %d times", path, i, v.Times)
		}
	}
	return doc.Vectors, nil
}
