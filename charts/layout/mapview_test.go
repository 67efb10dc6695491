package layout

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"azflows/charts"
	"azflows/i18n"

	"azflows/data"
	"azflows/internal/geo"
)

func roleMarks(c *charts.Chart, role charts.Role) []charts.Mark {
	var out []charts.Mark
	for _, m := range c.Marks {
		if m.Role == role {
			out = append(out, m)
		}
	}
	return out
}

// inCountryMarks reports whether p lies in one of the country's shapes as the chart drew them.
func inCountryMarks(c *charts.Chart, id string, p charts.Point) bool {
	for _, m := range c.Marks {
		if m.Role == charts.RoleCountry && strings.HasPrefix(m.ID, "country/"+id+"/") && charts.InPolygon(p, m.Points) {
			return true
		}
	}
	return false
}

func arcWidth(m charts.Mark) float64 {
	i := arcSamples / 2
	a, b := m.Points[i], m.Points[len(m.Points)-1-i]
	return math.Hypot(a.X-b.X, a.Y-b.Y)
}

func arcTip(m charts.Mark) charts.Point { return m.Points[arcSamples+1] }

func TestBakuIsInAzerbaijan(t *testing.T) {
	for _, s := range sizes {
		c := Map(testAssets, charts.State{View: "map", Year: 2010}, s[0], s[1])
		// The layout the view used: the one whose map is the chart's (the key may have grown).
		mp, _ := c.Panel("map")
		var m *mapFrame
	search:
		for _, credit := range []string{mapCredit(i18n.EN), i18n.T(i18n.EN, "map.credit.short", geo.Source)} {
			for g := 0; g <= mapGrowSteps; g++ {
				m = mapLayout(&charts.Chart{W: s[0], H: s[1], Assets: testAssets}, c.Title, i18n.T(i18n.EN, "map.subtitle"), []string{credit}, sourceLine(i18n.EN, destinations(i18n.EN, 2010)), g)
				if m.rect == mp.Rect {
					break search
				}
			}
		}
		for _, city := range []struct {
			name, id string
			at       geo.LonLat
		}{{"Baku", "AZ", geo.LonLat{Lon: 49.87, Lat: 40.41}}, {"Ankara", "TR", geo.LonLat{Lon: 32.85, Lat: 39.93}},
			{"Tehran", "IR", geo.LonLat{Lon: 51.39, Lat: 35.69}}, {"Moscow", "RU", geo.LonLat{Lon: 37.62, Lat: 55.76}}} {
			p := m.proj.at(city.at)
			if !inCountryMarks(c, city.id, p) {
				t.Errorf("%v: %s at %v is not inside %s as drawn", s, city.name, p, city.id)
			}
		}
	}
}

func TestArcWidthProportionalAndShared(t *testing.T) {
	for _, s := range sizes {
		perUnit := 0.0
		var widths []float64
		var values []float64
		for _, y := range charts.Years {
			c := Map(testAssets, charts.State{View: "map", Year: y}, s[0], s[1])
			for _, m := range roleMarks(c, charts.RoleArc) {
				fig, _ := data.FigureByID(m.Datum)
				if fig.Value != m.Value {
					t.Errorf("%s: value %v, figure %v", m.ID, m.Value, fig.Value)
				}
				k := arcWidth(m) / m.Value
				if perUnit == 0 {
					perUnit = k
				}
				if math.Abs(k-perUnit) > 1e-6*perUnit {
					t.Errorf("%v %d %s: %v px per person, other arcs %v", s, y, m.ID, k, perUnit)
				}
				widths, values = append(widths, arcWidth(m)), append(values, m.Value)
			}
		}
		for i := range widths {
			for j := range widths {
				if values[i] > values[j] && !(widths[i] > widths[j]) {
					t.Errorf("%v: %v persons drawn %v wide, %v persons %v wide", s, values[i], widths[i], values[j], widths[j])
				}
			}
		}
	}
}

