package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"azflows/internal/caching"
)

// Content-hashed names (README, "Deploy"): every file a page loads by a name written in the
// page, its frame or their styles and scripts gets the hash of its content in its name
// (view.wasm → view.0123456789.wasm, see internal/caching), and every reference to it is
// rewritten, so a host may let browsers and CDNs keep it for a year. A file's hash is taken
// after its own references have been rewritten, so a change reaches exactly the files that
// name the changed one, and those that name them (a new font renames style.css; a new
// view.wasm changes view.html, whose config names it; neither renames app.js). The pages, frames and fallback pages
// keep their names (they are the addresses people and app.js use) and are revalidated.
//
// hashNames runs after every writer and before compress. It leaves the single files
// (azflows*.html) as they are: they inline everything and name no file of the site.

// assetNamesFile maps each logical name to its hashed name, for tools (the browser tests,
// cmd/bench) that look for a file by its logical name.
const assetNamesFile = "asset-names.json"

// isHashable reports whether the file at logical (slash-separated, relative to the site's
// root) gets a hashed name: everything but the pages and frames (.html), the downloads
// (charts/, data/) and the files that describe the build.
//
// The pre-rendered SVGs (charts/KEY.svg, which app.js also fetches) and the fallback pages
// keep their names while web/app.js builds them from a state (key(st)); once their names come
// from the page's config, taking them out of the exclusions here is the one change needed:
// hashNames then renames them and rewrites the config's JSON strings like any reference.
func isHashable(logical string) bool {
	switch {
	case strings.HasSuffix(logical, ".html"),
		strings.HasPrefix(logical, "charts/"),
		strings.HasPrefix(logical, "data/"),
		strings.HasPrefix(path.Base(logical), "."),
		logical == assetNamesFile,
		isDeployFile(logical):
		return false
	}
	return true
}

// referrerExts are the files whose text may name other files of the site.
var referrerExts = []string{".html", ".css", ".js", ".json"}

// reference matches a quoted string or an unquoted url(…): a candidate name (the first or the
// second group). Whether it names a file of the site is decided by looking it up. Words in
// parentheses, as in a comment "(style.css)", are no reference.
var reference = regexp.MustCompile(`"([^"'\s<>\\]{1,300})"|'([^"'\s<>\\]{1,300})'|url\(([^"'()\s<>\\]{1,300})\)`)

// referenced is the name a match of reference holds.
func referenced(m []string) string { return m[1] + m[2] + m[3] }

// hashNames renames every hashable file of out to its hashed name and rewrites the references
// in every page, style and script; it writes assetNamesFile and returns the mapping.
func hashNames(out string) error {
	_, err := hashNamesIn(out)
	return err
}

