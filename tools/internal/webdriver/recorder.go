//go:build !(js && wasm)

package webdriver

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// errorsGlobal is the array, on the top window, where ErrorHookJS collects errors.
const errorsGlobal = "__azflowsEngineErrors"

// HookPath is where the Recorder serves ErrorHookJS on the site's own host, so that the
// policy's script-src 'self' lets the pages run it.
const HookPath = "/.azflows-engine-hook.js"

// ErrorHookJS collects what a page's console would show as errors where the driver cannot
// report them (classic WebDriver has no log): console.error calls, uncaught exceptions,
// unhandled rejections, resources that failed to load and policy violations. Every frame
// that runs it sends its errors to the top window (when it may reach it), in errorsGlobal.
const ErrorHookJS = `(function () {
  var key = '` + errorsGlobal + `', sink;
  try { sink = window.top[key] || (window.top[key] = []); } catch (e) { sink = window[key] = window[key] || []; }
  function add(s) { try { sink.push(String(s).slice(0, 600) + ' [in ' + (location.protocol === 'about:' ? 'a srcdoc frame' : location.pathname) + ']'); } catch (e) {} }
  var original = console.error;
  console.error = function () {
    add('console.error: ' + Array.prototype.map.call(arguments, function (a) { return a && a.stack ? a.message + ' ' + a.stack : String(a); }).join(' '));
    return original.apply(this, arguments);
  };
  window.addEventListener('error', function (e) {
    if (typeof ErrorEvent === 'function' && e instanceof ErrorEvent) add('uncaught: ' + e.message + ' (' + e.filename + ':' + e.lineno + ')');
    else if (e.target && e.target !== window) add('failed to load: ' + (e.target.currentSrc || e.target.src || e.target.href || e.target.tagName));
  }, true);
  window.addEventListener('unhandledrejection', function (e) { add('unhandled rejection: ' + (e.reason && e.reason.message ? e.reason.message : String(e.reason))); });
  document.addEventListener('securitypolicyviolation', function (e) { add('policy violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI); });
})();
`

// cspMeta finds a page's policy, after which the hook goes (before every other script).
var cspMeta = regexp.MustCompile(`(?i)<meta http-equiv="Content-Security-Policy"[^>]*>`)

// InjectHook puts a script tag for ErrorHookJS (served at HookPath) into an HTML page: right
// after its policy, else after its <head>, else first.
func InjectHook(html []byte) []byte {
	tag := []byte(`<script src="` + HookPath + `"></script>`)
	at := 0
	if loc := cspMeta.FindIndex(html); loc != nil {
		at = loc[1]
	} else if i := bytes.Index(bytes.ToLower(html), []byte("<head>")); i >= 0 {
		at = i + len("<head>")
	}
	return append(append(append([]byte(nil), html[:at]...), tag...), html[at:]...)
}

// Recorder is an HTTP proxy for a browser under test. It records the URL of every request
// sent through it; forwards those for the site's own host and port to the site, putting
// ErrorHookJS into every HTML page; and answers every other host with 502 Bad Gateway, so
// nothing leaves the machine. HTTPS (CONNECT) is recorded and refused the same way.
type Recorder struct {
	site     *url.URL
	listener net.Listener
	server   *http.Server
	forward  *httputil.ReverseProxy

	mu   sync.Mutex
	urls []string
}

// NewRecorder starts a Recorder on a free loopback port for the site at siteURL (such as
// http://127.0.0.1:41234).
func NewRecorder(siteURL string) (*Recorder, error) {
	site, err := url.Parse(siteURL)
	if err != nil || site.Host == "" {
		return nil, fmt.Errorf("recorder: bad site URL %q", siteURL)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	r := &Recorder{site: site, listener: l}
	r.forward = &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.Out.URL.Scheme = site.Scheme
			pr.Out.URL.Host = site.Host
			pr.Out.Host = site.Host
			if isDocument(pr.In.URL.Path) {
				// Pages come uncompressed, so that the hook can go in.
				pr.Out.Header.Del("Accept-Encoding")
			}
		},
		ModifyResponse: func(resp *http.Response) error {
			if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || resp.Header.Get("Content-Encoding") != "" {
				return nil
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				return err
			}
			body = InjectHook(body)
			resp.Body = io.NopCloser(bytes.NewReader(body))
			resp.ContentLength = int64(len(body))
			resp.Header.Set("Content-Length", strconv.Itoa(len(body)))
			resp.Header.Del("ETag")
			return nil
		},
	}
	r.server = &http.Server{Handler: r}
	go r.server.Serve(l)
	return r, nil
}

