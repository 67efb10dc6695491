//go:build !(js && wasm)

package e2e

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/user"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/klauspost/compress/gzhttp"

	"azflows/internal/caching"
)

// Issue 17 (hosting): the built site as people serve it, from a subpath
// (http://127.0.0.1:PORT/azflows/), by Debian's nginx and Caddy with the snippets the build
// wrote into dist/, and by a plain static server that knows nothing of .br files and gzips on
// the fly (a stand-in for GitHub Pages). In each, every page goes live, the view frame loads
// its program, fonts and base map, the fallback draws where WebGL is missing, the downloads
// and the single files are there, nothing is asked of another host or outside /azflows/, and
// the responses carry the cache rules (docs/deploy.md).

// subpath is where the servers mount the site.
const subpath = "/azflows/"

// hostedSite is the built site served by one server under subpath.
type hostedSite struct {
	name string
	base string // http://127.0.0.1:PORT/azflows/
	// rules: the server sends the build's cache rules (immutable hashed names, no-cache
	// otherwise); the plain server sends its own, as GitHub Pages does (max-age=600).
	rules bool
	// precompressed: the server sends the build's .br files; else gzip made on the fly.
	precompressed bool
}

// needTool stops the test when a program it needs is missing: a skip that says so, or under
// CI=true a failure (CI installs it, .ci/run).
func needTool(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI: %s", what)
	}
	t.Skip(what)
}

