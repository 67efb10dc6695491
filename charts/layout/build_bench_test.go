package layout

import (
	"fmt"
	"testing"

	"azflows/charts"
	"azflows/i18n"
)

// benchBuild lays out each of the views en and ru at one size; grown views count with the
// layouts their growth tried. Each layout starts with the charts' caches empty (the projected
// frames, the English layouts), as the first layout after a resize does; the base map's plane
// and i18n's finished strings stay, as they do in the live view.
func benchBuild(b *testing.B, w, h float64) {
	for _, view := range []string{"map", "timeline", "bars"} {
		for _, l := range []i18n.Lang{i18n.EN, i18n.RU} {
			s := charts.State{View: view, Year: charts.Years[len(charts.Years)-1], Lang: l}
			b.Run(fmt.Sprintf("%s/%s", view, l), func(b *testing.B) {
				for range b.N {
					b.StopTimer()
					a := freshAssets()
					b.StartTimer()
					Build(a, s, w, h)
				}
			})
		}
	}
}

// BenchmarkBuildDesktop: the desktop frame. go test ./charts/layout -run '^$' -bench BuildDesktop
func BenchmarkBuildDesktop(b *testing.B) { benchBuild(b, 800, 450) }

// BenchmarkBuildSmall: the frame a small embed really gives.
func BenchmarkBuildSmall(b *testing.B) { benchBuild(b, 328, 176) }

// freshAssets are the test's fonts and base map with empty caches of projected frames and
// English layouts, the base map's plane made already (by a layout at a size the benchmarks
// do not use).
func freshAssets() charts.Assets {
	a := charts.NewAssets(testAssets.Fonts, testAssets.BaseMap)
	Build(a, charts.State{View: "map", Year: charts.Years[0]}, 640, 640)
	return a
}
