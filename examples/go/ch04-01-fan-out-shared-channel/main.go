package main

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"
)

const workers, items = 4, 100

// ANCHOR: fan_out
// fanOut sends items to workers goroutines over one shared channel and
// returns every item they processed.
func fanOut() []int {
	jobs := make(chan int, 8)
	results := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for item := range jobs { // each value is received by exactly one worker
				results <- item // the work: here, hand the item back
			}
		})
	}
	go func() {
		for item := range items {
			jobs <- item
		}
		close(jobs) // ends every worker's range loop
	}()
	go func() {
		wg.Wait()
		close(results) // the last worker has returned: no more sends on results
	}()
	var processed []int
	for item := range results {
		processed = append(processed, item)
	}
	return processed
}

func main() {
	base := runtime.NumGoroutine()
	processed := fanOut()
	slices.Sort(processed)
	exactlyOnce := len(processed) == items
	for i, item := range processed {
		exactlyOnce = exactlyOnce && item == i
	}
	fmt.Printf("%d items fanned out to %d goroutines; each processed exactly once: %v\n",
		items, workers, exactlyOnce)
	fmt.Println("goroutines left running afterwards:", goroutinesLeft(base))
}

// ANCHOR_END: fan_out

// goroutinesLeft counts the goroutines beyond base, once those that are
// returning have had up to a second to be gone (wg.Wait can return a moment
// before the goroutine that called Done has exited).
func goroutinesLeft(base int) int {
	for deadline := time.Now().Add(time.Second); runtime.NumGoroutine() > base && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	return runtime.NumGoroutine() - base
}
