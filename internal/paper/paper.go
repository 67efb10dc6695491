// Package paper finds the source paper's text for the build and the tests. The paper is an
// input, not a file of the repository: it is looked for at $AZFLOWS_SOURCE, else at
// data.SourcePath beside the repository. Without it the checks of the records against it are
// left out, and said to be (README, "Source paper"); CI (CI=true) fails instead.
package paper

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"azflows/data"
	"azflows/internal/repo"
)

// Path is where the paper is looked for: $AZFLOWS_SOURCE, else data.SourcePath, either
// relative to root (the repository's root) unless absolute; explicit says whether the
// environment named it.
func Path(root string) (path string, explicit bool) {
	if p := os.Getenv(data.SourceEnv); p != "" {
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, p)
		}
		return p, true
	}
	return filepath.Join(root, filepath.FromSlash(data.SourcePath)), false
}

// Missing is the one line said when the paper is not at path.
func Missing(path string) string {
	return fmt.Sprintf("the quotes were not checked against the paper: no file at %s (put the paper's text there, or name it with -source or %s; README, \"Source paper\")", path, data.SourceEnv)
}

// Load reads the paper at path, normalised; found is false (and err nil) when there is no
// file there.
func Load(path string) (text string, found bool, err error) {
	text, err = data.LoadSource(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", false, nil
	}
	return text, err == nil, err
}

// ForTests returns the paper's normalised text for a test that checks against it. Where
// the paper is missing the test is skipped with Missing's line; under CI (CI=true) it fails,
// so that CI never skips these checks.
func ForTests(tb testing.TB) string {
	tb.Helper()
	root, err := repo.Root()
	if err != nil {
		tb.Fatal(err)
	}
	path, _ := Path(root)
	text, found, err := Load(path)
	switch {
	case err != nil:
		tb.Fatal(err)
	case !found && os.Getenv("CI") == "true":
		tb.Fatal("CI: " + Missing(path))
	case !found:
		tb.Skip(Missing(path))
	}
	return text
}
