//go:build !(js && wasm)

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"azflows/charts"
)

// recordCSP makes every frame report Content Security Policy violations to window.top.__csp.
func recordCSP(t *testing.T, ctx context.Context) {
	t.Helper()
	const js = `document.addEventListener('securitypolicyviolation', e => {
		try { (window.top.__csp = window.top.__csp || []).push(location.pathname + ': ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')); }
		catch (err) { console.error('CSP violation: ' + e.violatedDirective); } });`
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: js})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}

// Every built page carries a strict policy: no inline script or style but by hash, nothing from
// other hosts, WebAssembly only in the view.
func TestPagesCarryStrictCSP(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join(distDir, "*.html"))
	more, _ := filepath.Glob(filepath.Join(distDir, "fallback", "*.html"))
	re := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	for _, p := range append(pages, more...) {
		b, _ := os.ReadFile(p)
		m := re.FindSubmatch(b)
		if m == nil {
			t.Errorf("%s has no Content-Security-Policy", p)
			continue
		}
		csp := string(m[1])
		for _, bad := range []string{"unsafe-inline", "'unsafe-eval'", "http:", "https:", "*"} {
			if strings.Contains(csp, bad) {
				t.Errorf("%s: policy allows %q: %s", p, bad, csp)
			}
		}
		wasm := strings.Contains(csp, "wasm-unsafe-eval")
		if wasm != (filepath.Base(p) == "view.html" || sibling.MatchString(filepath.Base(p))) {
			t.Errorf("%s: wasm-unsafe-eval %v", p, wasm)
		}
		// Only the view starts a worker (its host, web/view/viewhost.js), and only from the site.
		wantWorker := "worker-src 'none'"
		if filepath.Base(p) == "view.html" {
			wantWorker = "worker-src 'self'"
		}
		if !strings.Contains(csp, wantWorker+";") {
			t.Errorf("%s: policy lacks %q: %s", p, wantWorker, csp)
		}
	}
}

func visitAllViews(t *testing.T, ctx context.Context, mode string) {
	t.Helper()
	waitFor(t, ctx, mode+" mode", `window.azflowsPage.mode === '`+mode+`'`, 60*time.Second)
	for _, v := range charts.Views() {
		for _, y := range charts.Years {
			h := charts.State{View: v, Year: y}.Hash()
			if err := runJS(ctx, `location.hash = '`+h+`'`); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, h, `window.azflowsPage.hashOf(window.azflowsPage.state) === '`+h+`'`, 5*time.Second)
			time.Sleep(300 * time.Millisecond) // let the frame draw or load
		}
	}
}

func TestNoPolicyViolationOnAnyView(t *testing.T) {
	for _, mode := range []string{"live", "fallback"} {
		t.Run(mode, func(t *testing.T) {
			var flags []chromedp.ExecAllocatorOption
			if mode == "fallback" {
				flags = append(flags, chromedp.Flag("use-gl", "disabled"))
			}
			ctx, _ := newBrowser(t, flags...)
			recordCSP(t, ctx)
			errs := watchErrors(t, ctx)
			open(t, ctx, 1000, 800, "")
			visitAllViews(t, ctx, mode)
			if v := eval[[]string](t, ctx, `window.__csp || []`); len(v) > 0 {
				t.Errorf("policy violations: %q", v)
			}
			if e := errs(); len(e) > 0 {
				t.Errorf("console errors: %q", e)
			}
		})
	}
}
