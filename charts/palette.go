package charts

// Palette colours. Meaning never rests on colour alone: each kind of figure also differs in
// outline (solid, dashed) and is named in its label.
const (
	Background = "#ffffff"
	Ink        = "#1f2328" // main text
	Muted      = "#57606a" // secondary text, axes
	Grid       = "#d8dee4"
	OfficialC  = "#2e5a87" // official counts of one named country
	GroupC     = "#a9bfd6" // official counts of a group the source does not break down
	PartC      = "#14304d" // a part of an official count (9 of the 34), drawn inside it
	UnknownC   = "#57606a" // outline of what the source leaves unplaced
	EstimateC  = "#b35806" // estimates (NGOs, experts)
	Highlight  = "#1f2328"
	TooltipBg  = "#ffffff"
)

// Dashed is the dash pattern of figures that are not one country's official count.
var Dashed = []float64{5, 3}