// freePort is a port on 127.0.0.1 that nothing listens on (a server started right after takes it).
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startProcess runs a server, stops it at the end of the test, and waits until base answers.
func startProcess(t *testing.T, base string, cmd *exec.Cmd, log *lockedBuffer) {
	t.Helper()
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", cmd.Path, err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM) // the server and any worker it started
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-done
		}
		if t.Failed() {
			t.Logf("%s output:\n%s", filepath.Base(cmd.Path), tail(log.String(), 4096))
		}
	})
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, err := http.Get(base + "index.html")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		select {
		case <-done:
			t.Fatalf("%s exited: %s", filepath.Base(cmd.Path), tail(log.String(), 4096))
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not answer %sindex.html within 15 s (%v): %s", filepath.Base(cmd.Path), base, err, tail(log.String(), 4096))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// brotliModule is where Debian's libnginx-mod-http-brotli-static puts the module.
const brotliModule = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"

// startNginx serves a copy of dist/ with Debian's nginx as a deployment does: the copy made
// with `cp -r` (which keeps the build's modes) into a directory every user may enter, and,
// when the test runs as root, nginx's workers running as www-data (`user www-data;`), so that
// a file or directory of the build that www-data cannot read is a 403. Its stock http
// settings (/etc/nginx/nginx.conf without logs and sites), the brotli static module, and the
// location /azflows/ with exactly the snippet the build wrote (azflows.nginx.conf). Its own
// prefix and port, not the system's service.
func startNginx(t *testing.T) hostedSite {
	t.Helper()
	s, _ := startNginxOn(t)
	return s
}

// unprivilegedUser is the user nginx's workers run as in the tests (Debian's web server user).
const unprivilegedUser = "www-data"

// startNginxOn is startNginx; it also gives the directory of the copy it serves.
func startNginxOn(t *testing.T) (hostedSite, string) {
	t.Helper()
	exe, err := exec.LookPath("nginx")
	if err != nil {
		if _, serr := os.Stat("/usr/sbin/nginx"); serr != nil {
			needTool(t, "no nginx (Debian: apt-get install nginx libnginx-mod-http-brotli-static)")
		}
		exe = "/usr/sbin/nginx"
	}
	if _, err := os.Stat(brotliModule); err != nil {
		needTool(t, "no "+brotliModule+" (Debian: apt-get install libnginx-mod-http-brotli-static)")
	}
	if os.Geteuid() != 0 {
		needTool(t, "not root: nginx cannot run its workers as "+unprivilegedUser+", so a copy only root can read would pass")
	}
	if _, err := user.Lookup(unprivilegedUser); err != nil {
		needTool(t, "no user "+unprivilegedUser+" (Debian's nginx package makes it)")
	}
	prefix := t.TempDir()
	// The copy, under directories anyone may enter (t.TempDir makes them 0700), as /srv is.
	srv := t.TempDir()
	for d := srv; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	site := filepath.Join(srv, "azflows")
	if out, err := exec.Command("cp", "-r", distDir, site).CombinedOutput(); err != nil {
		t.Fatalf("cp -r %s %s: %v\n%s", distDir, site, err, out)
	}
	port := freePort(t)
	conf := fmt.Sprintf(`user %[6]s;
worker_processes 1;
master_process on;
daemon off;
pid %[1]s/nginx.pid;
error_log stderr;
load_module %[2]s;
events { worker_connections 256; }
http {
	sendfile on;
	tcp_nopush on;
	types_hash_max_size 2048;
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	gzip on;
	client_body_temp_path %[1]s/body;
	proxy_temp_path %[1]s/proxy;
	fastcgi_temp_path %[1]s/fastcgi;
	uwsgi_temp_path %[1]s/uwsgi;
	scgi_temp_path %[1]s/scgi;
	server {
		listen 127.0.0.1:%[3]d;
		location %[4]s {
			alias %[5]s/;
			include %[5]s/azflows.nginx.conf;
		}
	}
}
`, prefix, brotliModule, port, subpath, site, unprivilegedUser)
	confPath := filepath.Join(prefix, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	base := fmt.Sprintf("http://127.0.0.1:%d%s", port, subpath)
	startProcess(t, base, exec.Command(exe, "-p", prefix, "-e", "stderr", "-c", confPath), &lockedBuffer{})
	return hostedSite{name: "nginx", base: base, rules: true, precompressed: true}, site
}

// Issue 29, finding 1: a copy of dist/ (cp -r, which keeps its modes, as rsync -a, scp -r and
// tar do) served by nginx whose workers run as www-data answers every file of the build with
// its bytes, identity and, where the build wrote them, br and gzip; no 403. (No browser.)
func TestCopiedSiteServedUnprivileged(t *testing.T) {
	host, site := startNginxOn(t)
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	n := 0
	err := filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(site, p)
		rel = filepath.ToSlash(rel)
		if strings.HasSuffix(rel, ".br") || strings.HasSuffix(rel, ".gz") || strings.HasPrefix(path.Base(rel), ".") {
			return nil // sent as the encodings of their files; dot files nginx may keep to itself
		}
		for _, enc := range []string{"", "br", "gzip"} {
			req, _ := http.NewRequest(http.MethodGet, host.base+rel, nil)
			if enc != "" {
				req.Header.Set("Accept-Encoding", enc)
			}
			resp, err := client.Do(req)
			if err != nil {
				return err
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			n++
			want := p
			if got := resp.Header.Get("Content-Encoding"); got != "" {
				want = p + map[string]string{"br": ".br", "gzip": ".gz"}[got]
			}
			wantBody, _ := os.ReadFile(want)
			if resp.StatusCode != http.StatusOK || !bytes.Equal(b, wantBody) {
				t.Errorf("GET %s (Accept-Encoding %q) as %s: status %d, %d bytes, want 200 with %s", rel, enc, unprivilegedUser, resp.StatusCode, len(b), filepath.Base(want))
				if n > 20 {
					return filepath.SkipAll
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d answers from nginx with workers as %s", n, unprivilegedUser)
}

// startCaddy serves dist/ with Debian's Caddy: a site whose handle_path /azflows/* imports
// exactly the snippet the build wrote (dist/azflows.Caddyfile).
func startCaddy(t *testing.T) hostedSite {
	t.Helper()
	exe, err := exec.LookPath("caddy")
	if err != nil {
		needTool(t, "no caddy (Debian: apt-get install caddy)")
	}
	home := t.TempDir()
	port := freePort(t)
	conf := fmt.Sprintf(`{
	admin off
}
http://127.0.0.1:%d {
	handle_path %s* {
		root * %s
		import %s
	}
}
`, port, subpath, distDir, filepath.Join(distDir, "azflows.Caddyfile"))
	confPath := filepath.Join(home, "Caddyfile")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "run", "--config", confPath, "--adapter", "caddyfile")
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+home, "XDG_DATA_HOME="+home)
	base := fmt.Sprintf("http://127.0.0.1:%d%s", port, subpath)
	startProcess(t, base, cmd, &lockedBuffer{})
	return hostedSite{name: "caddy", base: base, rules: true, precompressed: true}
}

// startPlain serves dist/ as a plain static host does (GitHub Pages): every file as it is,
// Cache-Control: max-age=600 for all, gzip made on the fly, no .br or .gz sibling ever sent
// for a file, a directory's index.html, nothing outside /azflows/.
func startPlain(t *testing.T) hostedSite {
	t.Helper()
	files := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if name == "" || name == "." || strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		f, err := os.OpenInRoot(distDir, name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil || fi.IsDir() {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "max-age=600")
		http.ServeContent(w, r, name, fi.ModTime(), f)
	})
	mux := http.NewServeMux()
	mux.Handle(subpath, http.StripPrefix(strings.TrimSuffix(subpath, "/"), gzhttp.GzipHandler(files)))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return hostedSite{name: "plain", base: srv.URL + subpath}
}

// responseLog records the status, headers and cache use of every response a tab and its
// workers receive.
type responseLog struct {
	mu   sync.Mutex
	list []*network.Response
}

func recordResponses(ctx context.Context, t testing.TB) *responseLog {
	t.Helper()
	l := &responseLog{}
	listenTabAndWorkers(ctx, t, func(ev any) {
		if e, ok := ev.(*network.EventResponseReceived); ok && e.Response != nil {
			l.mu.Lock()
			l.list = append(l.list, e.Response)
			l.mu.Unlock()
		}
	})
	return l
}

func (l *responseLog) all() []*network.Response {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.list)
}

func (l *responseLog) reset() {
	l.mu.Lock()
	l.list = nil
	l.mu.Unlock()
}

// noWebGLKey in the hash of a page makes its canvases refuse WebGL, in it and its frames
// (the page ignores the key), as --use-gl=disabled does for a whole browser: noWebGL installs
// that in the tab, so that one browser tries both the live page and the fallback.
const noWebGLKey = "nowebgl"

func noWebGL(t *testing.T, ctx context.Context) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `(function () {
	  var href = '';
	  try { href = window.top.location.href; } catch (e) { return; }
	  if (!/[#&]` + noWebGLKey + `(&|$)/.test(href)) return;
	  var get = HTMLCanvasElement.prototype.getContext;
	  HTMLCanvasElement.prototype.getContext = function (type) {
	    return /webgl/i.test(String(type)) ? null : get.apply(this, arguments);
	  };
	})();`})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}

