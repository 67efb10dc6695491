//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"azflows/data"
	"azflows/i18n"
)

// The table view is real HTML that carries every figure of the paper with its footnote.
func TestTableCarriesEveryFigure(t *testing.T) {
	ctx, _ := newBrowser(t)
	open(t, ctx, 1200, 900, "#view=table&year=2012")
	waitFor(t, ctx, "the table view", `document.body.classList.contains('view-table')`, 10*time.Second)
	if vis := eval[bool](t, ctx, `getComputedStyle(document.getElementById('table-view')).display !== 'none' && getComputedStyle(document.getElementById('chart')).display === 'none'`); !vis {
		t.Error("the table view does not replace the chart")
	}
	rows := eval[map[string][]string](t, ctx, `Object.fromEntries([...document.querySelectorAll('#figures-table tbody tr')].map(r => [r.dataset.figure, [...r.cells].map(c => c.textContent.trim())]))`)
	if len(rows) != len(data.Figures) {
		t.Errorf("%d rows, want %d", len(rows), len(data.Figures))
	}
	for _, f := range data.Figures {
		r, ok := rows[f.ID]
		if !ok {
			t.Errorf("no row for %s", f.ID)
			continue
		}
		// The cell shows the record's text in the page's typography (a range takes an en dash).
		if want := i18n.RangeDashes(f.Text); !strings.Contains(r[1], want) {
			t.Errorf("%s: figure cell %q lacks %q", f.ID, r[1], want)
		}
		if f.Bound == data.UpTo && !strings.HasPrefix(r[1], "up to") {
			t.Errorf("%s: an upper bound shown as %q", f.ID, r[1])
		}
		if r[5] != strconv.Itoa(f.Footnote) {
			t.Errorf("%s: footnote cell %q, want %d", f.ID, r[5], f.Footnote)
		}
	}
	current := eval[[]string](t, ctx, `[...document.querySelectorAll('#figures-table tr.current')].map(r => r.dataset.figure)`)
	for _, id := range current {
		f, _ := data.FigureByID(id)
		if f.Period.From != 2012 {
			t.Errorf("row %s marked as the chosen year 2012", id)
		}
	}
	if len(current) == 0 {
		t.Error("no row marked for the chosen year")
	}
	// Footnote links lead to the reference in the sources.
	ref := eval[string](t, ctx, `document.getElementById('fn-12').textContent`)
	if !strings.Contains(ref, "Ministry of Internal Affairs of Azerbaijan has reported") {
		t.Errorf("footnote 12 reads %q", ref)
	}

	// Going to the sources view keeps the year and opens the sources.
	if err := runJS(ctx, `location.hash = 'view=sources&year=2012'`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the sources view", `document.getElementById('sources').open && document.body.classList.contains('view-sources')`, 10*time.Second)
	if y := eval[string](t, ctx, `document.querySelector('input[name=year]:checked').value`); y != "2012" {
		t.Errorf("year %s after switching views", y)
	}
	text := eval[string](t, ctx, `document.getElementById('sources').innerText`)
	for _, want := range []string{data.Citation, "impossible to evaluate their accuracy", fmt.Sprint("Wescott C.")} {
		if !strings.Contains(text, want) {
			t.Errorf("sources lack %q", want)
		}
	}
}
