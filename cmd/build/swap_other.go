//go:build !linux && !darwin

package main

import "errors"

// exchange has no atomic form here; swap falls back to two renames.
func exchange(a, b string) error { return errors.New("no atomic exchange on this system") }
