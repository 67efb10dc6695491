package main

import "golang.org/x/sys/unix"

// exchange swaps two directories atomically (renamex_np RENAME_SWAP): a server reading out
// sees the old build or the new one, never neither.
func exchange(a, b string) error { return unix.RenamexNp(a, b, unix.RENAME_SWAP) }
