package site

import (
	"encoding/json"

	"azflows/i18n"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// protocolGroups are the protocol's groups: each value's prefix, its table and the JavaScript
// name both scripts hold the group's part of the config in.
var protocolGroups = []struct {
	prefix, js string
	values     map[string]string
}{
	{"host:", "PM", NewHostProtocol().Messages},
	{"fail:", "PF", HostFails},
	{"at:", "PT", HostTargets},
	{"from:", "PS", HostSources},
}

// TestHostProtocolTable checks the table itself: every value unique and under its group's
// prefix, every message between the frame and the worker, and the config carrying the same.
func TestHostProtocolTable(t *testing.T) {
	seen := map[string]bool{}
	for _, g := range protocolGroups {
		if len(g.values) == 0 {
			t.Errorf("%s: an empty group", g.prefix)
		}
		for k, v := range g.values {
			if !strings.HasPrefix(v, g.prefix) || !regexp.MustCompile(`^[a-z]+:[a-z-]+$`).MatchString(v) {
				t.Errorf("%s = %q: want %s and a lower-case word", k, v, g.prefix)
			}
			if seen[v] {
				t.Errorf("%q twice", v)
			}
			seen[v] = true
		}
	}
	if len(HostMessages) != len(NewHostProtocol().Messages) {
		t.Errorf("%d messages in HostMessages, %d keys: a key twice", len(HostMessages), len(NewHostProtocol().Messages))
	}
	for _, m := range HostMessages {
		if !(m.From == Frame && m.To == Worker || m.From == Worker && m.To == Frame) || m.Doc == "" {
			t.Errorf("%s: from %q to %q (%q): want frame ↔ worker, and what it carries", m.Name, m.From, m.To, m.Doc)
		}
	}
	if HostMessages[0].Name != HostInit {
		t.Errorf("the first message is %s, want %s: viewhost.js takes the protocol from the first", HostMessages[0].Name, HostInit)
	}
	// What the build writes into view.html: the same tables, under config.host.protocol and
	// config.keys, where web/view/view.js reads them.
	b, err := json.Marshal(NewViewConfig())
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Host struct {
			Protocol map[string]map[string]string `json:"protocol"`
		} `json:"host"`
		Keys struct {
			Routed []string `json:"routed"`
			Tab    string   `json:"tab"`
		} `json:"keys"`
	}
	if err := json.Unmarshal(b, &cfg); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]map[string]string{"messages": NewHostProtocol().Messages, "fails": HostFails, "targets": HostTargets, "sources": HostSources, "reasons": ViewReasons} {
		if got := cfg.Host.Protocol[name]; !maps.Equal(got, want) {
			t.Errorf("config.host.protocol.%s = %v, want %v", name, got, want)
		}
	}
	if !slices.Equal(cfg.Keys.Routed, RoutedKeys) || cfg.Keys.Tab != KeyTab {
		t.Errorf("config.keys = %+v, want %q and %q", cfg.Keys, RoutedKeys, KeyTab)
	}
}

// TestHostProtocolUsed checks that each message is sent by its end and handled by the other
// through the config's name (PM.key), and that each kind of failure, target and source is
// used by both scripts.
func TestHostProtocolUsed(t *testing.T) {
	src := map[string]string{Frame: code(sources(t, "web/view/view.js")), Worker: code(sources(t, "web/view/viewhost.js"))}
	has := func(end, pattern string) bool { return regexp.MustCompile(pattern).MatchString(src[end]) }
	for _, m := range HostMessages {
		if !has(m.From, `\bt: PM\.`+m.Key+`\b`) {
			t.Errorf("%s (%s → %s) is never sent as t: PM.%s", m.Name, m.From, m.To, m.Key)
		}
		if !has(m.To, `(case PM\.`+m.Key+`:|=== PM\.`+m.Key+`\b|messages\.`+m.Key+`\b)`) {
			t.Errorf("%s (%s → %s) is never handled", m.Name, m.From, m.To)
		}
	}
	for _, g := range protocolGroups[1:] {
		for k := range g.values {
			for _, end := range []string{Frame, Worker} {
				if end == Worker && g.js == "PS" && k == "other" {
					continue // the worker's catch-all: any source but parent and self
				}
				if !has(end, `\b`+g.js+`\.`+k+`\b`) {
					t.Errorf("%s: %s.%s (%s) is not used", end, g.js, k, g.values[k])
				}
			}
		}
	}
}

// jsLiteral is a JavaScript string literal (as in TestScriptsBuildNoNames).
var jsLiteral = regexp.MustCompile(`'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"`)

