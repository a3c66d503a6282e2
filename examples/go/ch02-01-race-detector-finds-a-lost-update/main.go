// output: varies counter: \d+
// race: expected
// Two goroutines increment one int with no synchronization: a data race.
// Run normally, it may or may not lose increments; run with -race, it is
// reported every time.
//
// Run it with `go run -C examples/go ./ch02-01-race-detector-finds-a-lost-update`,
// then with `go run -race -C examples/go ./ch02-01-race-detector-finds-a-lost-update`.
package main

import (
	"fmt"
	"sync"
)

// ANCHOR: race
func main() {
	counter := 0
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for range 1000 {
				counter++ // read, add, write: not one step, and not ordered
			}
		})
	}
	wg.Wait() // orders the goroutines' writes before this read, but not each other's
	fmt.Println("counter:", counter, "(2000 if no increment was lost)")
}

// ANCHOR_END: race
