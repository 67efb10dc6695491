// Package charts is azflows' renderer-independent chart model: given a view, a year and a pixel
// size it lays out marks (rects, paths, text) that point back to data records, and answers which
// datum lies under a point. The ebiten view, the SVG writer and the go-echarts fallback only
// translate these marks; none of them lays anything out.
package charts
