//go:build !(js && wasm)

package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"azflows/internal/caching"
	"azflows/internal/server"
)

// ---- the page's first layout, and what it costs (-only layout) ----

var layoutOnly = flag.String("variants", "", "with -only layout: a regular expression of the variants' names to measure (the page as built is always measured)")

// A layoutVariant is the page with some of it taken out, served in place of index.html (and
// its style), to see what its first layout costs: the measurement traces each at cpuSlowdown×
// in a fresh browser, the variants interleaved run by run so that the machine's load moves
// them alike.
type layoutVariant struct {
	name      string
	page, css func(string) string // nil: as built
}

var (
	scriptTag  = regexp.MustCompile(`(?s)<script\b[^>]*>.*?</script>`)
	svgElement = regexp.MustCompile(`(?s)(<svg\b[^>]*>).*?</svg>`)
	tableTag   = regexp.MustCompile(`(?s)<table\b.*?</table>`)
	detailsTag = regexp.MustCompile(`(?s)<details\b.*?</details>`)
	fontFace   = regexp.MustCompile(`@font-face\s*\{[^}]*\}`)
	svgText    = regexp.MustCompile(`(?s)<text\b.*?</text>`)
	svgOpen    = regexp.MustCompile(`(<svg\b)`)
	svgPath    = regexp.MustCompile(`(?s)<path\b[^>]*?(/>|>.*?</path>)`)
	svgNoto    = regexp.MustCompile(`(<svg\b[^>]*font-family=")(?:&#39;|')Noto Sans(?:&#39;|'),\s*`)
)

// noScripts takes out every script but the JSON configs (which run nothing).
func noScripts(s string) string {
	return scriptTag.ReplaceAllStringFunc(s, func(m string) string {
		if strings.Contains(m[:strings.Index(m, ">")], "application/json") {
			return m
		}
		return ""
	})
}

// preloadFaces adds to the page's head a preload of the Noto Sans faces its first chart draws
// an English page with (the latin subset, regular and bold), by their names in dist/.
func preloadFaces(s string) string {
	var links strings.Builder
	for _, logical := range []string{"fonts/noto-sans-latin-400-normal.woff2", "fonts/noto-sans-latin-700-normal.woff2"} {
		name, err := caching.Lookup(*distDir, logical)
		if err != nil {
			fmt.Fprintf(os.Stderr, "bench: layout: %v\n", err)
			return s
		}
		fmt.Fprintf(&links, `<link rel="preload" href="%s" as="font" type="font/woff2" crossorigin>`, name)
	}
	return strings.Replace(s, "</head>", links.String()+"</head>", 1)
}

var layoutVariants = []layoutVariant{
	{name: "the page as built (scripts on)"},
	{name: "static: no scripts", page: noScripts},
	{name: "static, no chart SVGs (empty <svg>s of the same size)", page: func(s string) string {
		return svgElement.ReplaceAllString(noScripts(s), "$1</svg>")
	}},
	{name: "static, the chart SVGs without their <text>s", page: func(s string) string {
		return svgText.ReplaceAllString(noScripts(s), "")
	}},
	{name: "static, the chart SVGs without their <path>s", page: func(s string) string {
		return svgPath.ReplaceAllString(noScripts(s), "")
	}},
	{name: "static, the chart SVGs' text in DejaVu Sans (not the page's Noto Sans faces)", page: func(s string) string {
		return svgNoto.ReplaceAllString(noScripts(s), "$1")
	}},
	{name: "the page as built, its first chart's Noto Sans faces preloaded (latin, 400 and 700)", page: preloadFaces},
	{name: "static, the chart's Noto Sans faces preloaded (latin, 400 and 700)", page: func(s string) string {
		return preloadFaces(noScripts(s))
	}},
	{name: "static, the chart SVGs with text-rendering=\"geometricPrecision\" (text not scaled per screen size)", page: func(s string) string {
		return svgOpen.ReplaceAllString(noScripts(s), `$1 text-rendering="geometricPrecision"`)
	}},
	{name: "static, the page's text without the 'Go' family (not installed: DejaVu Sans)", page: noScripts, css: func(s string) string {
		return strings.ReplaceAll(s, "'Go', ", "")
	}},
	{name: "static, no table, no <details> (sources, notes)", page: func(s string) string {
		return detailsTag.ReplaceAllString(tableTag.ReplaceAllString(noScripts(s), ""), "")
	}},
	{name: "static, no Noto Sans @font-face (the system's fonts)", page: noScripts, css: func(s string) string {
		return fontFace.ReplaceAllString(s, "")
	}},
	{name: "static, none of the three", page: func(s string) string {
		s = svgElement.ReplaceAllString(noScripts(s), "$1</svg>")
		return detailsTag.ReplaceAllString(tableTag.ReplaceAllString(s, ""), "")
	}, css: func(s string) string {
		return fontFace.ReplaceAllString(s, "")
	}},
}