func TestArcsRunFromAzerbaijanToTheirCountry(t *testing.T) {
	for _, s := range sizes {
		for _, y := range charts.Years {
			c := Map(testAssets, charts.State{View: "map", Year: y}, s[0], s[1])
			arcs := roleMarks(c, charts.RoleArc)
			want := 0
			for _, fl := range data.FlowsFor(y) {
				if fl.Kind != data.NotGiven {
					want++
				}
			}
			if len(arcs) != want {
				t.Errorf("%v %d: %d arcs, want %d", s, y, len(arcs), want)
			}
			for _, m := range arcs {
				start := charts.Point{X: (m.Points[0].X + m.Points[len(m.Points)-1].X) / 2, Y: (m.Points[0].Y + m.Points[len(m.Points)-1].Y) / 2}
				if !inCountryMarks(c, "AZ", start) {
					t.Errorf("%v %d %s starts at %v, outside Azerbaijan", s, y, m.ID, start)
				}
				tip := arcTip(m)
				to := strings.TrimPrefix(m.ID, "arc/")
				if to == "other" {
					// "Other countries, including Russia": the stub points at no country.
					for _, c2 := range roleMarks(c, charts.RoleCountry) {
						if charts.InPolygon(tip, c2.Points) {
							t.Errorf("%v %d: the stub of other countries ends in %s", s, y, c2.ID)
						}
					}
					if m.Style.Dash == nil || m.Style.Fill == charts.OfficialC || m.Target == "Russia" {
						t.Errorf("other countries drawn like one country: %+v", m)
					}
					continue
				}
				if !inCountryMarks(c, to, tip) {
					t.Errorf("%v %d %s ends at %v, outside %s", s, y, m.ID, tip, to)
				}
			}
		}
	}
}

func TestWhatIsOpenIsNotAnArc(t *testing.T) {
	c := Map(testAssets, charts.State{View: "map", Year: 2012}, 800, 450)
	for _, m := range roleMarks(c, charts.RoleArc) {
		if m.Datum == "dest-2012-not-given" || m.Datum == "ngo-estimate-females-per-year" {
			t.Errorf("%s drawn as an arc", m.Datum)
		}
	}
	unk, ok := c.Mark("unknown/dest-2012-not-given")
	if !ok || unk.Style.Dash == nil || unk.Style.Fill == charts.OfficialC || unk.Value != 42 {
		t.Errorf("the 42 without destination: %+v (found %v)", unk, ok)
	}
	var est []charts.Mark
	for _, m := range c.Marks {
		if m.Datum == "ngo-estimate-females-per-year" {
			est = append(est, m)
			if m.Role != charts.RoleEstimate || (m.Style.Fill != charts.EstimateC) {
				t.Errorf("estimate mark %s in %s / %s", m.ID, m.Role, m.Style.Fill)
			}
		}
	}
	if len(est) == 0 {
		t.Error("the NGO estimate is not mentioned")
	}
	// Russia is no destination in 2010: its shape says so when hovered.
	if got := TooltipText(i18n.EN, countryDatum("RU", 2010)); !strings.Contains(got, "No separate count") || !strings.Contains(got, "4") {
		t.Errorf("Russia 2010: %q", got)
	}
	if got := spaced(TooltipText(i18n.EN, countryDatum("TR", 2010))); !strings.Contains(got, "Turkey: 23") || !strings.Contains(got, "footnote 9") {
		t.Errorf("Turkey 2010: %q", got)
	}
}

