//go:build !(js && wasm)

// Package e2e holds browser tests of the built site: they serve dist/ in
// process with azflows/internal/server and drive Debian's headless Chromium
// through chromedp, and (engines_test.go) Firefox ESR, headless and under Xvfb,
// and WebKitGTK under Xvfb through azflows/tools/internal/webdriver.
//
// The tests need a built dist/ (`make build`) and /usr/bin/chromium (or the
// path in $CHROMIUM); the engine tests firefox-esr, webkit2gtk-driver and xvfb
// (they skip without them, and fail under CI=true); `make test` provides all.
// Only one browser runs at a time, so no test calls t.Parallel.
package e2e
