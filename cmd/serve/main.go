// Command serve serves the built site (dist/) for local viewing.
//
//	go run ./cmd/serve -dir dist -addr 127.0.0.1:8080
//
// It is a thin wrapper around azflows/internal/server; `make serve` builds
// dist/ first and then runs it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"azflows/internal/server"
)

func main() {
	dir := flag.String("dir", "dist", "directory to serve")
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("azflows: ")

	if _, err := os.Stat(filepath.Join(*dir, "index.html")); err != nil {
		log.Fatalf("%s has no index.html: run `make build` first (%v)", *dir, err)
	}

	ln, err := server.Listen(*addr) // at most server.MaxConns connections at once
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("azflows: serving %s/ at http://%s/\n", strings.TrimRight(*dir, "/"), ln.Addr())

	srv := server.New(*dir, server.DefaultTimeouts)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdownCtx)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}