// TestServedFromSubpath serves the site from /azflows/ by nginx, Caddy and a plain static
// server in turn, in one browser, and checks each (see the top of this file). It logs the
// response headers of index.html and of the wasm per server.
func TestServedFromSubpath(t *testing.T) {
	ctx, _ := newBrowserFor(t, 4*time.Minute)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 800)); err != nil {
		t.Fatal(err)
	}
	noWebGL(t, ctx)
	requests := recordRequests(ctx, t)
	responses := recordResponses(ctx, t)
	errs := watchErrors(t, ctx)
	for _, s := range []struct {
		name  string
		start func(*testing.T) hostedSite
	}{{"nginx", startNginx}, {"caddy", startCaddy}, {"plain", startPlain}} {
		t.Run(s.name, func(t *testing.T) {
			host := s.start(t)
			checkHeaders(t, host)
			before := len(requests.URLs())
			responses.reset()
			checkPages(t, ctx, host, responses)
			// Nothing outside /azflows/ on the server's host, nothing from another host.
			for _, u := range requests.URLs()[before:] {
				l := strings.ToLower(u)
				if strings.HasPrefix(l, "data:") || strings.HasPrefix(l, "blob:") || strings.HasPrefix(l, "about:") {
					continue
				}
				if !strings.HasPrefix(u, host.base) {
					t.Errorf("%s: the page asked for %s, outside %s", host.name, u, host.base)
				}
			}
			for _, r := range responses.all() {
				if r.Status >= 400 {
					t.Errorf("%s: %s answered %d", host.name, r.URL, r.Status)
				}
			}
			if e := errs(); len(e) > 0 {
				t.Errorf("%s: console errors: %q", host.name, e)
			}
		})
	}
}

