// A data race the race detector cannot report: the racy path never runs.
//
// Run it with `go run -C examples/go -race ./ch08-01-race-on-a-path-not-taken`.
package main

import (
	"fmt"
	"sync"
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
	for range 4 {
		wg.Go(func() {
			for range 1000 {
				s.record(true) // today's traffic: every lookup hits
			}
		})
	}
	wg.Wait()
	fmt.Println("4 goroutines recorded", s.hits, "hits and", s.misses, "misses")
}

// ANCHOR_END: run
