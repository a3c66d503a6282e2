// output: varies \s+\d+ ops/s\s+\d+\.\d\dx
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

// rate runs op(its index) rounds times on each of 2 goroutines; ops/second.
func rate(rounds int, op func(g int)) float64 {
	start := time.Now()
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Go(func() {
			for range rounds {
				op(g)
			}
		})
	}
	wg.Wait()
	return float64(2*rounds) / time.Since(start).Seconds()
}

// ANCHOR: versus
// Two counters side by side: 16 bytes, one cache line.
type adjacent [2]atomic.Int64

// Each counter padded to 128 bytes: the pair never shares a cache line.
type padded [2]struct {
	atomic.Int64
	_ [120]byte
}

func main() {
	const rounds = 1_000_000
	var mu sync.Mutex
	var counter int64
	var shared atomic.Int64
	var side adjacent
	var apart padded
	results := []struct {
		name string
		ops  float64
	}{
		{"one counter, Mutex", rate(rounds, func(int) { mu.Lock(); counter++; mu.Unlock() })},
		{"one counter, atomic.Int64", rate(rounds, func(int) { shared.Add(1) })},
		{"a counter per goroutine, adjacent", rate(rounds, func(g int) { side[g].Add(1) })},
		{"a counter per goroutine, padded", rate(rounds, func(g int) { apart[g].Add(1) })},
	}
	fmt.Printf("2 goroutines, %d increments each:\n", rounds)
	for _, r := range results {
		fmt.Printf("  %-34s %12.0f ops/s  %6.2fx the Mutex\n", r.name, r.ops, r.ops/results[0].ops)
	}
	fmt.Println("size of the padded pair:", unsafe.Sizeof(apart), "bytes")
}

// ANCHOR_END: versus
