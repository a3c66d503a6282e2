package main

import (
	"fmt"
	"sync"
	"time"
)

// ANCHOR: main
func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	for id := range 3 {
		wg.Go(func() {
			for n := range 4 {
				ch <- id*10 + n
			}
		})
	}
	go func() {
		wg.Wait() // only once every sender is done...
		close(ch) // ...may anyone close: one closer, after all the sends
	}()
	received := 0
	for range ch {
		received++
	}
	fmt.Println("the consumer's loop ended after", received, "values")

	// Nobody closes: the consumer waits for a value that will never come.
	forgotten := make(chan int)
	go func() { forgotten <- 1 }() // sends, returns, and never closes
	<-forgotten
	select {
	case v := <-forgotten:
		fmt.Println("got", v)
	case <-time.After(100 * time.Millisecond):
		fmt.Println("nobody closed: after 100 ms the consumer is still waiting")
	}

	// The receiver closes while a worker still has a job: the worker's send panics.
	jobs, results := make(chan int), make(chan int)
	panicked := make(chan any)
	go func() { // a worker
		defer func() { panicked <- recover() }()
		for job := range jobs {
			results <- job * 10
		}
	}()
	jobs <- 1
	fmt.Println("the receiver got", <-results, "and closed results")
	close(results) // wrong: the receiver cannot know that no more results will come
	jobs <- 2      // the worker takes one more job...
	fmt.Println("the worker's next send: panic:", <-panicked)
}

// ANCHOR_END: main
