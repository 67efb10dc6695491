//go:build !(js && wasm)

package webdriver

import (
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

const page = `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'sha256-abc='; style-src 'self'">
<title>t</title><script src="app.js"></script></head><body></body></html>`

// The Recorder forwards the site's requests (putting the hook into pages, which it gets
// uncompressed), refuses and records every other host, and serves the hook itself.
func TestRecorder(t *testing.T) {
	var encodings = map[string]string{}
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		encodings[r.URL.Path] = r.Header.Get("Accept-Encoding")
		switch r.URL.Path {
		case "/":
			// Compressed where the request allows it, as internal/server sends its .br/.gz.
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			switch ae := r.Header.Get("Accept-Encoding"); {
			case strings.Contains(ae, "br"):
				w.Header().Set("Content-Encoding", "br")
				io.WriteString(w, "not really brotli")
			case strings.Contains(ae, "gzip"):
				w.Header().Set("Content-Encoding", "gzip")
				gz := gzip.NewWriter(w)
				io.WriteString(gz, page)
				gz.Close()
			default:
				io.WriteString(w, page)
			}
		case "/app.js":
			w.Header().Set("Content-Type", "text/javascript")
			io.WriteString(w, "console.log(1)")
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()
	rec, err := NewRecorder(site.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close()
	proxy, _ := url.Parse("http://" + rec.Addr())
	client := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(proxy)}}
	get := func(u string, header ...string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, u, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := client.Do(req)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}

	code, body := get(site.URL+"/", "Accept-Encoding", "br, gzip")
	if code != 200 || !strings.Contains(body, `<script src="`+HookPath+`"></script>`) {
		t.Fatalf("the page through the recorder: %d %q, want it with the hook", code, body)
	}
	if strings.Index(body, HookPath) > strings.Index(body, `src="app.js"`) || strings.Index(body, HookPath) < strings.Index(body, "Content-Security-Policy") {
		t.Errorf("the hook is not the first script after the policy: %q", body)
	}
	code, body = get(site.URL+"/app.js", "Accept-Encoding", "br, gzip")
	if code != 200 || body != "console.log(1)" {
		t.Errorf("app.js through the recorder: %d %q", code, body)
	}
	if encodings["/app.js"] != "br, gzip" {
		t.Errorf("app.js was asked for with Accept-Encoding %q, want the browser's", encodings["/app.js"])
	}
	if code, body = get(site.URL + HookPath); code != 200 || body != ErrorHookJS {
		t.Errorf("the hook: %d %q", code, body)
	}
	if code, _ = get("http://elsewhere.example/x.js"); code != http.StatusBadGateway {
		t.Errorf("another host: status %d, want 502", code)
	}
	if code, _ = get("https://secure.example/"); code == 200 {
		t.Errorf("HTTPS to another host went through")
	}
	want := []string{site.URL + "/", site.URL + "/app.js", site.URL + HookPath, "http://elsewhere.example/x.js", "https://secure.example:443/"}
	if got := rec.URLs(); !slices.Equal(got, want) {
		t.Errorf("recorded %q, want %q", got, want)
	}
	if _, ok := encodings["/x.js"]; ok {
		t.Error("a request for another host reached the site")
	}
}

// InlineHook puts the hook in as the first script after the policy, and the policy's
// script-src allows exactly that script's text by its hash.
func TestInlineHook(t *testing.T) {
	out, err := InlineHook(page)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)<script data-hook-hash="(sha256-[^"]+)">(.*?)</script>`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no inline hook in %q", out)
	}
	sum := sha256.Sum256([]byte(m[2]))
	hash := "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
	if m[1] != hash {
		t.Errorf("the script says its hash is %s, its text has %s", m[1], hash)
	}
	if !strings.Contains(out, `script-src '`+hash+`' 'self' 'sha256-abc='`) {
		t.Errorf("the policy does not allow the hook: %q", out)
	}
	if strings.Index(out, "data-hook-hash") > strings.Index(out, `src="app.js"`) {
		t.Error("the hook comes after the page's own script")
	}
	if strings.Contains(m[2], "</script") {
		t.Error("the hook's text ends its own script element")
	}
	if _, err := InlineHook(`<html><head><script>1</script></head></html>`); err == nil {
		t.Error("a page without a policy got the hook, with nowhere to put its hash")
	}
}