// Arcs never cover a label, at the sizes the page is read at.
func TestArcsDoNotHideLabels(t *testing.T) {
	for _, s := range [][2]float64{{800, 450}, {1920, 1080}, {1280, 720}} {
		for _, y := range charts.Years {
			for _, ctx := range []bool{false, true} {
				c := Map(testAssets, charts.State{View: "map", Year: y, Context: ctx}, s[0], s[1])
				for _, tm := range c.Marks {
					if tm.Kind != charts.TextMark || (tm.Role != charts.RoleLabel && tm.Role != charts.RoleValue && tm.Role != charts.RolePlace) {
						continue
					}
					for _, a := range roleMarks(c, charts.RoleArc) {
						if rectTouchesPolygon(tm.Bounds(), a.Points) {
							t.Errorf("%v %d: %s covers %s %q", s, y, a.ID, tm.ID, tm.Text)
						}
					}
				}
				// Each count is labelled at its arc, or (where no place near the arrowhead is
				// clear: maplabels.go's reach) numbered there with its numbered key entry.
				for _, fl := range data.FlowsFor(y) {
					_, labelled := c.Mark("value/" + fl.FigureID)
					_, numbered := c.Mark("label/key/" + fl.FigureID)
					_, keyed := c.Mark("legend/key-" + fl.FigureID + "/0")
					if !labelled && !(numbered && keyed) {
						t.Errorf("%v %d: no label with the count of %s, nor a number with its key entry", s, y, fl.FigureID)
					}
				}
			}
		}
	}
}

func TestArcIDsStableAcrossYears(t *testing.T) {
	a, b := Map(testAssets, charts.State{View: "map", Year: 2010}, 800, 450), Map(testAssets, charts.State{View: "map", Year: 2012}, 800, 450)
	for _, id := range []string{"arc/TR", "arc/IR", "arc/AE"} {
		ma, okA := a.Mark(id)
		mb, okB := b.Mark(id)
		if !okA || !okB || len(ma.Points) != len(mb.Points) {
			t.Errorf("%s: in 2010 %v, in 2012 %v, or shapes differ", id, okA, okB)
		}
	}
}

func TestTween(t *testing.T) {
	a, b := Map(testAssets, charts.State{View: "map", Year: 2010}, 800, 450), Map(testAssets, charts.State{View: "map", Year: 2012}, 800, 450)
	if charts.Tween(a, b, 1) != b || charts.Tween(nil, b, 0.3) != b {
		t.Error("t = 1 or no start must give the end")
	}
	half := charts.Tween(a, b, 0.5)
	ma, _ := a.Mark("arc/TR")
	mb, _ := b.Mark("arc/TR")
	mh, _ := half.Mark("arc/TR")
	if w := arcWidth(mh); math.Abs(w-(arcWidth(ma)+arcWidth(mb))/2) > 0.5 {
		t.Errorf("halfway the Turkey arc is %v wide, want about %v", w, (arcWidth(ma)+arcWidth(mb))/2)
	}
	if mh.Value != 21 {
		t.Errorf("halfway value %v, want 21", mh.Value)
	}
	ru, ok := half.Mark("arc/RU")
	if !ok || !(ru.Style.Opacity > 0 && ru.Style.Opacity < 1) {
		t.Errorf("the Russia arc (new in 2012) does not fade in: %+v", ru.Style)
	}
	other, ok := half.Mark("arc/other")
	if !ok || !(other.Style.Opacity > 0 && other.Style.Opacity < 1) {
		t.Errorf("the 2010 stub does not fade out: %v %+v", ok, other.Style)
	}
	start := charts.Tween(a, b, 0)
	m0, _ := start.Mark("arc/TR")
	if arcWidth(m0) != arcWidth(ma) {
		t.Error("t = 0 is not the start")
	}
}

func TestYearWithoutDestinationsSaysSo(t *testing.T) {
	c := Map(testAssets, charts.State{View: "map", Year: 2011}, 800, 450)
	if n := len(roleMarks(c, charts.RoleArc)); n != 0 {
		t.Errorf("%d arcs for a year without destinations", n)
	}
	found := false
	for _, m := range c.Marks {
		if m.Kind == charts.TextMark && strings.Contains(m.Text, "no destinations for 2011") {
			found = true
		}
	}
	if !found {
		t.Error("the map does not say that 2011 has no destinations")
	}
}

