// In Go, a goroutine may hold a mutex across anything that blocks: it
// compiles and runs, and every goroutine that wants the lock waits too.
//
// Run it with `go run -C examples/go ./ch01-16-a-lock-held-across-a-wait`.
package main

import (
	"fmt"
	"sync"
	"time"
)

// ANCHOR: held
func main() {
	var mu sync.Mutex
	counter := 0
	reply := make(chan int)
	locked := make(chan struct{})
	go func() {
		mu.Lock()
		close(locked)
		counter += <-reply // blocks with the lock held: legal, and costly
		mu.Unlock()
	}()
	<-locked
	start := time.Now()
	go func() {
		time.Sleep(50 * time.Millisecond) // the reply comes late
		reply <- 1
	}()
	mu.Lock() // waits for the reply, though it has nothing to do with it
	fmt.Println("counter:", counter, "- the lock was free only after the reply, 50 ms or more:",
		time.Since(start) >= 50*time.Millisecond)
	mu.Unlock()
}

// ANCHOR_END: held