func TestInjectHookWithoutPolicy(t *testing.T) {
	got := string(InjectHook([]byte(`<html><HEAD><title>x</title></head></html>`)))
	if want := `<html><HEAD><script src="` + HookPath + `"></script><title>x</title></head></html>`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPointerActions(t *testing.T) {
	b, _ := json.Marshal(pointerActions(12, 34, true))
	want := `[{"actions":[{"duration":0,"origin":"viewport","type":"pointerMove","x":12,"y":34},{"button":0,"type":"pointerDown"},{"button":0,"type":"pointerUp"}],"id":"mouse","parameters":{"pointerType":"mouse"},"type":"pointer"}]`
	if string(b) != want {
		t.Errorf("got %s\nwant %s", b, want)
	}
}

// fakeBiDi is a remote end that answers the commands the tab sends, sending an event of
// each kind before its answer to getTree, as a browser would while a page loads.
func fakeBiDi(t *testing.T, evaluate func(expr string) map[string]any) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws, err := websocket.Accept(w, r, nil)
		if err != nil {
			t.Error(err)
			return
		}
		defer ws.CloseNow()
		ctx := context.Background()
		send := func(v any) {
			b, _ := json.Marshal(v)
			ws.Write(ctx, websocket.MessageText, b)
		}
		for {
			_, data, err := ws.Read(ctx)
			if err != nil {
				return
			}
			var cmd struct {
				ID     int                        `json:"id"`
				Method string                     `json:"method"`
				Params map[string]json.RawMessage `json:"params"`
			}
			json.Unmarshal(data, &cmd)
			ok := func(result any) { send(map[string]any{"type": "success", "id": cmd.ID, "result": result}) }
			switch cmd.Method {
			case "session.new":
				ok(map[string]any{"sessionId": "s", "capabilities": map[string]any{"browserName": "firefox", "browserVersion": "153.8.0"}})
			case "session.subscribe":
				ok(map[string]any{})
			case "browsingContext.getTree":
				send(map[string]any{"type": "event", "method": "network.beforeRequestSent", "params": map[string]any{"request": map[string]any{"url": "http://127.0.0.1/app.js"}}})
				send(map[string]any{"type": "event", "method": "log.entryAdded", "params": map[string]any{"level": "error", "type": "javascript", "text": "TypeError: x is null",
					"stackTrace": map[string]any{"callFrames": []any{map[string]any{"url": "http://127.0.0.1/app.js", "lineNumber": 9}}}}})
				send(map[string]any{"type": "event", "method": "log.entryAdded", "params": map[string]any{"level": "warn", "type": "console", "text": "only a warning"}})
				ok(map[string]any{"contexts": []any{map[string]any{"context": "tab-1"}}})
			case "script.evaluate":
				var expr string
				json.Unmarshal(cmd.Params["expression"], &expr)
				ok(evaluate(expr))
			default:
				send(map[string]any{"type": "error", "id": cmd.ID, "error": "unknown command", "message": cmd.Method})
			}
		}
	}))
}

