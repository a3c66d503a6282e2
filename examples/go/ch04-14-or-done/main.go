// The or-done channel (Concurrency in Go): read a channel until it ends or
// until the reader is told to stop, whichever comes first.
//
// Run it with `go run -C examples/go ./ch04-14-or-done`.
package main

import (
	"context"
	"fmt"
	"time"
)

// ANCHOR: or_done
// orDone forwards every value of c until c closes or ctx is done; then it
// closes its output, so that a range over it ends either way.
func orDone(ctx context.Context, c <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for {
			select {
			case <-ctx.Done():
				return
			case v, ok := <-c:
				if !ok {
					return
				}
				select { // the send must watch ctx too, or it may block forever
				case out <- v:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return out
}

// ANCHOR_END: or_done

// ANCHOR: use
func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 375*time.Millisecond)
	defer cancel()
	values := make(chan int)
	sent := make(chan int)
	go func() { // a producer that stops when ctx is done
		v := 0
		defer func() { sent <- v }()
		for {
			time.Sleep(150 * time.Millisecond)
			select {
			case values <- v + 1:
				v++
			case <-ctx.Done():
				return
			}
		}
	}()
	var read []int
	for v := range orDone(ctx, values) {
		read = append(read, v)
	}
	fmt.Println("read until told to stop:", read)
	fmt.Println("the producer stopped after sending", <-sent)
}

// ANCHOR_END: use
