// race: expected
// A data race the race detector reports only once its path runs: 4,000 hits
// pass under -race, and the first two cache misses are reported.
//
// Run it with `go run -C examples/go -race ./ch08-01-race-on-a-path-not-taken`.
package main

import (
	"fmt"
	"sync"
	"time"
)

// ANCHOR: stats
type stats struct {
	mu     sync.Mutex
	hits   int
	misses int
}

func (s *stats) record(hit bool) {
	if hit {
		s.mu.Lock()
		s.hits++
		s.mu.Unlock()
		return
	}
	s.misses++ // the bug: no lock. Only a cache miss takes this path.
}

// ANCHOR_END: stats

// ANCHOR: run
func main() {
	var s stats
	var wg sync.WaitGroup
	for range 4 { // today's traffic: every lookup hits
		wg.Go(func() {
			for range 1000 {
				s.record(true)
			}
		})
	}
	wg.Wait()
	fmt.Println("4 goroutines recorded", s.hits, "hits and", s.misses, "misses")

	// Then two misses, one goroutine well after the other: no overlap in
	// time, and still no happens-before edge between their writes.
	wg.Go(func() { s.record(false) })
	time.Sleep(100 * time.Millisecond)
	wg.Go(func() { s.record(false) })
	wg.Wait()
	fmt.Println("then 2 misses, from 2 goroutines:", s.misses)
}

// ANCHOR_END: run