func TestBiDiTab(t *testing.T) {
	srv := fakeBiDi(t, func(expr string) map[string]any {
		if strings.Contains(expr, "throw") {
			return map[string]any{"type": "exception", "exceptionDetails": map[string]any{"text": "Error: boom"}}
		}
		if !strings.HasPrefix(expr, "Promise.resolve((") {
			return map[string]any{"type": "success", "result": map[string]any{"type": "number", "value": 1}}
		}
		return map[string]any{"type": "success", "result": map[string]any{"type": "string", "value": `{"mode":"live","n":[1,2]}`}}
	})
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tab := &bidiTab{engine: "(headless)"}
	conn, err := dialBiDi(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")+"/session", tab.event)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.close()
	if err := newBiDiTab(ctx, conn, tab); err != nil {
		t.Fatal(err)
	}
	if tab.context != "tab-1" || tab.Engine() != "firefox 153.8.0 (headless)" {
		t.Errorf("context %q, engine %q", tab.context, tab.Engine())
	}
	var v struct {
		Mode string
		N    []int
	}
	if err := tab.Eval(ctx, `window.azflowsPage`, &v); err != nil || v.Mode != "live" || len(v.N) != 2 {
		t.Errorf("Eval: %+v, %v", v, err)
	}
	if err := tab.Eval(ctx, `(() => { throw new Error('boom') })()`, nil); err == nil || !strings.Contains(err.Error(), "Error: boom") {
		t.Errorf("Eval of a throw: %v, want the exception", err)
	}
	var be *BiDiError
	if err := tab.Click(ctx, 1, 2); !errors.As(err, &be) || be.Code != "unknown command" {
		t.Errorf("a command the remote end refuses: %v", err)
	}
	errs, err := tab.Errors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// One getTree at the start, one in Errors: each brought one error (the warning is none).
	want := []string{"javascript: TypeError: x is null (http://127.0.0.1/app.js:10)", "javascript: TypeError: x is null (http://127.0.0.1/app.js:10)"}
	if !slices.Equal(errs, want) {
		t.Errorf("Errors %q, want %q", errs, want)
	}
	if errs, _ := tab.Errors(ctx); len(errs) != 1 {
		t.Errorf("Errors did not forget what it returned: %q", errs)
	}
	if got := tab.Requests(); len(got) != 3 || got[0] != "http://127.0.0.1/app.js" {
		t.Errorf("Requests %q", got)
	}
}

// The classic client sends each command to the session, decodes values and errors.
func TestClassicTab(t *testing.T) {
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.Method+" "+r.URL.Path)
		var body map[string]any
		json.NewDecoder(r.Body).Decode(&body)
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/session/s1/execute/sync":
			script, _ := body["script"].(string)
			if strings.Contains(script, "missing") {
				w.WriteHeader(http.StatusNotFound)
				io.WriteString(w, `{"value":{"error":"no such window","message":"the window is gone","stacktrace":""}}`)
				return
			}
			if strings.Contains(script, "__azflowsEngineErrors") {
				io.WriteString(w, `{"value":"[\"uncaught: boom [in /]\"]"}`)
				return
			}
			io.WriteString(w, `{"value":"[3,4]"}`)
		default:
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"value":{"error":"unknown command","message":"`+r.URL.Path+`"}}`)
		}
	}))
	defer srv.Close()
	rec, err := NewRecorder("http://127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close()
	tab := &classicTab{c: &classicClient{base: srv.URL, session: "s1", http: srv.Client()}, rec: rec}
	ctx := context.Background()
	var xy []int
	if err := tab.Eval(ctx, `[3, 4]`, &xy); err != nil || !slices.Equal(xy, []int{3, 4}) {
		t.Errorf("Eval: %v, %v", xy, err)
	}
	var we *WebDriverError
	if err := tab.Eval(ctx, `missing`, nil); !errors.As(err, &we) || we.Code != "no such window" || !strings.Contains(err.Error(), "the window is gone") {
		t.Errorf("an error answer: %v", err)
	}
	if errs, err := tab.Errors(ctx); err != nil || !slices.Equal(errs, []string{"uncaught: boom [in /]"}) {
		t.Errorf("Errors: %q, %v", errs, err)
	}
	if !slices.Contains(paths, "POST /session/s1/execute/sync") {
		t.Errorf("commands went to %q", paths)
	}
}
