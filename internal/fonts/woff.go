// Package fonts reads the Noto Sans subsets that azflows draws chart text with: WOFF 1.0
// files from the npm package @fontsource/noto-sans, turned back into plain sfnt (TrueType).
package fonts

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"azflows/internal/repo"
)

// Limits of DecodeWOFF, a little above the fonts it reads (the Noto Sans subsets: 9–82 KB,
// 16–150 KB inflated; TestWOFFLimitsFitTheInput); no table or font may claim more.
const (
	// MaxWOFFSize is the largest WOFF file DecodeWOFF reads.
	MaxWOFFSize = 128 << 10
	// MaxSfntSize is the most all of a font's tables may take once inflated.
	MaxSfntSize = 256 << 10
	// maxInflateRatio is above zlib's best ratio (1032:1): a table claiming more than this
	// times its compressed size is lying.
	maxInflateRatio = 1100
)

// DecodeWOFF returns the sfnt (TrueType/OpenType) font inside a WOFF 1.0 file: each table is
// inflated when it is stored zlib-compressed, and the tables are laid out again after an sfnt
// table directory, 4-byte aligned, in the order of their tags. Every size the file states is
// checked against the file's real size and the limits above before anything is allocated; a
// file that breaks one is an error.
func DecodeWOFF(woff []byte) ([]byte, error) {
	if len(woff) < 44 || string(woff[:4]) != "wOFF" {
		return nil, errors.New("fonts: not a WOFF 1.0 file")
	}
	if len(woff) > MaxWOFFSize {
		return nil, fmt.Errorf("fonts: WOFF file of %d bytes, more than the %d this reads", len(woff), MaxWOFFSize)
	}
	be := binary.BigEndian
	flavor := be.Uint32(woff[4:])
	n := int(be.Uint16(woff[12:]))
	if n == 0 || 44+20*n > len(woff) {
		return nil, errors.New("fonts: WOFF table directory is empty or truncated")
	}
	type table struct {
		tag, checksum uint32
		data          []byte
	}
	// First every entry's sizes, against the file and the limits, before any allocation.
	total := 12 + 16*n
	for i := range n {
		e := woff[44+20*i:]
		off, comp, orig := int64(be.Uint32(e[4:])), int64(be.Uint32(e[8:])), int64(be.Uint32(e[12:]))
		switch {
		case off+comp > int64(len(woff)) || comp > orig:
			return nil, fmt.Errorf("fonts: WOFF table %d lies outside the file", i)
		case comp < orig && orig > comp*maxInflateRatio:
			return nil, fmt.Errorf("fonts: WOFF table %d claims %d bytes from %d compressed", i, orig, comp)
		}
		total += int((orig + 3) &^ 3)
		if total > MaxSfntSize {
			return nil, fmt.Errorf("fonts: WOFF tables claim more than %d bytes", MaxSfntSize)
		}
	}
	tables := make([]table, n)
	for i := range tables {
		e := woff[44+20*i:]
		off, comp, orig := int(be.Uint32(e[4:])), int(be.Uint32(e[8:])), int(be.Uint32(e[12:]))
		raw := woff[off : off+comp]
		if comp < orig {
			zr, err := zlib.NewReader(bytes.NewReader(raw))
			if err != nil {
				return nil, fmt.Errorf("fonts: table %d: %w", i, err)
			}
			out := make([]byte, orig)
			if _, err := io.ReadFull(zr, out); err != nil {
				return nil, fmt.Errorf("fonts: table %d: %w", i, err)
			}
			raw = out
		}
		tables[i] = table{tag: be.Uint32(e), checksum: be.Uint32(e[16:]), data: raw}
	}
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	sr, es := 1, 0
	for sr*2 <= n {
		sr *= 2
		es++
	}
	head := make([]byte, 12+16*n)
	be.PutUint32(head, flavor)
	be.PutUint16(head[4:], uint16(n))
	be.PutUint16(head[6:], uint16(sr*16))
	be.PutUint16(head[8:], uint16(es))
	be.PutUint16(head[10:], uint16(n*16-sr*16))
	var body bytes.Buffer
	off := len(head)
	for i, t := range tables {
		r := head[12+16*i:]
		be.PutUint32(r, t.tag)
		be.PutUint32(r[4:], t.checksum)
		be.PutUint32(r[8:], uint32(off+body.Len()))
		be.PutUint32(r[12:], uint32(len(t.data)))
		body.Write(t.data)
		for body.Len()%4 != 0 {
			body.WriteByte(0)
		}
	}
	return append(head, body.Bytes()...), nil
}

// Subsets are the fontsource subsets chart text is drawn with, in fallback order: a rune is
// drawn with the first that has it. latin-ext has ə, ğ, ı, ş; cyrillic has Russian.
var Subsets = []string{"latin", "latin-ext", "cyrillic"}

// UnicodeRanges are fontsource's unicode-range of each subset (for @font-face rules).
var UnicodeRanges = map[string]string{
	"latin":     "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
	"latin-ext": "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF",
	"cyrillic":  "U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116",
}

// Set is the fonts of both weights, each a list of sfnt fonts in the order of Subsets.
type Set struct {
	Regular, Bold [][]byte
}

// File is the name of a subset's file of a weight in @fontsource/noto-sans/files, without
// the extension: "noto-sans-latin-ext-700-normal".
func File(subset string, bold bool) string {
	w := "400"
	if bold {
		w = "700"
	}
	return "noto-sans-" + subset + "-" + w + "-normal"
}

// Load reads the subsets' .woff files from an npm node_modules directory and decodes them.
// It fails, saying to run npm ci, when the package is missing.
func Load(nodeModules string) (Set, error) {
	var s Set
	for _, bold := range []bool{false, true} {
		for _, sub := range Subsets {
			b, err := ReadWOFF(nodeModules, sub, bold)
			if err != nil {
				return Set{}, err
			}
			ttf, err := DecodeWOFF(b)
			if err != nil {
				return Set{}, fmt.Errorf("fonts: %s: %w", File(sub, bold), err)
			}
			if bold {
				s.Bold = append(s.Bold, ttf)
			} else {
				s.Regular = append(s.Regular, ttf)
			}
		}
	}
	return s, nil
}

// ReadWOFF reads one subset's .woff file of a weight from an npm node_modules directory. It
// fails, saying to run npm ci, when the package is missing.
func ReadWOFF(nodeModules, subset string, bold bool) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(nodeModules, "@fontsource", "noto-sans", "files", File(subset, bold)+".woff"))
	if err != nil {
		return nil, fmt.Errorf("fonts: %w (run `npm ci` for @fontsource/noto-sans)", err)
	}
	return b, nil
}

// ForTests loads the fonts from the repository's node_modules, found by walking up from the
// working directory to go.mod.
func ForTests() (Set, error) {
	root, err := repo.Root()
	if err != nil {
		return Set{}, err
	}
	return Load(filepath.Join(root, "node_modules"))
}
