package i18n

// Term is one entry of the glossary: the word each language uses for one thing the paper
// talks about, and the patterns that find it in a sentence in any of its grammatical forms.
type Term struct {
	ID    string
	Words map[Lang]string   // the term as the glossary lists it
	Find  map[Lang]*Pattern // matches the term in a sentence, inflected
}

func term(id string, en, az, ru string, findEN, findAZ, findRU string) Term {
	return Term{ID: id, Words: map[Lang]string{EN: en, AZ: az, RU: ru},
		Find: map[Lang]*Pattern{EN: lazyPattern(findEN), AZ: lazyPattern(findAZ), RU: lazyPattern(findRU)}}
}

// Glossary is the one word per language for each thing the page names. Wherever the English
// catalog uses a term, the translations use that language's term (TestGlossary).
//
// "Paper": the source is a CARIM-East Explanatory Note, in Russian a «записка» (never «статья»,
// which the page keeps for nothing: the news items of footnote 10 are «публикации в СМИ», in
// Azerbaijani "KİV yazıları"). "Footnote" is the paper's numbered reference: in Azerbaijani
// "haşiyə", so that "qeyd" is left for "note" alone.
var Glossary = []Term{
	term("paper", "paper", "məqalə", "записка",
		`\b[Pp]aper\b`, `[Mm]əqalə`, `[Зз]аписк`),
	term("footnote", "footnote", "haşiyə", "сноска",
		`[Ff]ootnote`, `[Hh]aşiyə`, `[Сс]носк`),
	term("note", "note", "qeyd", "примечание",
		`\b[Nn]otes?\b`, `(^|[^\pL-])[Qq]eyd($|[^-])`, `[Пп]римечани`),
	term("caveat", "caveat", "qeyd-şərt", "оговорка",
		`[Cc]aveat`, `[Qq]eyd-şərt`, `[Оо]говор`),
	term("official count", "official count", "rəsmi say", "официальные данные",
		`[Oo]fficial counts?\b`, `[Rr]əsmi (say|rəqəm)`, `[Оо]фициальн\pL* данн`),
	term("estimate", "estimate", "təxmin", "оценка",
		`[Ee]stimat`, `[Tt]əxmin`, `[Оо]цен[кио]`),
	term("identified", "identified (“discovered”)", "müəyyən edilmiş (“aşkar edilmiş”)", "выявленные («обнаруженные»)",
		`\bidentified\b`, `müəyyən edil`, `[Вв]ыявл`),
	term("discovered", "“discovered”", "“aşkar edilmiş”", "«обнаруженные»",
		`\bdiscovered\b`, `aşkar edil`, `обнаружен`),
	term("referred", "referred to the support centres", "yardım mərkəzlərinə yönləndirilmiş", "направленные в центры поддержки",
		`\breferred to (the )?support centres`, `yardım mərkəzlərinə yönləndiril`, `направлен\pL* в центры поддержки|в центры поддержки направлен`),
	term("convicted", "convicted", "məhkum edilmiş", "осуждённые",
		`\bconvicted\b`, `məhkum edil`, `[Оо]сужд[её]н`),
	term("destination", "destination", "təyinat ölkəsi", "страна назначения",
		`[Dd]estination`, `[Tt]əyinat`, `назначени`),
	term("not given", "not given", "göstərilməyib", "не указана",
		`\bnot given\b`, `göstəril(mə|mi)|göstərm(ə|i)`, `не указ`),
	term("other countries", "other countries, including Russia", "digər ölkələr, o cümlədən Rusiya", "другие страны, в том числе Россия",
		`[Oo]ther countries, incl(uding|\.) Russia`, `[Dd]igər ölkələr\pL*, o cümlədən Rusiya`, `[Дд]руги\pL* стран\pL*, в (т\. ч\.|том числе) (в )?Росси`),
	term("articles", "articles (the news items of footnote 10)", "KİV-də yazılar", "публикации в СМИ",
		`\b[Aa]rticles?\b`, `[Yy]azı`, `[Пп]убликаци`),
	term("six years", "the previous six years", "əvvəlki altı il", "предыдущие шесть лет",
		`previous six years`, `əvvəlki altı il`, `предыдущие шесть лет`),
}
