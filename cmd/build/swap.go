package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"azflows/internal/caching"
)

// markerFile is written last into every build: the build's manifest, one line per file it
// wrote ("SHA-256  path", as sha256sum writes them, so `sha256sum -c .azflows-build` checks a
// copy). A directory is replaced by the next build only when every file in it is listed there
// with that content (checkOut).
const markerFile = ".azflows-build"

// markerHead starts every marker; a marker of an older build holds only its first line and no
// manifest.
const markerHead = "# Written by azflows' cmd/build"

// legacyMarkerHead started the markers of builds from before the manifest.
const legacyMarkerHead = "Written by azflows' cmd/build"

// toolOutputs are what the project's own tools write into a built site (slash paths; a
// directory with its trailing slash): tools/cmd/bench's figures and tools/cmd/shots' screenshots. The
// next build replaces them with the rest.
var toolOutputs = []string{"bench.json", "shots/"}

// isToolOutput reports whether the slash path rel is, or is inside, one of toolOutputs.
func isToolOutput(rel string) bool {
	for _, o := range toolOutputs {
		if rel == strings.TrimSuffix(o, "/") || (strings.HasSuffix(o, "/") && strings.HasPrefix(rel, o)) {
			return true
		}
	}
	return false
}

// foreignError is the refusal of an output directory that holds what the build did not make.
type foreignError struct {
	out     string
	foreign []string
}

func (e *foreignError) Error() string {
	list := e.foreign
	more := ""
	if len(list) > 10 {
		more = fmt.Sprintf(" and %d more", len(list)-10)
		list = list[:10]
	}
	return fmt.Sprintf("-out %s holds files the build did not make, or changed since: %s%s. The build replaces the whole directory, "+
		"so it stops here and changes nothing: move those files elsewhere, or give -out an empty or new directory", out(e.out), strings.Join(list, ", "), more)
}

// legacyError is the refusal of an older build's directory (no manifest) with files the new
// build does not write.
type legacyError struct{ foreignError }

func (e *legacyError) Error() string {
	return e.foreignError.Error() + fmt.Sprintf(" (%s was built before the build kept a manifest: if those files are an older build's, remove %s yourself)", out(e.out), out(e.out))
}

func out(dir string) string { return strings.TrimRight(dir, "/") + "/" }

// checkOut refuses an output directory that holds anything the build cannot prove it made: it
// must be missing, empty, or an earlier build whose manifest (markerFile) lists every file in
// it with its current content. `-out .` would otherwise replace the sources, and a copy of
// dist/ that someone added files to would lose them. legacy reports a directory whose marker
// is an older build's, without a manifest: the caller checks its files against the new
// build's names before it swaps (checkLegacy).
func checkOut(out string) (legacy bool, err error) {
	fi, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if !fi.IsDir() {
		return false, fmt.Errorf("-out %s is not a directory", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil || len(entries) == 0 {
		return false, err
	}
	manifest, legacy, err := readManifest(out)
	if err != nil {
		return false, err
	}
	if manifest == nil && !legacy {
		return false, fmt.Errorf("-out %s holds files the build did not make (it has no %s): the build replaces the whole directory, so give it an empty or new one", out, markerFile)
	}
	if legacy {
		return true, nil
	}
	if foreign := foreignFiles(out, func(rel string, path string) bool {
		sum, ok := manifest[rel]
		return ok && sum == fileSum(path)
	}); len(foreign) > 0 {
		return false, &foreignError{out, foreign}
	}
	return false, nil
}

// readManifest reads dir's marker: the manifest (path → hex SHA-256), or legacy for the
// marker of a build from before manifests; nil, false when there is no marker or it is not
// the build's.
func readManifest(dir string) (manifest map[string]string, legacy bool, err error) {
	b, err := os.ReadFile(filepath.Join(dir, markerFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if bytes.HasPrefix(b, []byte(legacyMarkerHead)) {
		return nil, true, nil
	}
	if !bytes.HasPrefix(b, []byte(markerHead)) {
		return nil, false, nil
	}
	manifest = map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		sum, rel, ok := strings.Cut(line, "  ")
		if !ok || len(sum) != 64 {
			return nil, false, fmt.Errorf("%s: a line that is not \"SHA-256  path\": %q", filepath.Join(dir, markerFile), line)
		}
		manifest[rel] = sum
	}
	return manifest, false, sc.Err()
}

// foreignFiles lists what under dir is not the build's (slash paths, a directory with a
// trailing slash): every file that made does not accept, every symlink or other non-regular
// file, and every directory that holds none of the build's files.
func foreignFiles(dir string, made func(rel, path string) bool) []string {
	var foreign []string
	used := map[string]bool{} // directories that hold a file of the build
	var dirs []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			foreign = append(foreign, rel+" ("+err.Error()+")")
			return nil
		}
		switch {
		case rel == ".":
		case isToolOutput(rel):
			if d.IsDir() {
				return filepath.SkipDir
			}
		case d.IsDir():
			dirs = append(dirs, rel)
		case rel == markerFile:
		case !d.Type().IsRegular() || !made(rel, p):
			foreign = append(foreign, rel)
		default:
			for r := filepath.ToSlash(filepath.Dir(rel)); r != "."; r = filepath.ToSlash(filepath.Dir(r)) {
				used[r] = true
			}
		}
		return nil
	})
	for _, d := range dirs {
		if !used[d] {
			foreign = append(foreign, d+"/")
		}
	}
	slices.Sort(foreign)
	return foreign
}

