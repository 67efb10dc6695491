//go:build unix

package server

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Issue 29, finding 5: a request of many ranges (a thousand times "0-0") costs no more than the
// file: it is answered with the whole file, once; a few ranges are still answered as asked.
func TestManyRangesBounded(t *testing.T) {
	dir := site(t)
	want := bigFile(t, dir, "big.wasm", 1<<20)
	h := Handler(dir)
	req := httptest.NewRequest(http.MethodGet, "/big.wasm", nil)
	req.Header.Set("Range", "bytes="+strings.TrimSuffix(strings.Repeat("0-0,", 10000), ","))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if n := rec.Body.Len(); n > len(want) {
		t.Errorf("10,000 ranges of one byte: %d bytes answered, more than the file's %d (status %d)", n, len(want), rec.Code)
	}
	if rec.Code != http.StatusOK || rec.Body.String() != string(want) {
		t.Errorf("10,000 ranges: status %d, %d bytes; want 200 with the whole file", rec.Code, rec.Body.Len())
	}

	req = httptest.NewRequest(http.MethodGet, "/big.wasm", nil)
	req.Header.Set("Range", "bytes=0-9,100-109")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusPartialContent || !strings.HasPrefix(rec.Header().Get("Content-Type"), "multipart/byteranges") {
		t.Errorf("two ranges: status %d, Content-Type %q; want 206 multipart", rec.Code, rec.Header().Get("Content-Type"))
	}
}

