package charts

// Role is what a mark is in the chart: the backends draw, style and hit-test marks by it
// (the SVG's class, the echarts series, the live view's hover) and the tests read charts by
// it. Every role a layout gives a mark is one of the constants below (TestRolesDeclared).
type Role string

// The frame's text (frame.go).
const (
	RoleTitle    Role = "title"    // a line of the chart's title
	RoleSubtitle Role = "subtitle" // a line of the subtitle under the title
	RoleNote     Role = "note"     // a line of the notes under the plot, or the words of an empty view or of what a list leaves out
	RoleSource   Role = "source"   // a line of the source under the notes
)

// Scales and the plot's furniture.
const (
	RoleAxis      Role = "axis"      // an axis line, a baseline or an axis's title
	RoleTick      Role = "tick"      // the label of a scale's tick, or a year beside a list's entries
	RoleGrid      Role = "grid"      // a grid line at a tick
	RoleHeader    Role = "header"    // a panel's or a section's heading: a year and its total, the timeline's headings
	RoleLabel     Role = "label"     // the name of a category, node, country or event, beside its mark
	RoleValue     Role = "value"     // the figure a mark shows, written beside it
	RoleSelection Role = "selection" // the outline of the chosen year's panel or span
	RoleMissing   Role = "missing"   // the words in a row where the paper gives no figure for that year
)

// Marks that show a datum.
const (
	RoleBar      Role = "bar"      // a bar, a part of a bar, a range, or a timeline marker of a figure
	RoleBand     Role = "band"     // a flow's band from the origin to its destination
	RoleNode     Role = "node"     // a flow's node: the origin or a destination
	RoleArc      Role = "arc"      // a map's arc from Azerbaijan to a destination, its width the count
	RoleCountry  Role = "country"  // a country's shape on the map (a destination's datum where it is one)
	RoleRoute    Role = "route"    // a route the paper names without numbers: its line or its arrowhead
	RoleUnknown  Role = "unknown"  // the box of victims whose destination the paper does not give
	RoleEstimate Role = "estimate" // an estimate's mark in the map's key
	RoleEvent    Role = "event"    // a timeline marker of an event without a figure
)

// The map's and the key's marks.
const (
	RoleMapFrame Role = "mapframe" // the outline of the map's area
	RolePlace    Role = "place"    // the name of a place or sea that orients the reader, not a datum
	RoleLegend   Role = "legend"   // a key entry's sample or words
)

// What the view adds on hover (tooltip.go).
const (
	RoleTooltip   Role = "tooltip"   // the tooltip's box, its lines and its close control
	RoleHighlight Role = "highlight" // the outline of the hovered mark
)
