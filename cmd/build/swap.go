package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// markerFile is written last into every build: a directory holding it was made by the build
// and may be replaced whole by the next one.
const markerFile = ".azflows-build"

// checkOut refuses an output directory that holds anything the build did not make: it must be
// missing, empty, or an earlier build (its marker, or the files of a build from before there
// was one, without go.mod). `-out .` would otherwise replace the sources.
func checkOut(out string) error {
	fi, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("-out %s is not a directory", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil || len(entries) == 0 {
		return err
	}
	if _, err := os.Stat(filepath.Join(out, markerFile)); err == nil {
		return nil
	}
	if legacyBuild(out) {
		return nil
	}
	return fmt.Errorf("-out %s holds files the build did not make (it has no %s): the build replaces the whole directory, so give it an empty or new one", out, markerFile)
}

// legacyBuild recognises a site built before the marker existed: view.wasm, wasm_exec.js,
// index.html and fallback/ side by side, and no go.mod or .git (a source tree).
func legacyBuild(dir string) bool {
	for _, f := range []string{"go.mod", ".git", "package.json"} {
		if _, err := os.Lstat(filepath.Join(dir, f)); err == nil {
			return false
		}
	}
	for _, f := range []string{"view.wasm", "wasm_exec.js", "index.html", "fallback"} {
		if _, err := os.Lstat(filepath.Join(dir, f)); err != nil {
			return false
		}
	}
	return true
}

// writeMarker writes the marker, the build's last step.
func writeMarker(dir string) error {
	text := "Written by azflows' cmd/build (" + version() + "). The next build replaces this directory whole.\n"
	return os.WriteFile(filepath.Join(dir, markerFile), []byte(text), 0o644)
}

// buildDirPrefix names the directories builds write into, beside out: ".dist.build-PID-…".
func buildDirPrefix(out string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(out)), "."+filepath.Base(filepath.Clean(out))+".build-")
}

// newBuildDir makes the directory this build writes into, beside out (so the swap is a
// rename on one file system), and removes those that builds which no longer run left behind.
func newBuildDir(out string) (string, error) {
	prefix := buildDirPrefix(out)
	if err := os.MkdirAll(filepath.Dir(prefix), 0o755); err != nil {
		return "", err
	}
	stale, _ := filepath.Glob(prefix + "*")
	for _, d := range stale {
		pid, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(d, prefix), "-", 2)[0])
		if err == nil && pid != os.Getpid() && syscall.Kill(pid, 0) == syscall.ESRCH {
			os.RemoveAll(d)
		}
	}
	return os.MkdirTemp(filepath.Dir(prefix), filepath.Base(prefix)+strconv.Itoa(os.Getpid())+"-")
}

// swap puts the finished build dir in out's place. Where out exists, the two are exchanged in
// one step where the system can (exchange, swap_linux.go), else out is renamed aside first;
// either way the previous build ends up at dir, which the caller removes.
func swap(dir, out string) error {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(dir, out)
	}
	if err := exchange(dir, out); err == nil {
		return nil
	}
	old := dir + ".old"
	if err := os.Rename(out, old); err != nil {
		return fmt.Errorf("moving the previous build aside: %w", err)
	}
	if err := os.Rename(dir, out); err != nil {
		os.Rename(old, out)
		return fmt.Errorf("moving the new build in: %w", err)
	}
	return os.Rename(old, dir)
}
