// Package caching is the site's cache policy, in one place for the build, the server and the
// configs the build writes for other servers: which files carry a hash of their content in
// their name (Name, IsHashed, Logical), and the Cache-Control each file is served with
// (For). A hashed name never changes its content, so a browser or a CDN may keep it for a
// year without asking again; everything else (the pages, the view's frame, the data
// downloads) is revalidated on every use, so a new build shows at once. NamesFile and Lookup
// find a built file by its logical name.
package caching

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// HashLen is the number of hex digits of the content hash in a name: 40 bits, plenty to tell
// the versions of one file apart.
const HashLen = 10

// The Cache-Control values.
const (
	// Immutable is for hashed names: a year (the most RFC 9111 advises), never revalidated.
	Immutable = "public, max-age=31536000, immutable"
	// Revalidate is for everything else: stored, but checked with the server (ETag,
	// Last-Modified) before each use, which costs a round trip and no body when unchanged.
	Revalidate = "no-cache"
)

// Pattern matches the end of a hashed name (".0123456789.wasm"), as a regular expression
// that Go, nginx (PCRE) and Caddy (Go) read alike; the configs the build writes use it.
const Pattern = `\.[0-9a-f]{10}\.[A-Za-z0-9]+$`

var hashed = regexp.MustCompile(Pattern)

// Name is the hashed name of the file at logical (a slash-separated path such as
// "fonts/noto-sans-latin-400-normal.woff2") whose content has the hex digest sum: the first
// HashLen digits go before the last extension ("fonts/noto-sans-latin-400-normal.0123456789.woff2",
// "assets/echarts.min.0123456789.js").
func Name(logical, sum string) string {
	dir, file := path.Split(logical)
	ext := path.Ext(file)
	return dir + strings.TrimSuffix(file, ext) + "." + sum[:HashLen] + ext
}

// IsHashed reports whether the file named p (a path or a URL path) has a hashed name.
func IsHashed(p string) bool { return hashed.MatchString(p) }

// Logical is p without its hash: "/view.0123456789.wasm" → "/view.wasm"; other paths as they are.
func Logical(p string) string {
	loc := hashed.FindStringIndex(p)
	if loc == nil {
		return p
	}
	return p[:loc[0]] + p[loc[0]+1+HashLen:]
}

// For is the Cache-Control of the file named p.
func For(p string) string {
	if IsHashed(p) {
		return Immutable
	}
	return Revalidate
}

// NamesFile is the file at the site's root in which the build maps each logical name to its
// hashed name, for the tools that look for a file by its logical name (the browser tests,
// tools/cmd/bench).
const NamesFile = "asset-names.json"

// Lookup is the name in the built site at dir of the file the build wrote as logical
// ("fallback/bars-2010.html" → "fallback/bars-2010.0123456789.html"), from dir's NamesFile;
// an error when the build hashed no file of that name.
func Lookup(dir, logical string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, NamesFile))
	if err != nil {
		return "", fmt.Errorf("the build's names: %w", err)
	}
	var names map[string]string
	if err := json.Unmarshal(b, &names); err != nil {
		return "", fmt.Errorf("%s: %w", NamesFile, err)
	}
	name, ok := names[logical]
	if !ok {
		return "", fmt.Errorf("%s names no %s", filepath.Join(dir, NamesFile), logical)
	}
	return name, nil
}
