// output: varies \d+ logical CPUs.*
package main

import (
	"fmt"
	"runtime"
	"sync"
)

// ANCHOR: procs
func main() {
	fmt.Printf("%d logical CPUs; GOMAXPROCS (the number of Ps) is %d\n", runtime.NumCPU(), runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range 1000 {
		wg.Go(func() {}) // 1000 goroutines share those few Ps
	}
	wg.Wait()
	fmt.Println("1000 goroutines ran on them, and all have called Done")
}

// ANCHOR_END: procs
