// In Go, a send case that loses a select sends nothing and takes nothing:
// the value is still the sender's, and a timeout can simply retry it.
//
// Run it with `go run -C examples/go ./ch01-17-a-send-case-keeps-its-value`.
package main

import (
	"fmt"
	"time"
)

// ANCHOR: retry
func main() {
	out := make(chan string, 1)
	done := make(chan []string)
	go func() { // a consumer that takes one message every 25 ms
		var received []string
		for m := range out {
			received = append(received, m)
			time.Sleep(25 * time.Millisecond)
		}
		done <- received
	}()
	timeouts := 0
	for i := 1; i <= 4; i++ {
		message := fmt.Sprintf("m%d", i)
		for sent := false; !sent; {
			select {
			case out <- message:
				sent = true
			case <-time.After(10 * time.Millisecond):
				timeouts++ // message is still here: try again
			}
		}
	}
	close(out)
	fmt.Println("received", <-done, "- some sends timed out and were retried:", timeouts > 0)
}

// ANCHOR_END: retry
