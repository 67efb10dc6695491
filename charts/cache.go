package charts

import "sync"

// boundedCache keeps the last max values put into it, by key, for any goroutine: the layouts'
// memo of projected base-map frames (countryRings) and of layouts (Assets.Layout: the English
// layouts a translation is held to). The oldest key goes first; a key already kept keeps its value.
type boundedCache[K comparable, V any] struct {
	mu   sync.Mutex
	max  int
	keys []K
	vals map[K]V
}

func newBoundedCache[K comparable, V any](max int) *boundedCache[K, V] {
	return &boundedCache[K, V]{max: max}
}

// get is the value kept for k, if any.
func (c *boundedCache[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.vals[k]
	return v, ok
}

// put keeps v for k unless k is kept already, dropping the oldest key when full.
func (c *boundedCache[K, V]) put(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.vals == nil {
		c.vals = map[K]V{}
	}
	if _, dup := c.vals[k]; dup {
		return
	}
	if len(c.keys) >= c.max {
		delete(c.vals, c.keys[0])
		c.keys = c.keys[1:]
	}
	c.keys = append(c.keys, k)
	c.vals[k] = v
}
