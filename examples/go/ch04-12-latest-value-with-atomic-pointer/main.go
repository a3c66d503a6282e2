// Latest-value configuration in Go: an atomic.Pointer holds the current
// config; readers load it when they need it, and never see a torn value.
//
// Run it with `go run -C examples/go ./ch04-12-latest-value-with-atomic-pointer`.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type config struct {
	version   int
	timeoutMs int
}

// ANCHOR: pointer
func main() {
	var current atomic.Pointer[config]
	current.Store(&config{version: 1, timeoutMs: 100})
	var wg sync.WaitGroup
	var seen []int
	wg.Go(func() { // a reader that looks every 50 ms, 3 times
		for range 3 {
			c := current.Load() // the whole struct, as one writer published it
			if len(seen) == 0 || seen[len(seen)-1] != c.version {
				seen = append(seen, c.version)
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
	for version := 2; version <= 6; version++ {
		time.Sleep(20 * time.Millisecond)
		current.Store(&config{version: version, timeoutMs: 100 * version}) // never mutate a published one
	}
	wg.Wait()
	latest := current.Load()
	fmt.Printf("the latest config: version %d, timeout %d ms\n", latest.version, latest.timeoutMs)
	fmt.Println("the reader saw fewer than the 6 versions, starting with", seen[0], "-", len(seen) < 6)
}

// ANCHOR_END: pointer