func TestWithoutBaseMap(t *testing.T) {
	c := Map(charts.Assets{Fonts: testAssets.Fonts}, charts.State{View: "map", Year: 2012}, 800, 450)
	if len(roleMarks(c, charts.RoleArc)) != 4 || len(roleMarks(c, charts.RoleCountry)) != 0 {
		t.Errorf("without a base map: %d arcs, %d countries", len(roleMarks(c, charts.RoleArc)), len(roleMarks(c, charts.RoleCountry)))
	}
	found := false
	for _, m := range c.Marks {
		found = found || (m.Kind == charts.TextMark && strings.Contains(m.Text, "Base map not loaded"))
	}
	if !found {
		t.Error("no note that the base map is missing")
	}
}

func TestContextLayer(t *testing.T) {
	off := Map(testAssets, charts.State{View: "map", Year: 2010}, 800, 450)
	on := Map(testAssets, charts.State{View: "map", Year: 2010, Context: true}, 800, 450)
	if n := len(roleMarks(off, charts.RoleRoute)); n != 0 {
		t.Errorf("%d routes with the context layer off", n)
	}
	routes := roleMarks(on, charts.RoleRoute)
	dests := map[string]bool{}
	for _, m := range routes {
		if m.Closed || m.Style.Fill != "" || m.Style.StrokeWidth > 2 || m.Style.Stroke == charts.OfficialC {
			t.Errorf("route %s looks like a counted flow: %+v", m.ID, m.Style)
		}
		if _, isFig := data.FigureByID(m.Datum); isFig {
			t.Errorf("route %s points at a figure", m.ID)
		}
		if m.Target != "" {
			dests[m.Datum+">"+m.Target] = true
		}
	}
	for _, r := range data.Routes {
		for _, to := range r.To {
			if !dests[r.ID+">"+to] {
				t.Errorf("no route %s to %s", r.ID, to)
			}
		}
	}
	legend := ""
	for _, m := range on.Marks {
		if m.Role == charts.RoleLegend && m.Kind == charts.TextMark {
			legend += m.Text + " "
		}
	}
	if !strings.Contains(legend, "no numbers") {
		t.Errorf("legend %q has no entry for the routes", legend)
	}
	// A route answers hover, with what the paper says of it.
	r := routes[0]
	if got, ok := on.HitTest(r.Points[len(r.Points)/2], 4); !ok || got.Role != charts.RoleRoute && got.Role != charts.RoleArc {
		t.Errorf("the middle of %s hits %v %v", r.ID, got.ID, ok)
	}
	if txt := spaced(TooltipText(i18n.EN, "route-forced-labour")); !strings.Contains(txt, "no count") || !strings.Contains(txt, "footnote 2") {
		t.Errorf("route tooltip %q", txt)
	}
}

func TestHoverCountryAndArc(t *testing.T) {
	c := Map(testAssets, charts.State{View: "map", Year: 2010}, 800, 450)
	m := mapLayout(&charts.Chart{W: 800, H: 450, Assets: testAssets}, c.Title, "x", []string{mapCredit(i18n.EN)}, "x", 0)
	got, ok := c.HitTest(m.proj.at(geo.LonLat{Lon: 38.5, Lat: 37.9}), 4) // south-east Anatolia, clear of arc and label
	if !ok || got.Datum != countryDatum("TR", 2010) {
		t.Errorf("inner Turkey hits %q", got.ID)
	}
	arc, _ := c.Mark("arc/TR")
	if got, ok := c.HitTest(arc.Center(), 4); !ok || got.Datum != "dest-2010-turkey" {
		t.Errorf("the Turkey arc's centre hits %q", got.ID)
	}
	// The legend names the projection and the source line the footnote.
	src, _ := c.Mark("source")
	if !strings.Contains(spaced(src.Text), "footnote 9") {
		t.Errorf("source line %q", src.Text)
	}
	found := false
	for _, mk := range c.Marks {
		found = found || strings.Contains(mk.Text, "Lambert conformal conic")
	}
	if !found {
		t.Error("the projection is not named")
	}
}

