//go:build !(js && wasm)

// Package browser holds how the browser tests and the benchmark start Debian's headless
// Chromium, so that both measure the same browser the same way.
package browser

import (
	"os"
	"slices"

	"github.com/chromedp/chromedp"
)

// Path is the Chromium to run: $CHROMIUM, else Debian's.
func Path() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// Options are chromedp's defaults plus headless Chromium at exe with a fresh profile dir and
// no background networking (this machine's network is closed). The GPU is left on, so WebGL
// runs through SwiftShader as ebiten needs; callers add chromedp.Flag("use-gl", "disabled")
// to take it away.
func Options(exe, profile string) []chromedp.ExecAllocatorOption {
	return append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
		// A false flag is left off the command line: keep the GPU process.
		chromedp.Flag("disable-gpu", false),
	)
}
