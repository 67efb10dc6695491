package i18n

import (
	"regexp"
	"sync"
)

// Pattern is a regular expression compiled on its first use. The checks that use most of
// them (Unfaithful, the glossary's terms) run in the build and the tests; the view links them
// but never runs them, and the grammar's run at the first text built, not at package init,
// which is the view's longest task at start-up (it cannot yield). A bad expression panics at
// its first use, as regexp.MustCompile would at init.
type Pattern struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

func lazyPattern(src string) *Pattern { return &Pattern{src: src} }

// Regexp is the compiled expression.
func (p *Pattern) Regexp() *regexp.Regexp {
	p.once.Do(func() { p.re = regexp.MustCompile(p.src) })
	return p.re
}

func (p *Pattern) MatchString(s string) bool              { return p.Regexp().MatchString(s) }
func (p *Pattern) FindAllString(s string, n int) []string { return p.Regexp().FindAllString(s, n) }
func (p *Pattern) FindAllStringIndex(s string, n int) [][]int {
	return p.Regexp().FindAllStringIndex(s, n)
}
func (p *Pattern) String() string { return p.src }
