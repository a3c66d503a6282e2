// output: any-order
package main

import (
	"fmt"
	"sync"
)

// ANCHOR: loop
func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Go(func() { fmt.Println("worker", i) }) // Go 1.22+: this iteration's own i
	}
	wg.Wait()
	fmt.Println("in a file built as Go 1.21:", sharedLoopVariable())
}

// ANCHOR_END: loop
