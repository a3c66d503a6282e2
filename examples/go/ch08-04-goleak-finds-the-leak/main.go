// A leak check: goleak (go.uber.org/goleak) lists the goroutines still alive
// that were not there before, here after a poller that was never stopped.
//
// Run it with `go run -C examples/go ./ch08-04-goleak-finds-the-leak`, its
// test with `go test -C examples/go ./ch08-04-goleak-finds-the-leak`.
package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"go.uber.org/goleak"
)

// ANCHOR: poller
// startPoller polls until ctx is cancelled. A caller that passes a context
// nobody cancels leaks it.
func startPoller(ctx context.Context) {
	go func() {
		ticker := time.NewTicker(time.Millisecond)
		defer ticker.Stop()
		for {
			select {
			case <-ticker.C:
			case <-ctx.Done():
				return
			}
		}
	}()
}

// ANCHOR_END: poller

// ANCHOR: check
func main() {
	ignore := goleak.IgnoreCurrent() // what was running before is not a leak
	ctx, cancel := context.WithCancel(context.Background())
	startPoller(ctx)
	err := goleak.Find(ignore) // retries for a while, then reports what is left
	fmt.Println("poller not stopped:", firstLine(err))
	cancel()
	fmt.Println("poller cancelled:  ", firstLine(goleak.Find(ignore)))
}

// ANCHOR_END: check

// firstLine keeps the report's first line, without goroutine ids.
func firstLine(err error) string {
	if err == nil {
		return "no leak"
	}
	line, _, _ := strings.Cut(err.Error(), "\n")
	return line
}
