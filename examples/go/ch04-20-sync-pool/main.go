// sync.Pool: reuse temporary objects instead of allocating one per use,
// here a 1 KiB buffer per rendered line.
//
// Run it with `go run -C examples/go ./ch04-20-sync-pool`.
package main

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
)

// ANCHOR: pool
var buffers = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 1024)) }}

// last keeps the latest buffer reachable, as a real caller that hands it on
// would: otherwise the compiler may put it on the stack, and nothing is
// allocated at all.
var last *bytes.Buffer

func render(name string) int {
	b := bytes.NewBuffer(make([]byte, 0, 1024)) // a fresh buffer every time
	b.WriteString("hello, ")
	b.WriteString(name)
	last = b
	return b.Len()
}

func renderPooled(name string) int {
	b := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(b) // back for the next caller; the GC may still drop it
	b.Reset()
	b.WriteString("hello, ")
	b.WriteString(name)
	return b.Len()
}

func main() {
	fresh := testing.AllocsPerRun(1000, func() { render("ada") })
	pooled := testing.AllocsPerRun(1000, func() { renderPooled("ada") })
	fmt.Printf("allocations per render: fresh buffer %.0f, from the pool %.0f\n", fresh, pooled)
}

// ANCHOR_END: pool
