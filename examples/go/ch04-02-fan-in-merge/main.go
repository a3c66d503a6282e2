package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

const producers, each = 3, 5

type message struct{ producer, n int }

// ANCHOR: merge
// produce sends each messages on a channel it owns, and closes it.
func produce(id int) <-chan message {
	out := make(chan message)
	go func() {
		defer close(out)
		for n := range each {
			out <- message{id, n}
		}
	}()
	return out
}

// merge is the pipelines article's fan-in: a goroutine per input copies it
// into out, and one more closes out once every copier is done.
func merge(inputs ...<-chan message) <-chan message {
	out := make(chan message)
	var wg sync.WaitGroup
	for _, in := range inputs {
		wg.Go(func() {
			for m := range in {
				out <- m
			}
		})
	}
	go func() {
		wg.Wait()
		close(out) // after the last send: a send on a closed channel panics
	}()
	return out
}

func main() {
	base := runtime.NumGoroutine()
	received, fromEach, inOrder := 0, make([]int, producers), true
	for m := range merge(produce(0), produce(1), produce(2)) {
		inOrder = inOrder && m.n == fromEach[m.producer] // FIFO per producer
		fromEach[m.producer]++
		received++
	}
	fmt.Printf("merged %d messages; from each producer: %v\n", received, fromEach)
	fmt.Println("each producer's messages arrived in the order it sent them:", inOrder)
	fmt.Println("goroutines left running afterwards:", goroutinesLeft(base))
}

// ANCHOR_END: merge

// goroutinesLeft counts the goroutines beyond base, once those that are
// returning have had up to a second to be gone (wg.Wait can return a moment
// before the goroutine that called Done has exited).
func goroutinesLeft(base int) int {
	for deadline := time.Now().Add(time.Second); runtime.NumGoroutine() > base && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	return runtime.NumGoroutine() - base
}
