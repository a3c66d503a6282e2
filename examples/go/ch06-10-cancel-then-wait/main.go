package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// ANCHOR: worker
// worker processes items until ctx is canceled, then flushes what it holds:
// the cleanup runs after the signal, as part of the goroutine.
func worker(ctx context.Context, flushed *atomic.Int64) {
	for {
		select {
		case <-ctx.Done():
			time.Sleep(200 * time.Millisecond) // flushing the pending items
			flushed.Add(1)
			return
		case <-time.After(5 * time.Millisecond): // one more item processed
		}
	}
}

// ANCHOR_END: worker

// ANCHOR: shutdown
func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var flushed atomic.Int64
	for range 4 {
		wg.Go(func() { worker(ctx, &flushed) })
	}
	time.Sleep(50 * time.Millisecond) // serving...

	cancel() // 1. tell every goroutine to stop (cancel does not wait)
	fmt.Println("workers flushed right after cancel():", flushed.Load())
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }() // 2. wait for them...
	select {
	case <-done:
		fmt.Println("all workers exited in time: true")
	case <-time.After(5 * time.Second): // 3. ...but not forever
		fmt.Println("all workers exited in time: false")
	}
	fmt.Println("workers that flushed before exiting:", flushed.Load())
}

// ANCHOR_END: shutdown
