package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// echartsParts are what the fallback pages use of echarts (charts/echarts): their series
// types, components and the renderer. Check the built pages after adding a view:
//
//	grep -ho '"type":"[a-z]*"' dist/fallback/*.html | sort -u
//
// An option key whose component is not registered here is silently ignored by echarts, so a
// missing part shows as a missing piece of the chart, not as an error. The toolbox that
// go-echarts always writes (empty) and the legend (show: false) are left out on purpose.
var echartsParts = map[string][]string{
	"echarts/charts":     {"BarChart", "ScatterChart", "CustomChart", "MapChart"},
	"echarts/components": {"TitleComponent", "TooltipComponent", "GridComponent", "GraphicComponent", "AriaComponent"},
	"echarts/renderers":  {"CanvasRenderer"},
}

// echartsAPI is what the bundle exports on window.echarts: what the fallback pages, the map
// data script (registerMap) and the browser tests call. Exporting all of echarts/core costs
// about 5 KB gzip more.
var echartsAPI = []string{"init", "getInstanceByDom", "registerMap", "getMap", "use", "dispose", "version"}

// esbuildPath is the esbuild that package.json pins, as npm ci installs it.
var esbuildPath = filepath.Join("node_modules", ".bin", "esbuild")

// bundleEcharts writes assets/echarts.min.js: echarts built with esbuild from
// node_modules/echarts with only echartsParts, exposing the same global window.echarts
// (echartsAPI) as the full dist/echarts.min.js, at about a
// third of its size.
func bundleEcharts(out string) error {
	esbuild := esbuildPath
	if _, err := os.Stat(esbuild); err != nil {
		return fmt.Errorf("%s is missing (run `npm ci`; make build does it)", esbuild)
	}
	var entry strings.Builder
	entry.WriteString("// Written by cmd/build (echartsbundle.go): echarts with only what the fallback pages use.\n")
	entry.WriteString("import { use } from 'echarts/core';\n")
	var all []string
	for _, mod := range []string{"echarts/charts", "echarts/components", "echarts/renderers"} {
		fmt.Fprintf(&entry, "import { %s } from '%s';\n", strings.Join(echartsParts[mod], ", "), mod)
		all = append(all, echartsParts[mod]...)
	}
	fmt.Fprintf(&entry, "use([%s]);\nexport { %s } from 'echarts/core';\n", strings.Join(all, ", "), strings.Join(echartsAPI, ", "))

	// The entry lives in node_modules so that esbuild resolves 'echarts/…' from there.
	dir, err := os.MkdirTemp("node_modules", ".azflows-echarts-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	entryPath := filepath.Join(dir, "entry.js")
	if err := os.WriteFile(entryPath, []byte(entry.String()), 0o644); err != nil {
		return err
	}
	version := "?"
	if b, err := os.ReadFile(filepath.Join("node_modules", "echarts", "package.json")); err == nil {
		var pkg struct{ Version string }
		if json.Unmarshal(b, &pkg) == nil {
			version = pkg.Version
		}
	}
	banner := fmt.Sprintf("/*! Apache ECharts %s (https://echarts.apache.org), Apache License 2.0, with ZRender (BSD-3-Clause) and tslib (0BSD); "+
		"a custom build for azflows with only: %s */", version, strings.Join(all, ", "))
	cmd := exec.Command(esbuild, entryPath, "--bundle", "--minify", "--format=iife", "--global-name=echarts",
		"--target=es2017", "--legal-comments=eof", "--log-level=warning", "--banner:js="+banner,
		`--define:process.env.NODE_ENV="production"`,
		"--outfile="+filepath.Join(out, "assets", "echarts.min.js"))
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("bundling echarts with esbuild: %w", err)
	}
	return nil
}
