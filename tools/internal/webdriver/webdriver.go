//go:build !(js && wasm)

// Package webdriver drives the browser engines other than Chromium for the browser tests:
// Firefox over WebDriver BiDi (the remote agent built into Firefox, so no geckodriver) and
// WebKitGTK over classic WebDriver (Debian's WebKitWebDriver with its MiniBrowser), behind one
// small interface, Browser. Xvfb gives either a display; Recorder is the HTTP proxy that
// records every request of an engine whose protocol cannot report them (classic WebDriver).
package webdriver

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"sort"
)

// Browser is one browser window with one tab, driven by the tests.
type Browser interface {
	// Engine names the engine and how it runs, such as "firefox 153.8.0esr (headless)".
	Engine() string
	// Navigate loads url in the tab and returns once its document is parsed
	// (DOMContentLoaded), not waiting for its frames and images.
	Navigate(ctx context.Context, url string) error
	// Eval evaluates the JavaScript expression js in the tab's top document, waits for it
	// when it is a promise, and decodes its value, passed through JSON.stringify, into out
	// (out may be nil). An exception thrown by js is an error.
	Eval(ctx context.Context, js string, out any) error
	// SetViewport makes the tab's viewport w×h CSS pixels (at one device pixel each).
	SetViewport(ctx context.Context, w, h int) error
	// Screenshot is the tab's viewport as the engine painted it.
	Screenshot(ctx context.Context) (image.Image, error)
	// MouseMove moves the mouse to (x, y), in CSS pixels of the viewport.
	MouseMove(ctx context.Context, x, y int) error
	// Click moves the mouse to (x, y) and clicks the left button there.
	Click(ctx context.Context, x, y int) error
	// Requests are the URLs of every request the tab and its frames sent since the browser
	// started, in order.
	Requests() []string
	// Errors returns the console errors, uncaught exceptions and unhandled rejections of the
	// tab and its frames since the last call, and forgets them.
	Errors(ctx context.Context) ([]string, error)
	// Close ends the browser and every process it started. It is safe to call twice.
	Close() error
}

// pointerActions is the W3C action sequence (the same in classic WebDriver and in BiDi) of a
// mouse moving to (x, y), and pressing and releasing its left button there when click.
func pointerActions(x, y int, click bool) []any {
	steps := []any{map[string]any{"type": "pointerMove", "x": x, "y": y, "duration": 0, "origin": "viewport"}}
	if click {
		steps = append(steps,
			map[string]any{"type": "pointerDown", "button": 0},
			map[string]any{"type": "pointerUp", "button": 0})
	}
	return []any{map[string]any{
		"type":       "pointer",
		"id":         "mouse",
		"parameters": map[string]any{"pointerType": "mouse"},
		"actions":    steps,
	}}
}

// decodePNG decodes a base64 PNG as both protocols send screenshots.
func decodePNG(b64 string) (image.Image, error) {
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return nil, fmt.Errorf("screenshot: not base64: %w", err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("screenshot: not a PNG: %w", err)
	}
	return img, nil
}

// stringified wraps a JavaScript expression so that its value (awaited when it is a
// promise) arrives as the JSON text of it, which both protocols send as a plain string.
func stringified(js string) string {
	return "Promise.resolve((" + js + "\n)).then(v => v === undefined ? 'null' : JSON.stringify(v))"
}

// FirefoxPath is the Firefox to run: $FIREFOX, else Debian's firefox-esr.
func FirefoxPath() string {
	if p := os.Getenv("FIREFOX"); p != "" {
		return p
	}
	return "/usr/bin/firefox-esr"
}

// WebKitDriverPath is the WebKitWebDriver to run: $WEBKIT_WEBDRIVER, else Debian's (package
// webkit2gtk-driver).
func WebKitDriverPath() string {
	if p := os.Getenv("WEBKIT_WEBDRIVER"); p != "" {
		return p
	}
	return "/usr/bin/WebKitWebDriver"
}

// MiniBrowserPath is the WebKitGTK browser that WebKitWebDriver starts: $MINIBROWSER, else
// the newest of Debian's (package libwebkit2gtk-4.1-0, under /usr/lib/<triplet>/), or "" when
// there is none.
func MiniBrowserPath() string {
	if p := os.Getenv("MINIBROWSER"); p != "" {
		return p
	}
	found, _ := filepath.Glob("/usr/lib/*/webkit2gtk-*/MiniBrowser")
	if len(found) == 0 {
		return ""
	}
	sort.Strings(found)
	return found[len(found)-1]
}

// XvfbPath is the X server for engines that need a display: $XVFB, else Debian's (package
// xvfb).
func XvfbPath() string {
	if p := os.Getenv("XVFB"); p != "" {
		return p
	}
	return "/usr/bin/Xvfb"
}

// stopOnce is a tab's Close: it runs stop, which ends what the tab started, the first time
// only.
type stopOnce struct {
	stop func() error
}

func (s *stopOnce) Close() error {
	if s.stop == nil {
		return nil
	}
	stop := s.stop
	s.stop = nil
	return stop()
}
