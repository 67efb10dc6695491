package fonts

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"azflows/internal/repo"
)

// Sfnt takes a font file as the view gets it: the build's plain sfnt as it is (no inflating,
// decoded false), a WOFF (the single files') decoded, anything else, or an sfnt over
// MaxSfntSize, refused with an error.
func TestSfnt(t *testing.T) {
	s, err := ForTests()
	if err != nil {
		t.Fatal(err)
	}
	ttf := s.Regular[0]
	got, decoded, err := Sfnt(ttf)
	if err != nil || decoded || !bytes.Equal(got, ttf) {
		t.Errorf("Sfnt(the latin TrueType) = %d bytes, decoded %v, %v; want it as it is", len(got), decoded, err)
	}
	woff, err := ReadWOFF(repoNodeModules(t), Subsets[0], false)
	if err != nil {
		t.Fatal(err)
	}
	got, decoded, err = Sfnt(woff)
	if err != nil || !decoded || !bytes.Equal(got, ttf) {
		t.Errorf("Sfnt(the latin WOFF) = %d bytes, decoded %v, %v; want the same TrueType, decoded", len(got), decoded, err)
	}
	for name, b := range map[string][]byte{
		"empty":         nil,
		"text":          []byte("<!doctype html><p>not found</p>"),
		"short sfnt":    {0, 1, 0, 0, 0, 1},
		"oversize sfnt": append([]byte{0, 1, 0, 0}, make([]byte, MaxSfntSize)...),
	} {
		if got, _, err := Sfnt(b); err == nil {
			t.Errorf("Sfnt(%s) = %d bytes, no error", name, len(got))
		} else if !strings.HasPrefix(err.Error(), "fonts: ") {
			t.Errorf("Sfnt(%s): error %q does not say it is about fonts", name, err)
		}
	}
}

func repoNodeModules(t *testing.T) string {
	t.Helper()
	root, err := repo.Root()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(root, "node_modules")
}
