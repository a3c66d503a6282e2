package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// ANCHOR: waitgroup
func main() {
	// wg.Go (Go 1.25): Add(1), start the goroutine, Done when it returns.
	var wg sync.WaitGroup
	var done atomic.Int32
	for range 4 {
		wg.Go(func() { done.Add(1) })
	}
	wg.Wait()
	fmt.Println("wg.Go:", done.Load(), "of 4 done")

	// The older form: Add before the go statement, Done deferred inside.
	done.Store(0)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			done.Add(1)
		}()
	}
	wg.Wait()
	fmt.Println("Add/Done:", done.Load(), "of 4 done")

	// A WaitGroup carries no results: each goroutine writes its own slot.
	results := make([]int, 4)
	for i := range 4 {
		wg.Go(func() { results[i] = (i + 1) * (i + 1) })
	}
	wg.Wait()
	fmt.Println("results, slot by slot:", results)

	defer func() { fmt.Println("one Done too many: panic:", recover()) }()
	wg.Done()
}

// ANCHOR_END: waitgroup
