package main

import (
	"math"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/i18n"
	"azflows/internal/testenv"
	"azflows/site"
)

// With the site's address (-site-url) a preview's tags name absolute URLs, which link
// previews need; without it, addresses relative to the page that carries them.
func TestPreviewTagsAbsoluteWithSiteURL(t *testing.T) {
	defer func(old string) { siteURL = old }(siteURL)
	s := charts.State{View: "bars", Year: 2012, Lang: i18n.RU}
	name := site.PreviewName(s, i18n.RU)
	for _, c := range []struct{ site, url, image string }{
		{"https://example.org/azflows/", "https://example.org/azflows/v/bars-2012.ru.html", "https://example.org/azflows/v/bars-2012.ru.png"},
		{"", "bars-2012.ru.html", "bars-2012.ru.png"},
	} {
		siteURL = c.site
		tags, err := ogTags(s, i18n.RU, name, "T", "D", "A")
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{`<link rel="canonical" href="` + c.url + `">`, `<meta property="og:url" content="` + c.url + `">`,
			`<meta property="og:image" content="` + c.image + `">`, `<meta property="og:locale" content="ru_RU">`} {
			if !strings.Contains(string(tags), w) {
				t.Errorf("site %q: the tags lack %s:\n%s", c.site, w, tags)
			}
		}
		main, err := ogTags(charts.Default, i18n.EN, site.PageName(i18n.EN), "T", "D", "A")
		if err != nil {
			t.Fatal(err)
		}
		if want := `<meta property="og:image" content="` + strings.TrimSuffix(c.url, "bars-2012.ru.html"); c.site != "" && !strings.Contains(string(main), want+"map-2010.png") {
			t.Errorf("site %q: the main page's tags lack %smap-2010.png:\n%s", c.site, want, main)
		}
	}
	if got, err := checkSiteURL("https://example.org/azflows"); err != nil || got != "https://example.org/azflows/" {
		t.Errorf("checkSiteURL = %q, %v", got, err)
	}
	if _, err := checkSiteURL("example.org"); err == nil {
		t.Error("checkSiteURL accepted an address without a scheme")
	}
}

// Every state's preview, in every language and the pseudo-locale, comes out at the preview's
// pixels: a view that would grow its picture at the preview's size (the pseudo-locale's compare
// view) is laid out in a larger frame of the same shape and scaled down, never cut or stretched.
func TestPreviewChartsFitThePreview(t *testing.T) {
	a, err := testenv.RepoAssets()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU, i18n.XX} {
		for _, s := range site.States() {
			s.Lang = l
			c, k := previewChart(a, s)
			w, h := math.Round(c.W*site.PreviewScale/k), math.Round(c.H*site.PreviewScale/k)
			if w != site.PreviewW || h != site.PreviewH {
				t.Errorf("%s %+v: the preview is %.0fx%.0f (frame ×%.2f), want %dx%d", l, s, w, h, k, site.PreviewW, site.PreviewH)
			}
		}
	}
}
