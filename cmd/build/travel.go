package main

import (
	"fmt"
	"html"
	"html/template"
	"net/url"
	"os/exec"
	"regexp"
	"strings"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/data"
	"azflows/i18n"
	"azflows/site"
)

// siteURL is the site's absolute address (-site-url, make build SITE_URL=…), ending in "/";
// "" when not given: then the previews' URLs are relative, which link previews cannot use.
var siteURL string

// checkSiteURL normalises -site-url: an absolute http(s) URL, ending in "/".
func checkSiteURL(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("-site-url %q: want an absolute http(s) URL without query or fragment, such as https://example.org/azflows/", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}

// commitDate is the date (YYYY-MM-DD) of the commit the site is built from.
func commitDate() string {
	b, err := exec.Command("git", "log", "-1", "--format=%cs").Output()
	if err != nil || len(strings.TrimSpace(string(b))) != 10 {
		return "unknown date"
	}
	return strings.TrimSpace(string(b))
}

// citeConfig is the "Cite" control's config in l: each chart state's title in l.
func citeConfig(a charts.Assets, l i18n.Lang) site.CiteConfig {
	c := site.CiteConfig{Site: site.SiteName, Version: version(), Date: commitDate(), Titles: map[string]string{}}
	for _, s := range site.States() {
		s.Lang = l
		key := charts.State{View: s.View, Year: s.Year, Context: s.Context}.Hash()
		c.Titles[key] = layout.Build(a, s, chartW, chartH).Title
	}
	return c
}

// paperTitle is the paper's title, as its text gives it.
const paperTitle = "The Problem of Human Trafficking in Post-Soviet Azerbaijan: Socio-Political Context"

// paperAPA is the paper's citation in APA style. The paper's text names no author, so the
// title stands first, as APA has it for works without one.
func paperAPA() string {
	return paperTitle + " (CARIM-East Explanatory Note 2013/41). (2013). EUI, RSCAS."
}

// paperBibTeX is the paper's BibTeX entry, without an author for the same reason.
func paperBibTeX() string {
	return "@techreport{carim-east-2013-41,\n" +
		"  title = {{" + paperTitle + "}},\n" +
		"  type = {CARIM-East Explanatory Note},\n" +
		"  number = {2013/41},\n" +
		"  institution = {EUI, RSCAS},\n" +
		"  year = {2013}\n}"
}

// footnoteURL finds the addresses in the paper's footnotes: with a scheme, or starting www.
var footnoteURL = regexp.MustCompile(`(https?://|www\.)[^\s]+`)

// linkify writes a footnote's text with each address in it as a link that sends no
// referrer and gives the opened page no hold on this one; nothing is requested until a
// reader follows one. Sentence punctuation after an address stays outside the link. The text
// around the addresses takes the charts' typography of ranges (i18n.RangeDashes: "p. 77–78",
// as the charts write "3–4 months"); an address stays as it is.
func linkify(s string) template.HTML {
	var b strings.Builder
	text := func(t string) { b.WriteString(html.EscapeString(i18n.RangeDashes(t))) }
	last := 0
	for _, m := range footnoteURL.FindAllStringIndex(s, -1) {
		u := s[m[0]:m[1]]
		trimmed := strings.TrimRight(u, ".,;:)")
		end := m[0] + len(trimmed)
		href := trimmed
		if !strings.Contains(href, "://") {
			href = "http://" + href
		}
		text(s[last:m[0]])
		fmt.Fprintf(&b, `<a href="%s" rel="noopener noreferrer" target="_blank">%s</a>`, html.EscapeString(href), html.EscapeString(trimmed))
		last = end
	}
	text(s[last:])
	return template.HTML(b.String())
}

// travelFuncs are the page template's functions for sharing and citing.
func travelFuncs() template.FuncMap {
	return template.FuncMap{"Linkify": linkify}
}

// licenseURL is the deed of the site's license.
const licenseURL = data.LicenseURL
