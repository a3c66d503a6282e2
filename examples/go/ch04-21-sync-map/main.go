// sync.Map, for keys written once and read many times (or by disjoint
// goroutines): LoadOrStore stores a key's first value only.
//
// Run it with `go run -C examples/go ./ch04-21-sync-map`.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// ANCHOR: map
func main() {
	var m sync.Map
	var stored atomic.Int64
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() { // each goroutine stores keys 0..1000; goroutine g offers g
			for k := range 1000 {
				if _, loaded := m.LoadOrStore(k, g); !loaded {
					stored.Add(1)
				}
			}
		})
	}
	wg.Wait()
	inMap := 0
	m.Range(func(_, _ any) bool { inMap++; return true })
	fmt.Println("4 goroutines offered 1000 keys each:", stored.Load(), "stored,", inMap, "in the map")
}

// ANCHOR_END: map
