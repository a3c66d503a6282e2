// The Go idioms that Rust's streams replace: range over a channel, results
// collected as goroutines finish, and a select that knows which channel spoke.
//
// Run it with `go run -C examples/go ./ch01-18-the-idioms-streams-replace`.
package main

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// ANCHOR: idioms
func main() {
	// range, filter, map, take 3; the producer stops when ctx is cancelled.
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan int)
	go func() {
		defer close(ch)
		for v := 1; v <= 10; v++ {
			select {
			case ch <- v:
			case <-ctx.Done():
				return
			}
		}
	}()
	var evens []int
	for v := range ch {
		if v%2 == 0 {
			evens = append(evens, v*10)
			if len(evens) == 3 {
				break
			}
		}
	}
	cancel() // without it, the producer would block forever on its next send
	fmt.Println("range, filter, map, take 3:", evens)

	// A goroutine per job, results in the order they finish.
	results := make(chan int)
	for _, ms := range []int{60, 20, 40} {
		go func() {
			time.Sleep(time.Duration(ms) * time.Millisecond)
			results <- ms
		}()
	}
	finished := []int{<-results, <-results, <-results}
	fmt.Println("results in the order they finished:", finished)

	// select over two channels until both are closed: a nil channel is skipped.
	orders, payments := make(chan int, 4), make(chan int, 4)
	orders <- 1
	orders <- 2
	payments <- 7
	close(orders)
	close(payments)
	var seen []string
	for orders != nil || payments != nil {
		select {
		case v, ok := <-orders:
			if !ok {
				orders = nil
				continue
			}
			seen = append(seen, fmt.Sprint("orders ", v))
		case v, ok := <-payments:
			if !ok {
				payments = nil
				continue
			}
			seen = append(seen, fmt.Sprint("payments ", v))
		}
	}
	slices.Sort(seen)
	fmt.Println("every value with its source:", seen)
}

// ANCHOR_END: idioms
