// at-exit: still-running
package main

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

var (
	ErrNotFound = errors.New("not found")
	ErrTimeout  = errors.New("timed out")
)

func fetch(id int) (string, error) {
	switch id % 4 {
	case 1:
		return "", fmt.Errorf("page %d: %w", id, ErrNotFound)
	case 3:
		return "", fmt.Errorf("page %d: %w", id, ErrTimeout)
	}
	return fmt.Sprintf("page %d", id), nil
}

type result struct {
	page string
	err  error
}

// ANCHOR: results
func main() {
	// Room for every worker: no send can block, even if the receiver stops early.
	results := make(chan result, 8)
	for id := range 8 {
		go func() {
			page, err := fetch(id)
			results <- result{page, err}
		}()
	}
	var errs []string
	notFound := 0
	for range 8 { // the receiver must know how many values to expect
		r := <-results
		if r.err != nil {
			errs = append(errs, r.err.Error())
		}
		if errors.Is(r.err, ErrNotFound) {
			notFound++
		}
	}
	slices.Sort(errs)
	fmt.Printf("%d fetched, %d failed (%d not found)\n", 8-len(errs), len(errs), notFound)
	fmt.Printf("errors: %q\n", errs)

	// The leak: an unbuffered channel, and a receiver that stops at the first error.
	fmt.Println("senders blocked forever:", stopAtFirstError(make(chan error)))
	fmt.Println("with a buffer of 8:     ", stopAtFirstError(make(chan error, 8)))
}

// stopAtFirstError starts 8 failing workers on errs, receives one error, then
// waits (200 ms at most) for the workers, and returns how many never finished.
func stopAtFirstError(errs chan error) int64 {
	var finished atomic.Int64
	var wg sync.WaitGroup
	for id := range 8 {
		wg.Go(func() {
			errs <- fmt.Errorf("worker %d failed", id)
			finished.Add(1)
		})
	}
	<-errs // the first error wins; nobody receives the others
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(200 * time.Millisecond):
	}
	return 8 - finished.Load()
}

// ANCHOR_END: results