// Every country a route of the context layer ends in is named on the map, by its place name,
// its arc's label or a label at the route's end (Pakistan has no arc and no place name).
func TestRoutesLabelled(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU} {
		for _, y := range charts.Years {
			for _, s := range [][2]float64{{800, 450}, {1280, 720}, {1920, 1080}} {
				c := Map(testAssets, charts.State{View: "map", Year: y, Context: true, Lang: l}, s[0], s[1])
				var texts []string
				for _, m := range c.Marks {
					if m.Kind == charts.TextMark {
						texts = append(texts, m.Text)
					}
				}
				all := strings.Join(texts, "\n")
				for _, r := range data.Routes {
					for _, to := range r.To {
						name := countryName(testAssets.BaseMap, l, to)
						if !strings.Contains(all, name) {
							t.Errorf("%s %d %v: the route to %s (%s) has no label", l, y, s, to, name)
						}
					}
				}
			}
		}
	}
}

// phoneFrames are the frames a phone gives the map: the page's 3:4 frame under the controls on
// 344, 360 and 390 px phones (the #static-phone image is 360×480) and the whole phone screen.
var phoneFrames = [][2]float64{{344, 459}, {360, 480}, {390, 520}, {360, 640}, {390, 844}}

// minPhoneMapShare is the least share of a phone frame the map itself takes (before the phone
// shape: 3 %, a 93×64 thumbnail); the pseudo-locale, 40 % longer, may take a little less.
func minPhoneMapShare(l i18n.Lang) float64 {
	if l == i18n.XX {
		return 0.12
	}
	return 0.15
}

// phoneMapShrinks are the phone frames where the map is smaller than minPhoneMapShare: the
// pseudo-locale's 2010 context map at 344×459 and 360×480, whose bracketed Pakistan fits
// nowhere near its route's head at any size the key leaves (maplabels.go's reach), so the
// routes' key entry names it and the key, one line longer, takes the map's room; and its 2012
// context map at the same sizes, whose bracketed Russia fits nowhere near its arrowhead but
// over Kazakhstan (a label lies on its own country's side, maplabels.go's nearCountry), so
// Russia is a number with a key entry, a line more (at 360×480 the map's frame takes the
// height that key leaves, phoneFill, and is large again). Listed so that a change that frees
// them (or adds to them) shows here.
var phoneMapShrinks = map[string]bool{"ctx=true/2010/xx/344x459": true, "ctx=true/2010/xx/360x480": true,
	"ctx=true/2012/xx/344x459": true, "ctx=true/2012/xx/360x480": true} // 360×480: the box's entry says its count is computed

// On a phone the map stays large and its key stays whole: in every language, both years, with
// and without the context layer, the map takes at least minPhoneMapShare of the frame and
// nearly half its width, and the key holds every entry it holds on a wide frame (the arcs it
// numbers aside), every datum explained in words.
func TestPhoneMapIsLargeAndKeyed(t *testing.T) {
	for _, ctx := range []bool{false, true} {
		for _, y := range charts.Years {
			for _, l := range matrixLangs {
				st := charts.State{View: "map", Year: y, Lang: l, Context: ctx}
				wide := keyEntries(Build(testAssets, st, 1280, 720))
				for _, s := range phoneFrames {
					c := Build(testAssets, st, s[0], s[1])
					name := fmt.Sprintf("ctx=%v/%d/%s/%.0fx%.0f", ctx, y, l, s[0], s[1])
					mp, ok := c.Panel("map")
					if !ok {
						t.Errorf("%s: no map panel", name)
						continue
					}
					share := mp.Rect.W * mp.Rect.H / (s[0] * s[1])
					small := share < minPhoneMapShare(l) || mp.Rect.W < 0.45*s[0]
					if phoneMapShrinks[name] {
						if !small {
							t.Errorf("%s: the map is large again (%.0f×%.0f): take it off phoneMapShrinks", name, mp.Rect.W, mp.Rect.H)
						}
						small = false
					}
					if small {
						t.Errorf("%s: the map is %.0f×%.0f, %.1f%% of the frame (want ≥ %.0f%%, ≥ 45%% of its width)", name, mp.Rect.W, mp.Rect.H, 100*share, 100*minPhoneMapShare(l))
					}
					keys := keyEntries(c)
					for k := range wide {
						if !keys[k] && !strings.HasPrefix(k, "key-") {
							t.Errorf("%s: the key leaves out %q", name, k)
						}
					}
					ex := explainedData(c)
					for _, d := range expectedData(c) {
						if !ex[d] {
							t.Errorf("%s: %s not explained in words", name, d)
						}
					}
					if p := matrixProblems(c); len(p) > 0 && !ctx { // the context layer: TestContextMapPlacement
						t.Errorf("%s:\n\t%s", name, strings.Join(p, "\n\t"))
					}
				}
			}
		}
	}
}

