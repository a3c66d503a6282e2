package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"
)

// ANCHOR: scatter
// queryShard is one shard of a search: shard 2 fails, shard 4 is far too slow.
// Like any well-behaved call, it gives up when ctx is done.
func queryShard(ctx context.Context, shard int) (string, error) {
	delay := time.Duration(10*shard) * time.Millisecond
	switch shard {
	case 2:
		return "", errors.New("connection refused")
	case 4:
		delay = 30 * time.Second
	}
	select {
	case <-time.After(delay):
		return fmt.Sprintf("%d hits", 7*shard), nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

type answer struct {
	shard int
	hits  string
	err   error
}

// scatterGather queries every shard at once and gathers what came back by
// the deadline; a shard that has not answered by then reads as past it.
func scatterGather(shards int, timeout time.Duration) []answer {
	// One deadline for the whole request; cancel tells late shards to stop.
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	// Buffered: a late shard's send never blocks, so its goroutine cannot leak.
	answers := make(chan answer, shards)
	for shard := range shards {
		go func() {
			hits, err := queryShard(ctx, shard)
			answers <- answer{shard, hits, err}
		}()
	}
	results := make([]answer, shards)
	for shard := range results {
		results[shard] = answer{shard: shard, err: context.DeadlineExceeded}
	}
	for range shards {
		select {
		case a := <-answers:
			results[a.shard] = a
		case <-ctx.Done(): // the deadline: stop gathering
			return results
		}
	}
	return results
}

// ANCHOR_END: scatter

func main() {
	base := runtime.NumGoroutine()
	start := time.Now()
	for _, a := range scatterGather(5, 100*time.Millisecond) {
		switch {
		case errors.Is(a.err, context.DeadlineExceeded):
			fmt.Printf("shard %d: no answer by the deadline\n", a.shard)
		case a.err != nil:
			fmt.Printf("shard %d: error: %v\n", a.shard, a.err)
		default:
			fmt.Printf("shard %d: %s\n", a.shard, a.hits)
		}
	}
	elapsed := time.Since(start)
	fmt.Println("answered at the 100 ms deadline, not after shard 4's 30 s:",
		elapsed >= 100*time.Millisecond && elapsed < time.Second)
	fmt.Println("goroutines left running afterwards:", goroutinesLeft(base))
}

// goroutinesLeft counts the goroutines beyond base, once those that are
// returning have had up to a second to be gone.
func goroutinesLeft(base int) int {
	for deadline := time.Now().Add(time.Second); runtime.NumGoroutine() > base && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	return runtime.NumGoroutine() - base
}
