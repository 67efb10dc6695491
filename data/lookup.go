package data

import "sort"

// FigureByID returns the figure with that id.
func FigureByID(id string) (Figure, bool) {
	for _, f := range Figures {
		if f.ID == id {
			return f, true
		}
	}
	return Figure{}, false
}

// FootnoteText returns footnote n's reference, or "" when the paper has no such footnote.
func FootnoteText(n int) string {
	for _, f := range Footnotes {
		if f.N == n {
			return f.Text
		}
	}
	return ""
}

// FlowYears lists the years for which the paper gives destinations, ascending.
func FlowYears() []int {
	seen := map[int]bool{}
	var ys []int
	for _, f := range Flows {
		if !seen[f.Year] {
			seen[f.Year] = true
			ys = append(ys, f.Year)
		}
	}
	sort.Ints(ys)
	return ys
}

// FlowsFor returns the year's flows in the paper's order.
func FlowsFor(year int) []Flow {
	var out []Flow
	for _, f := range Flows {
		if f.Year == year {
			out = append(out, f)
		}
	}
	return out
}

// FlowValue is the number of victims a flow carries.
func FlowValue(f Flow) float64 {
	fig, _ := FigureByID(f.FigureID)
	return fig.Value
}
