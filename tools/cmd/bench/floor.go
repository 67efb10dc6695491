//go:build !(js && wasm)

package main

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/chromedp"

	"azflows/internal/caching"
	"azflows/internal/server"
	"azflows/site"
)

// ---- the floor: the smallest ebiten program on the view's path ----

// floorServer serves dist/ as the bench does, except that every request for view.wasm gets
// the floor program (tools/cmd/bench/floorview), built here into a temporary directory, brotli-
// compressed when the browser accepts it as the real one is. It returns the base URL and a
// function that stops it.
func floorServer() (string, func(), error) {
	tmp, err := os.MkdirTemp("", "azflows-floor-")
	if err != nil {
		return "", nil, err
	}
	wasm := filepath.Join(tmp, "floor.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, "./cmd/bench/floorview")
	cmd.Dir = "tools" // its module's root, from the repository's
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		os.RemoveAll(tmp)
		return "", nil, fmt.Errorf("building tools/cmd/bench/floorview: %w", err)
	}
	raw, err := os.ReadFile(wasm)
	os.RemoveAll(tmp)
	if err != nil {
		return "", nil, err
	}
	var br bytes.Buffer
	zw := brotli.NewWriterLevel(&br, 9)
	zw.Write(raw)
	if err := zw.Close(); err != nil {
		return "", nil, err
	}
	real := server.Handler(*distDir)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if caching.Logical(r.URL.Path) != "/"+site.WasmFile {
			real.ServeHTTP(w, r)
			return
		}
		body := raw
		w.Header().Set("Content-Type", "application/wasm")
		w.Header().Set("Cache-Control", caching.For(r.URL.Path))
		w.Header().Set("Vary", "Accept-Encoding")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
			body = br.Bytes()
			w.Header().Set("Content-Encoding", "br")
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
	})
	base, stop, err := serve(h)
	if err != nil {
		return "", nil, err
	}
	fmt.Printf("bench: the floor program is %.1f MB (%.1f MB br), served in place of view.wasm at %s\n", float64(len(raw))/1e6, float64(br.Len())/1e6, base)
	return base, stop, nil
}

// measureReadyFloor loads the page with the floor program as its view, as measurePage does, and
// returns its time to ready and its milestones.
func measureReadyFloor(base string) (float64, milestones, error) {
	t, err := newTab(800, 450, 2*time.Minute)
	if err != nil {
		return nan(), nil, err
	}
	defer t.stop()
	if err := chromedp.Do(t.ctx, chromedp.Navigate(base+"/#view=bars&year=2010")); err != nil {
		return nan(), nil, err
	}
	tm, err := waitTiming(t.ctx, 30*time.Second, func(tm timing) bool { return tm.Ready > 0 && tm.Mode == "live" })
	if err != nil {
		return nan(), nil, fmt.Errorf("waiting for the floor program's ready: %w", err)
	}
	m, err := readMilestones(t, max(tm.ChartFrame, tm.FCP), tm.Ready)
	if err != nil {
		return tm.Ready, nil, err
	}
	if *verbose {
		fmt.Printf("    floor timing: %+v\n", tm)
	}
	return tm.Ready, m, nil
}
