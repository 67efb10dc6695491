package ebiten

import (
	"slices"
	"strconv"

	"azflows/site"
)

// warmUpState is the hash and the size the warm-up builds the chart for: the arguments after
// site.WarmUpArg (hash, width, height in CSS px), 800×450 where they are missing or bad.
func warmUpState(args []string) (hash string, w, h float64) {
	w, h = 800, 450
	i := slices.Index(args, site.WarmUpArg)
	if i < 0 {
		return "", w, h
	}
	rest := args[i+1:]
	if len(rest) > 0 {
		hash = rest[0]
	}
	if len(rest) > 2 {
		if x, err := strconv.ParseFloat(rest[1], 64); err == nil && x >= 1 && x <= 1e5 {
			w = x
		}
		if y, err := strconv.ParseFloat(rest[2], 64); err == nil && y >= 1 && y <= 1e5 {
			h = y
		}
	}
	return hash, w, h
}