// checkHeaders asks the server, as a browser would (Accept-Encoding: br, gzip, no decoding),
// for a file of each kind, logs the headers of index.html and the wasm and checks the
// Content-Type, Content-Encoding, Vary and the cache rule of each.
func checkHeaders(t *testing.T, host hostedSite) {
	t.Helper()
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	for _, f := range []struct {
		path, contentType string
		hashed, logged    bool
	}{
		{"", "text/html; charset=utf-8", false, false}, // the directory: its index.html
		{"index.html", "text/html; charset=utf-8", false, true},
		{"index.ru.html", "text/html; charset=utf-8", false, false},
		{"view.html", "text/html; charset=utf-8", false, false},
		{"data/azflows-figures.csv", "text/csv", false, false}, // data/ keeps its names
		{"azflows.html", "text/html; charset=utf-8", false, false},
		{distAsset(t, "view.wasm"), "application/wasm", true, true},
		// Each state's files, by the hashed names the page's config gives them.
		{distAsset(t, "charts/map-2010.svg"), "image/svg+xml", true, true},
		{distAsset(t, "fallback/map-2010.az.html"), "text/html; charset=utf-8", true, true},
		{distAsset(t, "charts/map-2010-1920x1080.ru.png"), "image/png", true, false},
		{distAsset(t, "view.js"), "text/javascript", true, false},
		{distAsset(t, "style.css"), "text/css", true, false},
		{distAsset(t, "fonts/noto-sans-latin-400-normal.woff2"), "font/woff2", true, false},
		{distAsset(t, "assets/echarts.min.js"), "text/javascript", true, false},
	} {
		req, _ := http.NewRequest(http.MethodGet, host.base+f.path, nil)
		req.Header.Set("Accept-Encoding", "br, gzip")
		resp, err := client.Do(req)
		if err != nil {
			t.Errorf("%s: GET %s: %v", host.name, f.path, err)
			continue
		}
		resp.Body.Close()
		h := resp.Header
		if f.logged {
			var lines []string
			for k, v := range h {
				if k != "Date" {
					lines = append(lines, k+": "+strings.Join(v, ", "))
				}
			}
			slices.Sort(lines)
			t.Logf("%s %s%s → %d\n\t%s", host.name, host.base, f.path, resp.StatusCode, strings.Join(lines, "\n\t"))
		}
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: GET %s: %d", host.name, f.path, resp.StatusCode)
			continue
		}
		// nginx and Caddy may leave out the charset where the site's server sends it.
		if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, f.contentType) {
			t.Errorf("%s: %s: Content-Type %q, want %s", host.name, f.path, ct, f.contentType)
		}
		cache := h.Get("Cache-Control")
		switch {
		case !host.rules && cache != "max-age=600":
			t.Errorf("%s: %s: Cache-Control %q, want the host's own max-age=600", host.name, f.path, cache)
		case host.rules && f.hashed && cache != caching.Immutable:
			t.Errorf("%s: %s: Cache-Control %q, want %q", host.name, f.path, cache, caching.Immutable)
		case host.rules && !f.hashed && cache != caching.Revalidate:
			t.Errorf("%s: %s: Cache-Control %q, want %q", host.name, f.path, cache, caching.Revalidate)
		}
		if f.hashed != caching.IsHashed(f.path) {
			t.Errorf("%s is hashed: %v, want %v", f.path, caching.IsHashed(f.path), f.hashed)
		}
		if host.rules && h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: %s: X-Content-Type-Options %q", host.name, f.path, h.Get("X-Content-Type-Options"))
		}
		// Compressible files come compressed: the build's .br where the server sends them, else
		// gzip made on the fly; either way the response varies with Accept-Encoding.
		enc := h.Get("Content-Encoding")
		// Fonts and PNGs are compressed already; files under 2 KB a server may send as they are.
		fi, err := os.Stat(filepath.Join(distDir, filepath.FromSlash(f.path)))
		compressible := !strings.HasPrefix(f.contentType, "font/") && f.contentType != "image/png" && (err != nil || fi.Size() > 2048)
		switch {
		case !compressible:
		case host.precompressed && enc != "br":
			t.Errorf("%s: %s: Content-Encoding %q, want br (the build's .br)", host.name, f.path, enc)
		case !host.precompressed && enc != "gzip":
			t.Errorf("%s: %s: Content-Encoding %q, want gzip made on the fly", host.name, f.path, enc)
		}
		if compressible && !strings.Contains(strings.Join(h.Values("Vary"), ","), "Accept-Encoding") {
			t.Errorf("%s: %s: Vary %q, want Accept-Encoding", host.name, f.path, h.Values("Vary"))
		}
	}
}

