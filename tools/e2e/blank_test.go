//go:build !(js && wasm)

package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// frameSampler runs in the page from its first script on and records, on every animation
// frame, which of the chart area's pictures shows something: the static SVG, the live view
// (its frame visible and drawn: azflowsView.frames > 0) or the fallback (its frame visible and
// its echarts canvas painted). An empty list is a blank chart area.
const frameSampler = `(() => {
	if (window.top !== window) return;
	const log = window.azflowsFrames = [];
	const visible = el => {
		if (!el) return false;
		const r = el.getBoundingClientRect();
		if (r.width < 1 || r.height < 1) return false;
		for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
			const cs = getComputedStyle(e);
			if (cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0') return false;
		}
		return true;
	};
	const sample = () => {
		const chart = document.getElementById('chart');
		if (chart && document.body && !/view-(table|sources)/.test(document.body.className)) {
			const shown = [];
			if (visible(document.querySelector('#static svg'))) shown.push('static');
			const lf = document.querySelector('#live-slot iframe');
			if (visible(lf)) { try { const v = lf.contentWindow.azflowsView; if (v && v.frames > 0) shown.push('live'); } catch (e) {} }
			const ff = document.querySelector('#fallback-slot iframe');
			if (visible(ff)) { try { const c = ff.contentDocument && ff.contentDocument.querySelector('canvas');
				if (c && c.width && c.height && c.getContext('2d').getImageData(c.width >> 1, c.height >> 1, 1, 1).data[3] > 0) shown.push('fallback'); } catch (e) {} }
			log.push(shown.join('+'));
		}
		if (log.length < 200000) requestAnimationFrame(sample);
	};
	requestAnimationFrame(sample);
})()`

func sampleFrames(t *testing.T, ctx context.Context) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: frameSampler})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}

// blankFrames checks the frames sampled since the page loaded: none may be blank, and the last
// ones must show want.
func blankFrames(t *testing.T, ctx context.Context, what, want string) {
	t.Helper()
	waitFor(t, ctx, what+": "+want+" shown", `(() => { const l = window.azflowsFrames || []; return l.length > 20 && l.slice(-10).every(s => s.split('+').includes('`+want+`')); })()`, 60*time.Second)
	frames := eval[[]string](t, ctx, `window.azflowsFrames`)
	blank, first := 0, -1
	for i, s := range frames {
		if s == "" {
			blank++
			if first < 0 {
				first = i
			}
		}
	}
	t.Logf("%s: %d frames sampled, %d blank", what, len(frames), blank)
	if blank > 0 {
		t.Errorf("%s: the chart area was blank in %d of %d animation frames (the first at frame %d: %s)", what, blank, len(frames), first, strings.Join(frames[max(0, first-2):min(len(frames), first+3)], " | "))
	}
}

// The chart area is never blank on the way from the static chart to its replacement, live or
// fallback, cold (a fresh profile) and warm (a reload), nor when the fallback switches to
// another state (issue 12, finding 3: the static SVG was hidden before echarts had drawn).
func TestChartNeverBlank(t *testing.T) {
	for _, mode := range []string{"fallback", "live"} {
		t.Run(mode, func(t *testing.T) {
			var flags []chromedp.ExecAllocatorOption
			if mode == "fallback" {
				flags = append(flags, chromedp.Flag("use-gl", "disabled"))
			}
			ctx, _ := newBrowser(t, flags...)
			sampleFrames(t, ctx)
			open(t, ctx, 1000, 800, "#view=bars&year=2012")
			blankFrames(t, ctx, mode+", cold", mode)
			for _, h := range []string{"view=bars&year=2010", "view=flow&year=2010", "view=map&year=2012"} {
				if err := runJS(ctx, fmt.Sprintf(`window.azflowsFrames.length = 0; location.hash = '#%s'`, h)); err != nil {
					t.Fatal(err)
				}
				time.Sleep(300 * time.Millisecond)
				blankFrames(t, ctx, mode+", switching to "+h, mode)
			}
			if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
				t.Fatal(err)
			}
			blankFrames(t, ctx, mode+", warm", mode)
		})
	}
}
