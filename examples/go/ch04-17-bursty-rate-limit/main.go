// Go by Example's bursty rate limiter: a buffered channel of 3 tokens,
// refilled one per tick. Three requests pass at once, then one per tick.
//
// Run it with `go run -C examples/go ./ch04-17-bursty-rate-limit`.
package main

import (
	"fmt"
	"time"
)

// ANCHOR: limiter
func main() {
	const every = 100 * time.Millisecond
	bucket := make(chan time.Time, 3)
	for range 3 {
		bucket <- time.Now() // the bucket starts full: a burst of 3
	}
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	done := make(chan struct{})
	defer close(done) // the refill goroutine ends with main
	go func() {
		for {
			select {
			case t := <-ticker.C:
				select {
				case bucket <- t:
				default: // full: the token is dropped, no burst builds up
				}
			case <-done:
				return
			}
		}
	}()
	start := time.Now()
	var servedAt []time.Duration
	for range 6 {
		<-bucket
		servedAt = append(servedAt, time.Since(start))
	}
	burst := servedAt[2] < every/2
	paced := servedAt[3] >= every-every/5 && servedAt[5] >= 3*every-every/5
	fmt.Println("6 requests: the first 3 at once:", burst, "- then one per 100 ms:", paced)
}

// ANCHOR_END: limiter
