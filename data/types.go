// Package data holds every figure, flow and dated event that the source paper reports, as typed
// records that each carry the verbatim sentence and footnote they come from.
package data

// SourcePath is where the build and the tests look for the paper's text, relative to the
// repository root, unless SourceEnv names another file. The paper is an input, not a file of
// the repository: the records carry their verbatim quotes, and without the paper only the
// checks against it are left out (README, "Source paper").
const SourcePath = "../shared/source/000_972ab09f2d197776.txt"

// SourceEnv is the environment variable that names the paper's text file.
const SourceEnv = "AZFLOWS_SOURCE"

// Citation names the paper as its own text does (the extracted text names no author).
const Citation = "“The Problem of Human Trafficking in Post-Soviet Azerbaijan: Socio-Political Context”, CARIM-East Explanatory Note 2013/41, © 2013 EUI, RSCAS"

// ShortSource is the one-line source credit shown under charts.
const ShortSource = "CARIM-East Explanatory Note 2013/41 (EUI, RSCAS)"

// LicenseName and LicenseURL are the terms of what the site makes (its charts, images and
// data files): Creative Commons Attribution 4.0. The code is under the MIT license (LICENSE).
const (
	LicenseName = "CC BY 4.0"
	LicenseURL  = "https://creativecommons.org/licenses/by/4.0/"
)

// License is the license line of the data downloads (the CSV's last column, the JSON's
// "license").
const License = "Charts, images and data of azflows: " + LicenseName + " (" + LicenseURL + ")"

// Quotations credits the paper's words that the records quote: they are the paper's, quoted,
// not under the site's license.
const Quotations = "Quotations are from " + Citation + "; they are the paper's authors' and EUI, RSCAS's words, quoted, not covered by the license above."

// Status says what kind of figure a record is; charts never draw two statuses alike.
type Status string

const (
	// Official is a count published by an Azerbaijani state body.
	Official Status = "official"
	// Estimate is a figure that others estimated (NGOs, experts).
	Estimate Status = "estimate"
	// Derived is arithmetic on official figures, done here and labelled as such.
	Derived Status = "derived"
	// Reported is a count the paper itself gives about something other than victims.
	Reported Status = "reported"
)

// Bound says how exact a value is.
type Bound string

const (
	Exact Bound = "exact" // the source gives the number as is
	UpTo  Bound = "up to" // the source gives an upper bound ("up to 1,000")
	Range Bound = "range" // the source gives a span ("35-40", "5-6")
)

// Period is the time a figure refers to, with the source's own wording.
type Period struct {
	From, To int    // years, inclusive; From == To for a single year; 0 when the source gives none
	Text     string // as the source words it, e.g. "the previous six years"
}

// Figure is one number the source gives.
type Figure struct {
	ID       string   `json:"id"`
	Measure  string   `json:"measure"`  // what it counts
	Unit     string   `json:"unit"`     // persons, females per year, articles …
	Value    float64  `json:"value"`    // the number; the upper bound for UpTo; the low end for Range
	High     float64  `json:"high"`     // the high end for Range, else equal to Value
	Bound    Bound    `json:"bound"`    // exact, up to, range
	Text     string   `json:"text"`     // the number as the source writes it, found in Quote
	Period   Period   `json:"period"`   // when
	Reporter string   `json:"reporter"` // who reported it
	Status   Status   `json:"status"`
	Footnote int      `json:"footnote"`          // the paper's footnote that backs the sentence
	Quote    string   `json:"quote"`             // a verbatim sentence (or part of it) from the paper
	Phrase   string   `json:"phrase,omitempty"`  // the words of Quote that carry the number and say what it counts ("23 victims were trafficked to Turkey"); "" for Derived
	Counts   string   `json:"counts,omitempty"`  // the words of Phrase, found in Measure too, that name what is counted ("convicted", "Turkey")
	Caveats  []string `json:"caveats"`           // what the source (or its arithmetic) leaves open
	Formula  string   `json:"formula,omitempty"` // for Derived: how it was computed from other records
}

// DestKind says how precisely a flow's destination is known.
type DestKind string

const (
	Country        DestKind = "country"         // one named country
	OtherCountries DestKind = "other countries" // a group the source does not break down
	NotGiven       DestKind = "not given"       // the source gives no destination for these
)

// Flow is a number of identified victims taken from Azerbaijan to a destination in a year.
type Flow struct {
	ID       string   `json:"id"`
	Year     int      `json:"year"`
	From     string   `json:"from"`               // ISO 3166 alpha-2 of the origin: AZ
	To       string   `json:"to"`                 // ISO alpha-2 for Country, "" otherwise
	Label    string   `json:"label"`              // the destination as the source names it
	Includes []string `json:"includes,omitempty"` // for OtherCountries: ISO codes the source names among them
	Kind     DestKind `json:"kind"`
	FigureID string   `json:"figure"` // the Figure that holds the number and its quote
	Total    string   `json:"total"`  // the Figure with the year's total
}

// Precision says how exactly the source dates an event.
type Precision string

const (
	Day     Precision = "day"
	Month   Precision = "month"
	Year    Precision = "year"
	Vague   Precision = "vague"   // "the first half of the 1990s", "early 2000s"
	Undated Precision = "undated" // the source gives no date
)

// Event is something the source dates (or explicitly does not date).
type Event struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	When      string    `json:"when"` // the date as the source words it
	Year      float64   `json:"year"` // position on a time axis (fractional for months); 0 when undated
	Precision Precision `json:"precision"`
	Footnote  int       `json:"footnote"` // 0: the paper states it without a footnote
	Quote     string    `json:"quote"`
	Caveats   []string  `json:"caveats"`
}

// Route is a destination the source names without a number.
type Route struct {
	ID       string   `json:"id"`
	Purpose  string   `json:"purpose"` // forced labour, sexual exploitation, emigration
	Who      string   `json:"who"`
	To       []string `json:"to"` // ISO alpha-2
	Period   string   `json:"period"`
	Footnote int      `json:"footnote"`
	Quote    string   `json:"quote"`
	Caveats  []string `json:"caveats"`
}

// Footnote is one of the paper's footnotes, as its reference text.
type Footnote struct {
	N    int    `json:"n"`
	Text string `json:"text"`
}
