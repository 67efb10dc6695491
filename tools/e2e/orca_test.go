//go:build !(js && wasm)

package e2e

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"azflows/charts"
	"azflows/charts/layout"
	"azflows/data"
	"azflows/i18n"
	"azflows/tools/internal/webdriver"
)

// The chart heard through a real screen reader: GNOME Orca with Firefox ESR under Xvfb,
// speech through speech-dispatcher and espeak-ng (its sound to ALSA's null device), keys sent
// to the X display with xdotool, and every utterance read from Orca's debug log (its lines
// "SPEECH OUTPUT: '…'" are what it speaks). Issue #28 has the set-up this follows.

// orcaTools are the programs the desk needs, each with the Debian package that has it.
var orcaTools = []struct{ path, pkg string }{
	{"/usr/bin/orca", "orca"},
	{"/usr/bin/python3", "orca"},
	{"/usr/bin/speech-dispatcher", "speech-dispatcher"},
	{"/usr/lib/speech-dispatcher-modules/sd_espeak-ng", "speech-dispatcher-espeak-ng"},
	{"/usr/bin/dbus-launch", "dbus-x11"},
	{"/usr/libexec/at-spi-bus-launcher", "at-spi2-core"},
	{"/usr/bin/gsettings", "libglib2.0-bin"},
	{"/usr/bin/openbox", "openbox"},
	{"/usr/bin/xdotool", "xdotool"},
}

// orcaWrapper runs /usr/bin/orca with its debug file line-buffered: Orca opens it with the
// default 8 KiB buffer, so its last lines would reach the file only when it exits, and it
// ignores SIGTERM (it is ended with SIGKILL, which flushes nothing).
const orcaWrapper = `import builtins, runpy, sys
_open = builtins.open
def _lined(f, mode='r', *a, **k):
    if isinstance(f, str) and f == sys.argv[-1] and 'w' in mode:
        return _open(f, mode, buffering=1)
    return _open(f, mode, *a, **k)
builtins.open = _lined
sys.argv = ['/usr/bin/orca', '--debug-file', sys.argv[-1]]
runpy.run_path('/usr/bin/orca', run_name='__main__')
`

// orcaDesk is a desktop of its own for Orca: a private HOME and XDG directories, an X
// display, a D-Bus session, the accessibility bus, a window manager without key bindings
// (openbox's defaults take Alt+Shift+arrows, Orca's table keys), speech-dispatcher and Orca.
type orcaDesk struct {
	t        *testing.T
	dir      string
	env      []string
	x        *webdriver.Xvfb
	procs    []*exec.Cmd // process groups of their own, ended in reverse order
	busPID   int         // the session bus's dbus-daemon (dbus-launch leaves it running)
	busGroup int         // dbus-launch's process group, which the bus and its services keep
	debug    string      // Orca's debug file
	spoken   int         // speech lines read so far (mark)
}

