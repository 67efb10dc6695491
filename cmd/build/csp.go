package main

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// Every page gets a strict Content Security Policy as a <meta> element: nothing from other
// hosts, no inline script or style except the exact blocks the build wrote (by hash), and
// WebAssembly only where the interactive view runs, frames only of the site's own pages (no
// blob: frames: a page that embeds this one once navigated the chart's frame to a blob: page
// of its own). frame-ancestors cannot be set from a meta element, which leaves embedding
// open, as teachers need.
var (
	inlineScript = regexp.MustCompile(`(?s)<script((?:\s+type="[^"]*")?)>(.*?)</script>`)
	inlineStyle  = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
)

// cspFor is the policy of one page, given its HTML. The page that runs the wasm (view.html)
// may also start its worker, from the site itself (web/view/viewhost.js, which runs the view).
func cspFor(html string, wasm bool) string { return cspWith(html, wasm, wasm, nil, nil) }

// cspWith is cspFor that also allows the inline scripts and styles with the texts in
// moreScripts and moreStyles: those that azflows.html puts into its srcdoc frames at run time
// (which inherit its policy). workers allows a dedicated worker from the site ('self'); without
// it, worker-src is 'none'.
func cspWith(html string, wasm, workers bool, moreScripts, moreStyles []string) string {
	var scripts, styles []string
	seen := map[string]bool{}
	addScript := func(src string) {
		if h := hashSource(src); !seen[h] {
			seen[h] = true
			scripts = append(scripts, h)
		}
	}
	addStyle := func(src string) {
		if h := hashSource(src); !seen[h] {
			seen[h] = true
			styles = append(styles, h)
		}
	}
	for _, m := range inlineScript.FindAllStringSubmatch(html, -1) {
		if t := m[1]; strings.Contains(t, "application/json") || strings.Contains(t, "application/octet-stream") || strings.Contains(t, "text/plain") {
			continue // data, never run
		}
		addScript(m[2])
	}
	for _, m := range inlineStyle.FindAllStringSubmatch(html, -1) {
		addStyle(m[1])
	}
	for _, s := range moreScripts {
		addScript(s)
	}
	for _, s := range moreStyles {
		addStyle(s)
	}
	script := "'self'"
	if len(scripts) > 0 {
		script += " " + strings.Join(scripts, " ")
	}
	if wasm {
		script += " 'wasm-unsafe-eval'"
	}
	worker := "'none'"
	if workers {
		worker = "'self'"
	}
	style := "'self'"
	if len(styles) > 0 {
		style += " " + strings.Join(styles, " ")
	}
	return fmt.Sprintf("default-src 'none'; script-src %s; style-src %s; img-src 'self' data: blob:; font-src 'self' data:; "+
		"connect-src 'self' data:; frame-src 'self'; child-src 'self'; worker-src %s; object-src 'none'; base-uri 'none'; form-action 'none'",
		script, style, worker)
}

func hashSource(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// withCSP puts the page's policy right after its charset, before any script or style.
func withCSP(html string, wasm bool) string {
	meta := `<meta http-equiv="Content-Security-Policy" content="` + cspFor(html, wasm) + `">`
	return strings.Replace(html, `<meta charset="utf-8">`, `<meta charset="utf-8">`+"\n"+meta, 1)
}

// writePage writes an HTML page the build made with its policy, computed from the inline
// scripts and styles of this very text (never from what is on disk); wasm allows WebAssembly
// (only view.html, and azflows.html, which offline.go writes with its own policy).
func writePage(path, html string, wasm bool) error {
	if strings.Contains(html, `http-equiv="Content-Security-Policy"`) {
		return fmt.Errorf("%s: the page already has a policy", path)
	}
	return os.WriteFile(path, []byte(withCSP(html, wasm)), 0o644)
}
