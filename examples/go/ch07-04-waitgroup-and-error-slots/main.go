package main

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
)

// ANCHOR: scope
// checkChunk checks one chunk; it bails out early when another goroutine has
// already failed.
func checkChunk(chunk []int, stop *atomic.Bool) (int, error) {
	checked := 0
	for _, n := range chunk {
		if stop.Load() {
			return checked, nil // someone else failed: no point going on
		}
		if n == 13 {
			stop.Store(true) // tell the siblings
			return checked, fmt.Errorf("bad record %d", n)
		}
		checked++
	}
	return checked, nil
}

// checkAll checks the records on 4 goroutines: a WaitGroup for the waiting, one
// result slot per goroutine for the errors, and a flag to stop the others early.
func checkAll(records []int) (int, error) {
	var stop atomic.Bool
	var wg sync.WaitGroup
	chunks := slices.Collect(slices.Chunk(records, (len(records)+3)/4))
	counts, errs := make([]int, len(chunks)), make([]error, len(chunks))
	for i, chunk := range chunks {
		wg.Go(func() { counts[i], errs[i] = checkChunk(chunk, &stop) })
	}
	wg.Wait() // after this, every slot is written and no goroutine is left
	if err := errors.Join(errs...); err != nil {
		return 0, err
	}
	total := 0
	for _, n := range counts {
		total += n
	}
	return total, nil
}

// ANCHOR_END: scope

func main() {
	good := make([]int, 100)
	for i := range good {
		good[i] = 100 + i
	}
	n, err := checkAll(good)
	fmt.Println("all good:", n, err)
	bad := slices.Clone(good)
	bad[42] = 13
	n, err = checkAll(bad)
	fmt.Println("one bad: ", n, err)
}