// TestViewScriptsSpellNoProtocol checks that no script of the view's frame spells a value of
// the protocol or a key the view routes: they read them from view.html's config (the worker
// from the frame's first message), so a literal is a second definition.
func TestViewScriptsSpellNoProtocol(t *testing.T) {
	spelled := regexp.MustCompile(`^(host|fail|at|from):`)
	keys := map[string]bool{KeyTab: true}
	for _, k := range RoutedKeys {
		keys[k] = true
	}
	reasons := map[string]bool{}
	for _, r := range ViewReasons {
		reasons[r] = true
	}
	for _, f := range []string{"web/view/view.js", "web/view/viewhost.js", "web/view/framegate.js"} {
		js := code(sources(t, f))
		n := 0
		for _, lit := range jsLiteral.FindAllString(js, -1) {
			n++
			body := lit[1 : len(lit)-1]
			if spelled.MatchString(body) {
				t.Errorf("%s spells %s: read it from config.host.protocol", f, lit)
			}
			if keys[body] {
				t.Errorf("%s spells the key %s: read it from config.keys", f, lit)
			}
			if reasons[body] {
				t.Errorf("%s spells the reason %s: read it from config.host.protocol.reasons (PR)", f, lit)
			}
		}
		if n < 10 {
			t.Errorf("%s: %d literals found: the pattern no longer matches", f, n)
		}
	}
	// The same in the form each script had before the table: a message type or a kind of
	// failure written out where the protocol's name belongs.
	bare := regexp.MustCompile(`\bt: ['"]|\.t === ['"]|kind === ['"]|\bcase ['"]`)
	for _, f := range []string{"web/view/view.js", "web/view/viewhost.js"} {
		if m := bare.FindString(code(sources(t, f))); m != "" {
			t.Errorf("%s: %q…: a message's type or kind spelled out", f, m)
		}
	}
}

// TestViewReasonsFromCatalog checks the reasons the view could not start: each defined in
// site (ViewReasons) has its words in every language's catalog and no other reason has; the
// config carries their English; the view's scripts report them by the config's name (PR.key)
// and spell none of the texts.
func TestViewReasonsFromCatalog(t *testing.T) {
	r := NewViewConfig().Reasons
	if len(r) != len(ViewReasons) || len(r) < 12 {
		t.Fatalf("%d reasons in the config, %d in ViewReasons, want the same 12 or more: %v", len(r), len(ViewReasons), r)
	}
	for _, l := range i18n.Langs {
		cat := i18n.Catalog(l, ReasonPrefix)
		for k, code := range ViewReasons {
			if k != code || !regexp.MustCompile(`^[a-z]+$`).MatchString(code) {
				t.Errorf("ViewReasons[%q] = %q: want the code under its own name, a lower-case word", k, code)
			}
			if cat[ReasonPrefix+code] == "" {
				t.Errorf("%s: the catalog has no %s%s", l, ReasonPrefix, code)
			}
		}
		for k := range cat {
			if _, ok := ViewReasons[strings.TrimPrefix(k, ReasonPrefix)]; !ok {
				t.Errorf("%s: the catalog's %s is no reason of site.ViewReasons", l, k)
			}
		}
	}
	call := regexp.MustCompile(`\b(?:fail|plain|notFetched)\(([^;]*)`)
	named := regexp.MustCompile(`\bPR\.([A-Za-z]+)\b`)
	n := 0
	for _, f := range []string{"web/view/view.js", "web/view/viewhost.js"} {
		js := code(sources(t, f))
		for _, c := range call.FindAllStringSubmatchIndex(js, -1) {
			if strings.HasSuffix(js[:c[0]], "function ") {
				continue // the definition, not a call
			}
			for _, lit := range jsLiteral.FindAllString(js[c[2]:c[3]], -1) {
				t.Errorf("%s reports a reason spelled out, %s: name it from config.host.protocol.reasons (PR)", f, lit)
			}
		}
		for _, w := range named.FindAllStringSubmatch(js, -1) {
			n++
			if _, ok := ViewReasons[w[1]]; !ok {
				t.Errorf("%s reports the reason PR.%s, which site.ViewReasons does not define", f, w[1])
			}
		}
		for _, text := range r {
			if head, _, _ := strings.Cut(text, " {1}"); strings.Contains(js, head) {
				t.Errorf("%s spells the reason %q: read it from config.reasons", f, head)
			}
		}
	}
	if n < 12 {
		t.Errorf("%d reasons named PR.… in the scripts: the pattern no longer matches", n)
	}
}

// TestGateEventsAreForwarded checks that every event the frame gate (web/view/framegate.js)
// releases parked frames on is one view.js forwards to the view's worker: in the worker the
// gate sees only forwarded events, so one missing there would leave the frames parked.
func TestGateEventsAreForwarded(t *testing.T) {
	list := regexp.MustCompile(`\[((?:\s*'[a-z]+',?)+)\s*\]`)
	words := func(s string) []string {
		var out []string
		for _, m := range regexp.MustCompile(`'([a-z]+)'`).FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
		return out
	}
	view := code(sources(t, "web/view/view.js"))
	i := strings.Index(view, "var types = [")
	if i < 0 {
		t.Fatal("web/view/view.js: no list of forwarded events (var types = [...])")
	}
	forwarded := map[string]bool{}
	for _, w := range words(list.FindString(view[i:])) {
		forwarded[w] = true
	}
	gate := code(sources(t, "web/view/framegate.js"))
	var released []string
	for _, m := range list.FindAllStringSubmatch(gate, -1) {
		released = append(released, words(m[1])...)
	}
	for _, m := range regexp.MustCompile(`document\.addEventListener\('([a-z]+)', release`).FindAllStringSubmatch(gate, -1) {
		released = append(released, m[1])
	}
	if len(forwarded) < 20 || len(released) < 20 {
		t.Fatalf("%d forwarded, %d released events found: the patterns no longer match", len(forwarded), len(released))
	}
	for _, e := range released {
		if !forwarded[e] {
			t.Errorf("the frame gate releases on %q, which view.js does not forward to the worker", e)
		}
	}
}
