package main

import (
	"fmt"
	"runtime"
	"runtime/metrics"
)

// ANCHOR: metrics
func main() {
	waiting := []metrics.Sample{{Name: "/sched/goroutines/waiting:goroutines"}}
	metrics.Read(waiting)
	before := waiting[0].Value.Uint64()

	release := make(chan struct{})
	for range 100 {
		go func() { <-release }() // 100 Gs, parked on the channel: _Gwaiting
	}
	for metrics.Read(waiting); waiting[0].Value.Uint64() < before+100; metrics.Read(waiting) {
		runtime.Gosched() // let them all reach the channel
	}
	fmt.Println("100 parked goroutines are counted as waiting:", waiting[0].Value.Uint64() >= before+100)
	close(release)
}

// ANCHOR_END: metrics
