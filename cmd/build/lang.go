package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"

	"azflows/charts/layout"
	"azflows/data"
	"azflows/i18n"
	"azflows/site"
)

// pageFuncs are the template's lookups in l: T for text (escaped), TH for the catalog's few
// strings with markup (keys ending in ".html", written here, never from data), Q for text
// that may quote the paper in English (escaped, the quotations marked lang="en").
func pageFuncs(l i18n.Lang) template.FuncMap {
	return template.FuncMap{
		"T": func(key string, args ...any) string { return i18n.T(l, key, args...) },
		"TH": func(key string) (template.HTML, error) {
			if len(key) < 5 || key[len(key)-5:] != ".html" {
				return "", fmt.Errorf("TH %q: not a markup key", key)
			}
			return template.HTML(i18n.T(l, key)), nil
		},
		"Q": func(text string) template.HTML { return markEnglish(l, text) },
	}
}

// markEnglish writes text as HTML with each English quotation in it (i18n.EnglishQuotes)
// marked lang="en", so that a screen reader speaks the paper's words with an English voice.
func markEnglish(l i18n.Lang, text string) template.HTML {
	var b strings.Builder
	at := 0
	for _, q := range i18n.EnglishQuotes(l, text) {
		b.WriteString(template.HTMLEscapeString(text[at:q[0]]))
		b.WriteString(`<span lang="en">`)
		b.WriteString(template.HTMLEscapeString(text[q[0]:q[1]]))
		b.WriteString(`</span>`)
		at = q[1]
	}
	b.WriteString(template.HTMLEscapeString(text[at:]))
	return template.HTML(b.String())
}

// scriptStrings are the strings web/page/app.js and web/page/modes.js show, for the page's config.
func scriptStrings(l i18n.Lang) map[string]string {
	out := map[string]string{}
	for _, p := range i18n.ScriptPrefixes {
		for k, v := range i18n.Catalog(l, p) {
			out[k] = v
		}
	}
	return out
}

// langLink is one entry of the language switch.
type langLink struct {
	Lang    i18n.Lang
	Name    string
	Href    string
	Current bool
}

// langSwitch links the page to itself in every language, each named in itself; web/page/app.js
// adds the state hash to the links.
func langSwitch(cur i18n.Lang) []langLink {
	var out []langLink
	for _, p := range site.LangPages(langs()) {
		out = append(out, langLink{p.Lang, p.Name, p.Page, p.Lang == cur})
	}
	return out
}

// summariesIn are the text alternatives of every pre-rendered state in l, keyed as the SVGs are.
func summariesIn(l i18n.Lang) []summaryTemplate {
	var out []summaryTemplate
	for _, s := range site.States() {
		s.Lang = l
		out = append(out, summaryTemplate{site.FilesOf(s, l).Summary, layout.Summary(s)})
	}
	return out
}

// withColumns writes the CSV that write writes, with the columns of more (given the row's
// index among the records, 0 being the first after the header) added to each row.
func withColumns(write func(io.Writer) error, header []string, more func(i int) []string) func(io.Writer) error {
	return func(w io.Writer) error {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return err
		}
		rows, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			return err
		}
		cw := csv.NewWriter(w)
		for i, r := range rows {
			if i == 0 {
				r = append(r, header...)
			} else {
				r = append(r, more(i-1)...)
			}
			if err := cw.Write(r); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
}

// figuresCSVIn is the figures' CSV with the record's words in l added as columns (measure_az…);
// the English columns, the paper's quote among them, stay as they are.
func figuresCSVIn(l i18n.Lang) func(io.Writer) error {
	s := string(l)
	header := []string{"measure_" + s, "as_written_" + s, "unit_" + s, "period_" + s, "reporter_" + s, "status_" + s, "caveats_" + s, "formula_" + s}
	return withColumns(data.WriteFiguresCSV, header, func(i int) []string {
		f := data.Figures[i]
		return []string{i18n.Measure(l, f), i18n.FigText(l, f), i18n.Unit(l, f), i18n.Period(l, f), i18n.Reporter(l, f),
			i18n.T(l, statusKeys[f.Status]), strings.Join(i18n.FigCaveats(l, f), " | "), i18n.Formula(l, f)}
	})
}

// eventsCSVIn is the events' CSV with their title, date and caveats in l added as columns.
func eventsCSVIn(l i18n.Lang) func(io.Writer) error {
	s := string(l)
	return withColumns(data.WriteEventsCSV, []string{"event_" + s, "when_" + s, "caveats_" + s}, func(i int) []string {
		e := data.Events[i]
		return []string{i18n.EventTitle(l, e), i18n.EventWhen(l, e), strings.Join(i18n.EventCaveats(l, e), " | ")}
	})
}

// translatedFigure and the like are a record's words in one language, for the JSON download.
type translatedFigure struct {
	Measure  string   `json:"measure"`
	Text     string   `json:"text"`
	Unit     string   `json:"unit"`
	Period   string   `json:"period"`
	Reporter string   `json:"reporter"`
	Status   string   `json:"status"`
	Caveats  []string `json:"caveats"`
	Formula  string   `json:"formula,omitempty"`
}

type translatedEvent struct {
	Title   string   `json:"title"`
	When    string   `json:"when"`
	Caveats []string `json:"caveats"`
}

type translatedRoute struct {
	Purpose string   `json:"purpose"`
	Who     string   `json:"who"`
	Period  string   `json:"period"`
	Caveats []string `json:"caveats"`
}

// jsonIn is the whole dataset in the paper's English (quotes included) with a "translation"
// object: each record's words in l, by id.
func jsonIn(l i18n.Lang) func(io.Writer) error {
	return func(w io.Writer) error {
		tr := struct {
			Lang    i18n.Lang                   `json:"lang"`
			Note    string                      `json:"note"`
			Figures map[string]translatedFigure `json:"figures"`
			Events  map[string]translatedEvent  `json:"events"`
			Routes  map[string]translatedRoute  `json:"routes"`
			Flows   map[string]string           `json:"flows"`
		}{l, i18n.T(l, "page.quotes"), map[string]translatedFigure{}, map[string]translatedEvent{}, map[string]translatedRoute{}, map[string]string{}}
		for _, f := range data.Figures {
			tr.Figures[f.ID] = translatedFigure{i18n.Measure(l, f), i18n.FigText(l, f), i18n.Unit(l, f), i18n.Period(l, f), i18n.Reporter(l, f),
				i18n.T(l, statusKeys[f.Status]), i18n.FigCaveats(l, f), i18n.Formula(l, f)}
		}
		for _, e := range data.Events {
			tr.Events[e.ID] = translatedEvent{i18n.EventTitle(l, e), i18n.EventWhen(l, e), i18n.EventCaveats(l, e)}
		}
		for _, r := range data.Routes {
			tr.Routes[r.ID] = translatedRoute{i18n.Purpose(l, r), i18n.Who(l, r), i18n.RoutePeriod(l, r), i18n.RouteCaveats(l, r)}
		}
		for _, fl := range data.Flows {
			tr.Flows[fl.ID] = i18n.FlowLabel(l, fl)
		}
		doc := struct {
			data.Dataset
			Translation any `json:"translation"`
		}{data.All(), tr}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	}
}
