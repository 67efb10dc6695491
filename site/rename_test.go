package site

import (
	"encoding/json"

	"regexp"
	"testing"

	"azflows/i18n"
)

// fileName is what a file name of the site looks like: cmd/build renames what Rename visits,
// so a config field that holds one and is not visited would keep a name the build changed.
// No file name of the site has a space: a string with one is prose that ends with a name
// (the view's reasons, "… wasm_exec.js").
var fileName = regexp.MustCompile(`^[^ ]*\.(html|svg|png|wasm|json|js|css|woff2?|ttf|csv)$`)

// leaves lists every string of v as JSON with the key it is held under.
func leaves(t *testing.T, v any) (out [][2]string) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var tree any
	if err := json.Unmarshal(b, &tree); err != nil {
		t.Fatal(err)
	}
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				walk(k, c)
			}
		case []any:
			for _, c := range x {
				walk(key, c)
			}
		case string:
			out = append(out, [2]string{key, x})
		}
	}
	walk("", tree)
	return out
}

// TestRenameVisitsEveryFileName checks that the configs' Rename visits every file name they
// hold (every string that looks like one, but for the downloads' save-as names) and nothing
// else, so the build's content-hashed names reach every name web/*/*.js takes from them.
func TestRenameVisitsEveryFileName(t *testing.T) {
	for _, tc := range []struct {
		name   string
		config interface{ Rename(func(string) string) }
		want   int // at least this many names
	}{
		{"page en", ptr(NewPageConfig(i18n.EN, i18n.Langs, nil, nil)), 12 * 4},
		{"page ru", ptr(NewPageConfig(i18n.RU, i18n.Langs, nil, nil)), 12 * 4},
		{"view", ptr(NewViewConfig()), 2 + len(Fonts())/2},
	} {
		before := map[string]bool{}
		for _, l := range leaves(t, tc.config) {
			if fileName.MatchString(l[1]) && l[0] != "name" {
				before[l[1]] = true
			}
		}
		visited := map[string]bool{}
		tc.config.Rename(func(s string) string {
			visited[s] = true
			return "renamed/" + s
		})
		if len(visited) < tc.want {
			t.Errorf("%s: %d names visited, want at least %d", tc.name, len(visited), tc.want)
		}
		for s := range before {
			if !visited[s] {
				t.Errorf("%s: Rename does not visit %s", tc.name, s)
			}
		}
		for s := range visited {
			if !before[s] {
				t.Errorf("%s: Rename visits %q, which is not a file name of the config", tc.name, s)
			}
		}
		for _, l := range leaves(t, tc.config) {
			renamed := len(l[1]) > len("renamed/") && l[1][:len("renamed/")] == "renamed/"
			if renamed && (l[0] == "name" || !fileName.MatchString(l[1])) {
				t.Errorf("%s: %s %q was renamed", tc.name, l[0], l[1])
			}
			if !renamed && fileName.MatchString(l[1]) && l[0] != "name" {
				t.Errorf("%s: %s %q was not renamed", tc.name, l[0], l[1])
			}
		}
	}
}

func ptr[T any](v T) *T { return &v }
