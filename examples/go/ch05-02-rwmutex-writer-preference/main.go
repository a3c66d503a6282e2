package main

import (
	"fmt"
	"runtime"
	"sync"
)

// ANCHOR: rwmutex
func main() {
	var mu sync.RWMutex
	config := "v1"
	read := func(who string) {
		mu.RLock()
		defer mu.RUnlock()
		fmt.Printf("%s: %s\n", who, config)
	}
	var wg sync.WaitGroup

	mu.RLock() // a reader holds the lock
	wg.Go(func() { read("a second reader, beside the first") })
	wg.Wait()

	wg.Go(func() {
		mu.Lock() // waits for the first reader
		defer mu.Unlock()
		config = "v2"
	})
	for mu.TryRLock() { // until the writer is waiting, a new reader still gets in
		mu.RUnlock()
		runtime.Gosched()
	}
	fmt.Println("a new reader, while a writer waits: TryRLock = false")
	wg.Go(func() { read("a reader started while the writer waited") })
	mu.RUnlock() // the writer goes first
	wg.Wait()
}

// ANCHOR_END: rwmutex
