// Package charts is azflows' chart model: what a laid-out chart is, whatever drew it or draws
// it. A Chart is a display list of marks (rects, paths, texts) that point back to data records,
// with its panels and their scales, the tooltips of its data and the assets it was measured
// with (fonts, base map); the package measures text, answers which datum lies under a point
// (HitTest), tweens between two charts and reads and writes the state in the URL hash. It lays
// nothing out: the views' layouts are package charts/layout, which imports this one; the
// renderers (charts/svg, charts/raster, charts/echarts, charts/ebiten) only translate marks.
package charts