// isDocument says whether a path names a page (the pages of the site end in / or .html).
func isDocument(p string) bool {
	return p == "" || strings.HasSuffix(p, "/") || strings.HasSuffix(p, ".html")
}

// Addr is the proxy's host:port, for the browser's proxy settings.
func (r *Recorder) Addr() string { return r.listener.Addr().String() }

// URLs are the recorded URLs, in order.
func (r *Recorder) URLs() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.urls...)
}

// Close stops the proxy.
func (r *Recorder) Close() error { return r.server.Close() }

func (r *Recorder) record(u string) {
	r.mu.Lock()
	r.urls = append(r.urls, u)
	r.mu.Unlock()
}

func (r *Recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if req.Method == http.MethodConnect {
		r.record("https://" + req.Host + "/")
		http.Error(w, "this proxy reaches no other host", http.StatusBadGateway)
		return
	}
	u := *req.URL
	if u.Host == "" { // asked as a server, not as a proxy
		u.Scheme, u.Host = r.site.Scheme, req.Host
	}
	r.record(u.String())
	if !strings.EqualFold(u.Host, r.site.Host) || u.Scheme != r.site.Scheme {
		http.Error(w, "this proxy reaches no other host", http.StatusBadGateway)
		return
	}
	if u.Path == HookPath {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, ErrorHookJS)
		return
	}
	r.forward.ServeHTTP(w, req)
}

// srcdocHookJS makes the hook follow a page into the srcdoc frames it makes (the offline
// file's view and fallback): each srcdoc gets the hook's own script, its hash added to any
// policy the srcdoc carries (it also inherits the page's, which has it).
const srcdocHookJS = `(function () {
  var me = document.currentScript, text = me.textContent, hash = me.getAttribute('data-hook-hash');
  var d = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'srcdoc');
  if (!d || !d.set) return;
  function hooked(html) {
    html = String(html).replace(/(http-equiv="Content-Security-Policy" content="[^"]*?script-src )/i, "$1'" + hash + "' ");
    var tag = '<script data-hook-hash="' + hash + '">' + text + '</' + 'script>';
    var m = /<meta http-equiv="Content-Security-Policy"[^>]*>/i.exec(html) || /<meta charset="[^"]*">/i.exec(html);
    return m ? html.slice(0, m.index + m[0].length) + tag + html.slice(m.index + m[0].length) : tag + html;
  }
  Object.defineProperty(HTMLIFrameElement.prototype, 'srcdoc', { configurable: true, enumerable: d.enumerable, get: d.get, set: function (v) { d.set.call(this, hooked(v)); } });
})();
`

// scriptSrc finds the script-src directive of a page's policy.
var scriptSrc = regexp.MustCompile(`(?i)(<meta http-equiv="Content-Security-Policy" content="[^"]*?script-src )`)

// InlineHook puts ErrorHookJS into a page as its first, inline script, with its SHA-256 hash
// added to the page's policy, and makes it follow into every srcdoc frame the page makes: for
// a page opened from a file, which no Recorder sees. It fails on a page without a policy
// with a script-src (the hash would have nowhere to go).
func InlineHook(html string) (string, error) {
	text := ErrorHookJS + srcdocHookJS
	sum := sha256.Sum256([]byte(text))
	hash := "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
	loc := scriptSrc.FindStringSubmatchIndex(html)
	if loc == nil {
		return "", fmt.Errorf("InlineHook: the page has no Content-Security-Policy with a script-src")
	}
	html = html[:loc[3]] + "'" + hash + "' " + html[loc[3]:]
	end := cspMeta.FindStringIndex(html)
	tag := `<script data-hook-hash="` + hash + `">` + text + `</script>`
	return html[:end[1]] + tag + html[end[1]:], nil
}
