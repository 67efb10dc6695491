//go:build !unix

package server

// openFlags: no O_NONBLOCK here; the Stat before the open refuses what is not a regular file.
const openFlags = 0
