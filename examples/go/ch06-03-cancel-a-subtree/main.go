package main

import (
	"context"
	"fmt"
	"time"
)

// ANCHOR: worker
// worker works in 10 ms units until ctx is canceled, then reports why it stopped.
func worker(ctx context.Context, stopped chan<- error) {
	for {
		select {
		case <-ctx.Done():
			stopped <- ctx.Err()
			return
		case <-time.After(10 * time.Millisecond): // one unit of work
		}
	}
}

// ANCHOR_END: worker

// ANCHOR: cancel
func main() {
	parent, cancelParent := context.WithCancel(context.Background())
	child, cancelChild := context.WithCancel(parent)
	a, b, unrelated := make(chan error), make(chan error), make(chan error)
	go worker(child, a)
	go worker(child, b)
	go worker(parent, unrelated)

	time.Sleep(35 * time.Millisecond)
	cancelChild() // stops a and b, not their parent's other work
	fmt.Println("a stopped:", <-a, "| b stopped:", <-b)
	fmt.Println("parent.Err():", parent.Err())
	select {
	case err := <-unrelated:
		fmt.Println("the unrelated worker stopped too:", err)
	default:
		fmt.Println("the unrelated worker is still running")
	}

	cancelParent() // what `defer cancelParent()` does when main returns
	fmt.Println("the unrelated worker stopped:", <-unrelated)
}

// ANCHOR_END: cancel
