package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

// ANCHOR: pipeline
// source sends 1, 2, … n (forever if n is 0) until ctx is cancelled.
func source(ctx context.Context, n int) <-chan int {
	out := make(chan int, 4)
	go func() {
		defer close(out) // each stage owns its outbound channel and closes it
		for i := 1; n == 0 || i <= n; i++ {
			select {
			case out <- i:
			case <-ctx.Done():
				return // the consumer has gone: stop instead of blocking forever
			}
		}
		note(ctx, "source: input ended")
	}()
	return out
}

// square sends the square of every number it receives.
func square(ctx context.Context, in <-chan int) <-chan int {
	out := make(chan int, 4)
	go func() {
		defer close(out)
		for n := range in {
			select {
			case out <- n * n:
			case <-ctx.Done():
				return
			}
		}
		note(ctx, "square: input closed")
	}()
	return out
}

func main() {
	base := runtime.NumGoroutine()
	total := 0
	for sq := range square(context.Background(), source(context.Background(), 10)) {
		total += sq
	}
	note(context.Background(), "sum: input closed")
	fmt.Println("sum of squares of 1 to 10:", total)

	// Early exit: the consumer takes three squares of an endless source.
	ctx, cancel := context.WithCancel(context.Background())
	var first []int
	for sq := range square(ctx, source(ctx, 0)) {
		if first = append(first, sq); len(first) == 3 {
			break
		}
	}
	cancel() // every stage returns, closing its outbound channel
	fmt.Println("took", first, "from an endless source, then cancelled;",
		"goroutines left running:", goroutinesLeft(base))
}

// ANCHOR_END: pipeline

// note prints that a stage saw its input end, unless the pipeline was
// cancelled: then the stages stop in no fixed order.
func note(ctx context.Context, line string) {
	if ctx.Err() == nil {
		fmt.Println(" ", line)
	}
}

// goroutinesLeft counts the goroutines beyond base, once those that are
// returning have had up to a second to be gone.
func goroutinesLeft(base int) int {
	for deadline := time.Now().Add(time.Second); runtime.NumGoroutine() > base && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	return runtime.NumGoroutine() - base
}
