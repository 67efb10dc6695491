package testenv

import (
	"azflows/charts"
	"azflows/internal/fonts"
	"azflows/internal/geo"
)

// RepoAssets are what the build gives the chart model, made from the repository's
// node_modules: the base map (world-atlas) and the fonts (@fontsource/noto-sans). For the
// tests of the renderers and the browser tests, run anywhere in the repository; it fails,
// never skips, before `npm ci` has run. (The model's own tests do the same in
// charts/main_test.go: they cannot import this package, which imports the model.)
func RepoAssets() (charts.Assets, error) {
	bm, err := geo.ForTests()
	if err != nil {
		return charts.Assets{}, err
	}
	fs, err := fonts.ForTests()
	if err != nil {
		return charts.Assets{}, err
	}
	f, err := charts.NewFonts(fs.Regular, fs.Bold)
	if err != nil {
		return charts.Assets{}, err
	}
	return charts.NewAssets(f, bm), nil
}
