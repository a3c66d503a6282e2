package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

const limit, jobs = 3, 30

// ANCHOR: tokens
func main() {
	sem := make(chan struct{}, limit) // the tokens: at most limit jobs in flight
	var running, peak atomic.Int64
	var wg sync.WaitGroup
	for id := range jobs {
		sem <- struct{}{} // take a token before starting: blocks while limit jobs run
		wg.Go(func() {
			defer func() { <-sem }() // give the token back when the job ends
			raise(&peak, running.Add(1))
			time.Sleep(time.Duration(2+id%3) * time.Millisecond) // a request
			running.Add(-1)
		})
	}
	wg.Wait()
	fmt.Printf("%d jobs, limit %d: at most %d ran at once\n", jobs, limit, peak.Load())
}

// ANCHOR_END: tokens

// raise sets peak to now if now is higher: an atomic maximum.
func raise(peak *atomic.Int64, now int64) {
	for old := peak.Load(); now > old && !peak.CompareAndSwap(old, now); old = peak.Load() {
	}
}
