// A request id in every log line: a logger made with slog's With carries
// it, and a goroutine logs it only if it was handed that logger.
//
// Run it with `go run -C examples/go ./ch06-07-request-id-in-the-logger`.
package main

import (
	"log/slog"
	"os"
	"sync"
)

// ANCHOR: loggers
func handle(base *slog.Logger, id int) {
	log := base.With("request_id", id)
	log.Info("handling")
	var wg sync.WaitGroup
	wg.Go(func() { base.Info("a goroutine that logs with the base logger") })
	wg.Wait()
	wg.Go(func() { log.Info("a goroutine that captured the request's logger") })
	wg.Wait()
	log.With("table", "users").Info("query")
	log.Info("done")
}

// ANCHOR_END: loggers

func main() {
	// Text lines without the time, so that the output is the same each run.
	dropTime := func(groups []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey && len(groups) == 0 {
			return slog.Attr{}
		}
		return a
	}
	base := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: dropTime}))
	for _, id := range []int{7, 8} {
		handle(base, id)
	}
}
