package main

import (
	"fmt"
	"math"
	"sync"
	"sync/atomic"
)

// ANCHOR: atomics
func main() {
	var hits atomic.Int64 // typed atomics (Go 1.19): no ordering to choose, all are SeqCst
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 10_000 {
				hits.Add(1) // one indivisible read-modify-write
			}
		})
	}
	wg.Wait()
	fmt.Println("4 goroutines x 10000 Add:", hits.Load())

	var n atomic.Int64
	n.Store(10)
	fmt.Println("Add(5) returned", n.Add(5), "(the new value); Swap(0) returned", n.Swap(0), "(the old)")
	n.Store(math.MaxInt64)
	fmt.Println("Add(1) at MaxInt64 wraps:", n.Add(1))

	// A lock-free "record the maximum", with CompareAndSwap in a loop.
	var maximum atomic.Int64
	for t := range 4 {
		wg.Go(func() {
			mine := int64(t+1) * 100
			seen := maximum.Load()
			for mine > seen && !maximum.CompareAndSwap(seen, mine) {
				seen = maximum.Load() // someone else changed it: check again
			}
		})
	}
	wg.Wait()
	fmt.Println("maximum recorded by CompareAndSwap:", maximum.Load())
}

// ANCHOR_END: atomics
