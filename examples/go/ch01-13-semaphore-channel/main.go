// output: varies item: +peak \d+
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// ANCHOR: bound
// run starts a goroutine per item, at most limit at once (0: no limit), and
// returns the most that were ever running together.
func run(items, limit int) int64 {
	var running, peak atomic.Int64
	var wg sync.WaitGroup
	var sem chan struct{}
	if limit > 0 {
		sem = make(chan struct{}, limit)
	}
	for range items {
		if sem != nil {
			sem <- struct{}{} // blocks while limit goroutines hold a slot
		}
		wg.Go(func() {
			now := running.Add(1)
			for old := peak.Load(); now > old && !peak.CompareAndSwap(old, now); old = peak.Load() {
			}
			time.Sleep(time.Millisecond) // the work
			running.Add(-1)
			if sem != nil {
				<-sem
			}
		})
	}
	wg.Wait()
	return peak.Load()
}

func main() {
	fmt.Println("one goroutine per item:       peak", run(1000, 0), "running")
	fmt.Println("semaphore channel of size 8:  peak", run(1000, 8), "running")
}

// ANCHOR_END: bound
