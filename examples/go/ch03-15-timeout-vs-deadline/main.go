package main

import (
	"context"
	"fmt"
	"time"
)

// trickle sends a message every 10 ms until ctx is done.
func trickle(ctx context.Context) <-chan int {
	out := make(chan int)
	go func() {
		for n := 0; ; n++ {
			select {
			case <-time.After(10 * time.Millisecond): // the simulated work
			case <-ctx.Done():
				return
			}
			select {
			case out <- n:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

const limit = 150 * time.Millisecond

// ANCHOR: main
func main() {
	// A timeout per message: time.After makes a new timer on every iteration,
	// so a steady trickle never trips it, however long the loop runs.
	ctx, stop := context.WithCancel(context.Background())
	messages, start := trickle(ctx), time.Now()
	got, timedOut := 0, false
	for got < 30 && !timedOut {
		select {
		case <-messages:
			got++
		case <-time.After(limit):
			timedOut = true
		}
	}
	stop()
	fmt.Printf("150 ms timeout per message: %d messages, timed out: %v, the loop ran over 150 ms: %v\n",
		got, timedOut, time.Since(start) > limit)

	// One deadline for the whole exchange: fixed before the loop, not renewed.
	deadline := time.Now().Add(limit)
	ctx, stop = context.WithDeadline(context.Background(), deadline)
	defer stop()
	messages, got = trickle(ctx), 0
	for ctx.Err() == nil {
		select {
		case <-messages:
			got++
		case <-ctx.Done():
		}
	}
	fmt.Printf("150 ms deadline for the loop: got messages: %v, then stopped by %q, not before the deadline: %v\n",
		got > 0, ctx.Err(), !time.Now().Before(deadline))
}

// ANCHOR_END: main
