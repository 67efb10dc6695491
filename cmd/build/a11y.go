package main

// summaryTemplate is one state's text alternative: a paragraph the page shows under the chart
// (web/page/app.js swaps it with the static SVG). ID is the template's id (site.StateFiles.Summary).
type summaryTemplate struct {
	ID, Text string
}
