package raster

import (
	"bytes"
	"sync"
	"testing"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
)

// Images may be painted in parallel (cmd/build paints the link previews so): each comes out
// as it does alone. A font face keeps scratch buffers, so painters that shared faces garbled
// each other's glyphs (and -race reported it).
func TestDrawInParallel(t *testing.T) {
	var states []charts.State
	for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU} {
		states = append(states, charts.State{View: "bars", Year: 2012, Lang: l}, charts.State{View: "timeline", Year: 2010, Lang: l})
	}
	alone := make([][]byte, len(states))
	for i, s := range states {
		alone[i] = Draw(layout.Build(testAssets, s, 800, 420), 1.5).Pix
	}
	for round := 0; round < 3; round++ {
		got := make([][]byte, len(states))
		var wg sync.WaitGroup
		for i, s := range states {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got[i] = Draw(layout.Build(testAssets, s, 800, 420), 1.5).Pix
			}()
		}
		wg.Wait()
		for i := range states {
			if !bytes.Equal(got[i], alone[i]) {
				t.Errorf("round %d: %+v painted in parallel differs from the same painted alone", round, states[i])
			}
		}
	}
}