// layoutResult is one traced load: the longest Layout on the top frame's main thread until
// load + 1 s (the page's first full layout: an earlier one may lay out only the head), the
// task it ran in, the style recalculations in that task, and every Layout in that time.
type layoutResult struct {
	first, task, style, all float64 // ms at cpuSlowdown×; first: the longest Layout
	layouts                 int
}

// variantServer serves dist/ with index.html (and style.css) changed as v says.
func variantServer(v layoutVariant) (string, func(), error) {
	real := server.Handler(*distDir)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := caching.Logical(r.URL.Path)
		var f func(string) string
		ctype := ""
		switch {
		case (p == "/" || p == "/index.html") && v.page != nil:
			f, ctype, p = v.page, "text/html; charset=utf-8", "/index.html"
		case p == "/style.css" && v.css != nil:
			f, ctype, p = v.css, "text/css; charset=utf-8", r.URL.Path
		}
		if f == nil {
			real.ServeHTTP(w, r)
			return
		}
		b, err := os.ReadFile(filepath.Join(*distDir, filepath.FromSlash(strings.TrimPrefix(p, "/"))))
		if err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "no-cache")
		w.Write([]byte(f(string(b))))
	})
	return serve(h)
}

// measureLayout traces one load of base at cpuSlowdown× until the load event and one second
// more, and reads the layouts of the top frame.
func measureLayout(base string) (layoutResult, error) {
	res := layoutResult{first: nan(), task: nan(), style: nan(), all: nan()}
	t, err := newTab(800, 450, 2*time.Minute)
	if err != nil {
		return res, err
	}
	defer t.stop()
	events, err := traceStartUp(t, base+"/#view=bars&year=2010", func() error {
		deadline := time.Now().Add(60 * time.Second)
		for {
			ok, err := chromedp.Run(t.ctx, chromedp.Evaluate[bool](`document.readyState === 'complete'`))
			if err == nil && ok {
				break
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("the page did not load in 60 s (%v)", err)
			}
			time.Sleep(100 * time.Millisecond)
		}
		time.Sleep(time.Second)
		_, err := chromedp.Run(t.ctx, chromedp.Evaluate[bool](`performance.mark('azflows-ready'), true`))
		return err
	}, "")
	if err != nil {
		return res, err
	}
	mains, navStart, readyAt := traceMarks(events)
	byThread := map[traceThread][]traceEvent{}
	for _, e := range events {
		if e.Ph == "X" && mains[traceThread{e.Pid, e.Tid}] && e.Ts >= navStart && (readyAt == 0 || e.Ts <= readyAt) {
			byThread[traceThread{e.Pid, e.Tid}] = append(byThread[traceThread{e.Pid, e.Tid}], e)
		}
	}
	// The top frame's thread: the one whose first Layout comes first (the view's frame is
	// created later, by app.js).
	var top []traceEvent
	firstAt := 0.0
	for _, evs := range byThread {
		sort.Slice(evs, func(i, j int) bool { return evs[i].Ts < evs[j].Ts || evs[i].Ts == evs[j].Ts && evs[i].Dur > evs[j].Dur })
		for _, e := range evs {
			if e.Name == "Layout" {
				if top == nil || e.Ts < firstAt {
					top, firstAt = evs, e.Ts
				}
				break
			}
		}
	}
	if top == nil {
		return res, fmt.Errorf("no Layout in the trace (%d events)", len(events))
	}
	res.all = 0
	var longest *traceEvent
	for i := range top {
		if e := &top[i]; e.Name == "Layout" {
			res.layouts++
			res.all += e.Dur / 1000
			if longest == nil || e.Dur > longest.Dur {
				longest = e
			}
		}
	}
	res.first = longest.Dur / 1000
	for i := range top {
		if e := top[i]; e.Name == "RunTask" && e.Ts <= longest.Ts && longest.Ts < e.Ts+e.Dur {
			res.task, res.style = e.Dur/1000, 0
			for _, in := range eventsInside(e, top[i+1:]) {
				if in.Name == "UpdateLayoutTree" {
					res.style += in.Dur / 1000
				}
			}
		}
	}
	return res, nil
}

