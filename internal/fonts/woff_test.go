package fonts

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"runtime"
	"testing"

	"golang.org/x/image/font/sfnt"
)

func TestDecodeNotoSans(t *testing.T) {
	s, err := ForTests()
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for i, want := range []rune{'A', 'ə', 'Ж'} {
		for _, set := range [][][]byte{s.Regular, s.Bold} {
			f, err := sfnt.Parse(set[i])
			if err != nil {
				t.Fatalf("%s: %v", Subsets[i], err)
			}
			if g, err := f.GlyphIndex(&buf, want); err != nil || g == 0 {
				t.Errorf("%s has no %q", Subsets[i], want)
			}
		}
	}
}

// A hand-made WOFF with one stored and one compressed table comes back as the same tables.
func TestDecodeWOFFTables(t *testing.T) {
	be := binary.BigEndian
	a, b := []byte("abcdefg"), bytes.Repeat([]byte("xyz"), 40)
	var zb bytes.Buffer
	zw := zlib.NewWriter(&zb)
	zw.Write(b)
	zw.Close()
	woff := make([]byte, 44+40)
	copy(woff, "wOFF")
	be.PutUint32(woff[4:], 0x00010000)
	be.PutUint16(woff[12:], 2)
	put := func(i int, tag string, data []byte, orig int) {
		e := woff[44+20*i:]
		copy(e, tag)
		be.PutUint32(e[4:], uint32(len(woff)))
		be.PutUint32(e[8:], uint32(len(data)))
		be.PutUint32(e[12:], uint32(orig))
		woff = append(woff, data...)
	}
	put(1, "zzzz", a, len(a))
	put(0, "aaaa", zb.Bytes(), len(b))
	out, err := DecodeWOFF(woff)
	if err != nil {
		t.Fatal(err)
	}
	if be.Uint16(out[4:]) != 2 || string(out[12:16]) != "aaaa" || string(out[28:32]) != "zzzz" {
		t.Fatalf("directory %q", out[:44])
	}
	off, n := be.Uint32(out[12+8:]), be.Uint32(out[12+12:])
	if !bytes.Equal(out[off:off+n], b) || off%4 != 0 {
		t.Errorf("inflated table differs")
	}
	off, n = be.Uint32(out[28+8:]), be.Uint32(out[28+12:])
	if !bytes.Equal(out[off:off+n], a) || off%4 != 0 {
		t.Errorf("stored table differs")
	}
	if _, err := DecodeWOFF([]byte("wOF2....")); err == nil {
		t.Error("WOFF2 accepted")
	}
}

// oneTable is a WOFF file with one table entry of the given sizes and data after it.
func oneTable(comp, orig uint32, data []byte) []byte {
	be := binary.BigEndian
	woff := make([]byte, 64, 64+len(data))
	copy(woff, "wOFF")
	be.PutUint32(woff[4:], 0x00010000)
	be.PutUint16(woff[12:], 1)
	copy(woff[44:], "glyf")
	be.PutUint32(woff[48:], 64)
	be.PutUint32(woff[52:], comp)
	be.PutUint32(woff[56:], orig)
	return append(woff, data...)
}

// A 66-byte file that claims a 4 GB table is an error, and allocates nearly nothing: it once
// made the wasm view die with "out of memory".
func TestDecodeWOFFBounded(t *testing.T) {
	for name, woff := range map[string][]byte{
		"a 4 GB table from 2 bytes":         oneTable(2, 0xFFFFFFFF, []byte{0x78, 0x9c}),
		"a 1 GB table from 2 bytes":         oneTable(2, 1<<30, []byte{0x78, 0x9c}),
		"tables beyond the limit":           oneTable(20000, 20000*1000, make([]byte, 20000)),
		"a table past the end of the file":  oneTable(100, 100, make([]byte, 10)),
		"an offset past 4 GB with the size": oneTable(0xFFFFFFF0, 0xFFFFFFF0, nil),
		"no tables":                         oneTable(0, 0, nil)[:44],
	} {
		if len(woff) >= 44 && name == "no tables" {
			binary.BigEndian.PutUint16(woff[12:], 0)
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := DecodeWOFF(woff)
		runtime.ReadMemStats(&after)
		if err == nil {
			t.Errorf("%s (%d bytes): decoded", name, len(woff))
		}
		if d := after.TotalAlloc - before.TotalAlloc; d > 1<<20 {
			t.Errorf("%s (%d bytes): allocated %d bytes before failing", name, len(woff), d)
		}
	}
}

// FuzzDecodeWOFF: any input decodes or fails, without panicking and without allocating much
// more than it could hold; a decoded font has the directory it says. Seeds: testdata/fuzz/
// FuzzDecodeWOFF (a real subset, hand-made and hostile files).
func FuzzDecodeWOFF(f *testing.F) {
	f.Add(oneTable(2, 0xFFFFFFFF, []byte{0x78, 0x9c}))
	f.Fuzz(func(t *testing.T, woff []byte) {
		out, err := DecodeWOFF(woff)
		if err != nil {
			return
		}
		if len(out) > MaxSfntSize {
			t.Fatalf("%d bytes out, more than the limit", len(out))
		}
		n := int(binary.BigEndian.Uint16(out[4:]))
		if n != int(binary.BigEndian.Uint16(woff[12:])) || len(out) < 12+16*n {
			t.Fatalf("directory of %d tables in %d bytes", n, len(out))
		}
	})
}
