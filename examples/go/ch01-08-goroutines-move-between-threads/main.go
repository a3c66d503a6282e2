// output: varies ran on \d
package main

import (
	"fmt"
	"runtime"
	"sync"
	"syscall"
	"time"
)

// ANCHOR: threads
func main() {
	runtime.GOMAXPROCS(2) // two Ps on every machine: the lesson needs more than one
	var mu sync.Mutex
	threads := map[int]bool{}
	var wg sync.WaitGroup
	for range 64 {
		wg.Go(func() {
			deadline := time.Now().Add(2 * time.Millisecond)
			for time.Now().Before(deadline) { // busy: the other Ps steal the queued goroutines
			}
			mu.Lock()
			threads[syscall.Gettid()] = true // the OS thread (M) this goroutine ran on
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Printf("64 goroutines, started by one, ran on %d OS threads (GOMAXPROCS %d)\n",
		len(threads), runtime.GOMAXPROCS(0))
}

// ANCHOR_END: threads