// layoutBench runs the layout variants -runs times, interleaved, with the minimal page
// (measurePageFloor's) beside them, prints the medians and writes them to -json (which, as
// for every mode, is <dist>/bench.json unless given).
func layoutBench() error {
	type row struct {
		name                    string
		first, task, style, all []float64
	}
	rows := make([]row, len(layoutVariants)+1)
	var pick *regexp.Regexp
	if *layoutOnly != "" {
		var err error
		if pick, err = regexp.Compile(*layoutOnly); err != nil {
			return fmt.Errorf("-variants: %w", err)
		}
	}
	for i, v := range layoutVariants {
		rows[i].name = v.name
	}
	rows[len(layoutVariants)].name = "a minimal page (one paragraph, one deferred script)"
	floorDir, err := os.MkdirTemp("", "azflows-floor-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(floorDir)
	os.WriteFile(filepath.Join(floorDir, "index.html"), []byte(floorHTML), 0o644)
	os.WriteFile(filepath.Join(floorDir, "floor.js"), []byte(floorJS), 0o644)
	for run := range *runs {
		for i := range rows {
			if pick != nil && i > 0 && !pick.MatchString(rows[i].name) {
				continue // the page as built is always measured, as the reference
			}
			var base string
			var stop func()
			var err error
			if i < len(layoutVariants) {
				base, stop, err = variantServer(layoutVariants[i])
			} else {
				base, stop, err = serve(server.Handler(floorDir))
			}
			if err != nil {
				return err
			}
			res, err := measureLayout(base)
			stop()
			if err != nil {
				fmt.Fprintf(os.Stderr, "bench: layout: %s: %v\n", rows[i].name, err)
				continue
			}
			if *verbose {
				fmt.Printf("  run %d: %s: longest Layout %.0f ms in a task of %.0f ms (style %.0f ms); %d Layouts, %.0f ms in all\n",
					run+1, rows[i].name, res.first, res.task, res.style, res.layouts, res.all)
			}
			rows[i].first = append(rows[i].first, res.first)
			rows[i].task = append(rows[i].task, res.task)
			rows[i].style = append(rows[i].style, res.style)
			rows[i].all = append(rows[i].all, res.all)
		}
	}
	med := func(xs []float64) float64 {
		s := slices.Clone(xs)
		slices.Sort(s)
		return median(s)
	}
	fmt.Printf("\nthe page's longest layout (its first full one) at %d× CPU slowdown, 800×450, medians of %d runs (ms; load average at the end %s):\n", cpuSlowdown, *runs, loadavg())
	fmt.Printf("  %8s  %8s  %8s  %10s  %s\n", "Layout", "its task", "style", "all Layout", "variant")
	out := map[string]map[string]float64{}
	for _, r := range rows {
		if len(r.first) == 0 {
			continue
		}
		fmt.Printf("  %8.0f  %8.0f  %8.0f  %10.0f  %s\n", med(r.first), med(r.task), med(r.style), med(r.all), r.name)
		out[r.name] = map[string]float64{"longest_layout": med(r.first), "task": med(r.task), "style": med(r.style), "all_layout": med(r.all)}
	}
	b, _ := json.MarshalIndent(out, "", "  ")
	if err := os.WriteFile(*jsonOut, append(b, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Printf("bench: wrote %s\n", *jsonOut)
	return nil
}