// A small embed's key does not spend a second line on a country's name where the catalog has
// a short one that fits on one line: "4 Объединённые Арабские / Эмираты 2" is "4 ОАЭ 2", and
// the line it frees holds an entry that was left out (ru 2010 at 344×194: the NGO estimate).
// A map that grows (layout.Build's last shape, TestViewNeverDrops) is no longer laid out in
// that frame, and is not held to it.
func TestSmallKeyShortCountryNames(t *testing.T) {
	for _, ctx := range []bool{false, true} {
		for _, y := range charts.Years {
			for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU} {
				for _, s := range [][2]float64{{344, 194}, {480, 270}, {320, 240}, {480, 200}} {
					c := Build(testAssets, charts.State{View: "map", Year: y, Lang: l, Context: ctx}, s[0], s[1])
					for _, m := range c.Marks {
						// The group of other countries has no short name that says "incl. Russia": it
						// takes its second line (TestMapKeySaysWhatTheLargeKeySays).
						if c.H == s[1] && m.Kind == charts.TextMark && strings.HasPrefix(m.ID, "legend/key-") && strings.HasSuffix(m.ID, "/1") && m.ID != "legend/key-"+groupFigure(y)+"/1" {
							t.Errorf("%s %d ctx=%v %v: key entry %s wraps: %q", l, y, ctx, s, m.ID, m.Text)
						}
					}
				}
			}
		}
	}
	c := Build(testAssets, charts.State{View: "map", Year: 2010, Lang: i18n.RU}, 344, 194)
	if len(roleMarks(c, charts.RoleEstimate)) == 0 {
		t.Errorf("ru 2010 344×194: the key leaves out the NGO estimate")
	}
}

// A small embed's key runs its entries in: the numbered destinations share a line where they
// fit beside each other ("1 Turkey 19  2 Russia 14  3 Iran 12"), and with the context layer
// the key keeps the routes' entry in every language (English too: before, it was the entry
// left out at 344×194).
func TestSmallKeyRunsIn(t *testing.T) {
	// az 2012 numbers all four destinations there (the ru map grows since Pakistan's name
	// went into the routes' entry, and labels Russia and Iran beside their arrows).
	c := Build(testAssets, charts.State{View: "map", Year: 2012, Lang: i18n.AZ, Context: true}, 344, 194)
	entries, lines := map[string]bool{}, map[float64]bool{}
	for _, m := range c.Marks {
		if m.Kind == charts.TextMark && strings.HasPrefix(m.ID, "legend/key-") {
			entries[m.ID] = true
			lines[m.At.Y] = true
		}
	}
	if len(entries) < 3 || len(lines) >= len(entries) {
		t.Errorf("az 2012 344×194: %d numbered entries on %d lines, want them sharing lines", len(entries), len(lines))
	}
	for _, l := range []i18n.Lang{i18n.EN, i18n.AZ, i18n.RU} {
		for _, y := range charts.Years {
			c := Build(testAssets, charts.State{View: "map", Year: y, Lang: l, Context: true}, 344, 194)
			if _, ok := c.Mark("legend/route/0"); !ok {
				t.Errorf("%s %d 344×194 with the context layer: no key entry for the routes", l, y)
			}
		}
	}
}

// smallEmbeds are the small embeds' frames, where the map's key runs in (flowKey).
var smallEmbeds = [][2]float64{{344, 194}, {480, 270}, {320, 240}, {480, 200}}

