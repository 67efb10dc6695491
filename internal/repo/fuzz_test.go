package repo

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// `make fuzz` (scripts/fuzz.sh) runs every fuzz target of the repository, each with a committed
// seed corpus, with minimizing bounded so that its time goes to fuzzing, and prints the
// executions each ran. (It once ran only the hash parser, and spent most of its 30 s
// minimizing.)
func TestMakeFuzzRunsEveryTarget(t *testing.T) {
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile(filepath.Join(root, "scripts", "fuzz.sh"))
	if err != nil {
		t.Fatal(err)
	}
	makefile, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^fuzz:\n\t.*scripts/fuzz\.sh`).Match(makefile) {
		t.Error("the Makefile's fuzz target does not run scripts/fuzz.sh")
	}
	for _, want := range []string{"-fuzzminimizetime", "execs"} {
		if !strings.Contains(string(script), want) {
			t.Errorf("scripts/fuzz.sh has no %s", want)
		}
	}
	fuzzFunc := regexp.MustCompile(`(?m)^func (Fuzz\w+)\(\w+ \*testing\.F\)`)
	n := 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "dist" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dir, _ := filepath.Rel(root, filepath.Dir(p))
		for _, m := range fuzzFunc.FindAllStringSubmatch(string(b), -1) {
			n++
			if !regexp.MustCompile(`(?m)^\s*"\./` + regexp.QuoteMeta(filepath.ToSlash(dir)) + ` ` + m[1] + `"$`).Match(script) {
				t.Errorf("scripts/fuzz.sh does not run %s (./%s)", m[1], dir)
			}
			seeds, _ := os.ReadDir(filepath.Join(filepath.Dir(p), "testdata", "fuzz", m[1]))
			if len(seeds) == 0 {
				t.Errorf("%s has no seed corpus in %s", m[1], filepath.Join(dir, "testdata", "fuzz", m[1]))
			}
		}
		return nil
	})
	if n < 4 {
		t.Errorf("found %d fuzz targets, want the hash parser and the three decoders at least", n)
	}
}
