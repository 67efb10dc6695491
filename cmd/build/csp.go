package main

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Every page gets a strict Content Security Policy as a <meta> element: nothing from other
// hosts, no inline script or style except the exact blocks the build wrote (by hash), and
// WebAssembly only where the interactive view runs. frame-ancestors cannot be set from a meta
// element, which leaves embedding open, as teachers need.
var (
	inlineScript = regexp.MustCompile(`(?s)<script((?:\s+type="[^"]*")?)>(.*?)</script>`)
	inlineStyle  = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
)

// cspFor is the policy of one page, given its HTML.
func cspFor(html string, wasm bool) string {
	var scripts, styles []string
	for _, m := range inlineScript.FindAllStringSubmatch(html, -1) {
		if t := m[1]; strings.Contains(t, "application/json") || strings.Contains(t, "application/octet-stream") || strings.Contains(t, "text/plain") {
			continue // data, never run
		}
		scripts = append(scripts, hashSource(m[2]))
	}
	for _, m := range inlineStyle.FindAllStringSubmatch(html, -1) {
		styles = append(styles, hashSource(m[1]))
	}
	script := "'self'"
	if len(scripts) > 0 {
		script += " " + strings.Join(scripts, " ")
	}
	if wasm {
		script += " 'wasm-unsafe-eval'"
	}
	style := "'self'"
	if len(styles) > 0 {
		style += " " + strings.Join(styles, " ")
	}
	return fmt.Sprintf("default-src 'none'; script-src %s; style-src %s; img-src 'self' data: blob:; font-src 'self' data:; "+
		"connect-src 'self' data:; frame-src 'self' blob:; child-src 'self' blob:; worker-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'",
		script, style)
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

// addCSP writes the policy into every HTML page of the site; only view.html (the ebiten view)
// may compile WebAssembly.
func addCSP(out string) error {
	pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
	more, _ := filepath.Glob(filepath.Join(out, "fallback", "*.html"))
	for _, p := range append(pages, more...) {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		html := string(b)
		if strings.Contains(html, `http-equiv="Content-Security-Policy"`) {
			continue
		}
		if err := os.WriteFile(p, []byte(withCSP(html, filepath.Base(p) == "view.html")), 0o644); err != nil {
			return err
		}
	}
	return nil
}
