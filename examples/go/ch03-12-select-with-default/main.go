package main

import "fmt"

// ANCHOR: main
func main() {
	jobs := make(chan string, 1)
	for attempt := 1; attempt <= 2; attempt++ {
		// With a default case, select never blocks: it polls once.
		select {
		case job := <-jobs:
			fmt.Printf("attempt %d: got %q\n", attempt, job)
		default:
			fmt.Printf("attempt %d: nothing ready, moving on\n", attempt)
		}
		jobs <- "job"
	}

	// A send with a default case drops work instead of waiting: load shedding.
	select {
	case jobs <- "another job":
		fmt.Println("queued")
	default:
		fmt.Println(`queue full: shed "another job"`)
	}

	// One case plus default is Go's try_recv: the compiler turns it into a
	// single non-blocking receive (selectnbrecv), not a full select.
	for range 2 {
		select {
		case job := <-jobs:
			fmt.Printf("non-blocking receive: %q\n", job)
		default:
			fmt.Println("non-blocking receive: nothing ready")
		}
	}
}

// ANCHOR_END: main
