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
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"

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
	sweepCache(cache)
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
				// A cached file is used only when it decompresses to exactly raw: brotli has no
				// checksum, and a cut or damaged entry must not be shipped. Else it is made again.
				if b, err := os.ReadFile(cached); cached != "" && err == nil {
					if decompressesTo(e.suffix, b, raw) {
						errs <- os.WriteFile(t.path+e.suffix, b, 0o644)
						continue
					}
					os.Remove(cached)
				}
				var b bytes.Buffer
				w := e.enc(&b)
				w.Write(raw)
				if err := w.Close(); err != nil {
					errs <- fmt.Errorf("compressing %s: %w", t.path, err)
					continue
				}
				if cached != "" {
					storeCached(cached, b.Bytes()) // best effort: the build goes on without it
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

// decompressesTo reports whether b, compressed as the suffix says (.br, .gz), decompresses to
// exactly raw.
func decompressesTo(suffix string, b, raw []byte) bool {
	var r io.Reader
	switch suffix {
	case ".br":
		r = brotli.NewReader(bytes.NewReader(b))
	case ".gz":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return false
		}
		zr.Multistream(false)
		r = zr
	default:
		return false
	}
	got, err := io.ReadAll(io.LimitReader(r, int64(len(raw))+1))
	if err != nil || !bytes.Equal(got, raw) {
		return false
	}
	// Nothing may follow the stream.
	if zr, ok := r.(*gzip.Reader); ok {
		if _, err := zr.Read(make([]byte, 1)); err != io.EOF {
			return false
		}
	}
	return true
}

// cacheTempPattern names a cache file being written: "NAME.tmp-PID-RANDOM".
const cacheTempPattern = ".tmp-%d-*"

// syncFile flushes a cache file to the disk before it is renamed into place (a test fails it).
var syncFile = (*os.File).Sync

// storeCached writes b to the cache as name: into a temporary file beside it, flushed to the
// disk, then renamed, so that a crash or a full disk leaves either the whole entry or none;
// the temporary file is removed when anything fails.
func storeCached(name string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), filepath.Base(name)+fmt.Sprintf(cacheTempPattern, os.Getpid()))
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err == nil {
		err = syncFile(f)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// sweepCache removes the temporary files that builds which no longer run left in the cache
// (killed while writing one): "NAME.tmp-PID-…", and "NAME.tmpPID" of older builds.
func sweepCache(dir string) {
	if dir == "" {
		return
	}
	stale, _ := filepath.Glob(filepath.Join(dir, "*.tmp*"))
	for _, p := range stale {
		_, after, _ := strings.Cut(filepath.Base(p), ".tmp")
		pid, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(after, "-"), "-", 2)[0])
		if err == nil && pid != os.Getpid() && syscall.Kill(pid, 0) == syscall.ESRCH {
			os.Remove(p)
		}
	}
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

// zopfliIterations is pigz's -I at level 11 (zopfli): 5 gives within 0.3% of the default 15
// at a third of the time.
const zopfliIterations = "5"

var (
	smallestGzipMu   sync.Mutex
	smallestGzipMemo = map[[sha256.Size]byte][]byte{}
	noPigzSaid       sync.Once
)

// smallestGzip is raw as the smallest gzip stream this machine can make: zopfli through
// Debian's pigz (`pigz -11`, about 4.5% smaller than gzip -9 for view.wasm: 140 KB that
// the single files' 5 MB budget needs), cached by content like the .br and .gz files and
// checked against raw before use; without pigz, Go's gzip -9, said once. It is for the single
// files' blocks, which every browser inflates with DecompressionStream("gzip").
func smallestGzip(raw []byte) []byte {
	sum := sha256.Sum256(raw)
	smallestGzipMu.Lock()
	defer smallestGzipMu.Unlock()
	if b, ok := smallestGzipMemo[sum]; ok {
		return b
	}
	b := zopfliGzip(raw, sum)
	smallestGzipMemo[sum] = b
	return b
}

func zopfliGzip(raw []byte, sum [sha256.Size]byte) []byte {
	cache := compressCache()
	cached := ""
	if cache != "" {
		cached = filepath.Join(cache, hex.EncodeToString(sum[:])+".zopfli"+zopfliIterations)
		if b, err := os.ReadFile(cached); err == nil {
			if decompressesTo(".gz", b, raw) {
				return b
			}
			os.Remove(cached)
		}
	}
	if pigz, err := exec.LookPath("pigz"); err == nil {
		var out, stderr bytes.Buffer
		cmd := exec.Command(pigz, "-11", "-I", zopfliIterations, "-n", "-c")
		cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(raw), &out, &stderr
		if err := cmd.Run(); err == nil && decompressesTo(".gz", out.Bytes(), raw) {
			if cached != "" {
				storeCached(cached, out.Bytes()) // best effort
			}
			return out.Bytes()
		}
		fmt.Fprintf(os.Stderr, "build: pigz -11 failed (%v %s); the single files use gzip -9\n", err, strings.TrimSpace(stderr.String()))
	} else {
		noPigzSaid.Do(func() {
			fmt.Fprintln(os.Stderr, "build: pigz not found: the single files use gzip -9, about 180 KB larger (apt-get install pigz; make deps installs it as root)")
		})
	}
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	zw.Write(raw)
	zw.Close()
	return z.Bytes()
}