// checkPages opens every page of the site under host.base in the tab: each language's page
// goes live (the view frame with its program, fonts and base map), its downloads are there;
// without WebGL the fallback draws; the single file goes live from the server too.
func checkPages(t *testing.T, ctx context.Context, host hostedSite, responses *responseLog) {
	t.Helper()
	names := map[string]string{}
	for _, l := range []string{"view.wasm", "view.js", "wasm_exec.js", "basemap.json", "fonts/noto-sans-latin-400-normal.ttf", "fonts/noto-sans-cyrillic-700-normal.ttf"} {
		names[l] = distAsset(t, l)
	}
	for i, p := range []struct{ page, hash, lang string }{
		{"index.html", "#view=map&year=2012", "en"},
		{"index.az.html", "#view=bars&year=2010", "az"},
		{"index.ru.html", "#view=timeline&year=2012", "ru"},
	} {
		responses.reset()
		if err := chromedp.Do(ctx, chromedp.Navigate(host.base+p.page+p.hash)); err != nil {
			t.Fatalf("%s: %s: %v", host.name, p.page, err)
		}
		waitFor(t, ctx, host.name+" "+p.page+" live", `window.azflowsPage && window.azflowsPage.mode === 'live'`, 45*time.Second)
		if got := eval[string](t, ctx, `document.documentElement.lang`); got != p.lang {
			t.Errorf("%s: %s: lang %q, want %s", host.name, p.page, got, p.lang)
		}
		// The view's frame and what it loaded, by their hashed names, from under the subpath.
		got := map[string]*network.Response{}
		for _, r := range responses.all() {
			got[strings.TrimPrefix(r.URL, host.base)] = r
		}
		for _, f := range []string{"view.html", names["view.js"], names["wasm_exec.js"], names["view.wasm"], names["fonts/noto-sans-latin-400-normal.ttf"], names["fonts/noto-sans-cyrillic-700-normal.ttf"]} {
			if _, ok := got[f]; !ok {
				t.Errorf("%s: %s: the view did not load %s%s", host.name, p.page, host.base, f)
			}
		}
		if i == 0 {
			if _, ok := got[names["basemap.json"]]; !ok {
				t.Errorf("%s: the map did not load %s%s", host.name, host.base, names["basemap.json"])
			}
		}
		// After the first page, a hashed name is the browser's to keep: the wasm comes from its
		// cache, not asked again (the HTML is asked again, as no-cache says).
		if r := got[names["view.wasm"]]; i > 0 && host.rules && r != nil && !r.FromDiskCache && r.Status != 0 {
			t.Errorf("%s: %s: the wasm was fetched again (status %d), not taken from the cache", host.name, p.page, r.Status)
		}
		checkDownloads(t, ctx, host, p.page)
		if i == 0 {
			checkSaved(t, ctx, host, p.page, "dl-svg", "dl-png")
		}
	}

	// Without WebGL: the fallback page of the state, with the echarts bundle and the base map
	// by their hashed names from ../assets/.
	// (From about:blank: the tab is on index.ru.html, where a new hash would only switch the state.)
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(host.base+"index.ru.html#view=map&year=2010&"+noWebGLKey)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, host.name+" fallback", `window.azflowsPage.mode === 'fallback' && window.azflowsPage.fallbackPainted === true`, 30*time.Second)
	fb := eval[string](t, ctx, `(function () {
	  var f = document.querySelector('.fallback-frame'), w = f.contentWindow;
	  var c = w.echarts && w.echarts.getInstanceByDom(w.document.getElementById('fallback-chart'));
	  return w.location.pathname + ' ' + (c ? c.getOption().series.length + ' series' : 'no chart');
	})()`)
	if want := strings.TrimPrefix(host.base, strings.TrimSuffix(host.base, subpath)) + distAsset(t, "fallback/map-2010.ru.html"); !strings.HasPrefix(fb, want+" ") || strings.HasSuffix(fb, "no chart") || strings.HasSuffix(fb, " 0 series") {
		t.Errorf("%s: the fallback frame shows %q, want %s with its chart", host.name, fb, want)
	}

	// The single file, from the server: it unpacks its program and goes live.
	if err := chromedp.Do(ctx, chromedp.Navigate(host.base+"azflows.az.html#view=flow&year=2012")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, host.name+" azflows.az.html live", `window.azflowsPage && window.azflowsPage.mode === 'live'`, 60*time.Second)
	if got := eval[string](t, ctx, `document.documentElement.lang`); got != "az" {
		t.Errorf("%s: azflows.az.html: lang %q", host.name, got)
	}
}

