// output: varies \s+\d+ locks/s\s+\d+\.\d\dx
package main

import (
	"fmt"
	"sync"
	"time"
)

// ANCHOR: contention
// throughput runs n goroutines, each calling op(its index) rounds times, and
// returns the calls per second.
func throughput(n, rounds int, op func(g int)) float64 {
	start := time.Now()
	var wg sync.WaitGroup
	for g := range n {
		wg.Go(func() {
			for range rounds {
				op(g)
			}
		})
	}
	wg.Wait()
	return float64(n*rounds) / time.Since(start).Seconds()
}

// A shard: a lock and its counter, padded to 128 bytes so shards share no cache line.
type shard struct {
	mu sync.Mutex
	n  int
	_  [112]byte
}

func main() {
	const rounds = 200_000
	var mu sync.Mutex
	counter := 0
	increment := func(int) { mu.Lock(); counter++; mu.Unlock() }
	throughput(1, rounds, increment) // a warm-up run
	var base float64
	fmt.Printf("one Mutex, one counter (%d increments each):\n", rounds)
	for _, n := range []int{1, 2, 4, 8} {
		rate := throughput(n, rounds, increment)
		if n == 1 {
			base = rate
		}
		fmt.Printf("  %d goroutines: %12.0f locks/s  %5.2fx one goroutine\n", n, rate, rate/base)
	}
	shards := make([]shard, 8)
	rate := throughput(8, rounds, func(g int) { s := &shards[g]; s.mu.Lock(); s.n++; s.mu.Unlock() })
	fmt.Println("the cure, a Mutex and a counter per goroutine (sharded):")
	fmt.Printf("  8 goroutines: %12.0f locks/s  %5.2fx one goroutine\n", rate, rate/base)
}

// ANCHOR_END: contention
