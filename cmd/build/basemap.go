package main

import (
	"bytes"
	"os"
	"path/filepath"

	"azflows/charts"
	"azflows/charts/echarts"
	"azflows/internal/geo"
)

// writeBaseMap converts the Natural Earth shapes of the npm package world-atlas (installed by
// `npm ci` at the version package.json pins) into the map view's base map: dist/basemap.json,
// which the ebiten view fetches, and assets/basemap.js, which registers the same shapes (as the
// model lays them out) for the echarts fallback. It gives the chart model the base map, so the
// steps after it (SVGs, fallback pages, the index) draw the map with its countries.
func writeBaseMap(out string) error {
	m, err := geo.FromWorldAtlas(".")
	if err != nil {
		return err
	}
	b, err := m.MarshalJSON()
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "basemap.json"), b, 0o644); err != nil {
		return err
	}
	charts.SetBaseMap(m)
	var js bytes.Buffer
	if err := echarts.BaseMapJS(&js); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "assets", echarts.BaseMapAsset), js.Bytes(), 0o644)
}
