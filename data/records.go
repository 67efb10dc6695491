package data

// Caveats the source attaches to the Ministry's statistics (footnote 8) and the contradictions
// found in its numbers. They are stated once and referenced by every record they concern.
const (
	CaveatAccuracy = "The paper: \u201cIt is impossible to evaluate their accuracy\u201d; footnote 8 questions the statistics because of corruption among police and officials."
	CaveatTrend    = "The paper says official statistics show a tendency towards fewer victims from year to year, yet it reports 34 victims identified in 2010 and 89 referred to the support centres in 2012; the two counts may measure different things, and the paper does not reconcile them."
	CaveatPeriod   = "The paper says the statistics were summarised for \u201cthe past seven years (2006-2012)\u201d, then gives 473 persons who fell victim \u201cduring the previous six years\u201d; which period is meant is not clear."
	Caveat2012Dest = "For 2012 the paper gives destinations for 47 victims and says that 89 were referred to the support centres; it does not say where the other 42 (89 \u2212 47, computed here) were taken, nor whether the destinations given are those of the victims referred."
)

// Figures is every number the paper gives, in the order it gives them.
var Figures = []Figure{
	{
		ID: "ngo-estimate-females-per-year", Measure: "females trafficked from Azerbaijan every year by fraudulent means, as estimated by NGOs",
		Unit: "females per year", Value: 1000, High: 1000, Bound: UpTo, Text: "1,000",
		Period: Period{Text: "every year (no year given)"}, Reporter: "numerous NGOs, as quoted by Arif Yunusov",
		Status: Estimate, Footnote: 6,
		Quote:   "according to the estimates of numerous non- governmental organizations that deal with the problem of human trafficking, up to 1,000 females are trafficked from Azerbaijan every year by fraudulent means. Very few of them return.",
		Caveats: []string{"An upper bound (\u201cup to\u201d) from NGO estimates, not an official count; the paper gives no year for it."},
	},
	{
		ID: "victim-age-range", Measure: "age of the vast majority of victims (females)",
		Unit: "years of age", Value: 18, High: 40, Bound: Range, Text: "18 and 35-40",
		Period: Period{Text: "not stated"}, Reporter: "the majority of observers (footnote 7)",
		Status: Estimate, Footnote: 7,
		Quote:   "females between the ages of 18 and 35-40 constitute the vast majority of the victims.",
		Caveats: []string{"The upper end is itself a span: \u201c35-40\u201d."},
	},
	{
		ID: "convicted-2010", Measure: "persons convicted of trafficking",
		Unit: "persons", Value: 39, High: 39, Bound: Exact, Text: "39",
		Period: Period{From: 2010, To: 2010, Text: "in 2010"}, Reporter: "Ministry of Internal Affairs of Azerbaijan",
		Status: Official, Footnote: 9,
		Quote:   "in 2010, according to the reports by the Ministry of the Interior, more persons were convicted of trafficking (39 persons) than the number of victims of trafficking who were discovered (34 people).",
		Caveats: []string{CaveatAccuracy},
	},
	{
		ID: "victims-2010", Measure: "victims of trafficking identified (\u201cdiscovered\u201d)",
		Unit: "persons", Value: 34, High: 34, Bound: Exact, Text: "34",
		Period: Period{From: 2010, To: 2010, Text: "in 2010"}, Reporter: "Ministry of Internal Affairs of Azerbaijan",
		Status: Official, Footnote: 9,
		Quote:   "in 2010, according to the reports by the Ministry of the Interior, more persons were convicted of trafficking (39 persons) than the number of victims of trafficking who were discovered (34 people).",
		Caveats: []string{CaveatAccuracy, CaveatTrend},
	},
	{
		ID: "victims-2010-no-school", Measure: "victims who had not finished school",
		Unit: "persons", Value: 9, High: 9, Bound: Exact, Text: "9",
		Period: Period{From: 2010, To: 2010, Text: "in 2010"}, Reporter: "Ministry of Internal Affairs of Azerbaijan",
		Status: Official, Footnote: 9,
		Quote:   "As for the victims, they were mostly young women with little education (9 of them have not even finished school).",
		Caveats: []string{CaveatAccuracy},
	},
	{
		ID: "dest-2010-turkey", Measure: "victims trafficked to Turkey", Unit: "persons", Value: 23, High: 23, Bound: Exact, Text: "23",
		Period: Period{From: 2010, To: 2010, Text: "in 2010"}, Reporter: "Ministry of Internal Affairs of Azerbaijan",
		Status: Official, Footnote: 9,
		Quote:   "23 victims were trafficked to Turkey, 4 to the United Arab Emirates, 3 to Iran, and the remaining 4 to other countries, including Russia.",
		Caveats: []string{CaveatAccuracy},
	},
	{
		ID: "dest-2010-uae", Measure: "victims trafficked to the United Arab Emirates", Unit: "persons", Value: 4, High: 4, Bound: Exact, Text: "4",
		Period: Period{From: 2010, To: 2010, Text: "in 2010"}, Reporter: "Ministry of Internal Affairs of Azerbaijan",
		Status: Official, Footnote: 9,
		Quote:   "23 victims were trafficked to Turkey, 4 to the United Arab Emirates, 3 to Iran, and the remaining 4 to other countries, including Russia.",
		Caveats: []string{CaveatAccuracy},
	},
	{
		ID: "dest-2010-iran", Measure: "victims trafficked to Iran", Unit: "persons", Value: 3, High: 3, Bound: Exact, Text: "3",
		Period: Period{From: 2010, To: 2010, Text: "in 2010"}, Reporter: "Ministry of Internal Affairs of Azerbaijan",
		Status: Official, Footnote: 9,
		Quote:   "23 victims were trafficked to Turkey, 4 to the United Arab Emirates, 3 to Iran, and the remaining 4 to other countries, including Russia.",
		Caveats: []string{CaveatAccuracy},
	},
	{
		ID: "dest-2010-other", Measure: "victims trafficked to other countries, including Russia", Unit: "persons", Value: 4, High: 4, Bound: Exact, Text: "4",
		Period: Period{From: 2010, To: 2010, Text: "in 2010"}, Reporter: "Ministry of Internal Affairs of Azerbaijan",
		Status: Official, Footnote: 9,
		Quote: "23 victims were trafficked to Turkey, 4 to the United Arab Emirates, 3 to Iran, and the remaining 4 to other countries, including Russia.",
		Caveats: []string{CaveatAccuracy,
			"\u201cOther countries, including Russia\u201d: the paper does not say how many of the 4 went to Russia or which other countries are meant."},
	},
	{
		ID: "victims-2006-2012", Measure: "persons who fell victim to trafficking \u201cduring the previous six years\u201d (multi-year total)",
		Unit: "persons", Value: 473, High: 473, Bound: Exact, Text: "473",
		Period:   Period{From: 2006, To: 2012, Text: "\u201cthe previous six years\u201d (statistics \u201csummarized for the past seven years (2006-2012)\u201d)"},
		Reporter: "Vilayat Eyvazov, Deputy Minister of Internal Affairs",
		Status:   Official, Footnote: 11,
		Quote:   "473 persons fell victim to trafficking during the previous six years.",
		Caveats: []string{CaveatPeriod, CaveatAccuracy},
	},
	{
		ID: "victims-2012", Measure: "victims of trafficking referred to the support centres",
		Unit: "persons", Value: 89, High: 89, Bound: Exact, Text: "89",
		Period: Period{From: 2012, To: 2012, Text: "in 2012"}, Reporter: "Ministry of Internal Affairs of Azerbaijan",
		Status: Official, Footnote: 12,
		Quote:   "In 2012, 89 victims of trafficking were referred to the support centres.",
		Caveats: []string{CaveatAccuracy, CaveatTrend, Caveat2012Dest},
	},
	{
		ID: "dest-2012-turkey", Measure: "victims taken to Turkey", Unit: "persons", Value: 19, High: 19, Bound: Exact, Text: "19",
		Period: Period{From: 2012, To: 2012, Text: "in 2012"}, Reporter: "Ministry of Internal Affairs of Azerbaijan",
		Status: Official, Footnote: 12,
		Quote:   "19 victims were taken to Turkey, 12 to Iran, 2 to the United Arab Emirates and 14 to Russia.",
		Caveats: []string{CaveatAccuracy},
	},
	{
		ID: "dest-2012-iran", Measure: "victims taken to Iran", Unit: "persons", Value: 12, High: 12, Bound: Exact, Text: "12",
		Period: Period{From: 2012, To: 2012, Text: "in 2012"}, Reporter: "Ministry of Internal Affairs of Azerbaijan",
		Status: Official, Footnote: 12,
		Quote:   "19 victims were taken to Turkey, 12 to Iran, 2 to the United Arab Emirates and 14 to Russia.",
		Caveats: []string{CaveatAccuracy},
	},
	{
		ID: "dest-2012-uae", Measure: "victims taken to the United Arab Emirates", Unit: "persons", Value: 2, High: 2, Bound: Exact, Text: "2",
		Period: Period{From: 2012, To: 2012, Text: "in 2012"}, Reporter: "Ministry of Internal Affairs of Azerbaijan",
		Status: Official, Footnote: 12,
		Quote:   "19 victims were taken to Turkey, 12 to Iran, 2 to the United Arab Emirates and 14 to Russia.",
		Caveats: []string{CaveatAccuracy},
	},
	{
		ID: "dest-2012-russia", Measure: "victims taken to Russia", Unit: "persons", Value: 14, High: 14, Bound: Exact, Text: "14",
		Period: Period{From: 2012, To: 2012, Text: "in 2012"}, Reporter: "Ministry of Internal Affairs of Azerbaijan",
		Status: Official, Footnote: 12,
		Quote:   "19 victims were taken to Turkey, 12 to Iran, 2 to the United Arab Emirates and 14 to Russia.",
		Caveats: []string{CaveatAccuracy},
	},
	{
		ID: "dest-2012-not-given", Measure: "victims referred in 2012 whose destination the paper does not give",
		Unit: "persons", Value: 42, High: 42, Bound: Exact, Text: "42",
		Period: Period{From: 2012, To: 2012, Text: "in 2012"}, Reporter: "computed here from the Ministry's figures",
		Status: Derived, Footnote: 12,
		Quote:   "In 2012, 89 victims of trafficking were referred to the support centres. The directions by country remain the same: 19 victims were taken to Turkey, 12 to Iran, 2 to the United Arab Emirates and 14 to Russia.",
		Formula: "89 referred to the support centres − 47 with a destination given (Turkey 19 + Iran 12 + United Arab Emirates 2 + Russia 14) = 42",
		Caveats: []string{Caveat2012Dest},
	},
	{
		ID: "conferences-march-2006", Measure: "conferences on combatting trafficking attended by the Ministry's department (twice in Austria, once in Georgia)",
		Unit: "conferences", Value: 3, High: 3, Bound: Exact, Text: "three",
		Period: Period{From: 2006, To: 2006, Text: "during the month of March 2006"}, Reporter: "Ministry of Internal Affairs (quoted)",
		Status: Reported, Footnote: 4,
		Quote:   "during the month of March 2006, the employees of the department participated in three conferences on combatting trafficking in human beings: twice in",
		Caveats: []string{"Footnote 4 closes the passage; the paper gives no separate reference for this quotation."},
	},
	{
		ID: "media-articles-2013", Measure: "articles on human trafficking published in the 3-4 months after the December 2012 release",
		Unit: "articles", Value: 5, High: 6, Bound: Range, Text: "5-6",
		Period: Period{Text: "the next 3-4 months after December 2012"}, Reporter: "the paper's author (footnote 10)",
		Status: Reported, Footnote: 10,
		Quote:   "no more than 5-6 articles have been published on the issue of human trafficking, and these were mostly short news stories.",
		Caveats: []string{"\u201cNo more than\u201d: an upper bound, stated as a span."},
	},
}

