package charts

import "testing"

// The cache keeps the last max keys, drops the oldest first and keeps a key's first value.
func TestBoundedCacheKeepsTheLast(t *testing.T) {
	c := newBoundedCache[int, string](2)
	c.put(1, "a")
	c.put(2, "b")
	c.put(2, "B")
	c.put(3, "c")
	if _, ok := c.get(1); ok {
		t.Error("the oldest key is still kept after a third")
	}
	if v, _ := c.get(2); v != "b" {
		t.Errorf("key 2 holds %q, want its first value b", v)
	}
	if v, ok := c.get(3); !ok || v != "c" {
		t.Errorf("key 3 holds %q, %v", v, ok)
	}
}
