// Go by Example's stateful goroutine: one goroutine owns a map; the others
// send it requests, and a read carries a channel for the reply.
//
// Run it with `go run -C examples/go ./ch04-11-stateful-goroutine`.
package main

import (
	"fmt"
	"sync"
)

// ANCHOR: actor
type add struct {
	key string
	n   int
}

type get struct {
	key   string
	reply chan int
}

// counter is the only code that touches counts, so it needs no lock. It
// returns when both request channels are closed.
func counter(adds <-chan add, gets <-chan get) int {
	counts := map[string]int{}
	handled := 0
	for adds != nil || gets != nil {
		select {
		case a, ok := <-adds:
			if !ok {
				adds = nil
				continue
			}
			counts[a.key] += a.n
			handled++
		case g, ok := <-gets:
			if !ok {
				gets = nil
				continue
			}
			g.reply <- counts[g.key]
			handled++
		}
	}
	return handled
}

// ANCHOR_END: actor

// ANCHOR: use
func main() {
	adds, gets := make(chan add), make(chan get)
	done := make(chan int)
	go func() { done <- counter(adds, gets) }()
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() { adds <- add{"hits", 1} })
	}
	wg.Wait()
	reply := make(chan int)
	gets <- get{"hits", reply}
	fmt.Println("100 clients added 1 each: hits =", <-reply)
	close(adds)
	close(gets) // the owner's loop ends
	fmt.Println("the owner ended after", <-done, "requests")
}

// ANCHOR_END: use
