//go:build !(js && wasm)

package webdriver

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// classicClient speaks classic WebDriver (JSON over HTTP) to one session of a driver.
type classicClient struct {
	base    string // http://127.0.0.1:PORT
	session string
	http    *http.Client
}

// WebDriverError is an error a classic WebDriver remote end answered a command with.
type WebDriverError struct {
	Command, Code, Message string
}

func (e *WebDriverError) Error() string {
	return fmt.Sprintf("%s: %s: %s", e.Command, e.Code, e.Message)
}

// do sends one command (method, path under the session, or the root when the session is not
// yet made) and decodes the "value" of its answer into out (out may be nil).
func (c *classicClient) do(ctx context.Context, method, path string, body any, out any) error {
	u := c.base
	if c.session != "" {
		u += "/session/" + c.session
	}
	u += path
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("%s %s: reading the answer: %w", method, path, err)
	}
	var env struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(raw, &env); err != nil {
		return fmt.Errorf("%s %s: status %d, not JSON: %s", method, path, resp.StatusCode, truncate(string(raw), 200))
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error   string `json:"error"`
			Message string `json:"message"`
		}
		json.Unmarshal(env.Value, &e)
		if e.Error == "" {
			e.Error = "status " + strconv.Itoa(resp.StatusCode)
		}
		return &WebDriverError{Command: method + " " + path, Code: e.Error, Message: e.Message}
	}
	if out != nil {
		if err := json.Unmarshal(env.Value, out); err != nil {
			return fmt.Errorf("%s %s: decoding %s: %w", method, path, truncate(string(env.Value), 200), err)
		}
	}
	return nil
}

// classicTab is a Browser driven over classic WebDriver. Classic WebDriver reports neither
// requests nor console messages: the requests come from the Recorder the browser sends them
// through, and the errors from the hook the Recorder puts into every page (ErrorHookJS).
type classicTab struct {
	c      *classicClient
	engine string
	rec    *Recorder
	stopOnce

	mu   sync.Mutex
	errs []string // drained from pages before they were left
}

func (t *classicTab) Engine() string { return t.engine }

