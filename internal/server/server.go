// Package server serves the built site (dist/) over HTTP.
//
// It sets explicit MIME types for the files the site uses (notably
// application/wasm, which WebAssembly.instantiateStreaming requires), serves a
// precompressed sibling (X.br, then X.gz) when the client accepts that
// encoding (with Vary: Accept-Encoding), caches as internal/caching says (hashed
// names for a year, the rest revalidated), and never serves anything outside its
// directory: files are opened through an os.Root, so neither ".." nor a symlink
// can escape it.
//
// New wraps Handler in an http.Server with timeouts (Timeouts): a connection that sends
// nothing, reads nothing or idles is closed, so slow or stalled clients cannot hold sockets
// and open files. cmd/serve runs it; the browser tests in e2e start Handler in-process with
// httptest.
package server

import (
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"azflows/internal/caching"
)

// Timeouts bound how long a connection may take for each part of its life.
type Timeouts struct {
	ReadHeader time.Duration // to send the request line and headers
	Read       time.Duration // to send the whole request (the site takes no bodies)
	Write      time.Duration // for each write of a response to be taken by the client: a per-write deadline, so a slow but steady download of any size completes
	Idle       time.Duration // between requests on a keep-alive connection
}

// DefaultTimeouts suit a 12 MB view.wasm (3 MB compressed) on a slow link: each write of at
// most writeChunk bytes must be taken within 30 s (a client slower than about 2 KB/s is let go),
// and an idle keep-alive connection is closed after a minute.
var DefaultTimeouts = Timeouts{ReadHeader: 10 * time.Second, Read: 30 * time.Second, Write: 30 * time.Second, Idle: 60 * time.Second}

// writeChunk is the most one write hands the connection before its deadline is renewed.
const writeChunk = 64 << 10

// New returns a server for the files under dir with the timeouts.
func New(dir string, t Timeouts) *http.Server {
	h := Handler(dir)
	if t.Write > 0 {
		h = perWriteDeadline(h, t.Write)
	}
	return &http.Server{Handler: h, ReadHeaderTimeout: t.ReadHeader, ReadTimeout: t.Read, IdleTimeout: t.Idle}
}

// perWriteDeadline gives every write of the response its own deadline of d. A stalled client
// (one that reads nothing) fails the next write after d and its connection is closed; one that
// keeps reading renews the deadline with every chunk. (http.Server's WriteTimeout is one
// deadline for the whole response, which a slow link cannot meet for the wasm.)
func perWriteDeadline(h http.Handler, d time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(&deadlineWriter{ResponseWriter: w, rc: http.NewResponseController(w), d: d}, r)
	})
}

// deadlineWriter implements only Write (not io.ReaderFrom), so a file is copied in chunks,
// each under a fresh deadline, rather than by one sendfile call under a single one.
type deadlineWriter struct {
	http.ResponseWriter
	rc *http.ResponseController
	d  time.Duration
}

func (w *deadlineWriter) Write(b []byte) (int, error) {
	n := 0
	for len(b) > 0 {
		c := b[:min(len(b), writeChunk)]
		w.rc.SetWriteDeadline(time.Now().Add(w.d))
		m, err := w.ResponseWriter.Write(c)
		n += m
		if err != nil {
			return n, err
		}
		b = b[m:]
	}
	return n, nil
}

// Unwrap lets http.ResponseController reach the connection.
func (w *deadlineWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// contentTypes maps file extensions to the Content-Type they are served with.
// It is checked before the system's MIME table, so the answers do not depend
// on /etc/mime.types.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".htm":   "text/html; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".wasm":  "application/wasm",
	".svg":   "image/svg+xml",
	".json":  "application/json",
	".csv":   "text/csv; charset=utf-8",
	".txt":   "text/plain; charset=utf-8",
	".map":   "application/json",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".webp":  "image/webp",
	".ico":   "image/x-icon",
	".woff2": "font/woff2",
	".woff":  "font/woff",
	".ttf":   "font/ttf",
	".pdf":   "application/pdf",
}

