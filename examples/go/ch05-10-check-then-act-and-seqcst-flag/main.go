package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// ANCHOR: dangers
// takeTicketRacy checks, then acts: two atomic operations, not one.
// pause runs between them (in the listing: until both buyers have checked).
func takeTicketRacy(left *atomic.Int32, pause func()) bool {
	n := left.Load()
	pause()
	if n > 0 {
		left.Store(n - 1) // another goroutine may have taken one in between
		return true
	}
	return false
}

// takeTicket decrements only if the count is still the one it checked.
func takeTicket(left *atomic.Int32, pause func()) bool {
	n := left.Load()
	pause()
	for n > 0 {
		if left.CompareAndSwap(n, n-1) {
			return true
		}
		n = left.Load() // someone else changed it: check again
	}
	return false
}

// publish sets a plain variable, then an atomic flag. Go's atomics are all
// sequentially consistent: a reader that sees the flag sees the data too.
func publish() int {
	var data int // a plain variable, no atomic
	var ready atomic.Bool
	go func() {
		data = 42
		ready.Store(true) // "the data is ready"
	}()
	for !ready.Load() { // wait for the flag
		runtime.Gosched()
	}
	return data // not a data race (go run -race agrees): the Load saw the Store
}

// twoBuyers races two goroutines for the last ticket; returns how many got it.
func twoBuyers(take func(*atomic.Int32, func()) bool) (sold int32) {
	var left, got atomic.Int32
	left.Store(1)
	var checked, wg sync.WaitGroup
	checked.Add(2)
	for range 2 {
		wg.Go(func() {
			if take(&left, func() { checked.Done(); checked.Wait() }) {
				got.Add(1)
			}
		})
	}
	wg.Wait()
	return got.Load()
}

// ANCHOR_END: dangers

func main() {
	fmt.Println("two buyers, both check before either acts; the last ticket was sold to")
	fmt.Println("  with Load, then Store:     ", twoBuyers(takeTicketRacy), "buyers")
	fmt.Println("  with a CompareAndSwap loop:", twoBuyers(takeTicket), "buyer")
	stale := 0
	for range 1000 {
		if publish() != 42 {
			stale++
		}
	}
	fmt.Println("atomic flag, 1000 runs: the reader waited for it, then read stale data", stale, "times")
}
