// output: varies \d+ (of its|served|refused)
package main

import (
	"fmt"
	"time"
)

// ANCHOR: bounded
// backpressure: a fast producer, a slow consumer, a channel of capacity 8.
// Returns the longest the queue got and how often the producer had to wait.
func backpressure(items int) (longest, waited int) {
	queue := make(chan int, 8)
	go func() {
		defer close(queue)
		for n := range items {
			select {
			case queue <- n:
			default: // full: count it, then wait for the consumer to catch up
				waited++
				queue <- n
			}
		}
	}()
	for {
		longest = max(longest, len(queue)) // what is queued, before taking one
		if _, ok := <-queue; !ok {
			return longest, waited // the close happens after the last waited++
		}
		time.Sleep(time.Millisecond) // the consumer's work: slower than producing
	}
}

// ANCHOR_END: bounded

// ANCHOR: shed
// shed: a request arrives every millisecond, serving one takes 4 ms. When the
// queue (capacity 4) is full, select's default refuses the request at once.
func shed(requests int) (served, refused, longest int) {
	queue := make(chan int, 4)
	done := make(chan int)
	go func() {
		n := 0
		for range queue {
			time.Sleep(4 * time.Millisecond) // serving takes time
			n++
		}
		done <- n
	}()
	for r := range requests {
		select {
		case queue <- r:
			longest = max(longest, len(queue))
		default:
			refused++ // "503: try again later"
		}
		time.Sleep(time.Millisecond) // the next request arrives
	}
	close(queue)
	return <-done, refused, longest
}

func main() {
	longest, waited := backpressure(100)
	fmt.Println("bounded channel (capacity 8): the queue never held more than", longest)
	fmt.Println("  the producer found it full, and waited, on", waited, "of its 100 sends")
	served, refused, longest := shed(100)
	fmt.Printf("select with default (capacity 4): 100 requests, %d served, %d refused\n", served, refused)
	fmt.Println("  the queue never held more than", longest, "and every request was served or refused:",
		served+refused == 100)
}

// ANCHOR_END: shed
