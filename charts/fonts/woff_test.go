package fonts

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
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
