package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// smallSite writes a few compressible files into a new directory: text that compresses to
// more than the 1,000 bytes a cut entry keeps.
func smallSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for i, name := range []string{"index.html", "app.js", "data.json"} {
		var b strings.Builder
		for j := range 20000 {
			fmt.Fprintf(&b, "%s line %d of file %d: %x\n", name, j, i, j*j*7919+i)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// checkCompressed checks that every .br and .gz in dir decompresses to its file.
func checkCompressed(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	for _, raw := range []string{"index.html", "app.js", "data.json"} {
		want, err := os.ReadFile(filepath.Join(dir, raw))
		if err != nil {
			t.Fatal(err)
		}
		for _, ext := range []string{".br", ".gz"} {
			b, err := os.ReadFile(filepath.Join(dir, raw+ext))
			if err != nil {
				t.Errorf("%s%s: %v", raw, ext, err)
				continue
			}
			var r io.Reader = brotli.NewReader(bytes.NewReader(b))
			if ext == ".gz" {
				if r, err = gzip.NewReader(bytes.NewReader(b)); err != nil {
					t.Errorf("%s%s: %v", raw, ext, err)
					continue
				}
			}
			got, err := io.ReadAll(r)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s%s does not decompress to %s: %d of %d bytes, %v", raw, ext, raw, len(got), len(want), err)
			}
			n++
		}
	}
	return n
}

// cacheEntries are the files in the compression cache with the suffix (".br9", ".gz9").
func cacheEntries(t *testing.T, cache, suffix string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(cache, "*"+suffix))
	if len(m) == 0 {
		t.Fatalf("no *%s in the cache %s", suffix, cache)
	}
	return m
}

// Issue 29, finding 3: cached compressed files are checked before use. Every cached .br cut
// to 1,000 bytes and every cached .gz with one byte flipped are made again, never shipped: every
// .br and .gz the next build writes decompresses to its file, and the cache holds good entries
// again.
func TestCompressCacheVerified(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	if err := compress(smallSite(t)); err != nil {
		t.Fatal(err)
	}
	cache := compressCache()
	for _, p := range cacheEntries(t, cache, ".br9") {
		if err := os.Truncate(p, 1000); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range cacheEntries(t, cache, ".gz9") {
		b, _ := os.ReadFile(p)
		b[len(b)/2] ^= 0x10
		os.WriteFile(p, b, 0o644)
	}
	dir := smallSite(t)
	if err := compress(dir); err != nil {
		t.Fatal(err)
	}
	if n := checkCompressed(t, dir); n != 6 {
		t.Errorf("%d compressed files checked, want 6", n)
	}
	// The damaged entries were made again: a third build takes them from the cache, whole.
	for _, p := range cacheEntries(t, cache, ".br9") {
		if fi, _ := os.Stat(p); fi.Size() == 1000 {
			t.Errorf("%s is still the cut entry", p)
		}
	}
	dir = smallSite(t)
	if err := compress(dir); err != nil {
		t.Fatal(err)
	}
	checkCompressed(t, dir)
}

// A cache file that cannot be written whole (a full disk: its flush fails) leaves no temporary
// file behind, and the build still writes every compressed file; temporary files of builds
// that were killed while writing are removed by the next.
func TestCompressCacheNoPartialFiles(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	cache := compressCache()
	dead := []string{"0123.br9.tmp-999999999-42", "0123.gz9.tmp999999999"}
	for _, name := range dead {
		os.WriteFile(filepath.Join(cache, name), nil, 0o644)
	}
	saved := syncFile
	syncFile = func(*os.File) error { return errors.New("no space left on device") }
	defer func() { syncFile = saved }()
	dir := smallSite(t)
	if err := compress(dir); err != nil {
		t.Fatal(err)
	}
	checkCompressed(t, dir)
	left, _ := os.ReadDir(cache)
	for _, e := range left {
		t.Errorf("left in the cache: %s", e.Name())
	}
}
