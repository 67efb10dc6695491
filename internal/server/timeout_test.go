package server

import (
	"bufio"
	"crypto/rand"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// smallBuffers is a listener whose connections have a small kernel send buffer, so that a
// response to a client that reads nothing fills it at once (as it would across the internet).
type smallBuffers struct{ net.Listener }

func (l smallBuffers) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetWriteBuffer(8 << 10)
	}
	return c, err
}

// closedConns serves dir with the timeouts and reports each connection the server closes.
func closedConns(t *testing.T, dir string, to Timeouts) (addr string, closed <-chan net.Conn) {
	t.Helper()
	srv := New(dir, to)
	ch := make(chan net.Conn, 16)
	srv.ConnState = func(c net.Conn, s http.ConnState) {
		if s == http.StateClosed {
			ch <- c
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(smallBuffers{ln})
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String(), ch
}

// bigFile adds a file of n random bytes (incompressible, no sibling) to the site.
func bigFile(t *testing.T, dir, name string, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	rand.Read(b)
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return b
}

var short = Timeouts{ReadHeader: 200 * time.Millisecond, Read: 200 * time.Millisecond, Write: 300 * time.Millisecond, Idle: 300 * time.Millisecond}

// An idle keep-alive connection is closed by the server after the idle timeout.
func TestIdleKeepAliveClosed(t *testing.T) {
	addr, closed := closedConns(t, site(t), short)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n")
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	if resp.Close {
		t.Fatal("the server closed after the response: not a keep-alive connection")
	}
	start := time.Now()
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	if _, err := br.ReadByte(); !errors.Is(err, io.EOF) {
		t.Fatalf("idle connection: read gave %v, want EOF (closed by the server)", err)
	}
	if d := time.Since(start); d < short.Idle/2 {
		t.Errorf("closed after %v, before the idle timeout %v", d, short.Idle)
	}
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Error("the server does not report the connection closed")
	}
}

// A client that requests a large file and reads nothing does not hold its connection (and the
// open file behind it) past the write timeout.
func TestStalledReaderReleased(t *testing.T) {
	dir := site(t)
	bigFile(t, dir, "big.wasm", 8<<20)
	addr, closed := closedConns(t, dir, short)
	d := net.Dialer{Control: nil}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.(*net.TCPConn).SetReadBuffer(4 << 10)
	io.WriteString(conn, "GET /big.wasm HTTP/1.1\r\nHost: x\r\n\r\n")
	start := time.Now()
	select {
	case <-closed:
		if d := time.Since(start); d < short.Write {
			t.Errorf("closed after %v, before the write timeout %v", d, short.Write)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a client that reads nothing still holds its connection after 10 s (write timeout 300 ms)")
	}
}

// A slow client that keeps reading gets the whole file, however much longer than every
// timeout the transfer takes: the write deadline is per write, not per response.
func TestSlowSteadyReaderCompletes(t *testing.T) {
	dir := site(t)
	want := bigFile(t, dir, "big.wasm", 1<<20)
	addr, _ := closedConns(t, dir, short)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.(*net.TCPConn).SetReadBuffer(64 << 10)
	io.WriteString(conn, "GET /big.wasm HTTP/1.1\r\nHost: x\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Header.Get("Content-Length") != strconv.Itoa(len(want)) {
		t.Fatalf("Content-Length %q", resp.Header.Get("Content-Length"))
	}
	start := time.Now()
	var got []byte
	buf := make([]byte, 64<<10)
	for len(got) < len(want) {
		n, err := io.ReadFull(resp.Body, buf[:min(len(buf), len(want)-len(got))])
		got = append(got, buf[:n]...)
		if err != nil {
			t.Fatalf("after %d of %d bytes (%v): %v", len(got), len(want), time.Since(start), err)
		}
		time.Sleep(100 * time.Millisecond) // about 600 KB/s: the whole file takes longer than every timeout
	}
	if d := time.Since(start); d < 2*short.Write {
		t.Fatalf("the transfer took %v, not longer than the timeouts: the test shows nothing", d)
	}
	if string(got) != string(want) {
		t.Error("the body differs from the file")
	}
}

// Many stalled clients at once are all let go.
func TestManyStalledReadersReleased(t *testing.T) {
	dir := site(t)
	bigFile(t, dir, "big.wasm", 4<<20)
	addr, closed := closedConns(t, dir, short)
	const n = 40
	var wg sync.WaitGroup
	for range n {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		conn.(*net.TCPConn).SetReadBuffer(4 << 10)
		wg.Go(func() { io.WriteString(conn, "GET /big.wasm HTTP/1.1\r\nHost: x\r\n\r\n") })
	}
	wg.Wait()
	deadline := time.After(15 * time.Second)
	for i := range n {
		select {
		case <-closed:
		case <-deadline:
			t.Fatalf("%d of %d stalled connections still open after 15 s", n-i, n)
		}
	}
}

// A path with a trailing slash after a file name redirects to the file, so the page's
// relative assets resolve; a path below a file is a 404. The Location is relative to the
// request's path (one "../" per trailing slash), so it holds behind a proxy that strips a prefix.
func TestTrailingSlashAfterFile(t *testing.T) {
	h := Handler(site(t))
	for _, tc := range []struct{ path, location string }{
		{"/index.html/", "../index.html"},
		{"/data/flows.json/", "../flows.json"},
		{"/index.html//", "../../index.html"},
		{"/index.html/?x=1", "../index.html?x=1"},
	} {
		resp := get(t, h, tc.path, "")
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != tc.location {
			t.Errorf("GET %s: status %d Location %q, want 301 to %s", tc.path, resp.StatusCode, resp.Header.Get("Location"), tc.location)
		}
		// Where the browser goes: the file, under whatever prefix the path had.
		base, _ := url.Parse("http://example.org/azflows" + tc.path)
		loc, _ := url.Parse(tc.location)
		if got := base.ResolveReference(loc); !strings.HasPrefix(got.Path, "/azflows/") || strings.HasSuffix(got.Path, "/") {
			t.Errorf("GET /azflows%s: the redirect leads to %s", tc.path, got)
		}
	}
	if resp := get(t, h, "/index.html/app.js", ""); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /index.html/app.js: status %d, want 404", resp.StatusCode)
	}
}
