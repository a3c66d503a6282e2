package main

import (
	"fmt"
	"time"
)

const receiverDelay = 100 * time.Millisecond

// ANCHOR: main
func main() {
	ch := make(chan string) // no buffer: a rendezvous
	received := make(chan string)
	start := time.Now()
	go func() {
		time.Sleep(receiverDelay) // the receiver is late
		received <- <-ch
	}()

	ch <- "hello" // completes only once the receiver has taken it
	waited := time.Since(start)

	fmt.Printf("received %q\n", <-received)
	fmt.Println("send blocked until the receiver arrived:", waited >= receiverDelay)
	// With no receiver waiting, an unbuffered channel is "full".
	select {
	case ch <- "again":
		fmt.Println("sent")
	default: // nobody is receiving: there is nowhere to put the value
		fmt.Println("make(chan string), nobody receiving: a non-blocking send fails")
	}
}

// ANCHOR_END: main
