package testenv

import (
	"azflows/charts"
	"azflows/internal/fonts"
	"azflows/internal/geo"
)

// UseRepoAssets gives the chart model what the build gives it, made from the repository's
// node_modules: the base map (world-atlas) and the fonts (@fontsource/noto-sans). For the
// tests of the renderers and the browser tests, run anywhere in the repository; it fails,
// never skips, before `npm ci` has run. (The model's own tests do the same in
// charts/main_test.go: they cannot import this package, which imports the model.)
func UseRepoAssets() error {
	bm, err := geo.ForTests()
	if err != nil {
		return err
	}
	fs, err := fonts.ForTests()
	if err != nil {
		return err
	}
	if err := charts.SetFonts(fs.Regular, fs.Bold); err != nil {
		return err
	}
	charts.SetBaseMap(bm)
	return nil
}