// keyGaps names what a map's key leaves unexplained of what the map draws: the arcs' widths
// (the key's width samples with their words), the year's total, and each colour of the land
// (a swatch of that colour with its words; Azerbaijan's colour also by its name on the map).
func keyGaps(c *charts.Chart) []string {
	texts := map[string]bool{}
	for _, m := range c.Marks {
		if rest, ok := strings.CutPrefix(m.ID, "legend/"); ok && m.Kind == charts.TextMark && strings.TrimSpace(m.Text) != "" {
			name, _, _ := strings.Cut(rest, "/")
			texts[name] = true
		}
	}
	var out []string
	arcs := false
	for _, m := range c.Marks {
		arcs = arcs || (m.Role == charts.RoleArc && m.Kind == charts.PathMark && !strings.HasPrefix(m.ID, "legend/"))
	}
	if arcs && !(texts["arc5"] && texts["arc20"]) {
		out = append(out, "the arcs' widths")
	}
	if tot := yearTotal(c.Year); tot.ID != "" {
		if !texts["total"] {
			out = append(out, "the year's total")
		}
	}
	swatch := map[string]string{}
	for _, m := range c.Marks {
		if rest, ok := strings.CutPrefix(m.ID, "legend/"); ok && m.Kind == charts.RectMark {
			swatch[m.Style.Fill] = rest
		}
	}
	azNamed := false
	for _, m := range c.Marks {
		azNamed = azNamed || (m.Kind == charts.TextMark && m.Datum == countryDatum("AZ", c.Year) && !strings.HasPrefix(m.ID, "legend/"))
	}
	seen := map[string]bool{}
	for _, m := range c.Marks {
		if m.Role != charts.RoleCountry || seen[m.Style.Fill] {
			continue
		}
		seen[m.Style.Fill] = true
		if name, ok := swatch[m.Style.Fill]; ok && texts[name] {
			continue
		}
		if m.Style.Fill == OriginC && azNamed {
			continue
		}
		out = append(out, "land colour "+m.Style.Fill)
	}
	return out
}

// In every small embed, in every language and the pseudo-locale, both years, with and without
// the context layer, the map's key explains the arcs' widths, the year's total and each colour
// of the land it draws (English held none of them at 344×194 and 320×240).
func TestSmallKeyExplainsEveryMark(t *testing.T) {
	for _, s := range smallEmbeds {
		for _, l := range matrixLangs {
			for _, y := range charts.Years {
				for _, ctx := range []bool{false, true} {
					c := Build(testAssets, charts.State{View: "map", Year: y, Lang: l, Context: ctx}, s[0], s[1])
					if g := keyGaps(c); len(g) > 0 {
						t.Errorf("%s %d ctx=%v %.0f×%.0f: the key leaves out %s", l, y, ctx, s[0], s[1], strings.Join(g, ", "))
					}
				}
			}
		}
	}
}

// A number at an arrowhead that refers to its key entry ("1" beside the Emirates, "1 United Arab
// Emirates 4" in the key) is a reference, not a count: it is never drawn as a value (bold,
// like "Turkey 23"), so no reader takes it for the number of victims.
func TestKeyReferencesDoNotLookLikeCounts(t *testing.T) {
	n := 0
	for _, s := range ruleSizes {
		for _, y := range charts.Years {
			for _, ctx := range []bool{false, true} {
				for _, l := range matrixLangs {
					c := Build(testAssets, charts.State{View: "map", Year: y, Context: ctx, Lang: l}, s[0], s[1])
					for _, m := range c.Marks {
						if m.Kind != charts.TextMark || !strings.Contains(m.ID, "/key/") {
							continue
						}
						n++
						if m.Bold || m.Role == charts.RoleValue {
							t.Errorf("%s %v %d ctx=%v: the reference %s %q is drawn like a count (bold %v, role %s)", l, s, y, ctx, m.ID, m.Text, m.Bold, m.Role)
						}
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no numbered reference drawn in any map frame: the test checks nothing")
	}
}
