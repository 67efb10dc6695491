//go:build !(js && wasm)

package webdriver

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// Xvfb is a virtual X display for the engines that need one.
type Xvfb struct {
	// Display is its name, such as ":99", for DISPLAY.
	Display string
	cmd     *exec.Cmd
	exited  chan struct{}
}

// StartXvfb starts Xvfb on a free display (it picks the number itself, -displayfd) with one
// 1920×1200 screen of 24-bit colour, listening on no TCP port.
func StartXvfb(ctx context.Context) (*Xvfb, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	cmd := exec.Command(XvfbPath(), "-displayfd", "3", "-screen", "0", "1920x1200x24", "-nolisten", "tcp", "-noreset")
	cmd.ExtraFiles = []*os.File{w}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		w.Close()
		return nil, fmt.Errorf("starting %s: %w", XvfbPath(), err)
	}
	w.Close()
	x := &Xvfb{cmd: cmd, exited: make(chan struct{})}
	go func() { cmd.Wait(); close(x.exited) }()
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		got <- strings.TrimSpace(line)
	}()
	select {
	case n := <-got:
		if n == "" {
			x.Close()
			return nil, fmt.Errorf("%s gave no display number", XvfbPath())
		}
		x.Display = ":" + n
		return x, nil
	case <-ctx.Done():
		x.Close()
		return nil, fmt.Errorf("%s: no display: %w", XvfbPath(), ctx.Err())
	}
}

// Env is the environment entry that points a program at the display.
func (x *Xvfb) Env() string { return "DISPLAY=" + x.Display }

// Close stops the X server.
func (x *Xvfb) Close() {
	if x.cmd.Process == nil {
		return
	}
	x.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-x.exited:
	case <-time.After(5 * time.Second):
		x.cmd.Process.Kill()
		<-x.exited
	}
}
