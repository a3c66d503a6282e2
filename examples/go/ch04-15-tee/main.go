// Tee (Concurrency in Go): every value of one channel to two outputs, in
// order. Each value goes to both before the next is read, so the pair moves
// at the pace of the slower reader.
//
// Run it with `go run -C examples/go ./ch04-15-tee`.
package main

import (
	"fmt"
	"sync"
	"time"
)

// ANCHOR: tee
// tee sends each value to both outputs, in whichever order they are ready,
// then reads the next; it closes both when in closes.
func tee(in <-chan int) (<-chan int, <-chan int) {
	out1, out2 := make(chan int), make(chan int)
	go func() {
		defer close(out1)
		defer close(out2)
		for v := range in {
			a, b := out1, out2
			for range 2 { // a nil channel's case is skipped: each gets v once
				select {
				case a <- v:
					a = nil
				case b <- v:
					b = nil
				}
			}
		}
	}()
	return out1, out2
}

// ANCHOR_END: tee

func main() {
	in := make(chan int)
	go func() {
		defer close(in)
		for v := 1; v <= 5; v++ {
			in <- v
		}
	}()
	fastOut, slowOut := tee(in)
	read := func(c <-chan int, perValue time.Duration) (got []int) {
		for v := range c {
			got = append(got, v)
			time.Sleep(perValue)
		}
		return got
	}
	start := time.Now()
	var fast, slow []int
	var fastDone time.Duration
	var wg sync.WaitGroup
	wg.Go(func() { fast = read(fastOut, time.Millisecond); fastDone = time.Since(start) })
	wg.Go(func() { slow = read(slowOut, 40*time.Millisecond) })
	wg.Wait()
	fmt.Println("fast reader:", fast, "slow reader:", slow)
	fmt.Println("the fast one waited for the slow one, 160 ms or more:", fastDone >= 160*time.Millisecond)
}
