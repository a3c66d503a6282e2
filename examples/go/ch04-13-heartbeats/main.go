// Heartbeats (Concurrency in Go): a worker reports that it is alive at a
// regular interval, so its supervisor can tell a stalled worker from a slow
// one, and stop it.
//
// Run it with `go run -C examples/go ./ch04-13-heartbeats`.
package main

import (
	"context"
	"fmt"
	"time"
)

const beat = 20 * time.Millisecond

// ANCHOR: worker
// worker beats every beat while it works; after stallAfter it hangs on a
// channel nobody sends on (a stuck call), until ctx is cancelled.
func worker(ctx context.Context, beats chan<- time.Time, stallAfter time.Duration) {
	start := time.Now()
	ticker := time.NewTicker(beat)
	defer ticker.Stop()
	for {
		select {
		case <-ticker.C:
		case <-ctx.Done():
			return
		}
		if time.Since(start) >= stallAfter {
			select {
			case <-make(chan struct{}): // stuck: no more beats
			case <-ctx.Done():
				return
			}
		}
		select {
		case beats <- time.Now():
		case <-ctx.Done():
			return
		}
	}
}

// ANCHOR_END: worker

// ANCHOR: supervise
func main() {
	ctx, cancel := context.WithCancel(context.Background())
	beats := make(chan time.Time)
	done := make(chan struct{})
	go func() { worker(ctx, beats, 110*time.Millisecond); close(done) }()
	received := 0
	for stalled := false; !stalled; {
		select {
		case <-beats:
			received++
		case <-time.After(3 * beat): // three missed beats in a row: stalled
			stalled = true
		}
	}
	cancel() // the stalled worker is stopped, and could be restarted
	<-done
	fmt.Println("heartbeats received:", received > 0, "- then silence: stalled")
	fmt.Println("the stalled worker returned once cancelled")
}

// ANCHOR_END: supervise
