// output: varies version read: \d+
// Read-mostly data shared by goroutines: an atomic.Pointer to a config that
// readers load without a lock and a writer replaces whole. A reader never
// sees half an update.
//
// Run it with `go run -C examples/go ./ch04-22-read-mostly-with-atomic-pointer`.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// config has two fields that must agree: limit is always version * 10.
type config struct {
	version, limit int
}

// ANCHOR: swap
func main() {
	var current atomic.Pointer[config]
	current.Store(&config{})
	var writing atomic.Bool
	writing.Store(true)
	var torn, newest atomic.Int64
	var wg, started sync.WaitGroup
	started.Add(3)
	for range 3 {
		wg.Go(func() {
			started.Done()
			for writing.Load() {
				c := current.Load() // no lock; one published version
				if c.limit != c.version*10 {
					torn.Add(1)
				}
				for seen := newest.Load(); int64(c.version) > seen && !newest.CompareAndSwap(seen, int64(c.version)); seen = newest.Load() {
				}
			}
		})
	}
	started.Wait() // the readers are running: now write
	for version := 1; version <= 10_000; version++ {
		current.Store(&config{version: version, limit: version * 10}) // a new value, never a change
	}
	writing.Store(false)
	wg.Wait()
	fmt.Println("3 readers during 10000 updates:", torn.Load(), "torn reads")
	fmt.Printf("the newest version read: %d; now: %d\n", newest.Load(), current.Load().version)
}

// ANCHOR_END: swap
