//go:build !(js && wasm)

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/chromedp"

	"azflows/i18n"
)

// phoneReadingParts are the parts of the page a screen reader on a phone meets first, in the
// order it should meet them, each marked by a selector (the chart: the live view's frame).
var phoneReadingParts = []struct{ part, sel string }{
	{"title", "h1"},
	{"lede", "#lede"},
	{"lede's More", "#lede-more"},
	{"view control", "#view-select"},
	{"year control", `input[name="year"]`},
	{"chart", "#live-slot iframe"},
	{"summary", "#chart-summary"},
	{"the rest (downloads)", ".actions a"},
}

// markFirstScreenJS marks each part of phoneReadingParts with data-ax-part, and each control a
// sighted reader sees on the first screen (a link, button, select, input, frame or chart
// image on top at its centre, within the viewport) with data-ax-seen; it returns the text of
// every text node seen there (one of its lines on top at its centre), white space collapsed.
const markFirstScreenJS = `((parts) => {
	for (const [part, sel] of parts) { const e = document.querySelector(sel); if (e) e.setAttribute('data-ax-part', part); }
	const onTop = (r, e) => { if (r.width < 2 || r.height < 2 || r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) return false;
		const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
		const hit = document.elementFromPoint(x, y);
		return !!hit && (hit === e || e.contains(hit) || hit.contains(e)); };
	const shown = (e) => { const s = getComputedStyle(e); return s.visibility === 'visible' && parseFloat(s.opacity) > 0; };
	let n = 0;
	for (const e of document.querySelectorAll('a, button, select, input, iframe, svg[role="img"]')) {
		if (shown(e) && onTop(e.getBoundingClientRect(), e)) e.setAttribute('data-ax-seen', String(n++));
	}
	const texts = [], w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let t = w.nextNode(); t; t = w.nextNode()) {
		const s = t.textContent.replace(/\s+/g, ' ').trim(), e = t.parentElement;
		if (!s || !e || e.closest('script, style, template, select') || !shown(e)) continue;
		const r = document.createRange(); r.selectNodeContents(t);
		if ([...r.getClientRects()].some((b) => onTop(b, e))) texts.push(s); // any of its lines
	}
	return texts;
})(` + "%s" + `)`

// axNode is a node of the page's accessibility tree, in tree order.
type axNode struct {
	role, name string
	ignored    bool
	why        []string // the reasons it is ignored
	focusable  bool
	backend    cdp.BackendNodeID
}

// axTree is the page's (top frame's) accessibility tree in tree order, depth first, as
// Chromium gives it to assistive technology (Accessibility.getFullAXTree).
func axTree(t *testing.T, ctx context.Context) []axNode {
	t.Helper()
	var nodes []*accessibility.Node
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		r, err := cdp.Call(ctx, tg, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
		nodes = r.Nodes
		return err
	})); err != nil {
		t.Fatal(err)
	}
	str := func(v *accessibility.Value) string {
		var s string
		if v != nil && len(v.Value) > 0 && json.Unmarshal(v.Value, &s) != nil {
			s = string(v.Value)
		}
		return s
	}
	byID := map[accessibility.NodeID]*accessibility.Node{}
	for _, n := range nodes {
		byID[n.NodeID] = n
	}
	var out []axNode
	var walk func(n *accessibility.Node)
	walk = func(n *accessibility.Node) {
		a := axNode{role: str(n.Role), name: str(n.Name), ignored: n.Ignored, backend: n.BackendDOMNodeID}
		for _, r := range n.IgnoredReasons {
			a.why = append(a.why, string(r.Name))
		}
		for _, p := range n.Properties {
			if p.Name == accessibility.PropertyNameFocusable && string(p.Value.Value) == "true" {
				a.focusable = true
			}
		}
		out = append(out, a)
		for _, c := range n.ChildIDs {
			if k := byID[c]; k != nil {
				walk(k)
			}
		}
	}
	for _, n := range nodes {
		if n.ParentID == "" {
			walk(n)
		}
	}
	return out
}

