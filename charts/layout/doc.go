// Package layout lays out azflows' views: Build turns a state (view, year, language) and a
// size into a charts.Chart, through the view's layout (bars, flow, compare, map with its labels
// and key, timeline) and the frame every view shares (title, notes, source line). It holds the
// rule that a view never drops what it shows (Dropped, with the growth of a picture that
// cannot hold everything), the tooltips' words, the summaries and the screen reader's names
// and read-outs. It imports the model, package charts; the model never imports it.
package layout
