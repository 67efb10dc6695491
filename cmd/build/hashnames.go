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
	"azflows/site"
)

// Content-hashed names (docs/architecture.md, "Building"): every file a page loads or links by a name
// written in the page, its frame, their configs or their styles and scripts gets the hash
// of its content in its name (view.wasm → view.0123456789.wasm, see internal/caching), and
// every reference to it is rewritten, so a host may let browsers and CDNs keep it for a year.
// That covers each state's fallback page and its SVG and PNG downloads (site.FilesOf), which
// the page's config names: a download keeps its readable save-as name (the anchor's download
// attribute, the config's Download.Name). A file's hash is taken after its own references
// have been rewritten, so a change reaches exactly the files that name the changed one, and
// those that name them (a new font renames style.css and changes view.html, whose config
// names its .ttf; a new echarts bundle renames every fallback page and changes the pages
// whose configs name them; neither renames app.js). The pages, the view's frame and the data
// downloads keep their names (they are the addresses people link to) and are revalidated.
//
// The configs (site.PageConfig in each page, site.ViewConfig in view.html) are rewritten as
// values of their types, through their Rename methods, never as text; the other references
// are the quoted names and url()s of the markup, styles and scripts that resolve to a file of
// the site. hashNames runs after every writer and before compress. It leaves the single files
// (azflows*.html) as they are: they inline everything and name no file of the site.

// assetNamesFile maps each logical name to its hashed name, for tools (the browser tests,
// tools/cmd/bench) that look for a file by its logical name (caching.Lookup).
const assetNamesFile = caching.NamesFile

// isHashable reports whether the file at logical (slash-separated, relative to the site's
// root) gets a hashed name: everything but the pages and the view's frame (.html outside
// fallback/), the data downloads (data/: the CSV and JSON that people link to and fetch by
// their addresses), the link previews (v/: crawlers fetch their images by the address in
// their tags) and the files that describe the build.
func isHashable(logical string) bool {
	switch {
	case strings.HasPrefix(logical, "fallback/") && strings.HasSuffix(logical, ".html"):
		return true
	case strings.HasSuffix(logical, ".html"),
		strings.HasPrefix(logical, "data/"),
		strings.HasPrefix(logical, site.PreviewDir+"/"), // the previews' images: crawlers take them by the address in the tags
		strings.HasPrefix(path.Base(logical), "."),
		logical == assetNamesFile,
		isDeployFile(logical):
		return false
	}
	return true
}

// referrerExts are the files whose text may name other files of the site.
var referrerExts = []string{".html", ".css", ".js"}

// reference matches a quoted string or an unquoted url(…): a candidate name (the first or the
// second group). Whether it names a file of the site is decided by looking it up. Words in
// parentheses, as in a comment "(style.css)", are no reference.
var reference = regexp.MustCompile(`"([^"'\s<>\\]{1,300})"|'([^"'\s<>\\]{1,300})'|url\(([^"'()\s<>\\]{1,300})\)`)

// referenced is the name a match of reference holds.
func referenced(m []string) string { return m[1] + m[2] + m[3] }

// jsonBlock is a JSON data block of a page (the configs, a fallback page's option), over
// lines too; it ends at the first "</script>", which JSON cannot hold (it escapes "<").
var jsonBlock = regexp.MustCompile(`(?s)(<script type="application/json" id="([^"]+)">)(.*?)(</script>)`)

// renamable is a config whose file names can be renamed (site.PageConfig, site.ViewConfig).
type renamable interface{ Rename(func(string) string) }

// configs are the configs the build writes into pages, by the id of their script.
var configs = map[string]func() renamable{
	site.IDConfig:     func() renamable { return new(site.PageConfig) },
	site.IDViewConfig: func() renamable { return new(site.ViewConfig) },
}

// renameConfig is the config text (id's JSON) with rename applied to each of its file names.
// A config that does not decode into its type and encode back byte for byte (a field the
// type lacks) is an error, so that nothing in it is lost or left unrenamed.
func renameConfig(id, text string, rename func(string) string) (string, error) {
	c := configs[id]()
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	if err := dec.Decode(c); err != nil {
		return "", fmt.Errorf("config %s: %w", id, err)
	}
	if b, err := json.Marshal(c); err != nil || string(b) != text {
		return "", fmt.Errorf("config %s does not encode back as it was written (%v): a field its type (site) lacks?", id, err)
	}
	c.Rename(rename)
	b, err := json.Marshal(c)
	return string(b), err
}

// mapRefs rewrites text (the file from) piece by piece: markup on the text outside JSON data
// blocks (all of it but in pages), config on each config's JSON; other JSON blocks (a
// fallback page's option: data, which names no file) stay as they are.
func mapRefs(from, text string, markup func(string) string, config func(id, json string) (string, error)) (string, error) {
	if !strings.HasSuffix(from, ".html") {
		return markup(text), nil
	}
	var b strings.Builder
	last := 0
	for _, m := range jsonBlock.FindAllStringSubmatchIndex(text, -1) {
		b.WriteString(markup(text[last:m[0]]))
		id, body := text[m[4]:m[5]], text[m[6]:m[7]]
		if _, ok := configs[id]; ok {
			var err error
			if body, err = config(id, body); err != nil {
				return "", fmt.Errorf("%s: %w", from, err)
			}
		}
		b.WriteString(text[m[0]:m[6]] + body + text[m[7]:m[1]])
		last = m[1]
	}
	b.WriteString(markup(text[last:]))
	return b.String(), nil
}

