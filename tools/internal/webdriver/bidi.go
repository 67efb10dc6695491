//go:build !(js && wasm)

package webdriver

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/coder/websocket"
)

// bidiConn is a WebDriver BiDi connection: commands with ids, their results, and events.
type bidiConn struct {
	ws *websocket.Conn

	mu      sync.Mutex
	nextID  int
	waiting map[int]chan bidiMessage
	onEvent func(method string, params json.RawMessage)
	readErr error
	done    chan struct{}
}

// bidiMessage is any message from the remote end: a command's success or error, or an event.
type bidiMessage struct {
	Type    string          `json:"type"`
	ID      *int            `json:"id"`
	Result  json.RawMessage `json:"result"`
	Error   string          `json:"error"`
	Message string          `json:"message"`
	Method  string          `json:"method"`
	Params  json.RawMessage `json:"params"`
}

// BiDiError is an error the remote end answered a command with.
type BiDiError struct {
	Method, Code, Message string
}

func (e *BiDiError) Error() string { return fmt.Sprintf("%s: %s: %s", e.Method, e.Code, e.Message) }

// dialBiDi connects to a BiDi endpoint (ws://host:port/session) and reads its messages until
// the connection closes; onEvent gets every event, on the reading goroutine.
func dialBiDi(ctx context.Context, url string, onEvent func(string, json.RawMessage)) (*bidiConn, error) {
	ws, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		return nil, fmt.Errorf("connecting to %s: %w", url, err)
	}
	ws.SetReadLimit(256 << 20) // screenshots are large
	c := &bidiConn{ws: ws, waiting: map[int]chan bidiMessage{}, onEvent: onEvent, done: make(chan struct{})}
	go c.read()
	return c, nil
}

func (c *bidiConn) read() {
	defer close(c.done)
	for {
		_, data, err := c.ws.Read(context.Background())
		if err != nil {
			c.mu.Lock()
			c.readErr = err
			for id, ch := range c.waiting {
				close(ch)
				delete(c.waiting, id)
			}
			c.mu.Unlock()
			return
		}
		var m bidiMessage
		if err := json.Unmarshal(data, &m); err != nil {
			continue // not ours to understand; the command it answers times out
		}
		if m.Type == "event" {
			if c.onEvent != nil {
				c.onEvent(m.Method, m.Params)
			}
			continue
		}
		if m.ID == nil {
			continue
		}
		c.mu.Lock()
		ch := c.waiting[*m.ID]
		delete(c.waiting, *m.ID)
		c.mu.Unlock()
		if ch != nil {
			ch <- m
		}
	}
}

