package ebiten

import (
	"testing"

	"azflows/site"
)

// The warm-up builds the chart of the state and size web/view/warmwasm.js passes after
// site.WarmUpArg; missing, bad or absurd sizes are 800×450, and without the argument there is
// no state.
func TestWarmUpState(t *testing.T) {
	for _, tc := range []struct {
		args []string
		hash string
		w, h float64
	}{
		{[]string{"js", site.WarmUpArg, "#view=map&year=2012", "1000", "800"}, "#view=map&year=2012", 1000, 800},
		{[]string{"js", site.WarmUpArg, "#view=bars", "0", "-5"}, "#view=bars", 800, 450},
		{[]string{"js", site.WarmUpArg, "", "NaN", "1e9"}, "", 800, 450},
		{[]string{"js", site.WarmUpArg, "#view=flow"}, "#view=flow", 800, 450},
		{[]string{"js", site.WarmUpArg}, "", 800, 450},
		{[]string{"js"}, "", 800, 450},
	} {
		hash, w, h := warmUpState(tc.args)
		if hash != tc.hash || w != tc.w || h != tc.h {
			t.Errorf("warmUpState(%q) = %q, %v×%v, want %q, %v×%v", tc.args, hash, w, h, tc.hash, tc.w, tc.h)
		}
	}
}
