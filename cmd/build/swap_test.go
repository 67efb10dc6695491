package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

// swapChildEnv makes TestSwapChild run: as a build does, it makes its build directory beside
// $AZFLOWS_SWAP_OUT, writes a small site into it and swaps it in by the two-rename path, and
// kills itself after the step the variable names.
const swapChildEnv = "AZFLOWS_SWAP_KILL_AFTER"

// TestMain runs swapChild instead of the tests in the child process of TestSwapKilled.
func TestMain(m *testing.M) {
	if step := os.Getenv(swapChildEnv); step != "" {
		swapChild(step, os.Getenv("AZFLOWS_SWAP_OUT"))
		return
	}
	os.Exit(m.Run())
}

// swapChild is the build that TestSwapKilled kills.
func swapChild(step, out string) {
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "swap child:", err)
		os.Exit(2)
	}
	dir, err := newBuildDir(out)
	if err != nil {
		fail(err)
	}
	for _, f := range []string{"index.html", "new.abcdefabcd.js"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("new: "+f), 0o644); err != nil {
			fail(err)
		}
	}
	if err := writeMarker(dir); err != nil {
		fail(err)
	}
	atomicSwap = false
	swapStep = func(s string) {
		if s == step {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
		}
	}
	if err := swap(dir, out); err != nil {
		fail(err)
	}
	fail(fmt.Errorf("swapped whole: no step %q", step))
}

// Issue 29, finding 4: the swap where there is no atomic exchange (Windows, some file systems:
// two renames) is killed after each of its steps, in a child process that builds as build
// does. The last good site is never lost: at every moment out or the kept previous site is a
// complete build, and the next build (recoverSwap, then the sweep of dead builds' directories
// in newBuildDir) ends with a complete site at out (the old one, or the new one if it was
// already in) and nothing left beside it.
func TestSwapKilled(t *testing.T) {
	for step, want := range map[string]string{"aside": "old", "in": "new"} {
		t.Run(step, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "dist")
			fakeBuild(t, out, "index.html", "old.0123456789.js")
			oldSite := snapshot(t, out)

			cmd := exec.Command(os.Args[0])
			cmd.Env = append(os.Environ(), swapChildEnv+"="+step, "AZFLOWS_SWAP_OUT="+out)
			err := cmd.Run()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
				t.Fatalf("the child was not killed after %q: %v", step, err)
			}
			// What the kill left: a complete site at out or at the previous site's place.
			if !complete(t, out) && !complete(t, previousDir(out)) {
				t.Fatalf("killed after %q: no complete site at %s or %s", step, out, previousDir(out))
			}

			// The next build's first steps.
			if err := recoverSwap(out); err != nil {
				t.Fatal(err)
			}
			if _, err := checkOut(out); err != nil {
				t.Fatalf("after recovering: %v", err)
			}
			next, err := newBuildDir(out)
			if err != nil {
				t.Fatal(err)
			}
			os.RemoveAll(next)
			if !complete(t, out) {
				t.Fatalf("killed after %q, then the next build started: no complete site at %s", step, out)
			}
			_, err = os.Stat(filepath.Join(out, "new.abcdefabcd.js"))
			if got := map[bool]string{true: "new", false: "old"}[err == nil]; got != want {
				t.Errorf("killed after %q: out is the %s site, want the %s one", step, got, want)
			}
			if want == "old" && !slices.Equal(snapshot(t, out), oldSite) {
				t.Errorf("the old site came back changed")
			}
			left, _ := os.ReadDir(parent)
			if len(left) != 1 {
				var names []string
				for _, e := range left {
					names = append(names, e.Name())
				}
				t.Errorf("beside out after recovering: %q", names)
			}
		})
	}
}

// complete reports whether dir is a whole build: its marker, and every file the marker lists.
func complete(t *testing.T, dir string) bool {
	t.Helper()
	m, _, err := readManifest(dir)
	if err != nil || m == nil {
		return false
	}
	for rel, sum := range m {
		if fileSum(filepath.Join(dir, filepath.FromSlash(rel))) != sum {
			return false
		}
	}
	_, err = os.Stat(dir)
	return !errors.Is(err, fs.ErrNotExist)
}
