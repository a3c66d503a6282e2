// output: any-order
package main

import (
	"fmt"
	"sync"
)

func show(label string, v int, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println(label, v)
}

// ANCHOR: go
func main() {
	var wg sync.WaitGroup
	ready := make(chan struct{})
	x := 1

	wg.Add(2)
	go show("argument, evaluated at the go statement:", x, &wg) // x is read now
	go func() {
		<-ready
		show("closure, reading x when it runs:", x, &wg) // x is read later
	}()
	x = 2
	close(ready)
	wg.Wait()

	// Go 1.25: WaitGroup.Go does Add(1), go f(), and Done() when f returns.
	var group sync.WaitGroup
	group.Go(func() { fmt.Println("started by WaitGroup.Go") })
	group.Wait()
}

// ANCHOR_END: go
