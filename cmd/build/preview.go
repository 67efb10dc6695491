package main

import (
	"bytes"
	"fmt"
	"html/template"
	"image/png"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/charts/raster"
	"azflows/i18n"
	"azflows/site"
)

// Link previews (issue 27). A link that messengers, social sites and lesson platforms unfurl
// is read by a crawler that runs no script and never sees the #hash, so each chart state has
// a page of its own in each language (site.PreviewName, v/bars-2012.ru.html) that carries
// the Open Graph and Twitter tags of that state, with a 1200×630 picture of it painted by
// charts/raster (site.PreviewImage), and sends people on to the page at that state. The main
// pages carry the same tags for their first view. The protocol wants absolute URLs: with
// -site-url (make build SITE_URL=…) they are; without it they are relative, and the build
// says once that previews need the site's address.

// previewPageTpl is a preview page: the tags, a script that opens the page at the state for
// people, and the same as a plain link under the picture for those without scripts.
var previewPageTpl = template.Must(template.New("preview").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, follow">
` + site.IconLink + `
<title>{{.Title}}</title>
<meta name="description" content="{{.Description}}">
{{.Tags}}
<style>body{font-family:sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a;background:#fff}img{display:block;max-width:100%;height:auto;border:1px solid #ccc}</style>
<script>location.replace({{.Target}});</script>
</head>
<body>
<p><a href="{{.Target}}">{{.Open}}</a></p>
<p><a href="{{.Target}}"><img src="{{.ImageHere}}" width="{{.W}}" height="{{.H}}" alt="{{.Alt}}"></a></p>
<p>{{.Description}}</p>
</body>
</html>
`))

// ogTagsTpl are the Open Graph and Twitter tags and the canonical link of a page.
var ogTagsTpl = template.Must(template.New("og").Parse(`<link rel="canonical" href="{{.URL}}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="{{.Site}}">
<meta property="og:title" content="{{.Title}}">
<meta property="og:description" content="{{.Description}}">
<meta property="og:url" content="{{.URL}}">
<meta property="og:image" content="{{.Image}}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="{{.W}}">
<meta property="og:image:height" content="{{.H}}">
<meta property="og:image:alt" content="{{.Alt}}">
{{if .Locale}}<meta property="og:locale" content="{{.Locale}}">
{{end}}{{range .Alternates}}<meta property="og:locale:alternate" content="{{.}}">
{{end}}<meta name="twitter:card" content="summary_large_image">`))

// ogMarkStart and ogMarkEnd enclose a page's tags, so the single files can leave them out
// (offline.go): a file:// page has no preview.
const ogMarkStart, ogMarkEnd = "<!--og-->", "<!--/og-->"

// ogData is what ogTagsTpl and previewPageTpl are filled with.
type ogData struct {
	Lang                                      i18n.Lang
	Site, Title, Description, URL, Image, Alt string
	Locale                                    string
	Alternates                                []string
	W, H                                      int
	// The preview page's: its tags, where it sends people, its link's words, its image's
	// address from the page itself.
	Tags         template.HTML
	Target, Open string
	ImageHere    string
}

// siteHref is the address of the site's file name (slash-separated, from the site's root)
// as written in a page in directory dir ("" for the root, "v" for the previews): absolute
// with -site-url, else relative to that page.
func siteHref(name, dir string) string {
	if siteURL != "" {
		return siteURL + name
	}
	if dir == "" {
		return name
	}
	if rest, ok := strings.CutPrefix(name, dir+"/"); ok {
		return rest
	}
	return strings.Repeat("../", strings.Count(dir, "/")+1) + name
}

// ogTags are the tags of a page in l at name (site.PageName or site.PreviewName) whose picture
// is state s's preview image.
func ogTags(s charts.State, l i18n.Lang, name, title, desc, alt string) (template.HTML, error) {
	dir := path.Dir(name)
	if dir == "." {
		dir = ""
	}
	d := ogData{Lang: l, Site: site.SiteName, Title: title, Description: desc, URL: siteHref(name, dir),
		Image: siteHref(site.PreviewImage(s, l), dir), Alt: alt, Locale: site.OGLocales[l], W: site.PreviewW, H: site.PreviewH}
	for _, o := range langs() {
		if o != l && site.OGLocales[o] != "" {
			d.Alternates = append(d.Alternates, site.OGLocales[o])
		}
	}
	var b bytes.Buffer
	if err := ogTagsTpl.Execute(&b, d); err != nil {
		return "", err
	}
	return template.HTML(ogMarkStart + "\n" + b.String() + "\n" + ogMarkEnd), nil
}

// previewTitle is a state's title in a preview: "{chart title} — azflows" (the scripts' share
// title, i18n "share.title", whose {1} the page's scripts fill in).
func previewTitle(l i18n.Lang, chartTitle string) string {
	return strings.ReplaceAll(i18n.T(l, "share.title"), "{1}", chartTitle)
}

// mainPageTags are the tags of the page in l (site.PageName): its title and description,
// and the picture of its first view.
func mainPageTags(a charts.Assets, l i18n.Lang) (template.HTML, error) {
	def := charts.Default
	def.Lang = l
	c := layout.Build(a, def, site.PreviewChartW, site.PreviewChartH)
	return ogTags(def, l, site.PageName(l), i18n.T(l, "page.doctitle"), i18n.T(l, "page.description"), layout.AccessibleName(c))
}

// writePreviews writes the preview page and image of every chart state in every language,
// the images painted in parallel (charts/raster paints concurrently; each image its own
// faces). Without -site-url it says once that the previews' URLs are relative.
func writePreviews(a charts.Assets, out string) error {
	if siteURL == "" {
		fmt.Println("build: link previews need the site's address for absolute URLs (make build SITE_URL=https://…/); their URLs are relative")
	}
	if err := os.MkdirAll(filepath.Join(out, site.PreviewDir), 0o755); err != nil {
		return err
	}
	type job struct {
		s charts.State
		l i18n.Lang
	}
	jobs := make(chan job)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range max(1, runtime.NumCPU()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if err := writePreview(a, out, j.s, j.l); err != nil {
					select {
					case errs <- fmt.Errorf("preview %s %s: %w", site.Key(j.s), j.l, err):
					default:
					}
				}
			}
		}()
	}
	for _, l := range langs() {
		for _, s := range site.States() {
			s.Lang = l
			jobs <- job{s, l}
		}
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

// previewChart lays state s out for its link preview. A preview has a fixed size, so a view that
// would grow its picture there (layout.Build makes it taller rather than leave something out)
// is laid out in a larger frame of the same shape instead, which the image then scales down
// to the preview's pixels: k is that frame's size over the preview's (1 where the view fits).
func previewChart(a charts.Assets, s charts.State) (*charts.Chart, float64) {
	var c *charts.Chart
	for _, k := range []float64{1, 1.1, 1.2, 1.35, 1.5, 1.75, 2} {
		w, h := site.PreviewChartW*k, site.PreviewChartH*k
		if c = layout.Build(a, s, w, h); c.H <= h {
			return c, k
		}
	}
	return c, 2
}

// writePreview writes state s's preview image and page in l.
func writePreview(a charts.Assets, out string, s charts.State, l i18n.Lang) error {
	c, k := previewChart(a, s)
	img := raster.Draw(c, site.PreviewScale/k)
	if b := img.Bounds(); b.Dx() != site.PreviewW || b.Dy() != site.PreviewH {
		return fmt.Errorf("the image is %dx%d, not %dx%d", b.Dx(), b.Dy(), site.PreviewW, site.PreviewH)
	}
	var pngBuf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&pngBuf, img); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, site.PreviewImage(s, l)), pngBuf.Bytes(), 0o644); err != nil {
		return err
	}
	name := site.PreviewName(s, l)
	// The whole summary: cut, a sentence could end inside an abbreviation ("т. ч."); the
	// previews' readers shorten it themselves.
	title, desc := previewTitle(l, c.Title), layout.Summary(s)
	tags, err := ogTags(s, l, name, title, desc, layout.AccessibleName(c))
	if err != nil {
		return err
	}
	d := ogData{Lang: l, Title: title, Description: desc, Alt: layout.AccessibleName(c), W: site.PreviewW, H: site.PreviewH, Tags: tags,
		// Relative, so people stay on the host they came from.
		Target: "../" + site.PageName(l) + "#" + s.Hash(), Open: i18n.T(l, "preview.open"),
		ImageHere: path.Base(site.PreviewImage(s, l))}
	var b bytes.Buffer
	if err := previewPageTpl.Execute(&b, d); err != nil {
		return err
	}
	return writePage(filepath.Join(out, name), b.String(), false)
}