// Issue 29, finding 7: a FIFO in the served directory (or any file that is not a regular
// file) is a 404; the server never opens it (opening a FIFO waits for a writer, forever). The
// test sees the server open the FIFO by opening its other end without blocking, which succeeds
// only while a reader has it open.
func TestFIFONotOpened(t *testing.T) {
	dir := site(t)
	for _, name := range []string{"pipe.js", "pipe.wasm"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A regular index.html with a FIFO for its .br: the FIFO is no variant.
	if err := syscall.Mkfifo(filepath.Join(dir, "sub", "index.html.br"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	for _, c := range []struct {
		path, fifo string
		status     int
	}{{"/pipe.js", "pipe.js", 404}, {"/pipe.wasm", "pipe.wasm", 404}, {"/sub/", "sub/index.html.br", 200}} {
		type answer struct {
			status int
			err    error
		}
		done := make(chan answer, 1)
		go func() {
			req, _ := http.NewRequest(http.MethodGet, srv.URL+c.path, nil)
			req.Header.Set("Accept-Encoding", "br")
			resp, err := http.DefaultTransport.RoundTrip(req)
			if err != nil {
				done <- answer{0, err}
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			done <- answer{resp.StatusCode, nil}
		}()
	wait:
		for {
			select {
			case a := <-done:
				if a.err != nil || a.status != c.status {
					t.Errorf("GET %s: status %d, %v; want %d", c.path, a.status, a.err, c.status)
				}
				break wait
			default:
			}
			w, err := os.OpenFile(filepath.Join(dir, c.fifo), os.O_WRONLY|syscall.O_NONBLOCK, 0)
			if err == nil {
				w.Close() // the reader gets EOF and the request ends
				t.Errorf("GET %s: the server opened the FIFO %s", c.path, c.fifo)
				<-done
				break
			}
			time.Sleep(time.Millisecond)
		}
	}
}

// Issue 29, finding 7: Listen holds at most MaxConns connections at once. Three times as many
// clients that connect and send nothing never hold more than the cap; a real request waits for
// a free place (the header timeout frees them) and is answered.
func TestConnectionCap(t *testing.T) {
	const limit = 8
	ln, err := listen("127.0.0.1:0", limit)
	if err != nil {
		t.Fatal(err)
	}
	srv := New(site(t), Timeouts{ReadHeader: 100 * time.Millisecond, Read: time.Second, Write: time.Second, MinRate: 1 << 20, Idle: time.Second})
	var mu sync.Mutex
	open, most := 0, 0
	srv.ConnState = func(c net.Conn, s http.ConnState) {
		mu.Lock()
		defer mu.Unlock()
		switch s {
		case http.StateNew:
			open++
			most = max(most, open)
		case http.StateClosed, http.StateHijacked:
			open--
		}
	}
	go srv.Serve(ln)
	defer srv.Close()
	for range 3 * limit {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
	}
	resp, err := http.Get("http://" + ln.Addr().String() + "/index.html")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("the request after the idle clients: status %d", resp.StatusCode)
	}
	mu.Lock()
	defer mu.Unlock()
	if most > limit {
		t.Errorf("%d connections open at once, more than the cap %d", most, limit)
	}
}

// Issue 29, finding 8: every answer of a file carries an ETag (one per variant) and a
// Content-Length, the br and gzip answers too; the ETag revalidates (304).
func TestETagAndLengthOnEveryAnswer(t *testing.T) {
	srv := httptest.NewServer(Handler(site(t)))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	tags := map[string]string{}
	for _, c := range []struct{ path, accept, enc string }{
		{"/app.wasm", "", ""}, {"/app.wasm", "br", "br"}, {"/app.wasm", "gzip", "gzip"},
		{"/view.0123456789.wasm", "br", "br"}, {"/index.html", "br, gzip", ""}, {"/sub/", "", ""},
	} {
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			req, _ := http.NewRequest(method, srv.URL+c.path, nil)
			if c.accept != "" {
				req.Header.Set("Accept-Encoding", c.accept)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			what := fmt.Sprintf("%s %s (Accept-Encoding %q)", method, c.path, c.accept)
			if resp.Header.Get("Content-Encoding") != c.enc {
				t.Errorf("%s: Content-Encoding %q, want %q", what, resp.Header.Get("Content-Encoding"), c.enc)
			}
			etag := resp.Header.Get("ETag")
			if !strings.HasPrefix(etag, `"`) || !strings.HasSuffix(etag, `"`) || len(etag) < 4 {
				t.Errorf("%s: ETag %q", what, etag)
			}
			n, err := strconv.Atoi(resp.Header.Get("Content-Length"))
			if err != nil || (method == http.MethodGet && n != len(b)) {
				t.Errorf("%s: Content-Length %q for %d bytes", what, resp.Header.Get("Content-Length"), len(b))
			}
			if method == http.MethodGet {
				key := c.path + " " + c.enc
				for k, v := range tags {
					if v == etag && strings.Fields(k)[0] == c.path {
						t.Errorf("%s: ETag %s, the same as %s's", what, etag, k)
					}
				}
				tags[key] = etag
				req, _ := http.NewRequest(http.MethodGet, srv.URL+c.path, nil)
				req.Header.Set("Accept-Encoding", c.accept)
				req.Header.Set("If-None-Match", etag)
				resp, err := client.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusNotModified {
					t.Errorf("%s with If-None-Match %s: status %d, want 304", what, etag, resp.StatusCode)
				}
			}
		}
	}
}

// Issue 29, finding 8: the minimum rate is real. With a send buffer large enough that the
// kernel wakes the server's writes only every 256 KB (as Linux does, at half of it), a client
// that reads steadily at twice MinRate gets the whole file although each of those waits is
// longer than Write; a client at a quarter of MinRate is let go.
func TestMinimumRate(t *testing.T) {
	to := Timeouts{ReadHeader: time.Second, Read: time.Second, Write: 300 * time.Millisecond, MinRate: 128 << 10, Idle: time.Second}
	for _, c := range []struct {
		name     string
		buffer   int
		rate     int // bytes a second the client reads
		complete bool
	}{
		{"twice the minimum rate", 256 << 10, 256 << 10, true},
		{"a quarter of the minimum rate", 8 << 10, 32 << 10, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := site(t)
			want := bigFile(t, dir, "big.wasm", 1<<20)
			srv := New(dir, to)
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			go srv.Serve(buffered{ln, c.buffer})
			defer srv.Close()
			conn, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			conn.(*net.TCPConn).SetReadBuffer(16 << 10)
			io.WriteString(conn, "GET /big.wasm HTTP/1.1\r\nHost: x\r\n\r\n")
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			got := 0
			buf := make([]byte, 8<<10)
			start := time.Now()
			var readErr error
			for got < len(want) {
				n, err := io.ReadFull(resp.Body, buf[:min(len(buf), len(want)-got)])
				got += n
				if err != nil {
					readErr = err
					break
				}
				// Paced: byte n is read at n/rate after the start, not sooner.
				time.Sleep(time.Until(start.Add(time.Second * time.Duration(got) / time.Duration(c.rate))))
			}
			if c.complete && got != len(want) {
				t.Errorf("reading at %d KB/s (minimum %d KB/s): cut after %d of %d bytes: %v", c.rate>>10, to.MinRate>>10, got, len(want), readErr)
			}
			if !c.complete && (got == len(want) || !errors.Is(readErr, io.ErrUnexpectedEOF)) {
				t.Errorf("reading at %d KB/s (minimum %d KB/s): %d of %d bytes, %v; want the connection cut", c.rate>>10, to.MinRate>>10, got, len(want), readErr)
			}
		})
	}
}

// buffered is a listener whose connections have a send buffer of the size (the kernel doubles it).
type buffered struct {
	net.Listener
	size int
}

func (l buffered) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetWriteBuffer(l.size)
	}
	return c, err
}