func startOrcaDesk(t *testing.T) *orcaDesk {
	t.Helper()
	needProgram(t, "Xvfb", webdriver.XvfbPath(), "xvfb")
	needProgram(t, "Firefox ESR", webdriver.FirefoxPath(), "firefox-esr")
	for _, tool := range orcaTools {
		needProgram(t, filepath.Base(tool.path), tool.path, tool.pkg)
	}
	// Not t.TempDir: the document portal that Firefox starts on the session bus mounts
	// XDG_RUNTIME_DIR/doc, which stop unmounts, best effort, before removing the directory.
	dir, err := os.MkdirTemp("", "azflows-orca-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, u := range []string{"fusermount3", "fusermount"} {
			if exec.Command(u, "-uz", filepath.Join(dir, "runtime", "doc")).Run() == nil {
				break
			}
		}
		os.RemoveAll(dir)
	})
	d := &orcaDesk{t: t, dir: dir, debug: filepath.Join(dir, "orca.debug")}
	t.Cleanup(d.stop)
	if keep := os.Getenv("AZFLOWS_ORCA_LOG"); keep != "" { // for a person looking into a failure
		t.Cleanup(func() { b, _ := os.ReadFile(d.debug); os.WriteFile(keep, b, 0o644) })
	}
	home := filepath.Join(dir, "home")
	xdg := map[string]string{"HOME": home, "XDG_CONFIG_HOME": filepath.Join(dir, "config"), "XDG_DATA_HOME": filepath.Join(dir, "data"),
		"XDG_CACHE_HOME": filepath.Join(dir, "cache"), "XDG_RUNTIME_DIR": filepath.Join(dir, "runtime")}
	for _, p := range xdg {
		if err := os.MkdirAll(p, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	// Sound goes nowhere; the text still reaches the synthesizer.
	write(t, filepath.Join(home, ".asoundrc"), "pcm.!default { type null }\nctl.!default { type hw card 0 }\n")
	sdConf := filepath.Join(xdg["XDG_CONFIG_HOME"], "speech-dispatcher")
	write(t, filepath.Join(sdConf, "speechd.conf"), "AddModule \"espeak-ng\" \"sd_espeak-ng\" \"espeak-ng.conf\"\nDefaultModule espeak-ng\nAudioOutputMethod \"alsa\"\n")
	rc, err := os.ReadFile("/etc/xdg/openbox/rc.xml")
	if err != nil {
		t.Fatalf("openbox's default configuration: %v", err)
	}
	noKeys := regexp.MustCompile(`(?s)<keyboard>.*</keyboard>`).ReplaceAll(rc, []byte("<keyboard></keyboard>"))
	write(t, filepath.Join(dir, "openbox.xml"), string(noKeys))
	write(t, filepath.Join(dir, "orca-lined.py"), orcaWrapper)

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	x, err := webdriver.StartXvfb(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d.x = x
	var env []string
	for _, e := range os.Environ() {
		k, _, _ := strings.Cut(e, "=")
		if _, ok := xdg[k]; ok || k == "DISPLAY" || strings.HasPrefix(k, "DBUS_") || k == "LANG" || k == "LANGUAGE" || k == "LC_ALL" {
			continue
		}
		env = append(env, e)
	}
	for k, v := range xdg {
		env = append(env, k+"="+v)
	}
	env = append(env, x.Env(), "LANG=C.UTF-8", "GNOME_ACCESSIBILITY=1", "NO_AT_BRIDGE=0")
	d.env = env
	launch := d.command("/usr/bin/dbus-launch", "--sh-syntax")
	out, err := launch.Output()
	if err != nil {
		t.Fatalf("dbus-launch: %v", err)
	}
	d.busGroup = launch.Process.Pid // the bus and what it starts (dconf) stay in its group
	for _, m := range regexp.MustCompile(`(DBUS_SESSION_BUS_\w+)='?([^';\n]*)'?;`).FindAllStringSubmatch(string(out), -1) {
		if m[1] == "DBUS_SESSION_BUS_PID" {
			fmt.Sscan(m[2], &d.busPID)
		}
		env = append(env, m[1]+"="+m[2])
	}
	d.env = env
	if d.busPID == 0 {
		t.Fatalf("dbus-launch said no bus: %s", out)
	}
	d.start("/usr/libexec/at-spi-bus-launcher", "--launch-immediately")
	if out, err := d.command("/usr/bin/gsettings", "set", "org.gnome.desktop.interface", "toolkit-accessibility", "true").CombinedOutput(); err != nil {
		t.Fatalf("gsettings: %v: %s", err, out)
	}
	d.start("/usr/bin/openbox", "--config-file", filepath.Join(dir, "openbox.xml"))
	d.start("/usr/bin/speech-dispatcher", "--run-single", "--timeout", "0", "--config-dir", sdConf)
	d.start("/usr/bin/python3", filepath.Join(dir, "orca-lined.py"), d.debug)
	if !d.waitSpoken(func(s string) bool { return strings.Contains(s, "Screen reader on") }, 30*time.Second) {
		log, _ := os.ReadFile(filepath.Join(dir, "python3.log"))
		t.Fatalf("Orca did not start: %s\n%s", d.tail(), tail(string(log), 3000))
	}
	return d
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func (d *orcaDesk) command(name string, args ...string) *exec.Cmd {
	c := exec.Command(name, args...)
	c.Env = d.env
	c.Dir = d.dir
	c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return c
}

// start runs a program of the desk in a process group of its own, its output in a file.
func (d *orcaDesk) start(name string, args ...string) {
	d.t.Helper()
	c := d.command(name, args...)
	f, err := os.Create(filepath.Join(d.dir, filepath.Base(name)+".log"))
	if err != nil {
		d.t.Fatal(err)
	}
	c.Stdout, c.Stderr = f, f
	if err := c.Start(); err != nil {
		f.Close()
		d.t.Fatalf("starting %s: %v", name, err)
	}
	f.Close()
	d.procs = append(d.procs, c)
}

func (d *orcaDesk) stop() {
	for i := len(d.procs) - 1; i >= 0; i-- {
		c := d.procs[i]
		if c.Process == nil {
			continue
		}
		// Orca ignores SIGTERM; the others need not be asked either.
		syscall.Kill(-c.Process.Pid, syscall.SIGKILL)
		c.Wait()
	}
	d.procs = nil
	if d.busGroup > 0 {
		syscall.Kill(-d.busGroup, syscall.SIGKILL)
		d.busGroup = 0
	}
	if d.busPID > 0 {
		syscall.Kill(d.busPID, syscall.SIGKILL)
		d.busPID = 0
	}
	if d.x != nil {
		d.x.Close()
		d.x = nil
	}
}

// speechLine is one line of Orca's debug log that it spoke.
var speechLine = regexp.MustCompile(`SPEECH OUTPUT: '(.*)'\s*(?:voice=\S+\s*)?\{[^{}]*\}\s*$`)

// spokenLines is everything Orca spoke so far, in order; the keys it echoed ("tab ", "left
// shift ") are left out.
func (d *orcaDesk) spokenLines() []string {
	f, err := os.Open(d.debug)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		m := speechLine.FindStringSubmatch(sc.Text())
		if m == nil || strings.HasSuffix(m[1], " ") { // a key's echo ends in a space ('tab ')
			continue
		}
		out = append(out, m[1])
	}
	return out
}

// waitSpoken waits until Orca has spoken, since the last mark, a line ok accepts.
func (d *orcaDesk) waitSpoken(ok func(string) bool, within time.Duration) bool {
	end := time.Now().Add(within)
	for {
		lines := d.spokenLines()
		for _, l := range lines[min(d.spoken, len(lines)):] {
			if ok(l) {
				return true
			}
		}
		if time.Now().After(end) {
			return false
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// quiet waits until Orca's debug log has not grown for a while (Orca has said what the last
// key made it say), at most within.
func (d *orcaDesk) quiet(within time.Duration) {
	end := time.Now().Add(within)
	still := time.Now()
	var last int64 = -1
	for time.Now().Before(end) {
		fi, err := os.Stat(d.debug)
		if err == nil && fi.Size() != last {
			last, still = fi.Size(), time.Now()
		}
		if time.Since(still) > 700*time.Millisecond {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// mark starts a new stretch of speech; since returns what Orca spoke in it.
func (d *orcaDesk) mark() { d.spoken = len(d.spokenLines()) }

func (d *orcaDesk) since() []string {
	lines := d.spokenLines()
	return lines[min(d.spoken, len(lines)):]
}

// key presses keys (xdotool names) on the display one after the other, each once Orca has
// finished speaking after the one before, and returns what Orca said after them.
func (d *orcaDesk) key(keys ...string) []string {
	d.t.Helper()
	d.mark()
	for _, k := range keys {
		if out, err := d.command("/usr/bin/xdotool", "key", k).CombinedOutput(); err != nil {
			d.t.Fatalf("xdotool key %s: %v: %s", k, err, out)
		}
		d.quiet(5 * time.Second)
	}
	return d.since()
}

// tail is the end of Orca's debug log, for a failure's message.
func (d *orcaDesk) tail() string {
	b, _ := os.ReadFile(d.debug)
	return tail(string(b), 3000)
}

// version is Orca's version, as it says it.
func (d *orcaDesk) version() string {
	out, err := exec.Command("/usr/bin/orca", "--version").Output()
	if err != nil {
		return "(unknown version)"
	}
	return strings.TrimSpace(strings.TrimPrefix(string(out), "Orca"))
}

// voiceLanguageOf is the language speech-dispatcher's voice was set to when Orca spoke the
// first line containing text (from Orca's "SD … language" lines before it), and the language
// Orca's speech generator was told the text is in (its "voice requested with language=" lines).
func (d *orcaDesk) voiceLanguageOf(text string) (voice, generator string, found bool) {
	b, err := os.ReadFile(d.debug)
	if err != nil {
		return "", "", false
	}
	sdLang := regexp.MustCompile(`SD rate .*language (\S+)`)
	genLang := regexp.MustCompile(`voice requested with language='([^']*)'`)
	for _, line := range strings.Split(string(b), "\n") {
		if m := sdLang.FindStringSubmatch(line); m != nil {
			voice = m[1]
		}
		if m := genLang.FindStringSubmatch(line); m != nil {
			generator = m[1]
		}
		if m := speechLine.FindStringSubmatch(line); m != nil && strings.Contains(m[1], text) {
			return voice, generator, true
		}
	}
	return voice, generator, false
}

func anyContains(lines []string, s string) bool {
	for _, l := range lines {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// TestOrcaHearsTheChart is a reader's journey with Orca in the English and the Russian page:
// Tab to the chart (Orca names it), three → (the first speaks the first figure, without
// Orca+A), back to the year and 2012 (Orca says what the chart now shows), the table link
// (focus lands on the table's heading). On the Russian page the summary is spoken with
// voice language ru where Orca switches voices by language (Orca 43 does not: logged).
func TestOrcaHearsTheChart(t *testing.T) {
	d := startOrcaDesk(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	b, err := webdriver.StartFirefox(ctx, webdriver.FirefoxOptions{Env: d.env, Output: engineOutput(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for _, l := range []i18n.Lang{i18n.EN, i18n.RU} {
		orcaJourney(t, ctx, d, b, l)
	}
}

func orcaJourney(t *testing.T, ctx context.Context, d *orcaDesk, b webdriver.Browser, l i18n.Lang) {
	page := "/"
	if l != i18n.EN {
		page = "/index." + string(l) + ".html"
	}
	st := charts.State{View: "map", Year: 2010, Lang: l}
	d.mark()
	if err := b.Navigate(ctx, baseURL+page+"#view=map&year=2010"); err != nil {
		t.Fatal(err)
	}
	wait := func(what, js string) {
		t.Helper()
		for end := time.Now().Add(60 * time.Second); ; time.Sleep(200 * time.Millisecond) {
			var ok bool
			if err := b.Eval(ctx, js, &ok); err == nil && ok {
				return
			}
			if time.Now().After(end) {
				t.Fatalf("%s: %s never came", l, what)
			}
		}
	}
	wait("the live chart", `!!window.azflowsPage && window.azflowsPage.mode === 'live'`)
	d.quiet(10 * time.Second)
	var transcript []string
	step := func(what string, lines []string) []string {
		transcript = append(transcript, "["+what+"]")
		transcript = append(transcript, lines...)
		return lines
	}
	defer func() { t.Logf("%s: Orca's transcript:\n  %s", l, strings.Join(transcript, "\n  ")) }()

	// Tab to the chart: focus in the view's frame, and Orca names the chart.
	inChart := `(() => { const f = document.querySelector('#live-slot iframe'); return !!f && document.activeElement === f && f.contentDocument.activeElement !== f.contentDocument.body; })()`
	var heard []string
	for i := 0; i < 12; i++ {
		heard = append(heard, d.key("Tab")...)
		var in bool
		b.Eval(ctx, inChart, &in)
		if in {
			break
		}
	}
	step("Tab to the chart", heard)
	name := layout.AccessibleName(layout.Build(testAssets, st, 800, 450))
	if !anyContains(heard, name) {
		var focus string
		b.Eval(ctx, `(() => { const f = document.querySelector('#live-slot iframe'); const a = f && f.contentDocument.activeElement; return document.activeElement.tagName + ' > ' + (a ? a.outerHTML.slice(0, 300) : '-'); })()`, &focus)
		t.Errorf("%s: Tab into the chart: Orca did not say its name %q; it said %q (focus: %s)", l, name, heard, focus)
	}

	// → walks the marks, without Orca+A: the first speaks the first figure first; the next
	// leaves out the caveat the first said (layout.Walk).
	model := layout.Build(testAssets, st, 800, 450)
	order := layout.FocusOrder(model)
	head := layout.Head(l, order[0])
	heard = step("→", d.key("Right"))
	if spoken := firstSpoken(heard); head == "" || !strings.HasPrefix(spoken, head) {
		t.Errorf("%s: → in the chart: Orca did not speak the first figure %q first; it said %q", l, head, heard)
	}
	caveat := i18n.FigCaveats(l, mustFigure(t, order[0]))
	heard = step("→", d.key("Right"))
	if !anyContains(heard, layout.Head(l, order[1])) {
		t.Errorf("%s: the second →: Orca did not speak %q; it said %q", l, layout.Head(l, order[1]), heard)
	}
	if c := caveat[len(caveat)-1]; anyContains(heard, c[:min(len(c), 30)]) {
		t.Errorf("%s: the second → repeated the caveat %q: %q", l, c, heard)
	}
	step("→", d.key("Right"))

	// Enter pins the figure, Escape unpins it: both confirmed.
	pinned := layout.Head(l, order[2])
	heard = step("Enter", d.key("Return"))
	if want := i18n.T(l, "live.pinned", pinned); !anyContains(heard, strings.TrimSuffix(want, ".")) {
		t.Errorf("%s: Enter: Orca did not confirm the pin %q; it said %q", l, want, heard)
	}
	heard = step("Escape", d.key("Escape"))
	if want := i18n.T(l, "live.unpinned", pinned); !anyContains(heard, strings.TrimSuffix(want, ".")) {
		t.Errorf("%s: Escape: Orca did not confirm the unpin %q; it said %q", l, want, heard)
	}

	// Leaving the chart backwards names where the focus went; then ↓ on the year group (a
	// toolbar: Orca turns to focus mode there) chooses 2012, and Orca says what the chart now
	// shows.
	heard = nil
	onYear := `document.activeElement && document.activeElement.name === 'year'`
	for i := 0; i < 6; i++ {
		heard = append(heard, d.key("shift+Tab")...)
		var ok bool
		b.Eval(ctx, onYear, &ok)
		if ok {
			break
		}
	}
	step("Shift+Tab to the year", heard)
	if len(heard) == 0 {
		t.Errorf("%s: leaving the chart with Shift+Tab: Orca said nothing", l)
	}
	st2012 := charts.State{View: "map", Year: 2012, Lang: l}
	st2010 := charts.State{View: "map", Year: 2010, Lang: l}
	choose := func(how string, keys []string, st charts.State) {
		t.Helper()
		heard := step(how, d.key(keys...))
		var year string
		b.Eval(ctx, `String(window.azflowsPage.state.year)`, &year)
		if year != fmt.Sprint(st.Year) {
			t.Errorf("%s: %s on the year left the year at %s, want %d", l, how, year, st.Year)
		}
		if want := layout.AccessibleName(layout.Build(testAssets, st, 800, 450)); !anyContains(heard, want) {
			t.Errorf("%s: %s: Orca did not announce the new chart %q; it said %q", l, how, want, heard)
		}
	}
	choose("↓", []string{"Down"}, st2012)
	// From browse mode (Orca+A), Enter and Space choose the radio button Orca's Shift+R and R
	// reach (Orca turns to focus mode on it, in the toolbar).
	step("Orca+A", d.key("Insert+a"))
	if l == i18n.EN {
		choose("Shift+R (previous radio button), Enter", []string{"shift+r", "Return"}, st2010)
		// Orca may or may not have turned to focus mode on the radio button: back to browse
		// mode (as its last "… mode" says) for R.
		if lastMode(transcript) == "Focus mode" {
			step("Orca+A", d.key("Insert+a"))
		}
		choose("R (next radio button), Space", []string{"r", "space"}, st2012)
		if lastMode(transcript) == "Focus mode" {
			step("Orca+A", d.key("Insert+a"))
		}
	}

	// On the Russian page, the summary under the chart (P, Orca's next paragraph, from the
	// year): spoken with voice language ru where this Orca switches voices by language.
	if l == i18n.RU {
		summary := strings.ReplaceAll(layout.Summary(st2012), "\u00a0", " ")
		// The paragraph under the chart, not the chart's description (which opens the same way
		// and ends with the keys).
		opening, keys := string([]rune(summary)[:40]), strings.ReplaceAll(i18n.T(l, "live.keys"), "\u00a0", " ")
		var line string
		heard = nil
		for i := 0; i < 6 && line == ""; i++ {
			for _, h := range d.key("p") {
				heard = append(heard, h)
				if n := strings.TrimSpace(strings.ReplaceAll(h, "\u00a0", " ")); strings.HasPrefix(n, opening) && !strings.Contains(n, keys) && line == "" {
					line = h // as Orca's log has it
				}
			}
		}
		step("P to the summary", heard)
		voice, gen, found := d.voiceLanguageOf(line)
		switch {
		case line == "" || !found:
			t.Errorf("%s: Orca never spoke the summary %q; it said %q", l, summary, heard)
		case strings.HasPrefix(voice, "ru"):
			t.Logf("%s: the summary was spoken with voice language %s", l, voice)
		case gen == "ru":
			t.Logf("%s: Orca knew the summary is in %q but spoke it with voice language %q: Orca %s does not switch voices by language", l, gen, voice, d.version())
		default:
			t.Errorf("%s: the summary was spoken as language %q (voice %q): the page does not mark it ru", l, gen, voice)
		}
	}

	// The table link: focus on the table's heading, and Orca says so.
	heard = nil
	onLink := `document.activeElement && document.activeElement.id === 'summary-table'`
	for i := 0; i < 8; i++ {
		heard = append(heard, d.key("Tab")...)
		var ok bool
		b.Eval(ctx, onLink, &ok)
		if ok {
			break
		}
	}
	step("Tab to the table link", heard)
	heard = step("Enter", d.key("Return"))
	var focused string
	b.Eval(ctx, `document.activeElement ? document.activeElement.id : ''`, &focused)
	if focused != "table-title" {
		t.Errorf("%s: the table link left the focus on %q, want the table's heading", l, focused)
	}
	if title := i18n.T(l, "table.title"); !anyContains(heard, title) {
		t.Errorf("%s: the table link: Orca did not say %q; it said %q", l, title, heard)
	}

}

// firstSpoken is the first line Orca spoke that is not a mode change.
func firstSpoken(lines []string) string {
	for _, l := range lines {
		if l != "Focus mode" && l != "Browse mode" {
			return l
		}
	}
	return ""
}

func mustFigure(t *testing.T, id string) data.Figure {
	t.Helper()
	f, ok := data.FigureByID(id)
	if !ok {
		t.Fatalf("no figure %s", id)
	}
	return f
}

// lastMode is the last of Orca's "Focus mode" and "Browse mode" in lines.
func lastMode(lines []string) string {
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i] == "Focus mode" || lines[i] == "Browse mode" {
			return lines[i]
		}
	}
	return ""
}
