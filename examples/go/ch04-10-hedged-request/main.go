// A hedged request: ask one replica; if it has not answered within a short
// delay, ask a second one too; take the first answer and cancel the rest.
//
// Run it with `go run -C examples/go ./ch04-10-hedged-request`.
package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type replica struct {
	name  string
	takes time.Duration
}

// ANCHOR: hedge
// hedged asks the replicas one after another, hedgeAfter apart, until one
// answers; then it cancels the others and waits for them to return.
func hedged(replicas []replica, hedgeAfter time.Duration, cancelled *atomic.Int32) string {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	defer wg.Wait() // runs last: no request outlives the call
	defer cancel()
	answers := make(chan string, len(replicas)) // room for all: no sender blocks
	for _, r := range replicas {
		wg.Go(func() {
			select {
			case <-time.After(r.takes):
				answers <- r.name
			case <-ctx.Done():
				cancelled.Add(1)
			}
		})
		select {
		case answer := <-answers:
			return answer
		case <-time.After(hedgeAfter): // no answer yet: ask the next replica
		}
	}
	return <-answers
}

// ANCHOR_END: hedge

func main() {
	var cancelled atomic.Int32
	start := time.Now()
	answer := hedged([]replica{{"replica 1 (slow)", 5 * time.Second}, {"replica 2", 10 * time.Millisecond}},
		100*time.Millisecond, &cancelled)
	fmt.Println("answer from", answer, "well before replica 1's 5 s:", time.Since(start) < time.Second)
	fmt.Println("requests cancelled once the answer came:", cancelled.Load())
}
