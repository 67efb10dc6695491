package charts

import "azflows/internal/geo"

// Assets are what a chart is made with: the fonts its text is measured with and the base map
// its map view draws. Every layout reaches them through the chart it lays out (Chart.Assets),
// never through a package variable. Zero Assets are valid: the Go fonts and no base map (the
// map view then draws its arcs without countries, and says so). NewAssets adds the layouts'
// caches; Assets made as a literal lay out the same charts without them (more slowly).
type Assets struct {
	Fonts   *Fonts   // nil: the Go fonts
	BaseMap *geo.Map // nil: no countries on the map
	memo    *memo
}

// NewAssets are fonts and a base map with the layouts' caches (see memo).
func NewAssets(f *Fonts, bm *geo.Map) Assets { return Assets{Fonts: f, BaseMap: bm, memo: newMemo()} }

// LayoutKey names a layout the Assets' memo keeps: a view's state at a size.
type LayoutKey struct {
	View  string
	State State
	W, H  float64
}

type layoutKey struct {
	LayoutKey
	fonts *Fonts
	base  *geo.Map
}

// Layout is the chart lay makes for k with a, kept in a's memo (NewAssets: the last layoutsMax
// of them) for the next ask; lay must be a pure function of k and a. Callers only read the
// chart. Assets without a memo lay it out every time.
func (a Assets) Layout(k LayoutKey, lay func() *Chart) *Chart {
	if a.memo == nil {
		return lay()
	}
	key := layoutKey{k, a.Fonts, a.BaseMap}
	if c, ok := a.memo.layouts.get(key); ok {
		return c
	}
	c := lay()
	a.memo.layouts.put(key, c)
	return c
}

// layoutsMax bounds the layouts kept: the English layouts of a growth search's heights for a
// few states (the layouts hold a translated chart to the English one laid out at its size).
const layoutsMax = 32
