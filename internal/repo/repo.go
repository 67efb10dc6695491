// Package repo finds the repository's root, for tests and tools that read what `npm ci` and
// `make build` put there (node_modules, dist).
package repo

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
)

// Root walks up from the working directory to the directory that holds the product's go.mod
// (module azflows), past the tools' own module (tools/go.mod).
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && bytes.HasPrefix(b, []byte("module azflows\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod of module azflows above the working directory")
		}
		dir = parent
	}
}