// checkDownloads fetches every download link of the page (as the reader's click would) and
// checks what comes back: the SVG, the two PNG slide images, the CSV (with its byte-order
// mark) and JSON files, in the page's language.
func checkDownloads(t *testing.T, ctx context.Context, host hostedSite, pageName string) {
	t.Helper()
	type fetched struct {
		ID, URL, SaveAs, Type, Start string
		Status, Size                 int
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]fetched](`Promise.all(['dl-svg', 'dl-png', 'dl-png-720', 'dl-figures', 'dl-events', 'dl-json'].map(function (id) {
	  var a = document.getElementById(id);
	  return fetch(a.href).then(function (r) {
	    return r.arrayBuffer().then(function (b) {
	      var head = Array.prototype.map.call(new Uint8Array(b.slice(0, 8)), function (c) { return ('0' + c.toString(16)).slice(-2); }).join('');
	      return { ID: id, URL: r.url, SaveAs: a.getAttribute('download') || '', Type: r.headers.get('Content-Type') || '', Start: head, Status: r.status, Size: b.byteLength };
	    });
	  });
	}))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %s: fetching the downloads: %v", host.name, pageName, err)
	}
	want := map[string]struct{ start, ext string }{
		"dl-svg": {"3c737667", ".svg"}, "dl-png": {"89504e47", ".png"}, "dl-png-720": {"89504e47", ".png"},
		"dl-figures": {"efbbbf", ".csv"}, "dl-events": {"efbbbf", ".csv"}, "dl-json": {"7b", ".json"},
	}
	sfx := strings.TrimSuffix(strings.TrimPrefix(pageName, "index"), ".html") // "", ".az", ".ru"
	for _, d := range got {
		w := want[d.ID]
		if d.Status != 200 || d.Size < 100 || !strings.HasPrefix(d.Start, w.start) {
			t.Errorf("%s: %s: #%s %s: status %d, %d bytes starting %s (want %s…)", host.name, pageName, d.ID, d.URL, d.Status, d.Size, d.Start, w.start)
		}
		logical := caching.Logical(d.URL)
		if !strings.HasPrefix(d.URL, host.base) || !strings.HasSuffix(logical, sfx+w.ext) {
			t.Errorf("%s: %s: #%s is %s, want a file in %s ending %s", host.name, pageName, d.ID, d.URL, host.base, sfx+w.ext)
		}
		// The chart's files by hashed names, the data by their own; each saved under its
		// readable name.
		if chart := w.ext == ".svg" || w.ext == ".png"; caching.IsHashed(d.URL) != chart {
			t.Errorf("%s: %s: #%s is %s: hashed %v, want %v", host.name, pageName, d.ID, d.URL, caching.IsHashed(d.URL), chart)
		}
		if d.SaveAs != path.Base(logical) {
			t.Errorf("%s: %s: #%s (%s) is saved as %q, want %q", host.name, pageName, d.ID, d.URL, d.SaveAs, path.Base(logical))
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %s: %d downloads", host.name, pageName, len(got))
	}
}

// checkSaved clicks the page's download links with the ids, as a reader does, and checks that
// the browser saves each file under its readable name (the file's logical name, as the
// anchor's download attribute says), not the hashed name it fetches, with that file's bytes.
func checkSaved(t *testing.T, ctx context.Context, host hostedSite, pageName string, ids ...string) {
	t.Helper()
	dir := allowDownloads(t, ctx)
	for _, id := range ids {
		href := eval[string](t, ctx, `document.getElementById('`+id+`').getAttribute('href')`)
		saved := download(t, ctx, dir, id)
		want, err := os.ReadFile(filepath.Join(distDir, filepath.FromSlash(href)))
		if err != nil {
			t.Errorf("%s: %s: #%s names %s: %v", host.name, pageName, id, href, err)
			continue
		}
		if !caching.IsHashed(href) {
			t.Errorf("%s: %s: #%s names %s, not a hashed name", host.name, pageName, id, href)
		}
		name := path.Base(caching.Logical(href))
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || !bytes.Equal(b, want) || !bytes.Equal(saved, want) {
			t.Errorf("%s: %s: clicking #%s did not save %s as %s (%v)", host.name, pageName, id, href, name, err)
		}
	}
}
