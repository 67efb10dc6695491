//go:build !(js && wasm)

package main

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// saveDataQuiet is how long the network must have finished nothing new before the bytes
// before intent are counted.
const saveDataQuiet = 1500 * time.Millisecond

// measureSaveData loads the page at 800×450 with Save-Data on (Emulation.setDataSaverOverride,
// navigator.connection.saveData), where the live view waits for the reader (web/page/app.js): the
// bytes on the wire (every request's encodedDataLength, br) once the page waits for the reader
// and its network has been quiet for saveDataQuiet; then a mouse move over the static chart,
// and the time from that intent (window.azflowsPage.intent) to azflows:ready.
func measureSaveData(base string, r *run) error {
	t, err := newTab(800, 450, 2*time.Minute)
	if err != nil {
		return err
	}
	defer t.stop()
	on := true
	if err := chromedp.Do(t.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetDataSaverOverride, emulation.SetDataSaverOverrideParams{DataSaverEnabled: &on})
		return err
	}), chromedp.Navigate(base+"/#view=bars&year=2010")); err != nil {
		return err
	}
	waiting := func() (bool, error) {
		return chromedp.Run(t.ctx, chromedp.Evaluate[bool](`!!window.azflowsPage && window.azflowsPage.intent === 'waiting'`))
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if ok, err := waiting(); err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the page did not wait for the reader with Save-Data on (window.azflowsPage.intent)")
		}
		time.Sleep(20 * time.Millisecond)
	}
	// Quiet: no request finished for saveDataQuiet.
	n, since := -1, time.Now()
	for time.Since(since) < saveDataQuiet {
		if k := len(t.net.finished()); k != n {
			n, since = k, time.Now()
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the network did not go quiet before the reader acted")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if r.saveDataBytes, err = t.net.sum(func(string) bool { return true }, ""); err != nil {
		return err
	}
	if *verbose {
		fmt.Printf("    with Save-Data, before the reader acts:\n")
		for _, q := range t.net.finished() {
			fmt.Printf("    %8.0f B %-5s %s\n", q.bytes, q.encoding, q.url)
		}
	}
	if ok, err := waiting(); err != nil || !ok {
		return fmt.Errorf("the live view started before the reader acted")
	}
	xy, err := chromedp.Run(t.ctx, chromedp.Evaluate[[]float64](`(() => { const s = document.querySelector('#static svg'); s.scrollIntoView({block: 'center'}); const r = s.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`))
	if err != nil || len(xy) != 2 {
		return fmt.Errorf("finding the static chart: %v", err)
	}
	if err := chromedp.Do(t.ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, xy[0], xy[1])); err != nil {
		return err
	}
	tm, err := waitTiming(t.ctx, 60*time.Second, func(tm timing) bool { return tm.Ready > 0 && tm.Mode == "live" })
	if err != nil {
		return fmt.Errorf("waiting for the live view after the intent: %w", err)
	}
	at, err := chromedp.Run(t.ctx, chromedp.Evaluate[float64](`typeof window.azflowsPage.intent === 'number' ? window.azflowsPage.intent : -1`))
	if err != nil || at < 0 {
		return fmt.Errorf("the page did not record the intent (window.azflowsPage.intent): %v", err)
	}
	r.intentToLive = tm.Ready - at
	return nil
}