// Flows are the destinations the paper gives per year, origin Azerbaijan. Each year's flows add
// up to that year's total; what the paper leaves unplaced is its own flow of kind NotGiven.
var Flows = []Flow{
	{ID: "flow-2010-tr", Year: 2010, From: "AZ", To: "TR", Label: "Turkey", Kind: Country, FigureID: "dest-2010-turkey", Total: "victims-2010"},
	{ID: "flow-2010-ae", Year: 2010, From: "AZ", To: "AE", Label: "United Arab Emirates", Kind: Country, FigureID: "dest-2010-uae", Total: "victims-2010"},
	{ID: "flow-2010-ir", Year: 2010, From: "AZ", To: "IR", Label: "Iran", Kind: Country, FigureID: "dest-2010-iran", Total: "victims-2010"},
	{ID: "flow-2010-other", Year: 2010, From: "AZ", Label: "other countries, including Russia", Includes: []string{"RU"}, Kind: OtherCountries, FigureID: "dest-2010-other", Total: "victims-2010"},
	{ID: "flow-2012-tr", Year: 2012, From: "AZ", To: "TR", Label: "Turkey", Kind: Country, FigureID: "dest-2012-turkey", Total: "victims-2012"},
	{ID: "flow-2012-ir", Year: 2012, From: "AZ", To: "IR", Label: "Iran", Kind: Country, FigureID: "dest-2012-iran", Total: "victims-2012"},
	{ID: "flow-2012-ae", Year: 2012, From: "AZ", To: "AE", Label: "United Arab Emirates", Kind: Country, FigureID: "dest-2012-uae", Total: "victims-2012"},
	{ID: "flow-2012-ru", Year: 2012, From: "AZ", To: "RU", Label: "Russia", Kind: Country, FigureID: "dest-2012-russia", Total: "victims-2012"},
	{ID: "flow-2012-not-given", Year: 2012, From: "AZ", Label: "destination not given", Kind: NotGiven, FigureID: "dest-2012-not-given", Total: "victims-2012"},
}

