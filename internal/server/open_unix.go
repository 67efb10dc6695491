//go:build unix

package server

import "syscall"

// openFlags open a file without waiting: a FIFO put in the file's place is not waited on.
const openFlags = syscall.O_NONBLOCK
