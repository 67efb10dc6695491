package layout

import (
	"testing"

	"azflows/charts"
	"azflows/i18n"
)

// Issue 26: on the ru first screen at 360×640 the phone map's picture ended in ~45 px of blank
// between its key and its credits (the map kept its full-width height, the key under it took
// fewer rows than the room left), so the screen's foot showed nothing and nothing hinted that
// more followed. A phone's map takes the height its key leaves: the foot's blank is the frame's
// usual gap, in every language and year, at 344×459 and 374×499 (360×640 and 390×844 phones)
// and the 360×480 of the phone pictures.
func TestPhoneMapLeavesNoBlankAboveFoot(t *testing.T) {
	for _, sz := range [][2]float64{{344, 459}, {374, 499}, {360, 480}} {
		for _, l := range i18n.Langs {
			for _, y := range []int{2010, 2012} {
				c := Build(testAssets, charts.State{View: "map", Year: y, Lang: l}, sz[0], sz[1])
				slack, gap := FootSlack(c)
				if c.H != sz[1] {
					t.Errorf("%s map %d at %vx%v: the picture took %v px", l, y, sz[0], sz[1], c.H)
				}
				if slack > gap+6 {
					t.Errorf("%s map %d at %vx%v: %.1f px of blank above the credits (the frame's gap is %.1f)", l, y, sz[0], sz[1], slack, gap)
				}
			}
		}
	}
}
