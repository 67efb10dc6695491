//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
	"azflows/internal/caching"
)

// wrongWording are sentences readers found wrong against the paper or against the grammar of
// their language (issue 15); none may be left anywhere in the built site.
var wrongWording = []struct{ pattern, why string }{
	{`identified victims`, "2012's victims were referred to the support centres, not identified"},
	{`fell victim to trafficking over`, "the paper says 'during the previous six years', not 2006–2012"},
	{`women a year`, "the NGO estimate is of females and has no year"},
	{`\(and Protocol\)`, "the paper dates only the Convention"},
	{`Pakistan and the UAE`, "the paper adds 'and some other countries'"},
	{`1990s onwards`, "the paper says the first half of the 1990s"},
	{`victims-2012 −|dest-2012-turkey \+|\(dest-2012-`, "internal ids in a formula"},
	{`(?:^|[^h]\s|[^\s])Macedonia`, "North Macedonia"},
	{`Council of Europe texts|Avropa Şurasının mətnləri|тексты Совета Европы`, "the CoE's recommendations were translated in 2003 (reading 3, A1)"},
	{`articles \(2013\)|çox deyil \(2013\)|в СМИ \(2013`, "the articles are counted from December 2012 (reading 3, A2)"},
	{`\) \(\d{4}[\x{a0} ]г\.\)`, "two parentheses in a row (reading 3, C1)"},
	{`приют открыт в Баку|Сохраните строку со скриптом|при каждом показателе`, "ru word order, repetition and term (reading 3, D4, D5, D7)"},
	{`were taken: \d{4} \(|aparılıb: \d{4} \(|Азербайджана: \d{4}[\x{a0} ]г\. \(`, "the bars title's own colon (reading 3, D10)"},
	{`~ and dashed: the paper|~ və qırıq xətt: məqalə|~ и пунктир: записка`, "a dashed count is not official or spans years, not undated: the key says what each marker means"},
	{`>not official<|>qeyri-rəsmi<|>неофициальный<`, "the paper does not call the conferences and the articles unofficial: reported in the paper (reading 4, A1)"},
	{`; countries: Pakistan|; ölkələr: Pakistan|; страны: Пакистан`, "the routes' key names only the route ends no label names (reading 4, A2)"},
	{`\(сноска \d+\); не на карте`, "ru: a verb is needed, на карте нет (reading 4, C1)"},
	{`47 qurbanın 89`, "'for 89 of the 47 victims'"},
	{`qurbanların aparıldığı ölkə(?:$|[^\pL])`, "Azerbaijan is the country victims were taken from"},
	{`2010-ci`, "2010-cu (on)"},
	{`\d{4}–\d{4} illərində`, "…-ci illərdə"},
	{`\d+ (?:— )?(?:[\pL“”()]+ ){0,5}qurbanları(?:$|[^\pL])`, "a noun after a numeral stays singular"},
	{`[Qq]eyd(?:lər)? \d|>Qeyd<|qeyd \d`, "footnote is haşiyə; qeyd is note"},
	{`bir adlı ölkə`, "adı çəkilən bir ölkə"},
	{`hamısı \(\d+\) yerləşdirilib`, "hamısının təyinat ölkəsi göstərilib"},
	{`istiqamətində aparılıb`, "Türkiyəyə aparılıb (dative)"},
	{`polis arasında`, "polis əməkdaşları üçün proqram"},
	{`(?:^|[^\pL])sayl(?:ar|arı|arın|ardır)(?:$|[^\pL])`, "saylar → rəqəmlər"},
	{`sayım deyil`, "rəsmi say deyil"},
	{`(?:^|[^i]\s|[^\s])Makedoniya`, "Şimali Makedoniya"},
	{`89 жертвы`, "89 жертв…, направленных"},
	{`человек: \d`, "5 человек"},
	{`осуждено человек:|выявлено жертв:`, "осуждены 39 человек, выявлены 34 жертвы"},
	{`5–6 статьи`, "5–6 статей (публикаций)"},
	{`[Сс]тать[яиеюё]|[Сс]татей`, "the paper is a записка, the news items публикации в СМИ"},
	{`Из Азербайджана — куда`, "Куда вывозили жертв из Азербайджана"},
	{`данные, жертв:`, "Официальные данные: 89 жертв"},
	{`т\. ч\. Россия»`, "в другие страны, в т. ч. в Россию"},
	{`18 и 35`, "от 18 до 35–40 лет"},
	{`угаданный`, "предполагаемый"},
	{`программа в полиции`, "программа для полиции"},
	{`(?:^|[^я]\s|[^\s])Македония`, "Северная Македония"},
	{`estimates dating from the early 2000s|2000-ci illərin əvvəlinə aid təxminlər|оценки начала 2000-х`, "the paper gives no year for the NGO estimate"},
	{`[Ff]irst (?:attempts|statistical estimates)|ilk statistik təxmin|[Пп]ервые (?:попытки|статистические оценки)`, "the paper: 'Notable attempts'"},
	{`for 47 of whom|47 of the 89|47 of them|onlardan 47-si|qurbandan 47-si|для 47 из (?:них|89)`, "the paper does not tie the 47 with destinations to the 89 referred"},
	{`count different things|fərqli şeyləri sayır|fərqli şeylər sayılır|считают разное|считать разное|считается разное`, "the counts may measure different things"},
	{`show fewer victims year by year|sayının ildən-ilə azaldığını|показывает сокращение`, "the paper: 'a tendency towards reducing'"},
	{`Internal Affairs, December 2012|müavini, dekabr 2012|внутренних дел, декабрь 2012`, "the paper does not date Eyvazov's statement"},
	{`в год \(сноска`, "до 1 000 женщин, вывозимых ежегодно (trafficked)"},
	{`ən böyük təyinat ölkəsi`, "ən çox qurban aparılan təyinat ölkəsi"},
	{`bir illə müqayisə edilmir`, "bir illik rəqəmlə müqayisə edilə bilməz"},
	{`, hesablanıb\)`, "burada hesablanıb (computed here)"},
	{`жертв — [^—]+ — вывезены`, "больше всего жертв … вывезено"},
	{`təxmini ilə yerləşdirilmir`, "güman edilən bir ilə yerləşdirilmir"},
	{`qadın ildə`, "qadın (hər il)"},
	{`ölkələri məqalədə bölünməyən`, "təyinat ölkələri üzrə bölgüsü verilməyən"},
	{`üzərinə gələndə açılan`, "kursoru … üzərinə gətirəndə açılan"},
	{`hekayəni addım-addım`, "hekayə addım-addım"},
	{`məqalə onları bölmür|məqalədə bölünmür`, "bölgü vermir / bölgüsü verilmir"},
	{`ölkələr”\) adları çəkilmir`, "adlandırılmır"},
	{`kimi adı çəkilir: |как страна назначения: `, "the purpose is not a country: (məqsəd: …) / (цель: …)"},
	{`zolağın üzərinə gətirin və ya toxunun`, "kursoru … üzərinə gətirin və ya ona toxunun"},
	{`[Пп]о словам записки`, "согласно записке (a paper has no words of its own)"},
	{`прямоугольником, а не местом`, "а не как место на карте"},
	{`В записке нет сноски к этому|оценки отдельно, каждая|>89 направлены`, "сноски к этому месту; каждый показатель; 89 жертв направлены"},
	{`5–6 публикаций за`, "публикаций в СМИ (glossary)"},
	// The native reading of 2026-12-07 (issue 25).
	{`2012: where victims were taken from|2012 — mənşə ölkəsi: qurbanlar buradan aparılıb|2012: откуда вывозили жертв`, "the paper does not say where the 89 referred came from (A1)"},
	{`Destination not given|Təyinat ölkəsi göstərilməyib|Страна назначения не указана`, "the 42 were referred; the paper gives them no destination (A1)"},
	{`(?:^|[^n]\s)5-6 articles|(?:^|[^е]\s)5–6 — публикации|yazılar — 5–6(?:$|[^-])`, "the paper says 'no more than 5-6' (A2)"},
	{`1, 3, 4, 5, 6, 7, 9, 10, 11,[ \x{a0}]12`, "nothing on the timeline comes from footnote 7 (A3)"},
	{`Internal Affairs \(quoted\)|Nazirliyi \(sitat\)|внутренних дел \(цитата\)`, "the paper does not attribute the March 2006 quotation (A4)"},
	{`of Azerbaijan — Source: footnote[ \x{a0}]9|Nazirliyi — Mənbə: haşiyə[ \x{a0}]9|Азербайджана[ \x{a0}]— Источник: сноска[ \x{a0}]9`, "footnote 9 is the Azerbaijan Migration Center's report (D-EN6)"},
	{`23 had been taken to Turkey; 4|23-ü Türkiyəyə aparılıb; 4|вывезены в Турцию; 4 — в другие`, "the caption lists all of the 34 (D-EN4)"},
	{`записка их не сводит`, "«сводить» does not mean reconcile: не объясняет это расхождение (C-RU1)"},
	{`Названа без чисел|без чисел|не даёт числа|Нет данных: |Отдельного числа`, "Пакистан … упоминается; без цифр, not «без чисел» (C-RU2, C-RU3)"},
	{`что оно считает`, "a number does not count: что она обозначает (C-RU4)"},
	{`а не как место на карте`, "the flow chart has no map (B4)"},
	{`\(“çox deyil”\)`, "“çox deyil” alone is not an upper bound (B5)"},
	{`istiqamət üçündür`, "orientation, not direction: oriyentir üçün (B6)"},
	{`QHT-si və ATƏT-in DTİHB-nin`, "genitive of a coordinated possessor: QHT-sinin və … DTİHB-sinin (C-AZ1)"},
	{`tarixlədiyi`, "tarixi göstərilən (C-AZ2)"},
	{`zaman üzrə, məqalənin tarixləri ilə`, "zaman xəttində (məqalədəki tarixlərə görə) (C-AZ3)"},
	{`hissəni bağlayır`, "hissənin sonunda verilib (C-AZ5)"},
	{`Computed here, in 20|Burada hesablanıb, 20|Подсчитано здесь, в 20|Сообщается, `, "a template that read 'computed in 2012' (D-EN5, C-AZ6, C-RU6)"},
	{`extracted text|Çıxarılmış mətndə|извлечённом тексте`, "the reader cannot see the site's extracted text (D-EN1)"},
	{`Nəyi sayır|nəyi saydığı`, "Nəyi göstərir (D-AZ5)"},
	{`ODIHR-i izah|такое ODIHR\.`, "the abbreviation in the reader's language too (D-AZ6, D-RU9)"},
	{`mübarizə şöbəsi`, "idarə, as the Ministry's body is named (D-AZ7)"},
	{`записки рядом|несопоставим с одним годом`, "в сопоставлении; с данными за один год (D-RU6)"},
	{`назначения: не на карте`, "…нет, поэтому на карте не показано (D-RU7)"},
	{`щелчок закрепляет|однофайловая azflows|зачитываются над`, "D-RU8"},
	{`No footnote in the paper for this — The paper gives no footnote`, "the same statement twice (D-EN3)"},
	{`в записке: В Баку|\((?:Начинается|Началась|Статистика) `, "a title inside a Russian sentence starts in lower case (D-RU11)"},
	{`[Нн]ачинается массовая|становится актуальной|присоединяется к|Указ Президента утверждает|участвует в трёх`, "the timeline's Russian titles in one tense, the past (D-RU10)"},
	// The second native reading (2026-12-07, /work/native-reading-2.md).
	{`The largest number, 19, were taken|largest destination in both years|Ən çox qurban — 19 nəfər|Больше всего жертв[\s\x{00a0}]— 19|ən çox qurban aparılan təyinat|Главная страна назначения в оба года`, "2012 gives destinations for 47 of 89: the largest of the counts given (A1)"},
	{`qurbanların aparıldığı yer`, "the place victims were taken to, not from (B1)"},
	{`təyinat ölkəsi yoxdur|Направлены, без страны назначения`, "no destination given, not none (B2)"},
	{`[>"]Не указано[<"\s]`, "says less than 'no destination given' (B3)"},
	{`hər il aparılan qadınlar`, "females trafficked from Azerbaijan, not 'taken' (B4)"},
	{`переходят по его числам`, "agreement; keys do not move (C1)"},
	{`onun rəqəmləri üzrə keçir`, "the keys do not pass (C2)"},
	{`idarəetmə elementləri üzrə və qrafikə`, "a postposition coordinated with a dative (C3)"},
	{`18 ilə 35[–-]40(?:[^ ]|$| [^a])`, "'18 ilə 35–40' needs 'arası' (C4)"},
	{`: kütləvi emiqrasiya başlayır|“aktual” olur|Məqalədə bildirilir`, "the timeline's labels and the status in one tense, -ib (D3)"},
	{`məktəb bitirməyib`, "müəyyən edilmiş 34 nəfərdən 9-u məktəbi bitirməyib, as the summary says (D4)"},
	{`bölünüb: «`, "Azerbaijani quotes “…” outside, ‘…’ inside (D5)"},
	{`(?:Zaman xətti|Rəqəmlərin müqayisəsi): [A-ZƏÜÖİŞÇĞ]|(?:Карта|Страны назначения по годам|Потоки из Азербайджана|Сравнение показателей|Хронология): [А-ЯЁ]`, "lower case after the colon of a view's name (D9)"},
	{`назначения, названная в записке`, "страна назначения в … г. (по записке) (D11)"},
	{`Цифры \(CSV\)|Все цифры`, "показатели for the figures, число for the value (D12)"},
	{`"публикации в СМИ"|,публикации в СМИ,`, "the unit after a number: не более 5–6 публикаций в СМИ (D13)"},
	{`Показатели: три[\s\x{00a0}]— конференции`, "measure — value, as in Azerbaijani (D14)"},
	{`comes from this paper; the|bu məqalədən götürülüb; hər|взяты из этой записки; при`, "42, 47 and 26 % are computed here (D15)"},
	// The fifth native reading (2026-12-08, /work/native-reading-5.md).
	{`yaş arası qadınlardır|arası yaş arası`, "'arası' twice: … arası yaşda olan qadınlardır (F1)"},
	{`rəqəmlər arasında ən böyüyü`, "a country is not a number: ən böyük rəqəm … üzrədir (F2)"},
	{`Наибольшая из указанных цифр|в оба года`, "a country is not a figure: первое место … занимает (F3)"},
	{`на карте не показано\.`, "«оценка» is feminine: на карте она не показана (D1)"},
	{`[Оо]ткуда (?:\d+|%s) направленных|(?:г\.|году) \d+ жертв направлены`, "a verb: откуда были 89 направленных жертв; no two numerals side by side (D2)"},
	{`(?:^|[^\d])1[\x{a0} ]000(?:[^\d]|$)`, "every generated Russian number writes 1000 (D3)"},
	{`[Пп]о оценке НПО`, "the paper: numerous NGOs, по оценкам НПО (D4)"},
	{`“18 ilə 35[–-]40 arası”|«от 18 до 35[–-]40»`, "a translation is not the paper's words: no quotation marks (D5)"},
	{`” – “`, "Azerbaijani takes the em dash here, as Russian does (D7)"},
	{`(?:^|[>\n"])Göstərilməyib(?:[<\n"]|$)`, "a bar label: Ölkə göstərilməyib (D8)"},
	{`, (?:əvvəlcə|сначала) (?:\d|%d)`, "a calque of '2010 first': (əvvəlcə 2010-cu il) / (сначала за 2010 г.) (D9)"},
	{`ingiliscə mətni ilə, mötərizədə tərcüməsi ilə`, "ilə … ilə: ingiliscə orijinalda verilir, tərcüməsi mötərizədədir (D10)"},
	{`tarixi göstərilən (?:\d+|%d) addımı göstərir`, "göstər- twice: tarixi verilən … addımı əks etdirir (D11)"},
	{`qalın şriftlə\)`, "a predicate: qalın şriftlə verilib (D12)"},
	{`proqramı, view\.wasm üçün`, "an apposition not closed: proqramı (view.wasm) üçün (D13)"},
	{`; (?:\d{4}|%d)-c[iıuü] ilin “`, "a subject for the clause: ; bu, 2012-ci ilin “…” kateqoriyası (D20)"},
}

