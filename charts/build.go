package charts

// Build lays out the state's view at w×h CSS pixels.
func Build(s State, w, h float64) *Chart {
	w, h = clamp(w, 200, 4096), clamp(h, 150, 4096)
	switch s.View {
	case "flow":
		return Flow(s.Year, w, h)
	default:
		return Bars(s.Year, w, h)
	}
}
