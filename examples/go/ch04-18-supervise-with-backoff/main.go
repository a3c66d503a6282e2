// Supervision: restart a worker that fails, waiting twice as long after each
// failure, and give up after a limit. A panic must be recovered inside the
// worker's goroutine to become a failure; unrecovered, it ends the process.
//
// Run it with `go run -C examples/go ./ch04-18-supervise-with-backoff`.
package main

import (
	"errors"
	"fmt"
	"time"
)

// flakyWorker fails on its first three runs (an error, a panic, an error).
func flakyWorker(run int) (string, error) {
	switch run {
	case 0, 2:
		return "", errors.New("connection refused")
	case 1:
		panic("unexpected reply")
	}
	return "connected", nil
}

// ANCHOR: supervise
// runOnce runs the worker in a goroutine, turning a panic into an error.
func runOnce(run int) (result string, err error) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("panicked: %v", p)
			}
		}()
		result, err = flakyWorker(run)
	}()
	<-done
	return result, err
}

func supervise(maxRestarts int) (string, error) {
	backoff := 10 * time.Millisecond
	for attempt := 0; attempt <= maxRestarts; attempt++ {
		result, err := runOnce(attempt)
		if err == nil {
			return result, nil
		}
		if attempt == maxRestarts {
			fmt.Printf("  run %d: %v\n", attempt, err)
			break // no wait before giving up
		}
		fmt.Printf("  run %d: %v; next in %v\n", attempt, err, backoff)
		time.Sleep(backoff)
		backoff = min(backoff*2, time.Second) // capped
	}
	return "", fmt.Errorf("gave up after %d restarts", maxRestarts)
}

// ANCHOR_END: supervise

func main() {
	fmt.Println("with 5 restarts allowed:")
	result, err := supervise(5)
	fmt.Printf("  result: %q, %v\n", result, err)
	fmt.Println("with 2 restarts allowed:")
	result, err = supervise(2)
	fmt.Printf("  result: %q, %v\n", result, err)
}