func hashNamesIn(out string) (map[string]string, error) {
	var files []string // every file, slash-separated, relative to out
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(out, p)
		files = append(files, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		return nil, err
	}
	exists := map[string]bool{}
	for _, f := range files {
		exists[f] = true
		if !isHashable(f) && caching.IsHashed(f) {
			return nil, fmt.Errorf("%s looks like a hashed name but is not hashed; rename it (internal/caching.Pattern)", f)
		}
	}
	texts := map[string]string{}
	refs := map[string][]string{} // file → the hashable files it names
	for _, f := range files {
		if !slices.Contains(referrerExts, path.Ext(f)) || isOfflineFile(f) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f)))
		if err != nil {
			return nil, err
		}
		texts[f] = string(b)
		for _, m := range reference.FindAllStringSubmatch(texts[f], -1) {
			if t, ok := resolve(f, referenced(m)); ok && exists[t] && isHashable(t) && t != f && !slices.Contains(refs[f], t) {
				refs[f] = append(refs[f], t)
			}
		}
	}

	names := map[string]string{} // logical → hashed
	visiting := map[string]bool{}
	var name func(f string) error
	name = func(f string) error {
		if _, done := names[f]; done {
			return nil
		}
		if visiting[f] {
			return fmt.Errorf("content hashes: %s names itself through the files it names", f)
		}
		visiting[f] = true
		for _, r := range refs[f] {
			if err := name(r); err != nil {
				return err
			}
		}
		delete(visiting, f)
		p := filepath.Join(out, filepath.FromSlash(f))
		var content []byte
		if text, ok := texts[f]; ok {
			text = rewrite(f, text, names)
			texts[f] = text
			content = []byte(text)
		} else {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			content = b
		}
		sum := sha256.Sum256(content)
		names[f] = caching.Name(f, hex.EncodeToString(sum[:]))
		if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(names[f])), content, 0o644); err != nil {
			return err
		}
		return os.Remove(p)
	}
	for _, f := range files {
		if isHashable(f) {
			if err := name(f); err != nil {
				return nil, err
			}
		}
	}

	// The pages, frames and fallback pages keep their names; their references change, and so
	// does their policy where an inline block did (recomputed from the new text).
	for _, f := range files {
		text, ok := texts[f]
		if !ok || isHashable(f) {
			continue
		}
		rewritten := rewrite(f, text, names)
		if rewritten == text {
			continue
		}
		if strings.HasSuffix(f, ".html") && cspMeta.MatchString(rewritten) {
			wasm := strings.Contains(cspMeta.FindString(rewritten), "'wasm-unsafe-eval'")
			rewritten = withCSP(cspMeta.ReplaceAllString(rewritten, ""), wasm)
		}
		texts[f] = rewritten
		if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(f)), []byte(rewritten), 0o644); err != nil {
			return nil, err
		}
	}
	// What the rewriting missed (a name the pattern did not take as one) would be a 404.
	for f, text := range texts {
		if ref, ok := staleReference(f, text, names); ok {
			return nil, fmt.Errorf("content hashes: %s still names %s, which is now %s", f, ref, names[ref])
		}
	}
	b, err := json.MarshalIndent(names, "", "  ")
	if err != nil {
		return nil, err
	}
	return names, os.WriteFile(filepath.Join(out, assetNamesFile), append(b, '\n'), 0o644)
}

// resolve is the file of the site that ref names when it is written in the file from:
// relative to from's directory (the page's scripts sit beside the pages that run them, so
// what they fetch resolves the same from either), without query or fragment. ok is false for
// what is not a relative path (a URL, an absolute path, a data: URL, "#…").
func resolve(from, ref string) (string, bool) {
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		ref = ref[:i]
	}
	if ref == "" || strings.HasPrefix(ref, "/") || strings.Contains(ref, ":") {
		return "", false
	}
	p := path.Join(path.Dir(from), ref)
	if p == ".." || strings.HasPrefix(p, "../") {
		return "", false
	}
	return p, true
}

// rewrite replaces in text (the file from) every reference to a file that names holds with
// the same reference to its hashed name, written relative as before.
func rewrite(from, text string, names map[string]string) string {
	return reference.ReplaceAllStringFunc(text, func(m string) string {
		open := 1 // the quote, or "url("
		if strings.HasPrefix(m, "url(") {
			open = 4
		}
		ref := m[open : len(m)-1]
		t, ok := resolve(from, ref)
		if !ok {
			return m
		}
		h, ok := names[t]
		if !ok {
			return m
		}
		// The same directories, the new last element: "../assets/x.js" → "../assets/x.0123456789.js".
		i := strings.IndexAny(ref, "?#")
		tail := ""
		if i >= 0 {
			ref, tail = ref[:i], ref[i:]
		}
		return m[:open] + path.Join(path.Dir(ref), path.Base(h)) + tail + m[len(m)-1:]
	})
}

// staleReference finds in text (the file from) a quoted or url() reference to a file by its
// logical name, which hashNames has renamed.
func staleReference(from, text string, names map[string]string) (string, bool) {
	for logical := range names {
		rel, err := filepath.Rel(filepath.FromSlash(path.Dir(from)), filepath.FromSlash(logical))
		if err != nil {
			continue
		}
		rel = filepath.ToSlash(rel)
		for _, q := range []string{`"` + rel + `"`, `'` + rel + `'`, `url(` + rel + `)`} {
			if strings.Contains(text, q) {
				return logical, true
			}
		}
	}
	return "", false
}
