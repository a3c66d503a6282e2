// race: expected
// Two goroutines increment one int with no synchronization between them: a
// data race, though they never run at the same time. Run normally, it prints
// the right total; run with -race, the race is reported.
//
// Run it with `go run -C examples/go ./ch02-01-race-detector-sees-no-ordering`,
// then with `go run -C examples/go -race ./ch02-01-race-detector-sees-no-ordering`.
package main

import (
	"fmt"
	"sync"
	"time"
)

// ANCHOR: race
func main() {
	counter := 0
	var wg sync.WaitGroup
	wg.Go(func() { counter++ }) // read, add, write: not one step
	// By now the first goroutine has long finished, but a sleep orders
	// nothing: no happens-before edge joins its write to the next read.
	time.Sleep(100 * time.Millisecond)
	wg.Go(func() { counter++ })
	wg.Wait() // orders both goroutines before this read, not one before the other
	fmt.Println("counter:", counter)
}

// ANCHOR_END: race
