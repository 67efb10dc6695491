//go:build !(js && wasm)

// Package e2e holds browser tests of the built site: they serve dist/ in
// process with azflows/internal/server and drive Debian's headless Chromium
// through chromedp.
//
// The tests need a built dist/ (`make build`) and /usr/bin/chromium (or the
// path in $CHROMIUM); `make test` provides both. Only one browser runs at a
// time, so no test calls t.Parallel.
package e2e
