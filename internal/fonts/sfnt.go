package fonts

import (
	"errors"
	"fmt"
)

// Sfnt returns the sfnt font of a file of the chart's text as the view receives it: the
// build's plain TrueType (written from the WOFF at build time, so that the view has nothing to
// inflate at its start) as it is, or a WOFF 1.0 file (the single files carry those) decoded
// by DecodeWOFF; decoded says which. Anything else is an error, and so is an sfnt over
// MaxSfntSize: the same bound as a WOFF's inflated tables.
func Sfnt(b []byte) (sfnt []byte, decoded bool, err error) {
	if len(b) >= 4 && string(b[:4]) == "wOFF" {
		sfnt, err = DecodeWOFF(b)
		return sfnt, err == nil, err
	}
	if len(b) < 12 {
		return nil, false, errors.New("fonts: not a font file (too short)")
	}
	switch string(b[:4]) {
	case "\x00\x01\x00\x00", "true", "OTTO":
	default:
		return nil, false, fmt.Errorf("fonts: not a TrueType, OpenType or WOFF file (it starts %q)", b[:4])
	}
	if len(b) > MaxSfntSize {
		return nil, false, fmt.Errorf("fonts: font file of %d bytes, more than the %d this reads", len(b), MaxSfntSize)
	}
	return b, false, nil
}
