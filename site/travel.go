package site

import "azflows/i18n"

// CiteConfig is what the page's "Cite" control (web/page/modes.js) builds the chart's citation
// from: the site's name, the build's version and date, and each chart state's title in the
// page's language. The paper's citation is written by the build into the page itself.
type CiteConfig struct {
	Site    string            `json:"site"`    // the site's name, the citation's author
	Version string            `json:"version"` // the commit the site was built from (git describe)
	Date    string            `json:"date"`    // that commit's date, YYYY-MM-DD
	Titles  map[string]string `json:"titles"`  // each chart state's title, by its hash without lang (State.Hash)
}

// SiteName names the site in citations and previews.
const SiteName = "azflows"

// PreviewDir holds the link-preview pages, one per chart state and language.
const PreviewDir = "v"

// PreviewName is the link-preview page of state s in l (v/bars-2012.ru.html): a small page
// with the Open Graph tags of that state that sends people on to the page at that state.
func PreviewName(s State, l i18n.Lang) string {
	return PreviewDir + "/" + Key(s) + Suffix(l) + ".html"
}

// PreviewImage is the preview page's 1200×630 image of state s in l.
func PreviewImage(s State, l i18n.Lang) string {
	return PreviewDir + "/" + Key(s) + Suffix(l) + ".png"
}

// Preview image size: what Open Graph and Twitter's large card show.
const PreviewW, PreviewH = 1200, 630

// The ids of the page's sharing, citing and print elements that web/*/*.js looks up.
func init() {
	for _, id := range []string{"cite", "cite-apa", "cite-bibtex", "cite-status", "share-status", "print-url", "embed", "table-title"} {
		IDs[id] = "index.html"
	}
}

// OGLocales are the Open Graph locales (language_TERRITORY) of the site's languages, for the
// previews' og:locale; a language missing here (the pseudo-locale) has none.
var OGLocales = map[i18n.Lang]string{i18n.EN: "en_GB", i18n.AZ: "az_AZ", i18n.RU: "ru_RU"}

// The preview image's chart is laid out at PreviewChartW×PreviewChartH and painted at
// PreviewScale, which makes it PreviewW×PreviewH.
const (
	PreviewChartW, PreviewChartH = 800, 420
	PreviewScale                 = 1.5
)