func (t *classicTab) Navigate(ctx context.Context, url string) error {
	// The page's hook holds its errors: collect them before leaving it.
	if errs, err := t.pageErrors(ctx); err == nil {
		t.mu.Lock()
		t.errs = append(t.errs, errs...)
		t.mu.Unlock()
	}
	// Pages load with the strategy "none" (WebKitWebDriver makes every later command wait for
	// the frames and images of an "eager" load too): the document left behind carries a mark,
	// and the new one is there once the mark is gone and it has been parsed.
	mark := strconv.Quote(navMark)
	if err := t.Eval(ctx, `window[`+mark+`] = true`, nil); err != nil {
		return fmt.Errorf("navigate: marking the page: %w", err)
	}
	if err := t.c.do(ctx, http.MethodPost, "/url", map[string]any{"url": url}, nil); err != nil {
		return err
	}
	deadline := time.Now().Add(navigateTimeout)
	for {
		var ok bool
		err := t.Eval(ctx, `!window[`+mark+`] && document.readyState !== 'loading'`, &ok)
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("navigate to %s: not parsed within %v (last error %v)", url, navigateTimeout, err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("navigate to %s: %w", url, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// navMark marks the document a Navigate leaves.
const navMark = "__azflowsLeaving"

// navigateTimeout bounds a Navigate until the new document is parsed.
const navigateTimeout = 30 * time.Second

func (t *classicTab) Eval(ctx context.Context, js string, out any) error {
	var s string
	if err := t.c.do(ctx, http.MethodPost, "/execute/sync", map[string]any{"script": "return " + stringified(js) + ";", "args": []any{}}, &s); err != nil {
		return fmt.Errorf("evaluating %s: %w", truncate(js, 120), err)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal([]byte(s), out); err != nil {
		return fmt.Errorf("evaluating %s: decoding %s: %w", truncate(js, 120), truncate(s, 200), err)
	}
	return nil
}

// SetViewport sizes the window so that its viewport is w×h: the window's frame and toolbar
// take what the window has beyond its viewport, measured.
func (t *classicTab) SetViewport(ctx context.Context, w, h int) error {
	for range 3 {
		var got [2]int
		if err := t.Eval(ctx, `[innerWidth, innerHeight]`, &got); err != nil {
			return err
		}
		if got == [2]int{w, h} {
			return nil
		}
		var rect struct{ Width, Height int }
		if err := t.c.do(ctx, http.MethodGet, "/window/rect", nil, &rect); err != nil {
			return err
		}
		want := map[string]any{"width": rect.Width + w - got[0], "height": rect.Height + h - got[1]}
		if err := t.c.do(ctx, http.MethodPost, "/window/rect", want, nil); err != nil {
			return err
		}
	}
	var got [2]int
	if err := t.Eval(ctx, `[innerWidth, innerHeight]`, &got); err != nil {
		return err
	}
	if got != [2]int{w, h} {
		return fmt.Errorf("set viewport: asked for %d×%d, the window gives %d×%d", w, h, got[0], got[1])
	}
	return nil
}

func (t *classicTab) Screenshot(ctx context.Context) (image.Image, error) {
	var b64 string
	if err := t.c.do(ctx, http.MethodGet, "/screenshot", nil, &b64); err != nil {
		return nil, err
	}
	return decodePNG(b64)
}

func (t *classicTab) actions(ctx context.Context, x, y int, click bool) error {
	if err := t.c.do(ctx, http.MethodPost, "/actions", map[string]any{"actions": pointerActions(x, y, click)}, nil); err != nil {
		return err
	}
	return nil
}

func (t *classicTab) MouseMove(ctx context.Context, x, y int) error {
	return t.actions(ctx, x, y, false)
}
func (t *classicTab) Click(ctx context.Context, x, y int) error { return t.actions(ctx, x, y, true) }

func (t *classicTab) Requests() []string { return t.rec.URLs() }

// pageErrors takes the errors the hook recorded in the page and its frames (which send
// theirs to the top page) and clears them there.
func (t *classicTab) pageErrors(ctx context.Context) ([]string, error) {
	var errs []string
	err := t.Eval(ctx, `(() => { const e = window[`+strconv.Quote(errorsGlobal)+`]; if (!Array.isArray(e)) return []; return e.splice(0); })()`, &errs)
	return errs, err
}

func (t *classicTab) Errors(ctx context.Context) ([]string, error) {
	errs, err := t.pageErrors(ctx)
	if err != nil {
		return nil, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	all := append(t.errs, errs...)
	t.errs = nil
	return all, nil
}

// WebKitOptions say how to start WebKitGTK.
type WebKitOptions struct {
	// Driver is WebKitWebDriver (WebKitDriverPath when empty); Browser the MiniBrowser it
	// starts (MiniBrowserPath when empty).
	Driver, Browser string
	// Env is added to the environment of the driver and so of the browser; it must name a
	// display (DISPLAY=:N, see Xvfb): WebKitGTK has no headless mode.
	Env []string
	// Recorder is the proxy every request of the browser goes through (required).
	Recorder *Recorder
	// Output, when set, gets what the driver and the browser print.
	Output io.Writer
}

// StartWebKit starts WebKitWebDriver on a free loopback port and opens a session in a new
// MiniBrowser whose every request goes through opt.Recorder. The context bounds the start only.
func StartWebKit(ctx context.Context, opt WebKitOptions) (Browser, error) {
	if opt.Recorder == nil {
		return nil, fmt.Errorf("StartWebKit: no Recorder: classic WebDriver cannot see requests otherwise")
	}
	driver, browser := opt.Driver, opt.Browser
	if driver == "" {
		driver = WebKitDriverPath()
	}
	if browser == "" {
		browser = MiniBrowserPath()
	}
	if browser == "" {
		return nil, fmt.Errorf("no MiniBrowser under /usr/lib/*/webkit2gtk-*/ (Debian package libwebkit2gtk-4.1-0); set MINIBROWSER")
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(driver, "--port="+strconv.Itoa(port))
	cmd.Env = append(os.Environ(), opt.Env...)
	cmd.Stdout, cmd.Stderr = opt.Output, opt.Output
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", driver, err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	stopProcess := func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-exited
		}
	}
	c := &classicClient{base: "http://127.0.0.1:" + strconv.Itoa(port), http: &http.Client{}}
	// Wait until the driver answers.
	for {
		var status struct {
			Ready bool `json:"ready"`
		}
		if err := c.do(ctx, http.MethodGet, "/status", nil, &status); err == nil && status.Ready {
			break
		}
		select {
		case <-exited:
			return nil, fmt.Errorf("%s exited before it answered", driver)
		case <-ctx.Done():
			stopProcess()
			return nil, fmt.Errorf("%s did not answer: %w", driver, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
	proxy := opt.Recorder.Addr()
	var session struct {
		SessionID    string `json:"sessionId"`
		Capabilities struct {
			BrowserName    string `json:"browserName"`
			BrowserVersion string `json:"browserVersion"`
		} `json:"capabilities"`
	}
	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"pageLoadStrategy": "none",
		"proxy":            map[string]any{"proxyType": "manual", "httpProxy": proxy, "sslProxy": proxy},
		"webkitgtk:browserOptions": map[string]any{
			"binary": browser,
			"args":   []string{"--automation"},
		},
	}}}
	if err := c.do(ctx, http.MethodPost, "/session", caps, &session); err != nil {
		stopProcess()
		return nil, fmt.Errorf("opening a session of %s with %s: %w", driver, browser, err)
	}
	c.session = session.SessionID
	t := &classicTab{c: c, rec: opt.Recorder,
		engine: "WebKitGTK " + session.Capabilities.BrowserVersion + " (" + session.Capabilities.BrowserName + ", under a display)"}
	t.stop = func() error {
		end, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		c.do(end, http.MethodDelete, "", nil, nil) // ends the session and the browser
		stopProcess()
		return nil
	}
	return t, nil
}

// freePort is a loopback TCP port that was free a moment ago (WebKitWebDriver takes no 0).
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
