package i18n

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"azflows/data"
)

// espeak is what espeak-ng, the synthesizer behind speech-dispatcher, would say of text in
// voice, as phonemes (-x).
func espeak(t *testing.T, voice, text string) string {
	t.Helper()
	out, err := exec.Command("espeak-ng", "-v", voice, "-q", "-x", text).Output()
	if err != nil {
		t.Fatalf("espeak-ng -v %s -x %q: %v", voice, text, err)
	}
	return strings.TrimSpace(string(out))
}

// Every number the page writes is spoken as that number by espeak-ng in its language, and in
// English, the voice Orca (43) reads every page with: a digit-group separator the voice does
// not understand splits it ("до 1 000" was "до один ноль ноль ноль", "1.000-ə" "one point zero
// zero zero"). Each figure's values of four digits or more (and the axes' largest tick, 1000)
// as Number writes them must sound as the bare digits do.
func TestNumbersAreSpokenAsNumbers(t *testing.T) {
	if _, err := exec.LookPath("espeak-ng"); err != nil {
		msg := "no espeak-ng: apt-get install espeak-ng (as root) to check how numbers are spoken"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg + "; CI installs it (.ci/run) and never skips this test")
		}
		t.Skip(msg)
	}
	seen := map[float64]bool{1000: true}
	for _, f := range data.Figures {
		for _, v := range []float64{f.Value, f.High} {
			if v == float64(int64(v)) && v >= 1000 {
				seen[v] = true
			}
		}
	}
	for _, x := range Languages {
		for v := range seen {
			bare := strconv.FormatInt(int64(v), 10)
			written := Number(x.Lang, v)
			for _, voice := range []string{string(x.Lang), string(EN)} {
				if got, want := espeak(t, voice, written), espeak(t, voice, bare); got != want {
					t.Errorf("%s: %q is spoken [%s] by the %s voice, the number %s [%s]", x.Lang, written, got, voice, bare, want)
				}
			}
		}
	}
}
