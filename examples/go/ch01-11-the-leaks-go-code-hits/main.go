// at-exit: still-running
package main

import (
	"fmt"
	"runtime"
	"time"
)

// ANCHOR: timeout
// fetch gives up after 10 ms; its worker, slower, still hands over its result.
func fetch(reply chan int) (int, bool) {
	go func() {
		time.Sleep(50 * time.Millisecond) // well past the caller's 10 ms
		reply <- 42                       // unbuffered, and the caller has gone: blocked for good
	}()
	select {
	case v := <-reply:
		return v, true
	case <-time.After(10 * time.Millisecond):
		return 0, false
	}
}

// ANCHOR_END: timeout

// ANCHOR: range
// total adds up what it is sent, until the channel is closed.
func total(values []int, closeIt bool) <-chan int {
	ch, sum := make(chan int), make(chan int, 1)
	go func() {
		t := 0
		for v := range ch { // ends only when ch is closed
			t += v
		}
		sum <- t
	}()
	for _, v := range values {
		ch <- v
	}
	if closeIt {
		close(ch)
	}
	return sum
}

// ANCHOR_END: range

// leaked counts goroutines beyond base once the ones that can end have ended.
func leaked(base int) int {
	for deadline := time.Now().Add(300 * time.Millisecond); time.Now().Before(deadline); {
		if runtime.NumGoroutine() == base {
			break
		}
		time.Sleep(time.Millisecond)
	}
	return runtime.NumGoroutine() - base
}

// ANCHOR: count
func main() {
	base := runtime.NumGoroutine()
	for range 5 {
		fetch(make(chan int))
	}
	fmt.Println("5 timed-out fetches, unbuffered reply: leaked", leaked(base))
	base = runtime.NumGoroutine()
	for range 5 {
		fetch(make(chan int, 1)) // room for the late reply: the worker ends
	}
	fmt.Println("5 timed-out fetches, reply buffered for 1: leaked", leaked(base))

	base = runtime.NumGoroutine()
	total([]int{1, 2, 3}, false)
	fmt.Println("a range over a channel nobody closes: leaked", leaked(base))
	base = runtime.NumGoroutine()
	fmt.Println("the same, closed by its sender: total", <-total([]int{1, 2, 3}, true),
		"and leaked", leaked(base))
}

// ANCHOR_END: count
