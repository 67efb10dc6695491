package server

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// site lays out a small dist/ inside a temp dir, with a secret file beside it
// (outside the served dir), and returns the served dir.
func site(t *testing.T) string {
	t.Helper()
	parent := t.TempDir()
	dir := filepath.Join(parent, "dist")
	files := map[string]string{
		"index.html":        "<!doctype html><title>t</title>",
		"app.wasm":          "\x00asm\x01\x00\x00\x00",
		"app.wasm.br":       "BROTLI-BYTES",
		"app.wasm.gz":       "GZIP-BYTES",
		"wasm_exec.js":      "// js",
		"wasm_exec.js.gz":   "GZIP-JS",
		"first.svg":         "<svg xmlns='http://www.w3.org/2000/svg'/>",
		"data/flows.json":   "{}",
		"data/flows.csv":    "a,b\n1,2\n",
		"sub/index.html":    "<!doctype html><title>sub</title>",
		"noindex/plain.txt": "x",
		// Content-hashed names (internal/caching), and names that only look like them.
		"view.0123456789.wasm":      "\x00asm\x01\x00\x00\x00",
		"view.0123456789.wasm.br":   "BROTLI-HASHED",
		"fonts/a.abcdef0123.woff2":  "wOF2",
		"charts/map.012345678.svg":  "<svg/>", // 9 digits
		"charts/map.ABCDEF0123.svg": "<svg/>", // upper case: not ours
		"fallback/map-2010.html":    "<!doctype html>",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(parent, "secret.txt"), []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func get(t *testing.T, h http.Handler, target, acceptEncoding string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestContentTypes(t *testing.T) {
	h := Handler(site(t))
	for _, tc := range []struct{ path, want string }{
		{"/app.wasm", "application/wasm"},
		{"/wasm_exec.js", "text/javascript; charset=utf-8"},
		{"/first.svg", "image/svg+xml"},
		{"/data/flows.json", "application/json"},
		{"/data/flows.csv", "text/csv; charset=utf-8"},
		{"/index.html", "text/html; charset=utf-8"},
		{"/", "text/html; charset=utf-8"},
	} {
		resp := get(t, h, tc.path, "")
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d, want 200", tc.path, resp.StatusCode)
			continue
		}
		if got := resp.Header.Get("Content-Type"); got != tc.want {
			t.Errorf("GET %s: Content-Type %q, want %q", tc.path, got, tc.want)
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("GET %s: Cache-Control %q, want no-cache", tc.path, got)
		}
	}
}

func TestIdentityWithoutAcceptEncoding(t *testing.T) {
	h := Handler(site(t))
	resp := get(t, h, "/app.wasm", "")
	if got := resp.Header.Get("Content-Encoding"); got != "" {
		t.Errorf("Content-Encoding %q, want none", got)
	}
	if got := body(t, resp); got != "\x00asm\x01\x00\x00\x00" {
		t.Errorf("body %q, want the uncompressed file", got)
	}
	if got := resp.Header.Get("Vary"); got != "Accept-Encoding" {
		t.Errorf("Vary %q, want Accept-Encoding (variants exist)", got)
	}
}

func TestPrecompressedNegotiation(t *testing.T) {
	h := Handler(site(t))
	for _, tc := range []struct {
		path, accept, wantEnc, wantBody string
	}{
		{"/app.wasm", "gzip, deflate, br, zstd", "br", "BROTLI-BYTES"},
		{"/app.wasm", "br;q=0.1, gzip;q=1.0", "gzip", "GZIP-BYTES"}, // the client's weights first
		{"/app.wasm", "gzip;q=0.5, br;q=0.5", "br", "BROTLI-BYTES"}, // a tie: ours, br first
		{"/app.wasm", "gzip;q=0.9, *;q=1", "br", "BROTLI-BYTES"},
		{"/app.wasm", "br;q=0", "", "\x00asm\x01\x00\x00\x00"},
		{"/app.wasm", "br;q=0, *", "gzip", "GZIP-BYTES"},
		{"/app.wasm", "gzip", "gzip", "GZIP-BYTES"},
		{"/app.wasm", "br;q=0, gzip", "gzip", "GZIP-BYTES"},
		{"/app.wasm", "*", "br", "BROTLI-BYTES"},
		{"/app.wasm", "*;q=0", "", "\x00asm\x01\x00\x00\x00"},
		{"/app.wasm", "deflate", "", "\x00asm\x01\x00\x00\x00"},
		{"/app.wasm", "identity", "", "\x00asm\x01\x00\x00\x00"},
		{"/wasm_exec.js", "br, gzip", "gzip", "GZIP-JS"}, // no .br sibling
		{"/first.svg", "br, gzip", "", "<svg xmlns='http://www.w3.org/2000/svg'/>"},
	} {
		resp := get(t, h, tc.path, tc.accept)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s (Accept-Encoding %q): status %d", tc.path, tc.accept, resp.StatusCode)
			continue
		}
		if got := resp.Header.Get("Content-Encoding"); got != tc.wantEnc {
			t.Errorf("GET %s (Accept-Encoding %q): Content-Encoding %q, want %q", tc.path, tc.accept, got, tc.wantEnc)
		}
		if got := body(t, resp); got != tc.wantBody {
			t.Errorf("GET %s (Accept-Encoding %q): body %q, want %q", tc.path, tc.accept, got, tc.wantBody)
		}
		wantCT := ContentType(tc.path)
		if got := resp.Header.Get("Content-Type"); got != wantCT {
			t.Errorf("GET %s (Accept-Encoding %q): Content-Type %q, want the original's %q", tc.path, tc.accept, got, wantCT)
		}
		if tc.wantEnc != "" && resp.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("GET %s (Accept-Encoding %q): Vary %q, want Accept-Encoding", tc.path, tc.accept, resp.Header.Get("Vary"))
		}
	}
}

