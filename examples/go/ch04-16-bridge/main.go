// Bridge (Concurrency in Go): a channel of channels, read as one sequence:
// each inner channel to its end, then the next one.
//
// Run it with `go run -C examples/go ./ch04-16-bridge`.
package main

import "fmt"

// ANCHOR: bridge
// bridge forwards every value of every channel that chans delivers, in
// order, and closes its output when chans is closed and drained.
func bridge(chans <-chan <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for c := range chans {
			for v := range c {
				out <- v
			}
		}
	}()
	return out
}

// ANCHOR_END: bridge

// ANCHOR: use
func main() {
	chans := make(chan (<-chan int), 2)
	go func() { // a producer that hands out its results in batches
		defer close(chans)
		for batch := range 3 {
			c := make(chan int, 4)
			chans <- c
			for i := range 3 {
				c <- batch*10 + i
			}
			close(c) // Go: close each inner channel, or bridge waits on it forever
		}
	}()
	var all []int
	for v := range bridge(chans) {
		all = append(all, v)
	}
	fmt.Println("three batches read as one sequence:", all)
}

// ANCHOR_END: use
