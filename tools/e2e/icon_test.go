//go:build !(js && wasm)

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"azflows/site"
)

// Every HTML page of the site names its icon, so that no browser asks the server for a
// /favicon.ico it does not have (view.html and the fallback pages had none: a 404 each).
func TestEveryPageHasAnIcon(t *testing.T) {
	n := 0
	err := filepath.WalkDir(distDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		if head, _, _ := strings.Cut(string(b), "</head>"); !strings.Contains(head, site.IconLink) {
			rel, _ := filepath.Rel(distDir, p)
			t.Errorf("%s: no icon link (site.IconLink) in its head", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("only %d pages in %s", n, distDir)
	}
}
