package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// sources reads the files matching each glob (from the repository's root), tests excluded.
func sources(t *testing.T, globs ...string) string {
	t.Helper()
	var b strings.Builder
	for _, g := range globs {
		files, err := filepath.Glob(filepath.Join("..", g))
		if err != nil || len(files) == 0 {
			t.Fatalf("no files for %s (%v)", g, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") && !strings.HasPrefix(g, "tools/e2e/") {
				continue
			}
			s, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(s)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// goName is the constant of a message: MsgState for "state".
func goName(m Message) string { return "site.Msg" + strings.ToUpper(m.Key[:1]) + m.Key[1:] }

// TestEveryMessageIsSentAndReceived checks that each message of the table is posted by its
// sender and handled by its receiver, through the config's name (config.messages.KEY, as MSG
// in web/page/app.js, web/page/modes.js and, from view.html's config, web/view/view.js) or the Go constant;
// the host is played by the e2e tests.
func TestEveryMessageIsSentAndReceived(t *testing.T) {
	page := sources(t, "web/page/app.js", "web/page/modes.js")
	viewJS := sources(t, "web/view/view.js")
	wasm := sources(t, "charts/ebiten/*.go")
	host := sources(t, "tools/e2e/*.go")
	has := func(src, pattern string) bool { return regexp.MustCompile(pattern).MatchString(src) }
	q := regexp.QuoteMeta
	for _, m := range Messages {
		var sent, received bool
		switch m.From {
		case Page:
			sent = has(page, `type: MSG\.`+m.Key+`\b`)
		case View:
			sent = has(wasm, `(Type:|"type":) `+q(goName(m))+`\b`) || has(viewJS, `type: MSG\.`+m.Key+`\b`)
		case Host:
			sent = has(sources(t, "web/page/embed.js"), `type: MSG\.`+m.Key+`\b`) // the host's sizer, its names filled in by cmd/build
		}
		switch m.To {
		case Page:
			received = has(page, `=== MSG\.`+m.Key+`\b`)
		case View:
			received = has(wasm, `[!=]= `+q(goName(m))+`\b`) || has(viewJS, `=== MSG\.`+m.Key+`\b`)
		case Host:
			received = has(host, `=== '`+q(m.Name)+`'`)
		}
		if !sent {
			t.Errorf("%s (%s → %s) is never sent", m.Name, m.From, m.To)
		}
		if !received {
			t.Errorf("%s (%s → %s) is never received", m.Name, m.From, m.To)
		}
	}
}

// TestNoOtherMessages checks that every message name the page and the view spell is in the
// table, and that no script spells one (they read them from their configs).
func TestNoOtherMessages(t *testing.T) {
	known := map[string]bool{}
	keys := map[string]bool{}
	for _, m := range Messages {
		if known[m.Name] || keys[m.Key] {
			t.Errorf("%s (%s) twice in the table", m.Name, m.Key)
		}
		known[m.Name], keys[m.Key] = true, true
	}
	lit := regexp.MustCompile(`['"](azflows:[a-z]+)['"]`)
	for _, src := range []struct{ name, text string }{
		{"web/*/*.js", sources(t, "web/*/*.js")},
		{"charts/ebiten/*.go", sources(t, "charts/ebiten/*.go")},
		{"cmd/build/*.go", sources(t, "cmd/build/*.go")},
		{"charts/echarts/*.go", sources(t, "charts/echarts/*.go")},
	} {
		for _, line := range strings.Split(src.text, "\n") {
			if c := strings.TrimSpace(line); strings.HasPrefix(c, "//") {
				continue
			}
			for _, m := range lit.FindAllStringSubmatch(line, -1) {
				if !known[m[1]] {
					t.Errorf("%s: %s is not in site.Messages: %s", src.name, m[1], strings.TrimSpace(line))
				}
			}
		}
	}
	if m := lit.FindString(code(sources(t, "web/*/*.js"))); m != "" {
		t.Errorf("web/*/*.js spells %s: read it from config.messages", m)
	}
}
