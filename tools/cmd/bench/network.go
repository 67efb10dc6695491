//go:build !(js && wasm)

package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"azflows/internal/caching"
)

// ---- network ----

type request struct {
	url      string
	encoding string
	bytes    float64 // encodedDataLength: headers and body as received
	done     bool
}

// netLog keeps the requests of a tab, from the events in their order.
type netLog struct {
	mu       sync.Mutex
	reqs     map[network.RequestID]*request
	seq      []network.RequestID
	contexts []runtime.ExecutionContextID // the JavaScript contexts of the tab (some gone), for wasmMemory
}

func (l *netLog) listen(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventExecutionContextCreated:
		l.contexts = append(l.contexts, e.Context.ID)
	case *runtime.EventExecutionContextsCleared:
		l.contexts = nil
	case *network.EventRequestWillBeSent:
		if _, ok := l.reqs[e.RequestID]; !ok {
			l.seq = append(l.seq, e.RequestID)
		}
		l.reqs[e.RequestID] = &request{url: e.Request.URL}
	case *network.EventResponseReceived:
		if r := l.reqs[e.RequestID]; r != nil && e.Response != nil {
			for k, v := range e.Response.Headers {
				if strings.EqualFold(k, "content-encoding") {
					r.encoding = fmt.Sprint(v)
				}
			}
		}
	case *network.EventLoadingFinished:
		if r := l.reqs[e.RequestID]; r != nil {
			r.bytes, r.done = e.EncodedDataLength, true
		}
	}
}

func (l *netLog) reset() {
	l.mu.Lock()
	l.reqs, l.seq = map[network.RequestID]*request{}, nil
	l.mu.Unlock()
}

// finished returns the finished requests, in the order they were sent.
func (l *netLog) finished() []request {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []request
	for _, id := range l.seq {
		if r := l.reqs[id]; r.done {
			out = append(out, *r)
		}
	}
	return out
}

// sum adds the bytes of the finished requests whose path (without query) match keep, and
// checks that none came with the content encoding notWant ("" for no check).
func (l *netLog) sum(keep func(path string) bool, notWant string) (float64, error) {
	var total float64
	for _, r := range l.finished() {
		p := r.url
		if i := strings.Index(p, "://"); i >= 0 {
			p = p[i+3:]
			if j := strings.IndexByte(p, '/'); j >= 0 {
				p = p[j:]
			}
		}
		p, _, _ = strings.Cut(p, "?")
		p, _, _ = strings.Cut(p, "#")
		p = caching.Logical(p) // "/view.0123456789.wasm" is "/view.wasm"
		if !keep(p) {
			continue
		}
		if notWant != "" && r.encoding == notWant {
			return 0, fmt.Errorf("%s came with Content-Encoding %q although the request did not accept it", p, r.encoding)
		}
		total += r.bytes
	}
	return total, nil
}

// count is how many requests whose logical path has the suffix were sent.
func (l *netLog) count(suffix string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, id := range l.seq {
		if strings.HasSuffix(caching.Logical(strings.SplitN(l.reqs[id].url, "?", 2)[0]), suffix) {
			n++
		}
	}
	return n
}

// waitFinished waits until a request whose URL has the suffix has finished loading.
func (l *netLog) waitFinished(ctx context.Context, suffix string, d time.Duration) error {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		for _, r := range l.finished() {
			if strings.HasSuffix(caching.Logical(strings.SplitN(r.url, "?", 2)[0]), suffix) {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	return fmt.Errorf("%s did not finish loading in %s", suffix, d)
}

func isView(p string) bool {
	switch p {
	case "/view.html", "/view.js", "/wasm_exec.js", "/view.wasm", "/viewhost.js":
		return true
	}
	return false
}

// uncached and gzipOnly are the network set-ups of the transfer figures, for the tab and for
// each of its workers (browser.Workers.Setup: a tab's set-up does not reach a worker's requests).
var (
	uncached = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
		return err
	})
	gzipOnly = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{
			Headers: network.Headers{"Accept-Encoding": "gzip"}})
		return err
	})
)

func setGzipOnly(ctx context.Context) error { return chromedp.Do(ctx, uncached, gzipOnly) }