// encodings are the precompressed variants Handler looks for, in order of
// preference.
var encodings = []struct {
	token  string // Content-Encoding value
	suffix string // file name suffix of the precompressed sibling
}{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// ContentType returns the Content-Type for a file name, or "" when the
// extension is unknown (the caller then lets net/http sniff the content).
func ContentType(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if ct, ok := contentTypes[ext]; ok {
		return ct
	}
	return mime.TypeByExtension(ext)
}

// Handler returns an http.Handler that serves the files under dir.
//
// A request for a directory serves its index.html (a directory named without
// the trailing slash is redirected to it); a file named with a trailing slash is
// redirected to its name without it; there are no directory listings.
// Only GET and HEAD are allowed. Files with a content-hashed name (internal/caching) are
// served Cache-Control: public, max-age=31536000, immutable; every other file (the pages,
// frames, fallback pages, downloads) no-cache, so a rebuilt dist/ is picked up on reload.
func Handler(dir string) http.Handler {
	return &handler{dir: dir}
}

type handler struct {
	dir string
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// Open the root per request: cheap, and it keeps working when dist/ is
	// removed and rebuilt while the server runs.
	root, err := os.OpenRoot(h.dir)
	if err != nil {
		http.Error(w, "site directory unavailable", http.StatusInternalServerError)
		return
	}
	defer root.Close()

	urlPath := r.URL.Path
	if !strings.HasPrefix(urlPath, "/") {
		urlPath = "/" + urlPath
	}
	for _, seg := range strings.Split(urlPath, "/") {
		if seg == ".." || strings.ContainsRune(seg, '\\') || strings.ContainsRune(seg, 0) {
			http.Error(w, "bad path", http.StatusBadRequest)
			return
		}
	}
	// name is relative to the root, without a leading slash; "." is the root.
	name := strings.TrimPrefix(path.Clean(urlPath), "/")
	if name == "" {
		name = "."
	}

	fi, err := root.Stat(name)
	if err != nil {
		notFound(w, err)
		return
	}
	if !fi.IsDir() && strings.HasSuffix(urlPath, "/") {
		// "/index.html/": the file, named with a trailing slash. Served as is, its relative
		// assets would resolve below it (and 404): send the client to the file's own name.
		target := "../" + path.Base(name)
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	if fi.IsDir() {
		if !strings.HasSuffix(urlPath, "/") {
			target := path.Base(urlPath) + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		if fi, err = root.Stat(name); err != nil || fi.IsDir() {
			http.NotFound(w, r)
			return
		}
	}

	hdr := w.Header()
	hdr.Set("Cache-Control", caching.For(name))
	hdr.Set("X-Content-Type-Options", "nosniff")
	if ct := ContentType(name); ct != "" {
		hdr.Set("Content-Type", ct)
	}

	serveName, modTime := name, fi.ModTime()
	if !isPrecompressed(name) {
		accepted := acceptedEncodings(r.Header.Get("Accept-Encoding"))
		vary := false
		for _, enc := range encodings {
			cfi, err := root.Stat(name + enc.suffix)
			if err != nil || !cfi.Mode().IsRegular() {
				continue
			}
			// The response depends on Accept-Encoding as soon as any
			// variant exists, whichever one this client gets.
			vary = true
			if serveName == name && accepted(enc.token) {
				serveName = name + enc.suffix
				hdr.Set("Content-Encoding", enc.token)
			}
		}
		if vary {
			hdr.Add("Vary", "Accept-Encoding")
		}
	}

	f, err := root.Open(serveName)
	if err != nil {
		notFound(w, err)
		return
	}
	defer f.Close()
	sfi, err := f.Stat()
	if err != nil || !sfi.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	http.ServeContent(w, r, path.Base(name), modTime, f)
}

// isPrecompressed reports whether name is itself a precompressed sibling,
// which is then served as is.
func isPrecompressed(name string) bool {
	for _, enc := range encodings {
		if strings.HasSuffix(name, enc.suffix) {
			return true
		}
	}
	return false
}

// notFound answers 404 for a file that is missing or that the root refuses
// to open (a symlink leading outside it), and 403 for a permission error.
func notFound(w http.ResponseWriter, err error) {
	if errors.Is(err, fs.ErrPermission) {
		http.Error(w, "403 forbidden", http.StatusForbidden)
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// acceptedEncodings parses an Accept-Encoding header and returns a func that
// reports whether a content coding is acceptable (q > 0, explicitly or through
// "*").
func acceptedEncodings(header string) func(string) bool {
	q := map[string]float64{}
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(part, ";")
		token := strings.ToLower(strings.TrimSpace(fields[0]))
		if token == "" {
			continue
		}
		weight := 1.0
		for _, p := range fields[1:] {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					weight = f
				} else {
					weight = 0
				}
			}
		}
		q[token] = weight
	}
	return func(token string) bool {
		if w, ok := q[token]; ok {
			return w > 0
		}
		if w, ok := q["*"]; ok {
			return w > 0
		}
		return false
	}
}
