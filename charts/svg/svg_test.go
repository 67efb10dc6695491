package svg

import (
	"bytes"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/i18n"
)

var update = flag.Bool("update", false, "rewrite the golden SVG files in testdata/")

// TestGolden compares the SVG of every state (each chart view and year, the map with its
// context layer too) in every language with the reviewed file in testdata/: VIEW-YEAR.svg in
// English (the files of before the other languages had goldens, byte for byte), and
// VIEW-YEAR[-context].LANG.svg for the others and the English context layer.
func TestGolden(t *testing.T) {
	for _, l := range i18n.Langs {
		for _, v := range layout.ChartViews() {
			for _, y := range charts.Years {
				for _, ctx := range []bool{false, true} {
					if ctx && !charts.HasContext(v) {
						continue
					}
					var b bytes.Buffer
					if err := Write(&b, layout.Build(testAssets, charts.State{View: v, Year: y, Context: ctx, Lang: l}, 800, 450)); err != nil {
						t.Fatal(err)
					}
					stem := v + "-" + strconv.Itoa(y)
					if ctx {
						stem += "-context"
					}
					name := filepath.Join("testdata", stem+"."+string(l)+".svg")
					if l == i18n.EN && !ctx {
						name = filepath.Join("testdata", stem+".svg")
					}
					golden(t, name, b.Bytes())
				}
			}
		}
	}
}

type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []node     `xml:",any"`
	Text    string     `xml:",chardata"`
}

func (n node) attr(k string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == k {
			return a.Value
		}
	}
	return ""
}

func walk(n node, fn func(node)) {
	fn(n)
	for _, c := range n.Nodes {
		walk(c, fn)
	}
}

// TestSVGIsWellFormedAndTitled parses the output and checks what readers rely on.
func TestSVGIsWellFormedAndTitled(t *testing.T) {
	c := layout.Build(testAssets, charts.State{View: "flow", Year: 2010}, 800, 450)
	var b bytes.Buffer
	Write(&b, c)
	var root node
	if err := xml.Unmarshal(b.Bytes(), &root); err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	if root.attr("viewBox") != "0 0 800 450" {
		t.Errorf("viewBox %q", root.attr("viewBox"))
	}
	bands := 0
	walk(root, func(n node) {
		if n.XMLName.Local == "path" && n.attr("class") == "band" {
			bands++
			var title string
			for _, c := range n.Nodes {
				if c.XMLName.Local == "title" {
					title = c.Text
				}
			}
			if !strings.Contains(strings.ReplaceAll(title, "\u00a0", " "), "footnote 9") { // no-break space: i18n.NoteRefs
				t.Errorf("band %s has title %q", n.attr("id"), title)
			}
		}
	})
	if bands != 4 {
		t.Errorf("%d bands, want 4", bands)
	}
	if !strings.Contains(b.String(), "Source: CARIM-East") {
		t.Error("no source line")
	}
}

func TestEscapesText(t *testing.T) {
	c := &charts.Chart{W: 10, H: 10, Title: "<script>", Marks: []charts.Mark{{Kind: charts.TextMark, Text: `a<b&"c"`, Size: 5}}}
	var b bytes.Buffer
	Write(&b, c)
	if strings.Contains(b.String(), "<script>") || !strings.Contains(b.String(), "a&lt;b&amp;") {
		t.Errorf("text not escaped: %s", b.String())
	}
}

// TestPhoneGolden compares each view's SVG in every language at the frame a 360 px phone gives
// the chart (344×459, its phone layouts) with the reviewed file in testdata/phone/.
func TestPhoneGolden(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU} {
		for _, v := range layout.ChartViews() {
			for _, y := range charts.Years {
				var b bytes.Buffer
				if err := Write(&b, layout.Build(testAssets, charts.State{View: v, Year: y, Lang: l}, 344, 459)); err != nil {
					t.Fatal(err)
				}
				golden(t, filepath.Join("testdata", "phone", v+"-"+strconv.Itoa(y)+"-344x459."+string(l)+".svg"), b.Bytes())
			}
		}
	}
}

// golden compares got with the file, or with -update writes it.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	if *update {
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("%v (run go test ./charts/svg -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; review with -update and git diff", name)
	}
}

// Every id of every state's SVG, in every language, is an XML name (no "/", which the W3C
// checker reported 4,262 times) and unique in its document.
func TestIDsAreXMLNames(t *testing.T) {
	name := regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9._-]*$`)
	ids := regexp.MustCompile(` id="([^"]*)"`)
	for _, l := range i18n.Langs {
		for _, v := range layout.ChartViews() {
			for _, y := range charts.Years {
				for _, ctx := range []bool{false, true} {
					if ctx && !charts.HasContext(v) {
						continue
					}
					var b bytes.Buffer
					if err := Write(&b, layout.Build(testAssets, charts.State{View: v, Year: y, Lang: l, Context: ctx}, 800, 450)); err != nil {
						t.Fatal(err)
					}
					seen := map[string]bool{}
					for _, m := range ids.FindAllStringSubmatch(b.String(), -1) {
						if !name.MatchString(m[1]) {
							t.Errorf("%s %s %d ctx=%v: id %q is not an XML name", l, v, y, ctx, m[1])
							break
						}
						if seen[m[1]] {
							t.Errorf("%s %s %d ctx=%v: id %q twice", l, v, y, ctx, m[1])
						}
						seen[m[1]] = true
					}
				}
			}
		}
	}
}
