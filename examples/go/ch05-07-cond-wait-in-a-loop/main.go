package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

// ANCHOR: queue
// Queue's Pop waits for an item: a Mutex for the data, a Cond for "it changed".
type Queue struct {
	mu      sync.Mutex
	changed *sync.Cond // changed.L is &mu
	items   []int
}

func NewQueue() *Queue {
	q := &Queue{}
	q.changed = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Push(item int) {
	q.mu.Lock()
	q.items = append(q.items, item)
	q.mu.Unlock()
	q.changed.Signal()
}

func (q *Queue) Pop() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 { // re-check after every wake-up: in a loop, never an if
		q.changed.Wait() // unlocks mu, sleeps, locks mu again
	}
	item := q.items[0]
	q.items = q.items[1:]
	return item
}

func main() {
	q := NewQueue()
	got := make(chan []int)
	go func() { got <- []int{q.Pop(), q.Pop(), q.Pop()} }()
	for n := range 3 {
		q.Push(n + 1)
	}
	fmt.Println("Cond queue: the consumer got", <-got)

	// Signal stores nothing: sent before anyone waits, it is lost. The waiter
	// below Waits once, with no loop, only to show that (Go's Wait never wakes
	// spuriously); real code waits in a loop, as Pop does.
	var mu sync.Mutex
	cond, waiting := sync.NewCond(&mu), false
	cond.Signal()
	woke := make(chan struct{})
	go func() {
		mu.Lock()
		waiting = true
		cond.Wait() // joins the wait list before it unlocks mu
		mu.Unlock()
		close(woke)
	}()
	for mu.Lock(); !waiting; mu.Lock() { // until the waiter is in Wait
		mu.Unlock()
		runtime.Gosched()
	}
	mu.Unlock()
	select {
	case <-woke:
		fmt.Println("the waiter woke")
	case <-time.After(50 * time.Millisecond):
		fmt.Println("Signal before the Wait: the waiter still slept after 50 ms")
	}
	cond.Signal()
	<-woke
	fmt.Println("a Signal while it waits: the waiter woke")
}

// ANCHOR_END: queue
