package i18n

// az is the Azerbaijani (Latin script) catalog.
var az = map[string]string{
	"month.1": "yanvar", "month.2": "fevral", "month.3": "mart", "month.4": "aprel", "month.5": "may", "month.6": "iyun",
	"month.7": "iyul", "month.8": "avqust", "month.9": "sentyabr", "month.10": "oktyabr", "month.11": "noyabr", "month.12": "dekabr",
	"date.month": "%s %d",
	"date.day":   "%d %s %d",
}
