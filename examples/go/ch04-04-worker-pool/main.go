package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

const workers, jobCount = 4, 40

// ANCHOR: pool
func main() {
	jobs := make(chan int, workers)
	results := make(chan int)
	var wg sync.WaitGroup
	for range workers { // a fixed number of long-lived goroutines
		wg.Go(func() {
			for job := range jobs {
				results <- process(job)
			}
		})
	}
	go func() {
		for job := range jobCount {
			jobs <- job
		}
		close(jobs) // no more jobs: each worker's loop ends
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println(jobCount, "jobs, results summed:", sum)
	fmt.Println("workers busy at the same time, at most:", peak.Load(), "of", workers)
}

// ANCHOR_END: pool

var (
	busy, peak  atomic.Int64
	allBusy     = make(chan struct{})
	markAllBusy = sync.OnceFunc(func() { close(allBusy) })
)

// process is the job. It counts the workers busy at once, and holds its job
// until all of them are busy (or 100 ms pass): if the pool really runs that
// many goroutines together, the count reaches the pool's size.
func process(job int) int {
	now := busy.Add(1)
	defer busy.Add(-1)
	for old := peak.Load(); now > old && !peak.CompareAndSwap(old, now); old = peak.Load() {
	}
	if now == workers {
		markAllBusy()
	}
	select {
	case <-allBusy:
	case <-time.After(100 * time.Millisecond):
	}
	return job * 2
}
