package i18n

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"azflows/data"
)

func TestRuTypography(t *testing.T) {
	for in, want := range map[string]string{
		"в 2010 г. выявлены":             "в\u00a02010\u00a0г. выявлены",
		"за 2006–2012 гг. и":             "за 2006–2012\u00a0гг. и",
		"39 чел.":                        "39\u00a0чел.",
		"в т. ч. в Россию":               "в\u00a0т.\u00a0ч. в\u00a0Россию",
		"т. е. не более":                 "т.\u00a0е. не более",
		"30° с. ш.":                      "30°\u00a0с.\u00a0ш.",
		"до 1 000 женщин":                "до 1\u00a0000\u00a0женщин",
		"до 1000 женщин":                 "до 1000\u00a0женщин",
		"жертвы — 42":                    "жертвы\u00a0— 42",
		"16–19: шаги":                    "16–19: шаги",
		"Сноски 2, 5 и 10 000 000 чисел": "Сноски 2, 5\u00a0и\u00a010\u00a0000\u00a0000\u00a0чисел",
		// Native reading 5, D14: a one-letter preposition or conjunction holds to the word after
		// it, a number to the Cyrillic word after it; Latin letters and longer words break.
		"записка сообщает о 34 жертвах": "записка сообщает о\u00a034\u00a0жертвах",
		"в ОАЭ, Турцию и в Россию":      "в\u00a0ОАЭ, Турцию и\u00a0в\u00a0Россию",
		"(с 2010 г.) К тому же":         "(с\u00a02010\u00a0г.) К\u00a0тому же",
		"А также у НПО":                 "А\u00a0также у\u00a0НПО",
		"«в Баку» и «о нём»":            "«в\u00a0Баку» и\u00a0«о\u00a0нём»",
		"5–6 публикаций за 3–4 месяца":  "5–6\u00a0публикаций за 3–4\u00a0месяца",
		"до 18 лет":                     "до 18\u00a0лет",
		"CARIM-East 2013/41 a b":        "CARIM-East 2013/41 a b",
		"по записке; он и она":          "по записке; он и\u00a0она",
		"Шаги 16–19 (и 20)":             "Шаги 16–19 (и\u00a020)",
		"2010 и 2012":                   "2010\u00a0и\u00a02012",
	} {
		if got := RuTypography(in); got != want {
			t.Errorf("RuTypography(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every Russian string of the catalogs, as T gives it, keeps together what Russian
// typography keeps together: no plain space after a number before «г.», «гг.», «чел.», inside
// «в т. ч.», «т. е.», «с. ш.», between digit groups, or before a dash; none after a one-letter
// preposition or conjunction, or between a number and the Cyrillic word after it (native
// reading 5, D14).
func TestRussianStringsFollowTypography(t *testing.T) {
	bad := regexp.MustCompile(`\d (?:гг?\.|чел\.)|т\. ч\.|в т\.|т\. е\.|с\. ш\.|(?:^|[^\d])\d{1,3} \d{3}(?:[^\d]|$)| [—–] |(?:^|[^\pL\pN])[вкосуаиВКОСУАИ] \S|\d \p{Cyrillic}`)
	n := 0
	for _, k := range Keys() {
		s := T(RU, k)
		if strings.Contains(s, "%") {
			continue // a format: checked with its arguments where it is used
		}
		n++
		if m := bad.FindString(s); m != "" {
			t.Errorf("%s: %q in %q", k, m, s)
		}
	}
	if n < 200 {
		t.Fatalf("only %d Russian strings checked", n)
	}
	if got := Date(RU, 2004, 5, 6); got != "6\u00a0мая 2004\u00a0г." {
		t.Errorf("Date: %q", got)
	}
}

// The single file's footer names its data in words a reader accepts (C-AZ4, C-RU5).
func TestOfflineFooterWords(t *testing.T) {
	for l, want := range map[Lang]string{
		EN: "Single-file edition: code abc, data 18 figures and 15 events, sha256 x.",
		AZ: "Tək fayllı nəşr: kod abc; məlumatlar: 18 rəqəm və 15 hadisə; sha256 x.",
		RU: "Однофайловая версия: код abc; данные: 18\u00a0показателей и\u00a015\u00a0событий; sha256 x.",
	} {
		if got := T(l, "page.offline", "abc", T(l, "page.offline.data", 18, 15, "x")); got != want {
			t.Errorf("%s: %q, want %q", l, got, want)
		}
	}
}

func TestTypesetAndAfterColon(t *testing.T) {
	if got := Typeset(RU, "Иран, 2010 — Жертвы"); got != "Иран, 2010\u00a0— Жертвы" {
		t.Errorf("Typeset(ru) = %q", got)
	}
	if got := Typeset(EN, "Iran, 2010 — Victims"); got != "Iran, 2010 — Victims" {
		t.Errorf("Typeset(en) = %q", got)
	}
	for _, tc := range []struct {
		l       Lang
		in, out string
	}{
		{RU, "Меры и показатели", "меры и показатели"},
		{RU, "Азербайджан и Турция", "Азербайджан и Турция"},
		{AZ, "İllər", "illər"},
		{AZ, "Azərbaycandan qurbanlar", "Azərbaycandan qurbanlar"},
		{AZ, "Türkiyəyə", "Türkiyəyə"},
		{EN, "Where victims", "Where victims"},
		// Native reading 3, D11: a multi-word country name keeps its capital, in any case; an
		// acronym is left alone; a common word that merely begins like a country's name is not.
		{RU, "Объединённые Арабские Эмираты", "Объединённые Арабские Эмираты"},
		{RU, "Объединённых Арабских Эмиратах", "Объединённых Арабских Эмиратах"},
		{RU, "Саудовская Аравия и Катар", "Саудовская Аравия и Катар"},
		{RU, "Северную Македонию", "Северную Македонию"},
		{RU, "Северные страны", "северные страны"},
		{RU, "Азербайджана жертвы", "Азербайджана жертвы"},
		{RU, "России", "России"},
		{RU, "ОАЭ и Турция", "ОАЭ и Турция"},
		{RU, "НПО и МОМ", "НПО и МОМ"},
		{RU, "Индикаторы торговли", "индикаторы торговли"},
		{RU, "Катастрофа", "катастрофа"},
		{RU, "Китайский", "китайский"},
		{AZ, "Birləşmiş Ərəb Əmirlikləri", "Birləşmiş Ərəb Əmirlikləri"},
		{AZ, "Birləşmiş Ərəb Əmirliklərinə", "Birləşmiş Ərəb Əmirliklərinə"},
		{AZ, "Səudiyyə Ərəbistanı", "Səudiyyə Ərəbistanı"},
		{AZ, "Şimali Makedoniya", "Şimali Makedoniya"},
		{AZ, "Azərbaycandakı qurbanlar", "Azərbaycandakı qurbanlar"},
		{AZ, "QHT-lər", "QHT-lər"},
		{AZ, "BMT Konvensiyası", "BMT Konvensiyası"},
		{AZ, "İndiki vəziyyət", "indiki vəziyyət"},
	} {
		if got := AfterColon(tc.l, tc.in); got != tc.out {
			t.Errorf("AfterColon(%s, %q) = %q, want %q", tc.l, tc.in, got, tc.out)
		}
	}
}

func TestRangeDashes(t *testing.T) {
	for in, want := range map[string]string{
		"no more than 5-6 articles in 3-4 months": "no more than 5–6 articles in 3–4 months",
		"18 and 35-40":                       "18 and 35–40",
		"1990-1995-2000":                     "1990–1995–2000",
		"“the past seven years (2006-2012)”": "“the past seven years (2006–2012)”",
		"«35-40»":                            "«35–40»",
		"CARIM-East 2013/41, 2006–2012":      "CARIM-East 2013/41, 2006–2012",
	} {
		if got := RangeDashes(in); got != want {
			t.Errorf("RangeDashes(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every string of the catalogs, as T gives it in every language, writes a range of numbers
// with an en dash ("5–6"), but inside a quotation of the paper, which keeps the paper's hyphen
// (“the past seven years (2006-2012)”, “35-40”; native reading 5, D6).
func TestRangesTakeEnDash(t *testing.T) {
	hy := regexp.MustCompile(`\d-\d`)
	kept := 0
	for _, l := range []Lang{EN, AZ, RU, XX} {
		for _, k := range Keys() {
			s := T(l, k)
			outside := paperQuote.ReplaceAllStringFunc(s, func(q string) string {
				if strings.Contains(paperCorpus(), q[len("\u201c"):len(q)-len("\u201d")]) {
					if hy.MatchString(q) {
						kept++
					}
					return ""
				}
				return q
			})
			if hy.MatchString(outside) {
				t.Errorf("%s %s: a range with a hyphen: %q", l, k, s)
			}
		}
	}
	if kept == 0 {
		t.Error("no quotation of the paper keeps its hyphen")
	}
	for in, want := range map[string]string{
		"for “the past seven years (2006-2012)”, 3-4 months": "for “the past seven years (2006-2012)”, 3–4 months",
		"“son yeddi il, 2006-2012”":                          "“son yeddi il, 2006–2012”", // a translation, not the paper's words
		"“35-40”":                                            "“35-40”",
		"«the past seven years (2006-2012)» (за 2006-2012)":  "«the past seven years (2006-2012)» (за 2006–2012)", // the paper in Russian quotes
		"«за 2006-2012 гг.»":                                 "«за 2006–2012 гг.»",
	} {
		if got := RangesOutsideQuotes(in); got != want {
			t.Errorf("RangesOutsideQuotes(%q) = %q, want %q", in, got, want)
		}
	}
	if got := T(EN, "tl.media-articles-2013"); !strings.Contains(got, "5–6") || !strings.Contains(got, "3–4") {
		t.Errorf("the timeline's articles item reads %q, want 5–6 and 3–4 with en dashes", got)
	}
}

func TestNoteRefs(t *testing.T) {
	nb := "\u00a0"
	for in, want := range map[string]string{
		"(official count, footnote 12).":    "(official count, footnote" + nb + "12).",
		"no numbers (footnotes 2, 5)":       "no numbers (footnotes" + nb + "2," + nb + "5)",
		"(официально, сноска 12).":          "(официально, сноска" + nb + "12).",
		"без цифр (сноски 2, 5)":            "без цифр (сноски" + nb + "2," + nb + "5)",
		"в сноске 9 — доклад":               "в сноске" + nb + "9 — доклад",
		"(rəsmi, haşiyə 9).":                "(rəsmi, haşiyə" + nb + "9).",
		"rəqəmsiz (haşiyələr 2, 5)":         "rəqəmsiz (haşiyələr" + nb + "2," + nb + "5)",
		"Məqalədə haşiyə 2-nin işarəsi":     "Məqalədə haşiyə" + nb + "2-nin işarəsi",
		"Source: footnotes 1, 3, 4, 9, 12.": "Source: footnotes" + nb + "1, 3, 4, 9," + nb + "12.",
		"the footnote of each figure":       "the footnote of each figure",
	} {
		if got := NoteRefs(in); got != want {
			t.Errorf("NoteRefs(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every catalog string, as T gives it in every language, keeps a footnote's word with its
// number («сноска 12», "footnotes 2, 5", «haşiyə 9»): a line never ends in «сноска» with the
// number alone on the next (native reading 4, D4).
func TestFootnoteNumbersStayWithTheirWord(t *testing.T) {
	bad := regexp.MustCompile(`(?i)(footnotes?|сноск[а-я]*|haşiyə[a-zçəğıöşü]*) \d|\d, \d+\)`)
	n := 0
	for _, l := range []Lang{EN, AZ, RU} {
		for _, k := range Keys() {
			catalogMu.RLock()
			raw, ok := catalogs[l][k]
			catalogMu.RUnlock()
			if !ok {
				continue
			}
			s := finish(l, strings.NewReplacer("%d", "12", "%[1]d", "12", "%[2]d", "12").Replace(raw))
			if !strings.Contains(strings.ToLower(s), "footnote") && !strings.Contains(s, "сноск") && !strings.Contains(s, "haşiyə") {
				continue
			}
			n++
			if m := bad.FindString(s); m != "" {
				t.Errorf("%s %s: %q in %q", l, k, m, s)
			}
		}
	}
	if n < 30 {
		t.Fatalf("only %d strings with a footnote checked", n)
	}
}

// The licence's name never breaks across lines, in any language (native reading 5, D16: "CC /
// BY 4.0", "CC BY / 4.0"): every catalog string that names it binds its words.
func TestLicenseNameHolds(t *testing.T) {
	held := strings.ReplaceAll(data.LicenseName, " ", NBSP)
	for _, l := range []Lang{EN, AZ, RU, XX} {
		got := T(l, "source.license", "Source: CARIM-East 2013/41", data.LicenseName)
		if !strings.Contains(got, held) {
			t.Errorf("%s: %q does not hold %q together", l, got, data.LicenseName)
		}
		if got := Typeset(l, "Chart: "+data.LicenseName); !strings.Contains(got, held) {
			t.Errorf("Typeset(%s): %q does not hold %q together", l, got, data.LicenseName)
		}
	}
}

// groupedNumber is a number written with digit groups ("1,000", «1 000», "10.000"), or a
// long one without them.
var groupedNumber = regexp.MustCompile(`\d+(?:[,.\x{a0} ]\d{3})+|\d{5,}`)

// No catalog string writes a number in another grouping than Number gives it in that language
// (native reading 5, D3: «до 1 000 женщин» in a story where every generated number reads
// «1000»): a grouped number must be grouped as the formatter groups it, with its separator.
func TestCatalogNumbersGroupedAsFormatter(t *testing.T) {
	n := 0
	for _, x := range Languages {
		for _, k := range Keys() {
			s := T(x.Lang, k)
			for _, loc := range groupedNumber.FindAllStringIndex(s, -1) {
				tok := s[loc[0]:loc[1]]
				if loc[1] < len(s) && (s[loc[1]] >= '0' && s[loc[1]] <= '9') {
					continue
				}
				digits := strings.Map(func(r rune) rune {
					if r >= '0' && r <= '9' {
						return r
					}
					return -1
				}, tok)
				if seps := strings.Count(tok, x.Decimal); seps == 1 && len(tok)-strings.LastIndex(tok, x.Decimal) == 4 && !strings.ContainsAny(strings.ReplaceAll(tok, x.Decimal, ""), ",.\u00a0 ") {
					continue // one group after the decimal mark: a fraction ("0.125"), not a grouping
				}
				n++
				v, err := strconv.ParseFloat(digits, 64)
				if err != nil {
					t.Fatal(err)
				}
				if want := Number(x.Lang, v); tok != want {
					t.Errorf("%s %s: %q writes %q, the formatter %q", x.Lang, k, s, tok, want)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no grouped number found in any catalog: the check reads nothing")
	}
}

// Quotation marks are for the paper's English words only (page.quotes; native reading 5, D5):
// the age range is quoted in English, its translations are not. A quotation keeps the
// paper's hyphen (RangesOutsideQuotes).
func TestFigQuotedOnlyThePapersWords(t *testing.T) {
	age, ok := data.FigureByID("victim-age-range")
	if !ok {
		t.Fatal("no victim-age-range record")
	}
	for l, want := range map[Lang]string{EN: "“18 and 35-40”", AZ: "18 ilə 35–40 arası", RU: "от 18\u00a0до 35–40"} {
		if got := FigQuoted(l, age); got != want {
			t.Errorf("FigQuoted(%s) = %q, want %q", l, got, want)
		}
	}
	n, _ := data.FigureByID("victims-2010")
	if got := FigQuoted(RU, n); got != "34" {
		t.Errorf("FigQuoted(ru, victims-2010) = %q, want the plain number", got)
	}
}
