package charts

import (
	"fmt"
	"testing"

	"azflows/i18n"
)

// benchBuild lays out each of the views en and ru at one size; grown views count with the
// layouts their growth tried. Each layout starts with the charts' caches empty (the projected
// frames, the English layouts), as the first layout after a resize does; the base map's plane
// and i18n's finished strings stay, as they do in the live view.
func benchBuild(b *testing.B, w, h float64) {
	for _, view := range []string{"map", "timeline", "bars"} {
		for _, l := range []i18n.Lang{i18n.EN, i18n.RU} {
			s := State{View: view, Year: Years[len(Years)-1], Lang: l}
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

// BenchmarkBuildDesktop: the desktop frame. go test ./charts -run '^$' -bench BuildDesktop
func BenchmarkBuildDesktop(b *testing.B) { benchBuild(b, 800, 450) }

// BenchmarkBuildSmall: the frame a small embed really gives.
func BenchmarkBuildSmall(b *testing.B) { benchBuild(b, 328, 176) }

// freshAssets are the test's fonts and base map with empty caches of projected frames and
// English layouts, the base map's plane made already (by a layout at a size the benchmarks
// do not use).
func freshAssets() Assets {
	a := NewAssets(testAssets.Fonts, testAssets.BaseMap)
	Build(a, State{View: "map", Year: Years[0]}, 640, 640)
	return a
}