// fileSum is the hex SHA-256 of the file at path, "" when it cannot be read.
func fileSum(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// checkLegacy checks an older build's out, which has no manifest, against the new build in
// dir: every file in out must be one of the names the build writes (a file of dir, by its
// logical name: its content hash and a .br or .gz taken off), else the build stops, naming them.
func checkLegacy(dir, out string) error {
	names := map[string]bool{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			names[logicalOf(filepath.ToSlash(rel))] = true
		}
		return nil
	})
	if foreign := foreignFiles(out, func(rel, _ string) bool { return names[logicalOf(rel)] }); len(foreign) > 0 {
		return &legacyError{foreignError{out, foreign}}
	}
	return nil
}

// logicalOf is a built file's name without its .br or .gz and its content hash.
func logicalOf(rel string) string {
	rel = strings.TrimSuffix(strings.TrimSuffix(rel, ".br"), ".gz")
	return caching.Logical(rel)
}

// writeMarker writes the marker with the manifest of every file in dir, the build's last step.
func writeMarker(dir string) error {
	var b strings.Builder
	b.WriteString(markerHead + " (" + version() + ") with the SHA-256 of every file it wrote.\n")
	b.WriteString("# The next build replaces this directory whole, only if it holds exactly these files.\n")
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == markerFile {
			return nil
		}
		sum := fileSum(p)
		if sum == "" {
			return fmt.Errorf("reading %s for the manifest", p)
		}
		b.WriteString(sum + "  " + rel + "\n")
		return nil
	})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, markerFile), []byte(b.String()), 0o644)
}

// fixModes makes dir and everything in it readable by every user, whatever the umask and the
// temporary directory's mode (os.MkdirTemp makes 0700): directories 0755, files 0644. cp -r,
// rsync -a, scp -r and tar keep these modes, and a web server running as its own user (nginx
// as www-data) can then read the copy.
func fixModes(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		mode := fs.FileMode(0o644)
		if d.IsDir() {
			mode = 0o755
		}
		return os.Chmod(p, mode)
	})
}

// buildDirPrefix names the directories builds write into, beside out: ".dist.build-PID-…".
func buildDirPrefix(out string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(out)), "."+filepath.Base(filepath.Clean(out))+".build-")
}

// previousDir is where the two-rename swap keeps the last good site while the new one moves
// in: ".dist.previous", beside out, a name no sweep of build directories matches.
func previousDir(out string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(out)), "."+filepath.Base(filepath.Clean(out))+".previous")
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

// atomicSwap is false in tests of the two-rename swap, which Linux would not take.
var atomicSwap = true

// swapStep is called after each step of the two-rename swap ("aside", "in"); tests stop the
// build there.
var swapStep = func(string) {}

// swapError is a swap that failed halfway: out is not as it was, and the message says where
// the last good site is.
type swapError struct{ msg string }

func (e *swapError) Error() string { return e.msg }

// swap puts the finished build dir in out's place. Where out exists, the two are exchanged in
// one step where the system can (exchange: renameat2 on Linux, renamex_np on macOS); elsewhere
// out is renamed to previousDir first, dir to out next, and only then is the previous site
// removed. A build stopped between those renames leaves the last good site at previousDir,
// and the next build puts it back first (recoverSwap); after the exchange the previous build
// is at dir, which the caller removes.
func swap(dir, out string) error {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(dir, out)
	}
	if atomicSwap {
		if err := exchange(dir, out); err == nil {
			return nil
		}
	}
	prev := previousDir(out)
	if err := os.Rename(out, prev); err != nil {
		return fmt.Errorf("moving the previous build aside: %w", err)
	}
	swapStep("aside")
	if err := os.Rename(dir, out); err != nil {
		if rerr := os.Rename(prev, out); rerr != nil {
			return &swapError{fmt.Sprintf("moving the new build in: %v; and putting the previous one back: %v. The last good site is at %s: rename it to %s", err, rerr, prev, out)}
		}
		return fmt.Errorf("moving the new build in: %w", err)
	}
	swapStep("in")
	return os.RemoveAll(prev)
}

// recoverSwap finishes a two-rename swap that a stopped build left halfway: with out missing,
// the last good site goes back from previousDir; with out there (the new site, moved in whole),
// previousDir is removed, but only when its manifest proves every file in it the build's.
func recoverSwap(out string) error {
	prev := previousDir(out)
	if _, err := os.Lstat(prev); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(prev, out); err != nil {
			return fmt.Errorf("a build stopped while swapping left the last good site at %s, and it could not be put back: %w", prev, err)
		}
		fmt.Printf("build: a build stopped while swapping; put the last good site back from %s to %s\n", prev, out)
		return nil
	}
	if _, err := checkOut(prev); err != nil {
		return fmt.Errorf("%s is left from a stopped build's swap, and %w; remove it yourself", prev, err)
	}
	return os.RemoveAll(prev)
}
