//go:build !(js && wasm)

package e2e

import (
	"encoding/csv"
	"image"
	"image/color"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/charts/raster"
	"azflows/data"
	"azflows/i18n"
	"azflows/internal/caching"
)

// #lang=az on index.html goes to index.az.html: the page, the static chart and the live view
// speak Azerbaijani, and the canvas draws ə as ə (not as a missing-glyph box).
func TestLangAzFromHash(t *testing.T) {
	ctx, _ := newBrowser(t)
	errs := watchErrors(t, ctx)
	open(t, ctx, 1000, 800, "index.html#lang=az&view=map&year=2012")
	waitFor(t, ctx, "index.az.html", `location.pathname.endsWith('/index.az.html') && !!window.azflowsPage && !!window.azflowsPage.state`, 20*time.Second)
	if l := eval[string](t, ctx, `document.documentElement.lang`); l != "az" {
		t.Errorf("html lang %q, want az", l)
	}
	if h := eval[string](t, ctx, `location.hash`); !strings.Contains(h, "view=map") || !strings.Contains(h, "year=2012") {
		t.Errorf("the hash did not come along: %q", h)
	}
	if h1 := eval[string](t, ctx, `document.querySelector('h1').textContent`); h1 != i18n.T(i18n.AZ, "page.title") {
		t.Errorf("h1 %q, want the Azerbaijani title", h1)
	}
	if s := eval[string](t, ctx, `localStorage.getItem('azflows-lang')`); s != "az" {
		t.Errorf("azflows-lang = %q, want az (an explicit choice)", s)
	}
	sw := eval[[]string](t, ctx, `[...document.querySelectorAll('#lang-switch a')].map(a => a.getAttribute('href') + ' ' + a.hreflang + ' ' + a.textContent)`)
	if len(sw) != 3 || !strings.HasPrefix(sw[0], "index.html#view=map&year=2012&lang=en en English") || !strings.HasPrefix(sw[2], "index.ru.html#view=map&year=2012&lang=ru ru Русский") {
		t.Errorf("language switch %q", sw)
	}

	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	waitFor(t, ctx, "the first frame", liveView+`.ready && `+liveView+`.frames > 0`, 10*time.Second)
	if h := eval[string](t, ctx, liveView+`.hash`); !strings.Contains(h, "lang=az") {
		t.Errorf("the view's hash %q lacks lang=az", h)
	}
	if n := eval[string](t, ctx, `window.azflowsPage.notice`); n != i18n.T(i18n.AZ, "notice.live") {
		t.Errorf("notice %q, want the Azerbaijani one", n)
	}

	// A text mark with ə, in the model the view draws (its size, Azerbaijani).
	fx, fy, fw, fh := liveFrameBox(t, ctx)
	model := layout.Build(testAssets, charts.State{View: "map", Year: 2012, Lang: i18n.AZ}, fw, fh)
	shot := waitShot(t, ctx, "the Azerbaijani map", markPainted(model, fx, fy, fw, fh, 0.2, charts.OfficialC, "arc/RU"))
	checkGlyph(t, shot, model, fx, fy, "ə", true)
	if e := errs(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// checkGlyph checks that the live frame, at fx, fy in shot, draws the first r of a text mark
// of model (12 px or more) as charts/raster draws it from the same model in Noto Sans; with
// missing, also that it looks more like it than like what a missing glyph would look like:
// '?', which charts.Drawable puts in its place, or a hollow box (.notdef).
func checkGlyph(t *testing.T, shot image.Image, model *charts.Chart, fx, fy float64, r string, missing bool) {
	t.Helper()
	var mk charts.Mark
	found := false
	for _, m := range model.Marks {
		if m.Kind == charts.TextMark && strings.Contains(m.Text, r) && m.Size >= 12 {
			mk, found = m, true
			break
		}
	}
	if !found {
		t.Fatalf("the %s %s model has no text mark with %s of 12 px or more", model.Lang, model.View, r)
	}
	if d := testAssets.Fonts.Drawable(mk.Text, mk.Bold); d != mk.Text {
		t.Fatalf("Drawable(%q) = %q: the fonts lack %s", mk.Text, d, r)
	}
	// The box of the first r: from the width of the text before it, one em high above the baseline.
	x := mk.TextStart()
	before := mk.Text[:strings.Index(mk.Text, r)]
	gx := x + testAssets.Fonts.TextWidth(before, mk.Size, mk.Bold)
	gw := testAssets.Fonts.TextWidth(r, mk.Size, mk.Bold)
	box := image.Rect(int(gx)-1, int(mk.At.Y-mk.Size*0.8), int(gx+gw)+2, int(mk.At.Y)+2)

	got := inkMask(shot, box.Add(image.Pt(int(fx), int(fy))))
	want := inkMask(raster.Draw(model, 1), box)
	q := mk
	q.Text = strings.Replace(mk.Text, r, "?", 1)
	one := &charts.Chart{W: model.W, H: model.H, Background: model.Background, Marks: []charts.Mark{q}}
	question := inkMask(raster.Draw(one, 1), box)
	hollow := make([]bool, len(got))
	w, h := box.Dx(), box.Dy()
	for i := range hollow {
		px, py := i%w, i/w
		hollow[i] = (px == 1 || px == w-3) && py > 1 && py < h-2 || (py == 2 || py == h-3) && px > 0 && px < w-2
	}
	inked := 0
	for _, b := range got {
		if b {
			inked++
		}
	}
	if inked < 4 {
		t.Fatalf("no ink in the %s box %v of %q (frame at %v,%v)", r, box, mk.Text, fx, fy)
	}
	simG, simQ, simBox := similarity(got, want), similarity(got, question), similarity(got, hollow)
	if simG < 0.45 || (missing && (simG <= simQ || simG <= simBox)) {
		t.Errorf("the glyph at %v in %q does not look like %s: similarity %.2f to %s, %.2f to '?', %.2f to a box", box, mk.Text, r, simG, r, simQ, simBox)
	}
}

// inkMask marks the pixels of r in img that are clearly darker than the light background.
func inkMask(img image.Image, r image.Rectangle) []bool {
	out := make([]bool, 0, r.Dx()*r.Dy())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			g := color.GrayModel.Convert(img.At(x, y)).(color.Gray)
			out = append(out, g.Y < 170)
		}
	}
	return out
}

