package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The single files' blocks are the smallest gzip the build can make: with pigz, zopfli beats
// gzip -9 on a wasm-like input; the result always inflates to the input; a damaged cache entry
// is made again, not used.
func TestSmallestGzip(t *testing.T) {
	if _, err := exec.LookPath("pigz"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pigz is not installed (apt-get install pigz): the single files would be 180 KB larger")
		}
		t.Skip("pigz is not installed (apt-get install pigz): the zopfli path is not tested")
	}
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())

	// Text with structure, like a wasm's data: words repeated with variation.
	words := strings.Fields("victims of trafficking referred to the support centres Turkey Iran United Arab Emirates Russia Pakistan convicted persons up to 1000 NGO estimate 2010 2012 decree shelter")
	rng := rand.New(rand.NewPCG(1, 2))
	var raw bytes.Buffer
	for raw.Len() < 200_000 {
		raw.WriteString(words[rng.IntN(len(words))])
		raw.WriteByte(byte(' ' + rng.IntN(3)))
	}
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	zw.Write(raw.Bytes())
	zw.Close()

	got := zopfliGzip(raw.Bytes(), sha256.Sum256(raw.Bytes()))
	if !decompressesTo(".gz", got, raw.Bytes()) {
		t.Fatal("the zopfli stream does not inflate to its input")
	}
	t.Logf("zopfli %d bytes, gzip -9 %d", len(got), z.Len())
	if len(got) >= z.Len() {
		t.Errorf("zopfli made %d bytes, gzip -9 %d: not smaller", len(got), z.Len())
	}

	// Damage the cached entry: the next call makes it again, whole.
	sum := sha256.Sum256(raw.Bytes())
	cached := filepath.Join(compressCache(), hex.EncodeToString(sum[:])+".zopfli"+zopfliIterations)
	b, err := os.ReadFile(cached)
	if err != nil {
		t.Fatalf("no cache entry after a zopfli run: %v", err)
	}
	os.WriteFile(cached, b[:len(b)/2], 0o644)
	again := zopfliGzip(raw.Bytes(), sum)
	if !bytes.Equal(again, got) {
		t.Errorf("after the cache entry was cut, got %d bytes, want the %d of a fresh run", len(again), len(got))
	}
}