func TestNotFound(t *testing.T) {
	h := Handler(site(t))
	for _, p := range []string{"/missing.js", "/data/nope.csv", "/noindex/", "/app.wasm/x"} {
		if resp := get(t, h, p, "br, gzip"); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", p, resp.StatusCode)
		}
	}
}

func TestDirectoryIndexAndRedirect(t *testing.T) {
	h := Handler(site(t))
	resp := get(t, h, "/sub/", "")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body(t, resp), "<title>sub</title>") {
		t.Errorf("GET /sub/: status %d, want 200 with sub/index.html", resp.StatusCode)
	}
	// Issue 29, finding 8: the Location is relative ("sub/", not "/sub/"), so that behind a
	// proxy that strips /azflows/ the client stays under /azflows/.
	resp = get(t, h, "/sub", "")
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "sub/" {
		t.Errorf("GET /sub: status %d Location %q, want 301 to sub/", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp = get(t, h, "/sub?lang=az", "")
	if resp.Header.Get("Location") != "sub/?lang=az" {
		t.Errorf("GET /sub?lang=az: Location %q, want sub/?lang=az", resp.Header.Get("Location"))
	}
}

func TestMethodNotAllowed(t *testing.T) {
	h := Handler(site(t))
	req := httptest.NewRequest(http.MethodPost, "/index.html", strings.NewReader("x"))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", rec.Code)
	}
}

// TestPathTraversal sends raw request lines over TCP, so that no client
// cleans the path before the server sees it.
func TestPathTraversal(t *testing.T) {
	dir := site(t)
	// A symlink inside the site that points outside it must not be followed.
	if err := os.Symlink(filepath.Join(filepath.Dir(dir), "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")

	for _, target := range []string{
		"/../secret.txt",
		"/data/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/data/%2e%2e/%2e%2e/secret.txt",
		"/..%2fsecret.txt",
		"/..%5csecret.txt",
		"/link.txt",
	} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("GET %s: %v", target, err)
		}
		b := body(t, resp)
		conn.Close()
		if strings.Contains(b, "SECRET") {
			t.Errorf("GET %s: served the file outside the dir", target)
		}
		if resp.StatusCode == http.StatusOK {
			t.Errorf("GET %s: status 200, want an error status", target)
		}
	}
}

// Hashed names are cached for a year, immutable, whichever encoding is sent; everything else
// (pages, directories' index.html, downloads, names that only look hashed) is revalidated.
func TestCacheControl(t *testing.T) {
	h := Handler(site(t))
	const year = "public, max-age=31536000, immutable"
	for _, tc := range []struct{ path, accept, want, wantEnc string }{
		{"/view.0123456789.wasm", "br, gzip", year, "br"},
		{"/view.0123456789.wasm", "", year, ""},
		{"/fonts/a.abcdef0123.woff2", "", year, ""},
		{"/", "br, gzip", "no-cache", ""},
		{"/index.html", "", "no-cache", ""},
		{"/sub/", "", "no-cache", ""},
		{"/fallback/map-2010.html", "", "no-cache", ""},
		{"/app.wasm", "br", "no-cache", "br"},
		{"/data/flows.csv", "", "no-cache", ""},
		{"/charts/map.012345678.svg", "", "no-cache", ""},
		{"/charts/map.ABCDEF0123.svg", "", "no-cache", ""},
	} {
		resp := get(t, h, tc.path, tc.accept)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", tc.path, resp.StatusCode)
			continue
		}
		if got := resp.Header.Get("Cache-Control"); got != tc.want {
			t.Errorf("GET %s (Accept-Encoding %q): Cache-Control %q, want %q", tc.path, tc.accept, got, tc.want)
		}
		if got := resp.Header.Get("Content-Encoding"); got != tc.wantEnc {
			t.Errorf("GET %s (Accept-Encoding %q): Content-Encoding %q, want %q", tc.path, tc.accept, got, tc.wantEnc)
		}
	}
	// A hashed name that is not there is no promise for a year.
	if resp := get(t, h, "/view.9999999999.wasm", ""); resp.StatusCode != http.StatusNotFound || resp.Header.Get("Cache-Control") == year {
		t.Errorf("GET a missing hashed name: status %d, Cache-Control %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
}