// similarity is the intersection over union of two masks, widened by a pixel to forgive
// antialiasing: the share of inked pixels of either that the other has within 1 px.
func similarity(a, b []bool) float64 {
	return (cover(a, b) + cover(b, a)) / 2
}

func cover(a, b []bool) float64 {
	n, hit := 0, 0
	for i, v := range a {
		if !v {
			continue
		}
		n++
		for _, d := range []int{0, -1, 1} {
			if j := i + d; j >= 0 && j < len(b) && b[j] {
				hit++
				break
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(hit) / float64(n)
}

// #lang=ru: Cyrillic in the static SVG's title at once, and a Russian hover readout.
func TestLangRuStaticAndHover(t *testing.T) {
	ctx, _ := newBrowser(t)
	open(t, ctx, 1000, 800, "#view=bars&year=2010&lang=ru")
	waitFor(t, ctx, "index.ru.html", `location.pathname.endsWith('/index.ru.html') && !!window.azflowsPage && !!window.azflowsPage.state`, 20*time.Second)
	waitFor(t, ctx, "the static chart of the state", staticChartShown, 10*time.Second)
	title := eval[string](t, ctx, `(document.querySelector('#static svg title') || document.querySelector('#static svg text') || {}).textContent || ''`)
	if !hasCyrillic(title) {
		t.Errorf("static SVG title %q has no Cyrillic", title)
	}
	waitFor(t, ctx, "the interactive view", `window.azflowsPage.mode === 'live'`, 60*time.Second)
	waitFor(t, ctx, "the first frame", liveView+`.ready && `+liveView+`.frames > 0`, 10*time.Second)
	fx, fy, fw, fh := liveFrameBox(t, ctx)
	model := layout.Build(testAssets, charts.State{View: "bars", Year: 2010, Lang: i18n.RU}, fw, fh)
	var bar charts.Mark
	for _, m := range model.Marks {
		if m.Datum != "" && m.Kind == charts.RectMark {
			bar = m
			break
		}
	}
	if bar.Datum == "" {
		t.Fatal("no bar in the Russian bars model")
	}
	c := bar.Center()
	if err := chromedp.Do(ctx, chromedp.MouseEvent("mouseMoved", fx+c.X, fy+c.Y)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "a readout", `window.azflowsPage.readout !== ''`, 10*time.Second)
	if r := eval[string](t, ctx, `window.azflowsPage.readout`); !hasCyrillic(r) || !strings.Contains(r, "сноска") {
		t.Errorf("readout %q is not Russian", r)
	}
}

func hasCyrillic(s string) bool {
	for _, r := range s {
		if r >= 0x400 && r <= 0x4ff {
			return true
		}
	}
	return false
}

// A browser in Russian lands on index.ru.html; its table has Russian headers and every figure.
func TestBrowserLanguageRu(t *testing.T) {
	ctx, _ := newBrowser(t, chromedp.Flag("lang", "ru-RU"), chromedp.Flag("accept-lang", "ru-RU,ru"))
	open(t, ctx, 1000, 800, "#view=table&year=2012")
	waitFor(t, ctx, "index.ru.html", `location.pathname.endsWith('/index.ru.html') && !!window.azflowsPage && !!window.azflowsPage.state`, 20*time.Second)
	if s := eval[string](t, ctx, `String(localStorage.getItem('azflows-lang'))`); s != "null" {
		t.Errorf("the browser's language was stored as a choice: %q", s)
	}
	heads := eval[[]string](t, ctx, `[...document.querySelectorAll('#figures-table thead th')].map(th => th.textContent)`)
	if len(heads) == 0 || heads[0] != i18n.T(i18n.RU, "th.measure") || heads[len(heads)-1] != i18n.T(i18n.RU, "th.caveats") {
		t.Errorf("table headers %q", heads)
	}
	rows := eval[[]string](t, ctx, `[...document.querySelectorAll('#figures-table tbody tr')].map(tr => tr.dataset.figure + '|' + tr.querySelector('th').textContent + '|' + tr.cells[3].textContent)`)
	want := map[string]bool{}
	for _, f := range data.Figures {
		want[f.ID] = true
	}
	if len(rows) != len(want) {
		t.Errorf("%d rows, want %d", len(rows), len(want))
	}
	for _, r := range rows {
		p := strings.SplitN(r, "|", 3)
		delete(want, p[0])
		if !hasCyrillic(p[1]) || !hasCyrillic(p[2]) {
			t.Errorf("row %q is not in Russian", r)
		}
	}
	if len(want) > 0 {
		t.Errorf("figures missing from the table: %v", want)
	}
	// #lang=en goes back to the English page, and is remembered.
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/index.ru.html#view=map&year=2010&lang=en")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "index.html", `location.pathname.endsWith('/index.html') && document.documentElement.lang === 'en' && !!window.azflowsPage && !!window.azflowsPage.state`, 20*time.Second)
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/index.html#view=map&year=2010")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	waitFor(t, ctx, "the English page stays", `document.readyState === 'complete' && location.pathname.endsWith('/index.html') && !!window.azflowsPage && !!window.azflowsPage.state`, 20*time.Second)
}

// Without WebGL, the Azerbaijani page shows the Azerbaijani fallback.
func TestLangAzFallback(t *testing.T) {
	ctx, _ := newBrowser(t, chromedp.Flag("use-gl", "disabled"))
	open(t, ctx, 1000, 800, "index.az.html#view=compare&year=2010")
	waitFor(t, ctx, "fallback", `window.azflowsPage.mode === 'fallback'`, 30*time.Second)
	if n := eval[string](t, ctx, `window.azflowsPage.notice`); !strings.HasPrefix(n, "Sadələşdirilmiş qrafik") {
		t.Errorf("notice %q is not Azerbaijani", n)
	}
	src := eval[string](t, ctx, `document.querySelector('#fallback-slot iframe').getAttribute('src')`)
	if src != distAsset(t, "fallback/compare-2010.az.html") || !caching.IsHashed(src) {
		t.Errorf("fallback frame %q", src)
	}
	waitFor(t, ctx, "the fallback page", `(() => { const d = document.querySelector('#fallback-slot iframe').contentDocument; return !!d && d.readyState === 'complete' && !!d.querySelector('#fallback'); })()`, 20*time.Second)
	got := eval[[]string](t, ctx, `(() => { const d = document.querySelector('#fallback-slot iframe').contentDocument; return [d.documentElement.lang, d.title, d.querySelector('.source').textContent]; })()`)
	if got[0] != "az" || got[1] != i18n.T(i18n.AZ, "compare.title", 2010) || !strings.HasPrefix(got[2], "Mənbə") {
		t.Errorf("fallback page lang, title, source: %q", got)
	}
	dl := eval[[]string](t, ctx, `['dl-svg', 'dl-png', 'dl-figures', 'dl-json'].map(id => document.getElementById(id).getAttribute('href'))`)
	if dl[0] != distAsset(t, "charts/compare-2010.az.svg") || dl[1] != distAsset(t, "charts/compare-2010-1920x1080.az.png") || dl[2] != "data/azflows-figures.az.csv" || dl[3] != "data/azflows.az.json" {
		t.Errorf("downloads %q", dl)
	}
}

// The Azerbaijani figures CSV keeps the English columns (the quote among them) and adds
// translated ones.
func TestLangAzCSV(t *testing.T) {
	body := string(get(t, baseURL+"/data/azflows-figures.az.csv"))
	if !strings.HasPrefix(body, "\ufeff") {
		t.Errorf("the az CSV has no UTF-8 byte-order mark: starts %q", body[:min(8, len(body))])
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, h := range []string{"measure", "quote", "measure_az", "period_az", "reporter_az", "caveats_az"} {
		if _, ok := col[h]; !ok {
			t.Fatalf("no column %q in %q", h, rows[0])
		}
	}
	for _, r := range rows[1:] {
		if r[col["measure_az"]] == "" || r[col["measure_az"]] == r[col["measure"]] {
			t.Errorf("%s: measure_az %q", r[0], r[col["measure_az"]])
		}
		if r[col["quote"]] == "" {
			t.Errorf("%s: no English quote", r[0])
		}
	}
}