// hashNames renames every hashable file of out to its hashed name and rewrites the references
// in every page, config, style and script; it writes assetNamesFile.
func hashNames(out string) error {
	_, err := hashNamesIn(out)
	return err
}

// hashNamesIn is hashNames, returning the mapping of logical to hashed names.
func hashNamesIn(out string) (map[string]string, error) {
	files, err := filesIn(out)
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
		names := func(ref string) string {
			if t, ok := resolve(f, ref); ok && exists[t] && isHashable(t) && t != f && !slices.Contains(refs[f], t) {
				refs[f] = append(refs[f], t)
			}
			return ref
		}
		if _, err := mapRefs(f, texts[f], func(text string) string {
			for _, m := range reference.FindAllStringSubmatch(text, -1) {
				names(referenced(m))
			}
			return text
		}, func(id, text string) (string, error) {
			return renameConfig(id, text, names)
		}); err != nil {
			return nil, err
		}
	}

	names := map[string]string{} // logical → hashed
	// rewritten is f's text with every reference to a file already named replaced, and the
	// policy of a page recomputed where an inline block changed.
	rewritten := func(f, text string) (string, error) {
		next, err := rewrite(f, text, names)
		if err != nil || next == text {
			return text, err
		}
		if strings.HasSuffix(f, ".html") && cspMeta.MatchString(next) {
			wasm := strings.Contains(cspMeta.FindString(next), "'wasm-unsafe-eval'")
			next = withCSP(cspMeta.ReplaceAllString(next, ""), wasm)
		}
		return next, nil
	}
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
			text, err := rewritten(f, text)
			if err != nil {
				return err
			}
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

	// The pages and the view's frame keep their names; their references change.
	for _, f := range files {
		text, ok := texts[f]
		if !ok || isHashable(f) {
			continue
		}
		next, err := rewritten(f, text)
		if err != nil {
			return nil, err
		}
		if next == text {
			continue
		}
		texts[f] = next
		if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(f)), []byte(next), 0o644); err != nil {
			return nil, err
		}
	}
	// What the rewriting missed (a name the pattern did not take as one) would be a 404.
	for f, text := range texts {
		if ref, ok, err := staleReference(f, text, names); err != nil {
			return nil, err
		} else if ok {
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

// renamed is ref (written in the file from) with the last element of its path replaced by
// the hashed name of the file it names, "../assets/x.js" → "../assets/x.0123456789.js"; ok
// is false when ref names no file that names holds.
func renamed(from, ref string, names map[string]string) (string, bool) {
	t, ok := resolve(from, ref)
	if !ok {
		return ref, false
	}
	h, ok := names[t]
	if !ok {
		return ref, false
	}
	tail := ""
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		ref, tail = ref[:i], ref[i:]
	}
	return path.Join(path.Dir(ref), path.Base(h)) + tail, true
}

// rewrite replaces in text (the file from) every reference to a file that names holds with
// the same reference to its hashed name, written relative as before: in the markup, styles
// and scripts as text, in the configs as values.
func rewrite(from, text string, names map[string]string) (string, error) {
	rename := func(ref string) string { r, _ := renamed(from, ref, names); return r }
	return mapRefs(from, text, func(text string) string {
		return reference.ReplaceAllStringFunc(text, func(m string) string {
			open := 1 // the quote, or "url("
			if strings.HasPrefix(m, "url(") {
				open = 4
			}
			return m[:open] + rename(m[open:len(m)-1]) + m[len(m)-1:]
		})
	}, func(id, text string) (string, error) {
		return renameConfig(id, text, rename)
	})
}

// staleReference finds in text (the file from) a reference to a file by its logical name,
// which hashNames has renamed: a config's file name, or a quoted or url() name elsewhere.
func staleReference(from, text string, names map[string]string) (string, bool, error) {
	stale := ""
	_, err := mapRefs(from, text, func(text string) string {
		for logical := range names {
			rel, err := filepath.Rel(filepath.FromSlash(path.Dir(from)), filepath.FromSlash(logical))
			if err != nil {
				continue
			}
			rel = filepath.ToSlash(rel)
			for _, q := range []string{`"` + rel + `"`, `'` + rel + `'`, `url(` + rel + `)`} {
				if strings.Contains(text, q) && stale == "" {
					stale = logical
				}
			}
		}
		return text
	}, func(id, text string) (string, error) {
		return renameConfig(id, text, func(ref string) string {
			if t, ok := resolve(from, ref); ok && stale == "" {
				if _, renamed := names[t]; renamed {
					stale = t
				}
			}
			return ref
		})
	})
	return stale, stale != "", err
}

// filesIn lists every file under out, slash-separated and relative to out.
func filesIn(out string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(out, p)
		files = append(files, filepath.ToSlash(rel))
		return err
	})
	return files, err
}
