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
// Every answer of a file carries an ETag and a Content-Length (the compressed ones too);
// Accept-Encoding weights choose the variant; a Range header of more than MaxRanges ranges is
// answered with the whole file; only regular files are opened (a FIFO or device in the
// directory is a 404, never a hang); redirects are relative, so they work behind a proxy that
// strips a prefix.
//
// New wraps Handler in an http.Server with timeouts (Timeouts): a connection that sends
// nothing, idles, or takes a response slower than MinRate is closed, so slow or stalled
// clients cannot hold sockets and open files; Listen caps the connections at MaxConns.
// cmd/serve runs both; the browser tests in e2e start Handler in-process with httptest.
package server

import (
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/netutil"

	"azflows/internal/caching"
)

// Timeouts bound how long a connection may take for each part of its life.
type Timeouts struct {
	ReadHeader time.Duration // to send the request line and headers
	Read       time.Duration // to send the whole request (the site takes no bodies)
	// Write and MinRate are the rule for a response: its byte at offset n must be taken by
	// the connection within Write + n/MinRate of its first write. A client that reads at least
	// MinRate bytes a second gets any file whole, however long that takes; one that falls
	// behind is let go (once the kernel's buffers, which take the first bytes whether the client
	// reads or not, are full). MinRate 0: each write gets Write on its own.
	Write   time.Duration
	MinRate int64         // bytes per second
	Idle    time.Duration // between requests on a keep-alive connection
}

// DefaultTimeouts suit a 12 MB view.wasm (3 MB compressed) on a slow link: a response must
// average 2 KB/s after its first 30 s (the compressed wasm then takes at most 26 minutes), and
// an idle keep-alive connection is closed after a minute.
var DefaultTimeouts = Timeouts{ReadHeader: 10 * time.Second, Read: 30 * time.Second, Write: 30 * time.Second, MinRate: 2 << 10, Idle: 60 * time.Second}

// MaxConns is the most connections Listen's listener holds open at once; more wait in the
// kernel's queue until one closes. Far below the descriptors a process may open (each
// connection takes one, and one more for the file it is sent).
const MaxConns = 1024

// Listen listens on the TCP address and accepts at most MaxConns connections at once.
func Listen(addr string) (net.Listener, error) { return listen(addr, MaxConns) }

func listen(addr string, most int) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return netutil.LimitListener(ln, most), nil
}

// writeChunk is the most one write hands the connection before its deadline is renewed.
const writeChunk = 64 << 10

// New returns a server for the files under dir with the timeouts.
func New(dir string, t Timeouts) *http.Server {
	h := Handler(dir)
	if t.Write > 0 {
		h = writeDeadlines(h, t)
	}
	return &http.Server{Handler: h, ReadHeaderTimeout: t.ReadHeader, ReadTimeout: t.Read, IdleTimeout: t.Idle}
}

// writeDeadlines gives every write of the response its deadline by t's rule. A stalled client
// (one that reads nothing) fails a write once its deadline passes and its connection is
// closed; one that keeps up renews the deadline with every chunk. (http.Server's WriteTimeout
// is one deadline for the whole response, which a slow link cannot meet for the wasm; and a
// deadline per write alone is no rate: the kernel wakes a blocked writer only when half its
// send buffer, megabytes on Linux, has drained.)
func writeDeadlines(h http.Handler, t Timeouts) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(&deadlineWriter{ResponseWriter: w, rc: http.NewResponseController(w), t: t}, r)
	})
}

// deadlineWriter implements only Write (not io.ReaderFrom), so a file is copied in chunks,
// each under its own deadline, rather than by one sendfile call under a single one.
type deadlineWriter struct {
	http.ResponseWriter
	rc      *http.ResponseController
	t       Timeouts
	start   time.Time
	written int64
}

