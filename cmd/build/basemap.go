package main

import (
	"bytes"
	"os"
	"path/filepath"

	"azflows/charts"
	"azflows/charts/echarts"
)

// writeBaseMap converts the Natural Earth shapes of the npm package world-atlas (installed by
// `npm ci` at the version package.json pins) into the map view's base map: dist/basemap.json,
// which the ebiten view fetches, and assets/basemap.js, which registers the same shapes (as the
// model lays them out) for the echarts fallback. The base map is a's (build reads it with
// geo.FromWorldAtlas before the steps, so that every step draws the map with its countries).
func writeBaseMap(a charts.Assets, out string) error {
	b, err := a.BaseMap.MarshalJSON()
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "basemap.json"), b, 0o644); err != nil {
		return err
	}
	var js bytes.Buffer
	if err := echarts.BaseMapJS(&js, a); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "assets", echarts.BaseMapAsset), js.Bytes(), 0o644)
}
