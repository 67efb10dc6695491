package i18n

// ru is the Russian catalog.
var ru = map[string]string{
	"month.1": "январь", "month.2": "февраль", "month.3": "март", "month.4": "апрель", "month.5": "май", "month.6": "июнь",
	"month.7": "июль", "month.8": "август", "month.9": "сентябрь", "month.10": "октябрь", "month.11": "ноябрь", "month.12": "декабрь",
	"month.gen.1": "января", "month.gen.2": "февраля", "month.gen.3": "марта", "month.gen.4": "апреля", "month.gen.5": "мая", "month.gen.6": "июня",
	"month.gen.7": "июля", "month.gen.8": "августа", "month.gen.9": "сентября", "month.gen.10": "октября", "month.gen.11": "ноября", "month.gen.12": "декабря",
	"date.month": "%s %d г.",
	"date.day":   "%d %s %d г.",
}