func (w *deadlineWriter) Write(b []byte) (int, error) {
	if w.start.IsZero() {
		w.start = time.Now()
	}
	n := 0
	for len(b) > 0 {
		c := b[:min(len(b), writeChunk)]
		deadline := time.Now().Add(w.t.Write)
		if w.t.MinRate > 0 {
			end := w.written + int64(len(c))
			deadline = w.start.Add(w.t.Write + time.Duration(float64(end)/float64(w.t.MinRate)*float64(time.Second)))
		}
		w.rc.SetWriteDeadline(deadline)
		m, err := w.ResponseWriter.Write(c)
		n += m
		w.written += int64(m)
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
		// assets would resolve below it (and 404): send the client to the file's own name, one
		// "../" for each trailing slash.
		slashes := len(urlPath) - len(strings.TrimRight(urlPath, "/"))
		redirect(w, r, strings.Repeat("../", slashes)+path.Base(name))
		return
	}
	if fi.IsDir() {
		if !strings.HasSuffix(urlPath, "/") {
			redirect(w, r, path.Base(urlPath)+"/")
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

	if !fi.Mode().IsRegular() {
		http.NotFound(w, r) // a FIFO, a device, a socket: never opened
		return
	}
	serveName, encoding := name, ""
	if !isPrecompressed(name) {
		best := acceptedEncodings(r.Header.Get("Accept-Encoding"))
		var offered []string
		for _, enc := range encodings {
			cfi, err := root.Stat(name + enc.suffix)
			if err != nil || !cfi.Mode().IsRegular() {
				continue
			}
			offered = append(offered, enc.token)
		}
		// The response depends on Accept-Encoding as soon as any variant exists, whichever one
		// this client gets.
		if len(offered) > 0 {
			hdr.Add("Vary", "Accept-Encoding")
		}
		if encoding = best(offered); encoding != "" {
			serveName = name + suffixOf(encoding)
		}
	}

	// O_NONBLOCK: should the file have become a FIFO since the Stat, opening it does not wait
	// for a writer; the Stat of the open file then refuses it.
	f, err := root.OpenFile(serveName, os.O_RDONLY|openFlags, 0)
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
	// The ETag of what is sent: the file's (or its variant's) size and time, and the coding.
	hdr.Set("ETag", fmt.Sprintf(`"%x-%x%s"`, sfi.Size(), sfi.ModTime().UnixNano(), suffixOf(encoding)))
	if rs := r.Header.Get("Range"); rs != "" && strings.Count(rs, ",") >= MaxRanges {
		r.Header.Del("Range") // many ranges cost more than the file: the whole file
	}
	// Content-Encoding is set as the answer starts (encodedWriter), so that ServeContent, which
	// leaves out the Content-Length of an encoded answer, counts it as it does any file's; only
	// a 200 or 206 carries the variant's bytes, never an error's text.
	if encoding != "" {
		w = &encodedWriter{ResponseWriter: w, encoding: encoding}
	}
	http.ServeContent(w, r, path.Base(name), sfi.ModTime(), f)
}

// MaxRanges is the most ranges one request may ask for; a Range header with more is ignored
// and the whole file sent (a request of a thousand one-byte ranges once drew 34 MB of a 1 MB
// file in multipart headers).
const MaxRanges = 4

// encodedWriter sets Content-Encoding on a 200 or 206 answer as it starts.
type encodedWriter struct {
	http.ResponseWriter
	encoding string
}

func (w *encodedWriter) WriteHeader(code int) {
	if code == http.StatusOK || code == http.StatusPartialContent {
		w.Header().Set("Content-Encoding", w.encoding)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *encodedWriter) Write(b []byte) (int, error) {
	// A Write without WriteHeader is a 200.
	if w.Header().Get("Content-Encoding") == "" {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *encodedWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// redirect answers 301 with target as it is, relative to the request's path: a proxy that
// strips a prefix (/azflows/ → /) keeps the client under its prefix. (http.Redirect makes
// it absolute.)
func redirect(w http.ResponseWriter, r *http.Request, target string) {
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusMovedPermanently)
}

// suffixOf is the file suffix of a content coding ("br" → ".br"), "" for none.
func suffixOf(token string) string {
	for _, enc := range encodings {
		if enc.token == token {
			return enc.suffix
		}
	}
	return ""
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

// acceptedEncodings parses an Accept-Encoding header and returns a func that picks, of the
// offered codings (in the server's order of preference), the one the client weighs highest
// (q > 0, explicitly or through "*"); ties go to the server's order; "" for none.
func acceptedEncodings(header string) func(offered []string) string {
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
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && f >= 0 && f <= 1 {
					weight = f
				} else {
					weight = 0
				}
			}
		}
		q[token] = weight
	}
	weight := func(token string) float64 {
		if w, ok := q[token]; ok {
			return w
		}
		return q["*"] // 0 when absent
	}
	return func(offered []string) string {
		best, bestQ := "", 0.0
		for _, token := range offered {
			if w := weight(token); w > bestQ {
				best, bestQ = token, w
			}
		}
		return best
	}
}
