package i18n

import (
	"regexp"
	"strings"
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
	p.once.Do(func() { p.re = regexp.MustCompile(spaceOrNBSP(p.src)) })
	return p.re
}

// spaceOrNBSP lets each space of an expression (outside a character class) match a no-break
// space too: the typography rule puts them into Russian strings («в т. ч.», «2010 г.»).
func spaceOrNBSP(src string) string {
	var b strings.Builder
	inClass, esc := false, false
	for _, r := range src {
		switch {
		case esc:
			esc = false
		case r == '\\':
			esc = true
		case r == '[':
			inClass = true
		case r == ']':
			inClass = false
		case r == ' ' && !inClass:
			b.WriteString(`[ \x{a0}]`)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (p *Pattern) MatchString(s string) bool              { return p.Regexp().MatchString(s) }
func (p *Pattern) FindAllString(s string, n int) []string { return p.Regexp().FindAllString(s, n) }
func (p *Pattern) FindAllStringIndex(s string, n int) [][]int {
	return p.Regexp().FindAllStringIndex(s, n)
}
func (p *Pattern) String() string { return p.src }
