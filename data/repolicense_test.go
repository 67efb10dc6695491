package data

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The repository states its terms where people and code hosts look (issue 27): LICENSE at the
// root is the MIT license; the README names it and the license of what the site makes (this
// package's LicenseName); CITATION.cff, the file code hosts read, cites the project under the
// same code license and references the paper by its series and number, with no author the
// paper's text does not name.
func TestRepositoryStatesLicenseAndCitation(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return string(b)
	}
	if lic := read("LICENSE"); !strings.HasPrefix(lic, "MIT License") || !strings.Contains(lic, "Permission is hereby granted, free of charge") {
		t.Errorf("LICENSE is not the MIT license: %.80q", lic)
	}
	readme := read("README.md")
	for _, w := range []string{"MIT license", "`LICENSE`", "Creative Commons Attribution 4.0", "CITATION.cff"} {
		if !strings.Contains(readme, w) {
			t.Errorf("the README does not say %q", w)
		}
	}
	cff := read("CITATION.cff")
	field := func(re string) string {
		m := regexp.MustCompile(`(?m)` + re).FindStringSubmatch(cff)
		if m == nil {
			return ""
		}
		return strings.Trim(strings.TrimSpace(m[1]), `"`)
	}
	if v := field(`^cff-version:\s*(.+)$`); !strings.HasPrefix(v, "1.2") {
		t.Errorf("CITATION.cff: cff-version %q, want 1.2.x", v)
	}
	if v := field(`^title:\s*(.+)$`); !strings.Contains(v, "2013/41") {
		t.Errorf("CITATION.cff: title %q does not name the paper it charts", v)
	}
	if v := field(`^license:\s*(.+)$`); v != "MIT" {
		t.Errorf("CITATION.cff: license %q, want MIT (LICENSE)", v)
	}
	if v := field(`^message:\s*(.+)$`); v == "" {
		t.Error("CITATION.cff has no message")
	}
	ref := cff[strings.Index(cff, "references:"):]
	if !strings.Contains(cff, "references:") || !strings.Contains(ref, `number: "2013/41"`) || !strings.Contains(ref, "CARIM-East Explanatory Note") || !strings.Contains(ref, "year: 2013") {
		t.Errorf("CITATION.cff does not reference the paper (CARIM-East Explanatory Note 2013/41, 2013):\n%s", ref)
	}
	for _, m := range regexp.MustCompile(`(?m)^\s*- name:\s*"?([^"\n]+)"?$`).FindAllStringSubmatch(ref, -1) {
		if m[1] != "EUI, RSCAS" {
			t.Errorf("CITATION.cff names %q as an author of the paper; its text names none (EUI, RSCAS publish it)", m[1])
		}
	}
}