// wrongSpacing are the wrong wordings that are about the space itself, matched on the text as
// it is (wrongWording reads a no-break space as a space, so that the Russian typography's
// no-break spaces do not hide an old wording).
var wrongSpacing = []struct{ pattern, why string }{
	{`\d{4} — [А-ЯЁ]|Карта — Маршруты|Потоки из Азербайджана — Маршруты`, "a no-break space before a Russian dash (D10)"},
}

// readerFiles are the built files a reader reads or downloads: pages, embedded SVG, fallback
// pages, the data downloads and the wasm (whose strings are the live view's words).
func readerFiles(t *testing.T) []string {
	var out []string
	err := filepath.WalkDir(distDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".html", ".svg", ".csv", ".json", ".wasm":
			if base := caching.Logical(filepath.Base(p)); base != "basemap.json" && base != "bench.json" {
				out = append(out, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 50 {
		t.Fatalf("only %d reader files in %s", len(out), distDir)
	}
	return out
}

// pngTexts are the words of every PNG download, from the chart model that paints them (the
// build rasterizes layout.Build(testAssets, state, 800, 450) scaled), by file name.
func pngTexts(t *testing.T) map[string]string {
	out := map[string]string{}
	for _, l := range i18n.Langs {
		suffix := ""
		if l != i18n.EN {
			suffix = "." + string(l)
		}
		for _, v := range layout.ChartViews() {
			for _, y := range charts.Years {
				for _, ctx := range []bool{false, true} {
					if ctx && !charts.HasContext(v) {
						continue
					}
					key := fmt.Sprintf("%s-%d", v, y)
					if ctx {
						key += "-context"
					}
					name := distAsset(t, "charts/"+key+"-1920x1080"+suffix+".png")
					if _, err := os.Stat(filepath.Join(distDir, name)); err != nil {
						t.Errorf("%s: %v", name, err)
					}
					c := layout.Build(testAssets, charts.State{View: v, Year: y, Context: ctx, Lang: l}, 800, 450)
					var words []string
					for _, m := range c.Marks {
						words = append(words, m.Text)
					}
					out[name] = strings.Join(words, "\n")
				}
			}
		}
	}
	return out
}

var (
	curlyQuote = regexp.MustCompile(`“[^”\n]*”`)
	cyrillic   = regexp.MustCompile(`\p{Cyrillic}`)
)

// russianCurlyQuotes are the “…” quotes of s that are Russian text: quoted Cyrillic, or a quote
// in a Russian sentence (Cyrillic before it in the same field). The downloads carry the paper's
// English beside the translation, and English keeps its “…”.
func russianCurlyQuotes(s string) []string {
	var out []string
	for _, loc := range curlyQuote.FindAllStringIndex(s, -1) {
		before := s[max(0, loc[0]-80):loc[0]]
		if i := strings.LastIndexAny(before, "\"\n"); i >= 0 {
			before = before[i+1:]
		}
		if q := s[loc[0]:loc[1]]; cyrillic.MatchString(q) || cyrillic.MatchString(before) {
			out = append(out, strings.ToValidUTF8(before, "")+q)
		}
	}
	return out
}

// None of the sentences readers reported as wrong is left in any page, SVG, fallback page,
// download or PNG, in any language; Russian text quotes with «ёлочки» and Azerbaijani suffixes
// follow the numbers' vowel harmony.
func TestNoWrongWordingInDist(t *testing.T) {
	texts := pngTexts(t)
	for _, p := range readerFiles(t) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if ext := filepath.Ext(p); ext == ".html" || ext == ".svg" {
			s = html.UnescapeString(s)
		}
		rel, _ := filepath.Rel(distDir, p)
		texts[rel] = s
	}
	type check struct {
		re  *regexp.Regexp
		why string
		raw bool // matched on the text as it is, not with no-break spaces read as spaces
	}
	var checks []check
	for _, w := range wrongWording {
		checks = append(checks, check{regexp.MustCompile(w.pattern), w.why, false})
	}
	for _, w := range wrongSpacing {
		checks = append(checks, check{regexp.MustCompile(w.pattern), w.why, true})
	}
	latinQuoted := regexp.MustCompile(`«[^»\p{Cyrillic}]*»`)
	for name, s := range texts {
		spaced := strings.ReplaceAll(s, "\u00a0", " ")
		for _, c := range checks {
			in := spaced
			if c.raw {
				in = s
			}
			if loc := c.re.FindStringIndex(in); loc != nil {
				from, to := max(0, loc[0]-60), min(len(in), loc[1]+60)
				t.Errorf("%s: %q (%s) in …%s…", name, c.re.FindString(in), c.why, strings.ToValidUTF8(in[from:to], "?"))
			}
		}
		if strings.HasSuffix(name, ".wasm") {
			continue
		}
		if strings.Contains(name, ".ru.") {
			for _, q := range russianCurlyQuotes(latinQuoted.ReplaceAllString(s, "")) {
				t.Errorf("%s: “…” quotes in Russian: %q", name, q)
			}
		}
		if strings.Contains(name, ".az.") {
			for _, p := range i18n.AzSuffixProblems(s) {
				t.Errorf("%s: %.200s", name, p)
			}
		}
	}
}