// call sends a command and decodes its result into out (out may be nil).
func (c *bidiConn) call(ctx context.Context, method string, params any, out any) error {
	if params == nil {
		params = map[string]any{}
	}
	c.mu.Lock()
	if c.readErr != nil {
		err := c.readErr
		c.mu.Unlock()
		return fmt.Errorf("%s: the connection is closed: %w", method, err)
	}
	c.nextID++
	id := c.nextID
	ch := make(chan bidiMessage, 1)
	c.waiting[id] = ch
	c.mu.Unlock()
	msg, err := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	if err := c.ws.Write(ctx, websocket.MessageText, msg); err != nil {
		return fmt.Errorf("%s: sending: %w", method, err)
	}
	select {
	case m, ok := <-ch:
		if !ok {
			return fmt.Errorf("%s: the connection closed before the answer", method)
		}
		if m.Type == "error" {
			return &BiDiError{Method: method, Code: m.Error, Message: m.Message}
		}
		if out != nil {
			if err := json.Unmarshal(m.Result, out); err != nil {
				return fmt.Errorf("%s: decoding %s: %w", method, truncate(string(m.Result), 200), err)
			}
		}
		return nil
	case <-ctx.Done():
		c.mu.Lock()
		delete(c.waiting, id)
		c.mu.Unlock()
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

func (c *bidiConn) close() {
	c.ws.Close(websocket.StatusNormalClosure, "")
	<-c.done
}

// bidiTab is a Browser whose tab is a BiDi browsing context.
type bidiTab struct {
	conn    *bidiConn
	context string
	engine  string
	stopOnce

	mu       sync.Mutex
	requests []string
	errs     []string
}

// newBiDiTab starts a session on conn, takes its first top-level browsing context as the tab
// and listens for its requests and log entries.
func newBiDiTab(ctx context.Context, conn *bidiConn, t *bidiTab) error {
	t.conn = conn
	var session struct {
		Capabilities struct {
			BrowserName    string `json:"browserName"`
			BrowserVersion string `json:"browserVersion"`
		} `json:"capabilities"`
	}
	if err := conn.call(ctx, "session.new", map[string]any{"capabilities": map[string]any{}}, &session); err != nil {
		return err
	}
	if t.engine == "" {
		t.engine = session.Capabilities.BrowserName + " " + session.Capabilities.BrowserVersion
	} else {
		t.engine = session.Capabilities.BrowserName + " " + session.Capabilities.BrowserVersion + " " + t.engine
	}
	if err := conn.call(ctx, "session.subscribe", map[string]any{"events": []string{"network.beforeRequestSent", "log.entryAdded"}}, nil); err != nil {
		return err
	}
	var tree struct {
		Contexts []struct {
			Context string `json:"context"`
		} `json:"contexts"`
	}
	if err := conn.call(ctx, "browsingContext.getTree", map[string]any{"maxDepth": 0}, &tree); err != nil {
		return err
	}
	if len(tree.Contexts) == 0 {
		return errors.New("browsingContext.getTree: the browser has no tab")
	}
	t.context = tree.Contexts[0].Context
	return nil
}

// event records what the tab needs of an event: the URL of each request, and each log entry
// of level error (console.error, uncaught exceptions and unhandled rejections).
func (t *bidiTab) event(method string, params json.RawMessage) {
	switch method {
	case "network.beforeRequestSent":
		var p struct {
			Request struct {
				URL string `json:"url"`
			} `json:"request"`
			RedirectCount int `json:"redirectCount"`
		}
		if json.Unmarshal(params, &p) == nil {
			t.mu.Lock()
			t.requests = append(t.requests, p.Request.URL)
			t.mu.Unlock()
		}
	case "log.entryAdded":
		var p struct {
			Level  string `json:"level"`
			Type   string `json:"type"`
			Text   string `json:"text"`
			Source struct {
				Context string `json:"context"`
			} `json:"source"`
			StackTrace *struct {
				CallFrames []struct {
					URL        string `json:"url"`
					LineNumber int    `json:"lineNumber"`
				} `json:"callFrames"`
			} `json:"stackTrace"`
		}
		if json.Unmarshal(params, &p) == nil && p.Level == "error" {
			where := ""
			if p.StackTrace != nil && len(p.StackTrace.CallFrames) > 0 {
				f := p.StackTrace.CallFrames[0]
				where = fmt.Sprintf(" (%s:%d)", f.URL, f.LineNumber+1)
			}
			t.mu.Lock()
			t.errs = append(t.errs, p.Type+": "+p.Text+where)
			t.mu.Unlock()
		}
	}
}

func (t *bidiTab) Engine() string { return t.engine }

func (t *bidiTab) Navigate(ctx context.Context, url string) error {
	return t.conn.call(ctx, "browsingContext.navigate", map[string]any{"context": t.context, "url": url, "wait": "interactive"}, nil)
}

func (t *bidiTab) Eval(ctx context.Context, js string, out any) error {
	var r struct {
		Type   string `json:"type"`
		Result struct {
			Type  string `json:"type"`
			Value any    `json:"value"`
		} `json:"result"`
		ExceptionDetails struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	err := t.conn.call(ctx, "script.evaluate", map[string]any{
		"expression":      stringified(js),
		"target":          map[string]any{"context": t.context},
		"awaitPromise":    true,
		"resultOwnership": "none",
	}, &r)
	if err != nil {
		return err
	}
	if r.Type == "exception" {
		return fmt.Errorf("evaluating %s: %s", truncate(js, 120), r.ExceptionDetails.Text)
	}
	s, ok := r.Result.Value.(string)
	if r.Result.Type != "string" || !ok {
		return fmt.Errorf("evaluating %s: got a %s, not the JSON text", truncate(js, 120), r.Result.Type)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal([]byte(s), out); err != nil {
		return fmt.Errorf("evaluating %s: decoding %s: %w", truncate(js, 120), truncate(s, 200), err)
	}
	return nil
}

func (t *bidiTab) SetViewport(ctx context.Context, w, h int) error {
	return t.conn.call(ctx, "browsingContext.setViewport", map[string]any{
		"context":          t.context,
		"viewport":         map[string]any{"width": w, "height": h},
		"devicePixelRatio": 1,
	}, nil)
}

func (t *bidiTab) Screenshot(ctx context.Context) (image.Image, error) {
	var r struct {
		Data string `json:"data"`
	}
	if err := t.conn.call(ctx, "browsingContext.captureScreenshot", map[string]any{"context": t.context, "origin": "viewport"}, &r); err != nil {
		return nil, err
	}
	return decodePNG(r.Data)
}

func (t *bidiTab) MouseMove(ctx context.Context, x, y int) error {
	return t.conn.call(ctx, "input.performActions", map[string]any{"context": t.context, "actions": pointerActions(x, y, false)}, nil)
}

func (t *bidiTab) Click(ctx context.Context, x, y int) error {
	return t.conn.call(ctx, "input.performActions", map[string]any{"context": t.context, "actions": pointerActions(x, y, true)}, nil)
}

func (t *bidiTab) Requests() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]string(nil), t.requests...)
}

func (t *bidiTab) Errors(ctx context.Context) ([]string, error) {
	// Log entries are events: let those in flight arrive. A round trip to the browser puts
	// every event it sent before the answer in front of it.
	if err := t.conn.call(ctx, "browsingContext.getTree", map[string]any{"maxDepth": 0}, nil); err != nil {
		return nil, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	errs := t.errs
	t.errs = nil
	return errs, nil
}

// FirefoxOptions say how to start Firefox.
type FirefoxOptions struct {
	// Binary is the Firefox executable (FirefoxPath when empty).
	Binary string
	// Headless runs Firefox without a display (--headless); otherwise Env must name one
	// (DISPLAY=:N, see Xvfb).
	Headless bool
	// Env is added to the environment of Firefox.
	Env []string
	// Output, when set, gets what Firefox prints.
	Output io.Writer
}

// firefoxPrefs make a fresh profile quiet: no first-run pages, updates, telemetry or other
// background traffic. (The remote agent sets its own recommended preferences on top.)
var firefoxPrefs = map[string]any{
	"app.update.disabledForTesting":                               true,
	"browser.shell.checkDefaultBrowser":                           false,
	"browser.startup.homepage_override.mstone":                    "ignore",
	"browser.startup.page":                                        0,
	"browser.sessionstore.resume_from_crash":                      false,
	"browser.safebrowsing.malware.enabled":                        false,
	"browser.safebrowsing.phishing.enabled":                       false,
	"browser.safebrowsing.downloads.enabled":                      false,
	"browser.search.update":                                       false,
	"datareporting.policy.dataSubmissionEnabled":                  false,
	"datareporting.healthreport.uploadEnabled":                    false,
	"toolkit.telemetry.reportingpolicy.firstRun":                  false,
	"extensions.update.enabled":                                   false,
	"network.captive-portal-service.enabled":                      false,
	"network.connectivity-service.enabled":                        false,
	"services.settings.server":                                    "data:,",
	"toolkit.startup.max_resumed_crashes":                         -1,
	"browser.tabs.warnOnClose":                                    false,
	"browser.newtabpage.enabled":                                  false,
	"browser.aboutwelcome.enabled":                                false,
	"trailhead.firstrun.didSeeAboutWelcome":                       true,
	"browser.uitour.enabled":                                      false,
	"browser.translations.automaticallyPopup":                     false,
	"browser.region.network.url":                                  "",
	"geo.provider.network.url":                                    "",
	"browser.topsites.contile.enabled":                            false,
	"browser.newtabpage.activity-stream.feeds.topsites":           false,
	"browser.newtabpage.activity-stream.feeds.section.topstories": false,
}

// listening is how Firefox says where its remote agent listens.
var listening = regexp.MustCompile(`WebDriver BiDi listening on (ws://\S+)`)

// StartFirefox starts Firefox with a fresh profile and its WebDriver BiDi remote agent on a
// free loopback port, and returns its one tab. The context bounds the start only.
func StartFirefox(ctx context.Context, opt FirefoxOptions) (Browser, error) {
	bin := opt.Binary
	if bin == "" {
		bin = FirefoxPath()
	}
	profile, err := os.MkdirTemp("", "azflows-firefox-")
	if err != nil {
		return nil, err
	}
	var prefs strings.Builder
	for k, v := range firefoxPrefs {
		b, _ := json.Marshal(v)
		fmt.Fprintf(&prefs, "user_pref(%q, %s);\n", k, b)
	}
	if err := os.WriteFile(filepath.Join(profile, "user.js"), []byte(prefs.String()), 0o644); err != nil {
		os.RemoveAll(profile)
		return nil, err
	}
	args := []string{"--remote-debugging-port=0", "--profile", profile, "--no-remote", "--new-instance"}
	engine := "(under a display)"
	if opt.Headless {
		args = append(args, "--headless")
		engine = "(headless)"
	}
	args = append(args, "about:blank")
	cmd := exec.Command(bin, args...)
	cmd.Env = append(append(os.Environ(), "MOZ_CRASHREPORTER_DISABLE=1", "MOZ_CRASHREPORTER_SHUTDOWN=1"), opt.Env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // so that Close ends its children too
	stderr, err := cmd.StderrPipe()
	if err != nil {
		os.RemoveAll(profile)
		return nil, err
	}
	cmd.Stdout = opt.Output
	if err := cmd.Start(); err != nil {
		os.RemoveAll(profile)
		return nil, fmt.Errorf("starting %s: %w", bin, err)
	}
	exited := make(chan struct{})
	stopProcess := func() {
		if cmd.Process != nil {
			syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
			select {
			case <-exited:
			case <-time.After(5 * time.Second):
				syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
				<-exited
			}
		}
		os.RemoveAll(profile)
	}
	urls := make(chan string, 1)
	var tailMu sync.Mutex
	var tail strings.Builder
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		sent := false
		for sc.Scan() {
			line := sc.Text()
			if opt.Output != nil {
				fmt.Fprintln(opt.Output, line)
			}
			tailMu.Lock()
			if tail.Len() < 8<<10 {
				tail.WriteString(line + "\n")
			}
			tailMu.Unlock()
			if m := listening.FindStringSubmatch(line); m != nil && !sent {
				urls <- m[1]
				sent = true
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	go func() { cmd.Wait(); close(exited) }()
	var url string
	select {
	case url = <-urls:
	case <-exited:
		stopProcess()
		tailMu.Lock()
		defer tailMu.Unlock()
		return nil, fmt.Errorf("%s exited before its remote agent listened:\n%s", bin, tail.String())
	case <-ctx.Done():
		stopProcess()
		return nil, fmt.Errorf("%s: no remote agent: %w", bin, ctx.Err())
	}
	t := &bidiTab{engine: engine}
	conn, err := dialBiDi(ctx, url+"/session", t.event)
	if err != nil {
		stopProcess()
		return nil, err
	}
	if err := newBiDiTab(ctx, conn, t); err != nil {
		conn.close()
		stopProcess()
		return nil, err
	}
	t.stop = func() error {
		end, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		t.conn.call(end, "browser.close", nil, nil) // ends the session and Firefox
		conn.close()
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
		}
		stopProcess()
		return nil
	}
	return t, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