// Routes are the destinations the paper names without numbers.
var Routes = []Route{
	{
		ID: "route-forced-labour", Purpose: "forced labour", Who: "men and children", To: []string{"RU"},
		Period: "not dated (US experts, 2012 report)", Footnote: 2,
		Quote:   "For the purposes of forced labour, men and children are sent into Russia.",
		Caveats: []string{"In the extracted text the marker of footnote 2 (the US Trafficking in Persons Report 2012) stands apart from this paragraph; it is the reference that matches \u201csome experts from the United States\u201d."},
	},
	{
		ID: "route-sexual-exploitation", Purpose: "sexual exploitation", Who: "women and children", To: []string{"AE", "TR", "RU", "IR"},
		Period: "not dated (US experts, 2012 report)", Footnote: 2,
		Quote:   "For the purposes of sexual exploitation, women and children are sent into the United Arab Emirates, Turkey, Russia and Iran.",
		Caveats: []string{"In the extracted text the marker of footnote 2 (the US Trafficking in Persons Report 2012) stands apart from this paragraph; it is the reference that matches \u201csome experts from the United States\u201d."},
	},
	{
		ID: "route-1990s-emigration", Purpose: "emigration for work in the sex industry", Who: "emigrants, mostly female", To: []string{"IR", "TR", "PK", "AE"},
		Period: "the first half of the 1990s", Footnote: 5,
		Quote:   "This kind of migration was mainly directed towards Iran, Turkey, Pakistan, the United Arab Emirates and some other countries.",
		Caveats: []string{"\u201cAnd some other countries\u201d are not named.", "The paper: \u201cThere are not enough data on the situation in the 1990s to make generalisations about specific trends.\u201d"},
	},
}

