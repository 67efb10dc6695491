package main

import "azflows/charts"

// summaryTemplate is one state's text alternative: a paragraph the page shows under the chart
// (web/app.js swaps it with the static SVG).
type summaryTemplate struct {
	ID, Text string
}

// summaries are the text alternatives of every pre-rendered state, keyed as the SVGs are.
func summaries() []summaryTemplate {
	var out []summaryTemplate
	for _, s := range states() {
		out = append(out, summaryTemplate{stateKey(s), charts.Summary(s)})
	}
	return out
}
