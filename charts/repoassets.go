package charts

import (
	"azflows/internal/fonts"
	"azflows/internal/geo"
)

// UseRepoAssets gives the model what the build gives it, made from the repository's
// node_modules: the base map (world-atlas) and the fonts (@fontsource/noto-sans). For tests and
// tools run anywhere in the repository; it fails, never skips, before `npm ci` has run.
func UseRepoAssets() error {
	bm, err := geo.ForTests()
	if err != nil {
		return err
	}
	fs, err := fonts.ForTests()
	if err != nil {
		return err
	}
	if err := SetFonts(fs.Regular, fs.Bold); err != nil {
		return err
	}
	SetBaseMap(bm)
	return nil
}