// Events are the paper's dated (and one undated) steps, in the order of time.
var Events = []Event{
	{ID: "ev-1990s-emigration", Title: "Mass emigration from Azerbaijan begins", When: "the first half of the 1990s", Year: 1992.5, Precision: Vague, Footnote: 5,
		Quote:   "Mass emigration of the population from Azerbaijan (labour migration, etc.) began already in the first half of the 1990s.",
		Caveats: []string{"Placed at the middle of 1990-1995; the paper gives no exact year."}},
	{ID: "ev-1997-relevant", Title: "Trafficking becomes a relevant problem, according to Arif Yunusov", When: "since 1997", Year: 1997, Precision: Year, Footnote: 6,
		Quote: "According to Arif Yunusov, the problem of human trafficking becomes relevant only since 1997."},
	{ID: "ev-2000-conference", Title: "Conference on violence against women in Baku (NGO \u201cSymmetry\u201d and OSCE/ODIHR)", When: "2000", Year: 2000, Precision: Year, Footnote: 1,
		Quote:   "in 2000 in Baku on violence against women.",
		Caveats: []string{"The sentence is split across a page break in the paper: \u201cOne of the first large-scale discussions on human trafficking occurred at the conference on violence against women held by the Azeri NGO \u201cSymmetry\u201d and the OSCE Office for Democratic Institutions and Human Rights (ODIHR) \u2026 in 2000 in Baku\u201d. Footnote 1 explains ODIHR."}},
	{ID: "ev-early-2000s-estimates", Title: "Notable attempts at statistical estimates of the number of victims", When: "the early 2000\u2019s", Year: 2001.5, Precision: Vague, Footnote: 6,
		Quote:   "Notable attempts to make statistical estimations of the number of trafficking victims date back to the early 2000\u2019s.",
		Caveats: []string{"Placed in the early 2000s; the paper gives no exact year."}},
	{ID: "ev-2001-police-programme", Title: "Programme on violence against women and trafficking launched among the police", When: "2001", Year: 2001, Precision: Year, Footnote: 3,
		Quote:   "a new program amongst the police forces was launched in 2001, which was also later expanded to include officials in the prosecution offices and the courts.",
		Caveats: []string{"When the programme was extended to prosecutors and courts is not dated."}},
	{ID: "ev-2001-life-without-violence", Title: "Azerbaijan joins UNIFEM\u2019s regional campaign \u201cLife without violence\u201d", When: "since 2001", Year: 2001, Precision: Year, Footnote: 3,
		Quote: "Since 2001, Azerbaijan joined the regional information campaign of the United Nations Development Fund for Women, \u201cLife without violence.\u201d"},
	{ID: "ev-2002-brussels", Title: "Brussels Declaration on Preventing and Combatting Trafficking in Human Beings adopted", When: "September 20, 2002", Year: 2002 + (8+19.0/30)/12, Precision: Day, Footnote: 0,
		Quote:   "the \u201cBrussels Declaration on Preventing and Combatting Trafficking in Human Beings,\u201d adopted on September 20, 2002.",
		Caveats: []string{"The paper gives no footnote for this paragraph."}},
	{ID: "ev-2003-un-convention", Title: "UN Convention against Transnational Organized Crime approved in Azerbaijan", When: "May 2003", Year: 2003 + 4.5/12, Precision: Month, Footnote: 0,
		Quote:   "the UN Convention \u201cAgainst Transnational Organized Crime\u201d, which was approved in Azerbaijan in May 2003, and the \u201cProtocol to Prevent, Suppress and Punish Trafficking in Persons, especially Women and Children,\u201d",
		Caveats: []string{"The paper gives no footnote for this paragraph.", "The sentence names the Trafficking Protocol beside the Convention but gives no separate date for the Protocol."}},
	{ID: "ev-2003-coe-translated", Title: "Council of Europe recommendations on trafficking translated into Azerbaijani", When: "2003", Year: 2003, Precision: Year, Footnote: 3,
		Quote: "In 2003, the recommendations of the Council of Europe on action against trafficking in human beings for the purpose of sexual exploitation were translated into the Azeri language."},
	{ID: "ev-2004-action-plan", Title: "Presidential Decree approves the National Action Plan to Combat Trafficking", When: "6 May 2004", Year: 2004 + (4+5.0/31)/12, Precision: Day, Footnote: 4,
		Quote:   "The Presidential Decree of 6 May 2004 approved the \u201cNational Action Plan to Combat Trafficking in Human Beings in the Republic of Azerbaijan.\u201d",
		Caveats: []string{"Footnote 4 closes the passage on the Ministry\u2019s department; the paper gives no separate reference for the decree."}},
	{ID: "ev-2006-conferences", Title: "Ministry\u2019s anti-trafficking department attends three conferences (Austria twice, Georgia once)", When: "March 2006", Year: 2006 + 2.5/12, Precision: Month, Footnote: 4,
		Quote: "during the month of March 2006, the employees of the department participated in three conferences on combatting trafficking in human beings: twice in"},
	{ID: "ev-2010-figures", Title: "2010: 34 victims identified, 39 persons convicted", When: "2010", Year: 2010.5, Precision: Year, Footnote: 9,
		Quote:   "in 2010, according to the reports by the Ministry of the Interior, more persons were convicted of trafficking (39 persons) than the number of victims of trafficking who were discovered (34 people).",
		Caveats: []string{CaveatAccuracy}},
	{ID: "ev-2012-figures", Title: "2012: 89 victims referred to support centres", When: "2012", Year: 2012.5, Precision: Year, Footnote: 12,
		Quote:   "In 2012, 89 victims of trafficking were referred to the support centres.",
		Caveats: []string{CaveatAccuracy, Caveat2012Dest}},
	{ID: "ev-2012-12-statistics", Title: "Statistics for 2006\u20132012 released at an international conference in Baku", When: "December 2012", Year: 2012 + 11.5/12, Precision: Month, Footnote: 11,
		Quote:   "In December 2012, the statistics on human trafficking were summarized for the past seven years (2006-2012).",
		Caveats: []string{CaveatPeriod}},
	{ID: "ev-shelter", Title: "Shelter for victims of trafficking built and opened in Baku (with OSCE and IOM)", When: "not dated", Year: 0, Precision: Undated, Footnote: 4,
		Quote:   "In Baku, with the assistance of the OSCE Baku Office staff and the International Organization for Migration, a shelter for the victims of trafficking was built and opened.",
		Caveats: []string{"The paper does not say when the shelter opened."}},
}
