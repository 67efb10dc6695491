package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/andybalholm/brotli"
)

// brotliQuality is the brotli level of the .br files. 11 makes the smallest wasm (about 12%
// smaller than 9) but is slow (tens of seconds for the wasm, single-threaded), so the everyday
// build uses 9 and `make bench` builds with 11; the cache makes either cheap when the file
// did not change.
var brotliQuality = flag.Int("brotli", 9, "brotli quality (0-11) of the precompressed .br files")

// compressible are the extensions that get precompressed siblings.
var compressible = []string{".html", ".js", ".css", ".svg", ".json", ".csv", ".wasm", ".ttf"}

// compress writes X.br (brotli) and X.gz (gzip -9) beside every text, font and wasm file X,
// for servers that send them as they are (internal/server does: br first, then gzip). The
// files are compressed in parallel, largest first; results are cached by content in the
// user's cache directory, so an unchanged view.wasm costs nothing on the next build.
func compress(out string) error {
	type job struct {
		path string
		size int64
	}
	var jobs []job
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !slices.Contains(compressible, filepath.Ext(p)) {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		jobs = append(jobs, job{p, fi.Size()})
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(jobs, func(a, b job) int { return int(b.size - a.size) })

	q := min(max(*brotliQuality, 0), 11)
	cache := compressCache()
	encoders := []struct {
		suffix, key string
		enc         func(w io.Writer) io.WriteCloser
	}{
		{".br", "br" + strconv.Itoa(q), func(w io.Writer) io.WriteCloser {
			return brotli.NewWriterOptions(w, brotli.WriterOptions{Quality: q, LGWin: 22})
		}},
		{".gz", "gz9", func(w io.Writer) io.WriteCloser {
			zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
			return zw
		}},
	}
	type task struct {
		path string
		i    int
	}
	tasks := make(chan task)
	errs := make(chan error, len(jobs)*len(encoders))
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			for t := range tasks {
				e := encoders[t.i]
				raw, err := os.ReadFile(t.path)
				if err != nil {
					errs <- err
					continue
				}
				sum := sha256.Sum256(raw)
				cached := ""
				if cache != "" {
					cached = filepath.Join(cache, hex.EncodeToString(sum[:])+"."+e.key)
				}
				if b, err := os.ReadFile(cached); cached != "" && err == nil {
					errs <- os.WriteFile(t.path+e.suffix, b, 0o644)
					continue
				}
				var b bytes.Buffer
				w := e.enc(&b)
				w.Write(raw)
				if err := w.Close(); err != nil {
					errs <- fmt.Errorf("compressing %s: %w", t.path, err)
					continue
				}
				if cached != "" {
					// Best effort: write, then rename, so a partial file is never read.
					tmp := cached + ".tmp" + strconv.Itoa(os.Getpid())
					if os.WriteFile(tmp, b.Bytes(), 0o644) == nil {
						os.Rename(tmp, cached)
					}
				}
				errs <- os.WriteFile(t.path+e.suffix, b.Bytes(), 0o644)
			}
		})
	}
	for _, j := range jobs {
		for i := range encoders {
			tasks <- task{j.path, i}
		}
	}
	close(tasks)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// compressCache is the directory of cached compressed files, or "" for none.
func compressCache() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	dir = filepath.Join(dir, "azflows-build", "compress")
	if os.MkdirAll(dir, 0o755) != nil {
		return ""
	}
	return dir
}
