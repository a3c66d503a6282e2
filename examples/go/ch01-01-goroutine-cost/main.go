// output: varies \d+\.\d (µs|KiB)
package main

import (
	"fmt"
	"runtime"
	"time"
)

const n = 10_000

// ANCHOR: cost
func main() {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	release := make(chan struct{})
	start := time.Now()
	for range n {
		go func() { <-release }() // each goroutine parks, alive, on the channel
	}
	spawn := time.Since(start)
	runtime.ReadMemStats(&after)
	perStack := float64(after.StackInuse-before.StackInuse) / n / 1024
	fmt.Printf("%d goroutines: %.1f µs to start each, %.1f KiB of stack each\n",
		n, float64(spawn.Microseconds())/n, perStack)
	close(release)
}

// ANCHOR_END: cost