// domMarks maps each element of the top document with the attribute to its value, by the
// element's backend node id (what the accessibility tree names).
func domMarks(t *testing.T, ctx context.Context, attr string) map[cdp.BackendNodeID]string {
	t.Helper()
	var root *cdp.Node
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		depth := int64(-1)
		r, err := cdp.Call(ctx, tg, dom.GetDocument, dom.GetDocumentParams{Depth: &depth})
		root = r.Root
		return err
	})); err != nil {
		t.Fatal(err)
	}
	marks := map[cdp.BackendNodeID]string{}
	var walk func(n *cdp.Node)
	walk = func(n *cdp.Node) {
		for i := 0; i+1 < len(n.Attributes); i += 2 {
			if n.Attributes[i] == attr {
				marks[n.BackendNodeID] = n.Attributes[i+1]
			}
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	if root != nil {
		walk(root)
	}
	return marks
}

// On a 360×640 phone, in en, az and ru, a screen reader meets the page in a sensible order,
// read from the accessibility tree Chromium gives it (not the DOM's order): in tree order the
// page's heading, the lede and its "More" control (a named, focusable button), the view and
// year controls, the chart (the live view's frame, named in the page's language), its summary,
// then the rest; none of these is ignored (hidden from the tree); and nothing a sighted phone
// user sees on the first screen is hidden from the tree: every control seen there is in it,
// not ignored, and every text seen there is the name of a text in it.
func TestPhoneReadingOrder(t *testing.T) {
	p := phones[0]
	var parts []string
	var sels [][2]string
	for _, r := range phoneReadingParts {
		parts = append(parts, r.part)
		sels = append(sels, [2]string{r.part, r.sel})
	}
	selsJSON, err := json.Marshal(sels)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU} {
		ctx, stop := newBrowser(t)
		name := fmt.Sprintf("%s %dx%d", l, p.w, p.h)
		if err := chromedp.Do(ctx, phoneViewport(p.w, p.h), chromedp.Navigate(baseURL+"/"+pageOf(string(l))+"#view=bars&year=2012")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the live chart", `window.azflowsPage.mode === 'live'`, 40*time.Second)
		time.Sleep(300 * time.Millisecond) // the view's frame settles
		texts := eval[[]string](t, ctx, fmt.Sprintf(markFirstScreenJS, selsJSON))
		partOf, seen := domMarks(t, ctx, "data-ax-part"), domMarks(t, ctx, "data-ax-seen")
		tree := axTree(t, ctx)

		// The parts in the tree's order, each where it first appears.
		at := map[string]int{}
		var order []string
		for i, n := range tree {
			if part, ok := partOf[n.backend]; ok {
				if _, dup := at[part]; !dup {
					at[part] = i
					order = append(order, part)
				}
				if n.ignored {
					t.Errorf("%s: the %s is hidden from the accessibility tree (%v)", name, part, n.why)
				}
			}
		}
		if strings.Join(order, ", ") != strings.Join(parts, ", ") {
			t.Errorf("%s: in the accessibility tree the page reads\n\t%s\nwant\n\t%s", name, strings.Join(order, ", "), strings.Join(parts, ", "))
		}
		node := func(part string) axNode {
			if i, ok := at[part]; ok {
				return tree[i]
			}
			return axNode{}
		}
		if h := node("title"); h.role != "heading" || h.name == "" {
			t.Errorf("%s: the title is %s %q, want a named heading", name, h.role, h.name)
		}
		if m := node("lede's More"); m.role != "button" || m.name == "" || !m.focusable {
			t.Errorf("%s: the lede's More is %s %q (focusable %v), want a named, focusable button", name, m.role, m.name, m.focusable)
		}
		wantChart := i18n.T(l, "iframe.live")
		if c := node("chart"); c.name != wantChart {
			t.Errorf("%s: the chart is %s %q, want %q", name, c.role, c.name, wantChart)
		}

		// Nothing seen on the first screen is hidden from the tree.
		inTree := map[string]bool{}
		var said []string
		for _, n := range tree {
			if v, ok := seen[n.backend]; ok && !n.ignored {
				inTree[v] = true
			}
			if n.role == "StaticText" && !n.ignored {
				said = append(said, n.name)
			}
		}
		for b, v := range seen {
			if !inTree[v] {
				t.Errorf("%s: a control seen on the first screen (backend node %d) is not in the accessibility tree", name, b)
			}
		}
		norm := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ") }
		all := norm(strings.Join(said, " "))
		for _, s := range texts {
			if !strings.Contains(all, norm(s)) {
				t.Errorf("%s: %q is seen on the first screen but is no text of the accessibility tree", name, s)
			}
		}
		t.Logf("%s: %s; the chart is %q; seen on the first screen: %d controls, the texts %q", name, strings.Join(order, ", "), node("chart").name, len(seen), texts)
		stop()
	}
}
