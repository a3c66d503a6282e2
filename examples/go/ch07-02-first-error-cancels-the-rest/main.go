package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// ANCHOR: first_error
// task k works k × 100 ms, watching ctx; task 3 fails.
func task(ctx context.Context, k int, stopped *atomic.Int64) error {
	select {
	case <-time.After(time.Duration(k) * 100 * time.Millisecond):
	case <-ctx.Done():
		stopped.Add(1) // asked to stop before it could finish
		return nil
	}
	if k == 3 {
		return fmt.Errorf("task %d failed", k)
	}
	return nil
}

// allOrFirstError runs tasks 1 to 8 and returns the first error. Every failure
// calls cancel(err); only the first one sets the cause, so the first one wins.
func allOrFirstError(stopped *atomic.Int64) error {
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	var wg sync.WaitGroup
	for k := 1; k <= 8; k++ {
		wg.Go(func() {
			if err := task(ctx, k, stopped); err != nil {
				cancel(err) // the siblings see ctx.Done()
			}
		})
	}
	wg.Wait() // cancellation only asks: wait until every task has returned
	return context.Cause(ctx)
}

// ANCHOR_END: first_error

func main() {
	var stopped atomic.Int64
	start := time.Now()
	err := allOrFirstError(&stopped)
	took := time.Since(start)
	fmt.Println("result:", err)
	fmt.Println("returned before the slowest task's 800 ms:", took < 800*time.Millisecond)
	fmt.Println("siblings stopped before finishing:", stopped.Load())
}
