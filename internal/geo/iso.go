package geo

// alpha2 maps the ISO 3166-1 numeric codes of the region's countries to alpha-2, the codes
// data.Flow and data.Route use. Shapes of the region without a code here keep "n" + numeric.
var alpha2 = map[string]string{
	"004": "AF", "008": "AL", "051": "AM", "031": "AZ", "048": "BH", "112": "BY", "070": "BA", "100": "BG",
	"148": "TD", "156": "CN", "191": "HR", "196": "CY", "203": "CZ", "818": "EG", "232": "ER", "233": "EE",
	"246": "FI", "268": "GE", "300": "GR", "348": "HU", "356": "IN", "364": "IR", "368": "IQ", "376": "IL",
	"380": "IT", "400": "JO", "398": "KZ", "414": "KW", "417": "KG", "428": "LV", "422": "LB", "434": "LY",
	"440": "LT", "807": "MK", "498": "MD", "499": "ME", "512": "OM", "586": "PK", "275": "PS", "616": "PL",
	"634": "QA", "642": "RO", "643": "RU", "682": "SA", "688": "RS", "703": "SK", "729": "SD", "752": "SE",
	"760": "SY", "762": "TJ", "792": "TR", "795": "TM", "804": "UA", "784": "AE", "860": "UZ", "887": "YE",
	"248": "AX", "040": "AT", "276": "DE", "578": "NO", "705": "SI", "462": "MV", "262": "DJ", "706": "SO",
	"231": "ET", "144": "LK", "524": "NP",
}

// Alpha2 returns the alpha-2 code of an ISO numeric code, or "" when the region does not need it.
func Alpha2(numeric string) string { return alpha2[numeric] }
