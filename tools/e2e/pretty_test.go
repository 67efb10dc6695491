//go:build !(js && wasm)

package e2e

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/i18n"
	"azflows/internal/server"
	"azflows/site"
)

// prettyURLs serves dist/ under subpath as Cloudflare Pages does with its "pretty URLs": a
// page is served at its name without .html (/azflows/index.az answers with index.az.html),
// and asking for x.html redirects there (308; index.html to its directory).
func prettyURLs(t *testing.T) string {
	t.Helper()
	files := http.StripPrefix(strings.TrimSuffix(subpath, "/"), server.Handler(distDir))
	mux := http.NewServeMux()
	mux.Handle(subpath, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel := strings.TrimPrefix(r.URL.Path, subpath)
		switch {
		case path.Base(rel) == "index.html":
			http.Redirect(w, r, strings.TrimSuffix(r.URL.Path, "index.html"), http.StatusPermanentRedirect)
		case strings.HasSuffix(rel, ".html"):
			http.Redirect(w, r, strings.TrimSuffix(r.URL.Path, ".html"), http.StatusPermanentRedirect)
		default:
			if fi, err := os.Stat(filepath.Join(distDir, filepath.FromSlash(rel)+".html")); rel != "" && err == nil && !fi.IsDir() {
				r = r.Clone(r.Context())
				r.URL.Path += ".html"
			}
			files.ServeHTTP(w, r)
		}
	}))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + subpath
}

// Cloudflare Pages serves /x.html as /x (issue 17): the page knows itself by its name without
// .html too, so it stays a page of the site — the language switch shown, its links to the
// other languages' pages as the host names them, a lang in the hash taking the reader to that
// language's page — and goes live through the redirects of its frame.
func TestPrettyURLs(t *testing.T) {
	base := prettyURLs(t)
	ctx, _ := newBrowser(t)
	errs := watchErrors(t, ctx)
	az, ru := strings.TrimSuffix(site.PageName(i18n.AZ), ".html"), strings.TrimSuffix(site.PageName(i18n.RU), ".html")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 800), chromedp.Navigate(base+site.PageName(i18n.AZ)+"#view=bars&year=2010")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the Azerbaijani page live", `!!window.azflowsPage && window.azflowsPage.mode === 'live'`, 45*time.Second)
	type pageInfo struct {
		Path, Lang string
		Switch     bool
		Links      map[string]string
	}
	const info = `({Path: location.pathname, Lang: document.documentElement.lang, Switch: !document.getElementById('lang-switch').hidden,
	  Links: Object.fromEntries([...document.querySelectorAll('#lang-switch a')].map(a => [a.dataset.lang, a.getAttribute('href')]))})`
	got := eval[pageInfo](t, ctx, info)
	if got.Path != subpath+az || got.Lang != "az" {
		t.Errorf("index.az.html ended at %s in %q, want %s in az", got.Path, got.Lang, subpath+az)
	}
	if !got.Switch {
		t.Errorf("%s hides its language switch: it did not know itself as a page of the site", got.Path)
	}
	if l := got.Links["ru"]; !strings.HasPrefix(l, ru+"#") {
		t.Errorf("the switch links Russian as %q, want %s#…", l, ru)
	}
	// The live view's frame, asked for as view.html, is where the host redirected it.
	view := strings.TrimSuffix(site.ViewPage, ".html")
	if p := eval[string](t, ctx, `document.querySelector('.live-frame').contentWindow.location.pathname`); p != subpath+view {
		t.Errorf("the live frame is at %s, want %s", p, subpath+view)
	}

	// A lang in the hash goes to that language's page, by its pretty name.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+az+"#view=flow&year=2012&lang=ru")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the Russian page", `location.pathname.endsWith('/`+ru+`') && !!window.azflowsPage && !!window.azflowsPage.state`, 20*time.Second)
	if got := eval[pageInfo](t, ctx, info); got.Lang != "ru" || !got.Switch || !strings.Contains(eval[string](t, ctx, `location.hash`), "view=flow") {
		t.Errorf("lang=ru on %s: %+v, hash %q", az, got, eval[string](t, ctx, `location.hash`))
	}
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}
