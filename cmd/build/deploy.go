package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"azflows/internal/caching"
	"azflows/internal/server"
)

// The cache rules of internal/caching, written for other servers (docs/deploy.md): a
// _headers file for Netlify and Cloudflare Pages, a snippet to include in the nginx location
// that serves the site and one to import in the Caddy block that serves it. The e2e tests
// serve dist/ with nginx and Caddy through exactly these files.
const (
	headersFile = "_headers"
	nginxFile   = "azflows.nginx.conf"
	caddyFile   = "azflows.Caddyfile"
	// noJekyllFile tells GitHub Pages to publish the files as they are, without Jekyll.
	noJekyllFile = ".nojekyll"
)

// isDeployFile reports whether logical is one of the files writeDeploy writes.
func isDeployFile(logical string) bool {
	switch logical {
	case headersFile, nginxFile, caddyFile, noJekyllFile:
		return true
	}
	return false
}

// nosniff goes with every response, as internal/server sends it.
const nosniff = "nosniff"

// writeDeploy writes the configs for other servers, from the files hashNames left in out.
func writeDeploy(out string) error {
	files, err := filesIn(out)
	if err != nil {
		return err
	}
	slices.Sort(files)
	for name, text := range map[string]string{
		headersFile:  headersRules(files),
		nginxFile:    nginxSnippet(files),
		caddyFile:    caddySnippet(),
		noJekyllFile: "",
	} {
		if err := os.WriteFile(filepath.Join(out, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// headersRules is the _headers file. Netlify and Cloudflare Pages apply every rule whose
// path matches, and Cloudflare joins the values of one header from several rules with commas
// ("no-cache, public, max-age=…"), so no two rules here match the same path: a directory
// whose files all get one rule gets it once (/fonts/*), the files at the top and those of a
// mixed directory are named one by one, each page also by the name without .html under which
// Cloudflare's pretty URLs serve it. Paths are from the published directory's root:
// publishing dist/ under /azflows/ of a larger site means putting /azflows before each.
func headersRules(files []string) string {
	var b strings.Builder
	b.WriteString("# Written by cmd/build (deploy.go): the cache rules of internal/caching for Netlify and Cloudflare Pages.\n")
	b.WriteString("# Hashed names never change their content: a year, immutable. Everything else: revalidated on each use.\n")
	b.WriteString("# No two rules match one path (Cloudflare Pages would join their values). Paths are from the\n")
	b.WriteString("# published directory's root; under a subpath (/azflows/), prefix each.\n")
	rule := func(p, cache string) {
		fmt.Fprintf(&b, "%s\n  Cache-Control: %s\n  X-Content-Type-Options: %s\n", p, cache, nosniff)
	}
	var served []string
	dirCache := map[string]string{} // a directory's one rule, or "" when its files differ
	for _, f := range files {
		if isPrecompressedFile(f) || strings.HasPrefix(path.Base(f), ".") || f == headersFile {
			continue
		}
		served = append(served, f)
		if d := topDir(f); d != "." {
			if c, seen := dirCache[d]; !seen {
				dirCache[d] = caching.For(f)
			} else if c != caching.For(f) {
				dirCache[d] = ""
			}
		}
	}
	rule("/", caching.Revalidate) // the directory's index.html
	for _, f := range served {
		if d := topDir(f); d == "." || dirCache[d] == "" {
			rule("/"+f, caching.For(f))
			// Cloudflare Pages serves x.html at /x ("pretty URLs"); its rule goes with it.
			if page, ok := strings.CutSuffix(f, ".html"); ok {
				rule("/"+page, caching.For(f))
			}
		}
	}
	var dirs []string
	for d, c := range dirCache {
		if c != "" {
			dirs = append(dirs, d)
		}
	}
	slices.Sort(dirs)
	for _, d := range dirs {
		rule("/"+d+"/*", dirCache[d])
	}
	return b.String()
}

// topDir is the first directory of f, "." for a file at the top: a rule /fonts/* covers
// every file below fonts/.
func topDir(f string) string {
	d, _, ok := strings.Cut(f, "/")
	if !ok {
		return "."
	}
	return d
}

// isPrecompressedFile reports whether f is a .br or .gz sibling: the hosts that read _headers
// compress by themselves, and nginx and Caddy serve the siblings under the original's name.
func isPrecompressedFile(f string) bool {
	return strings.HasSuffix(f, ".br") || strings.HasSuffix(f, ".gz")
}

// nginxSnippet is the nginx snippet: Debian's nginx with libnginx-mod-http-brotli-static.
func nginxSnippet(files []string) string {
	// The site's Content-Types as internal/server sends them: a types block inside a location
	// replaces nginx's whole table there (whose mime.types lacks csv), so it lists every
	// extension of the site.
	byType := map[string][]string{}
	charset := map[string]bool{}
	for _, f := range files {
		ext := path.Ext(f)
		if ext == "" || isPrecompressedFile(f) {
			continue
		}
		ct := server.ContentType(f)
		if ct == "" {
			continue
		}
		mt, params, _ := strings.Cut(ct, ";")
		mt = strings.TrimSpace(mt)
		if strings.Contains(strings.ToLower(params), "charset=utf-8") {
			charset[mt] = true
		}
		if e := strings.TrimPrefix(ext, "."); !slices.Contains(byType[mt], e) {
			byType[mt] = append(byType[mt], e)
		}
	}
	var types, charsetTypes []string
	for mt, exts := range byType {
		slices.Sort(exts)
		types = append(types, fmt.Sprintf("\t%s %s;", mt, strings.Join(exts, " ")))
		if charset[mt] && mt != "text/html" { // nginx always counts text/html
			charsetTypes = append(charsetTypes, mt)
		}
	}
	slices.Sort(types)
	slices.Sort(charsetTypes)
	header := func(indent string) string {
		return fmt.Sprintf("%sadd_header X-Content-Type-Options %q always;\n", indent, nosniff)
	}
	var b strings.Builder
	b.WriteString(`# Written by cmd/build (deploy.go): the cache rules of internal/caching for nginx.
# Include it in the location that serves this directory, under any path, for example
#
#   load_module modules/ngx_http_brotli_static_module.so;   # Debian: libnginx-mod-http-brotli-static
#   ...
#   location /azflows/ {
#       alias /srv/azflows/;
#       include /srv/azflows/azflows.nginx.conf;
#   }
#
# The precompressed .br and .gz files are sent as they are; without the brotli module, drop
# the brotli_static line (browsers then get the .gz files).
`)
	b.WriteString("gzip_static on;\nbrotli_static on;\ngzip_vary on;\ncharset utf-8;\n")
	fmt.Fprintf(&b, "charset_types %s;\n", strings.Join(charsetTypes, " "))
	b.WriteString("types {\n" + strings.Join(types, "\n") + "\n}\n")
	// add_header in a nested location replaces the outer ones, so each level names both.
	fmt.Fprintf(&b, "add_header Cache-Control %q always;\n", caching.Revalidate)
	b.WriteString(header(""))
	// The pattern has no quote or space; quoted for its braces.
	fmt.Fprintf(&b, "location ~ \"%s\" {\n\tadd_header Cache-Control %q always;\n%s}\n", caching.Pattern, caching.Immutable, header("\t"))
	return b.String()
}

// caddySnippet is the Caddy snippet (Caddy 2.6, Debian's).
func caddySnippet() string {
	return fmt.Sprintf(`# Written by cmd/build (deploy.go): the cache rules of internal/caching for Caddy.
# Import it where this directory is served, under any path, for example
#
#   example.org {
#       handle_path /azflows/* {
#           root * /srv/azflows
#           import /srv/azflows/azflows.Caddyfile
#       }
#   }
#
# file_server sends the precompressed .br and .gz files as they are, with Vary: Accept-Encoding.
@azflows_hashed path_regexp %[1]s
@azflows_revalidated not path_regexp %[1]s
header @azflows_hashed Cache-Control %[2]q
header @azflows_revalidated Cache-Control %[3]q
header X-Content-Type-Options %[4]q
file_server {
	precompressed br gzip
}
`, caching.Pattern, caching.Immutable, caching.Revalidate, nosniff)
}
