package site

import (
	"strings"
	"testing"
)

// The icon link is defined once, IconLink: no page, template or script that writes a page
// spells it (the preview pages once lacked it, which one definition prevents).
func TestIconLinkDefinedOnce(t *testing.T) {
	for _, g := range []string{"index.html", "web/*/*.html", "web/*/*.js", "charts/echarts/*.go", "cmd/build/*.go", "charts/svg/*.go"} {
		src := sources(t, g)
		if strings.Contains(src, "data:,") {
			t.Errorf("%s spells the icon link: use site.IconLink ({{.Icon}} in a page's template)", g)
		}
	}
	for _, g := range []string{"index.html", "web/view/view.html"} {
		if !strings.Contains(sources(t, g), "{{.Icon}}") {
			t.Errorf("%s has no {{.Icon}}", g)
		}
	}
}
