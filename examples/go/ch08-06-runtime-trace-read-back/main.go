// An execution trace, recorded with runtime/trace and read back with its
// parser (golang.org/x/exp/trace): the application's tasks, regions and logs,
// beside the runtime's own events.
//
// Run it with `go run -C examples/go ./ch08-06-runtime-trace-read-back`; to
// see a trace in `go tool trace`, write it to a file instead of a buffer.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"runtime/trace"
	"slices"
	"strconv"
	"sync"
	"time"

	xtrace "golang.org/x/exp/trace"
)

// ANCHOR: record
// handle is one request: a task, with a log of its id and a region per part.
func handle(ctx context.Context, id int) {
	ctx, task := trace.NewTask(ctx, "request")
	defer task.End()
	trace.Log(ctx, "id", strconv.Itoa(id))
	var wg sync.WaitGroup
	for _, part := range []string{"user", "cart"} {
		wg.Go(func() {
			trace.WithRegion(ctx, "fetch "+part, func() { time.Sleep(10 * time.Millisecond) })
		})
	}
	wg.Wait()
}

func main() {
	var recorded bytes.Buffer
	if err := trace.Start(&recorded); err != nil {
		panic(err)
	}
	for id := range 2 {
		handle(context.Background(), id)
	}
	trace.Stop()
	// ANCHOR_END: record

	// ANCHOR: read
	r, err := xtrace.NewReader(&recorded)
	if err != nil {
		panic(err)
	}
	tasks, regions := map[string]int{}, map[string]int{}
	var logs []string
	blocked := 0
	for {
		e, err := r.ReadEvent()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			panic(err)
		}
		switch e.Kind() {
		case xtrace.EventTaskBegin:
			tasks[e.Task().Type]++
		case xtrace.EventRegionBegin:
			regions[e.Region().Type]++
		case xtrace.EventLog:
			logs = append(logs, e.Log().Category+"="+e.Log().Message)
		case xtrace.EventStateTransition:
			if st := e.StateTransition(); st.Resource.Kind == xtrace.ResourceGoroutine {
				if _, to := st.Goroutine(); to == xtrace.GoWaiting {
					blocked++
				}
			}
		}
	}
	for _, kind := range slices.Sorted(maps.Keys(tasks)) {
		fmt.Printf("task %q: %d\n", kind, tasks[kind])
	}
	for _, kind := range slices.Sorted(maps.Keys(regions)) {
		fmt.Printf("region %q: %d\n", kind, regions[kind])
	}
	fmt.Println("logs:", logs)
	fmt.Println("goroutines that blocked, at least once per region:", blocked >= 4)
	// ANCHOR_END: read
}
