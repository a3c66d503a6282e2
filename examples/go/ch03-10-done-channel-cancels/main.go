// at-exit: still-running
package main

import (
	"context"
	"fmt"
	"runtime"
)

// ANCHOR: cancel
// produce sends 0, 1, 2, … forever, or until ctx is cancelled; it reports
// how many sends completed.
func produce(ctx context.Context, out chan<- int, produced chan<- int) {
	n := 0
	for {
		select {
		case out <- n:
			n++
		case <-ctx.Done(): // the upstream signal: a closed channel
			produced <- n
			return
		}
	}
}

func main() {
	before := runtime.NumGoroutine()
	ch := make(chan int)                      // unbuffered: each send waits for its receive
	go produce(context.Background(), ch, nil) // never cancelled
	fmt.Println("consumer took", <-ch, <-ch, <-ch, "and left")
	fmt.Println("no cancellation: the producer is stuck on its 4th send;",
		"goroutines leaked:", runtime.NumGoroutine()-before)

	ctx, cancel := context.WithCancel(context.Background())
	ch, produced := make(chan int), make(chan int)
	go produce(ctx, ch, produced)
	fmt.Println("consumer took", <-ch, <-ch, <-ch, "and cancelled")
	cancel() // closes ctx.Done(): the producer's select takes that case
	fmt.Println("the producer stopped by itself after", <-produced, "sends")
}

// ANCHOR_END: cancel
