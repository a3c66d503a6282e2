package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type part struct {
	name  string
	takes time.Duration
}

var running atomic.Int64 // the request's goroutines that have not returned yet

// fetch is one piece of a request's work (a query, a cache lookup): it stops
// when the request's context is done.
func fetch(ctx context.Context, p part) (string, bool) {
	running.Add(1)
	defer running.Add(-1)
	select {
	case <-time.After(p.takes):
		return fmt.Sprintf("%s (%d ms)", p.name, p.takes.Milliseconds()), true
	case <-ctx.Done():
		return "", false
	}
}

// ANCHOR: handle
// handle serves one request: one context for all its work, a deadline on it,
// and no answer until every goroutine started for the request has returned.
func handle(server context.Context, deadline time.Duration, parts []part) string {
	ctx, cancel := context.WithTimeout(server, deadline)
	defer cancel() // the request's context ends with the request
	results := make([]string, len(parts))
	var wg sync.WaitGroup
	for i, p := range parts {
		wg.Go(func() { results[i], _ = fetch(ctx, p) })
	}
	wg.Wait()
	switch err := ctx.Err(); {
	case errors.Is(err, context.DeadlineExceeded):
		return "504 " + err.Error()
	case err != nil: // the server is shutting down
		return "503 " + err.Error()
	}
	return "200 OK: " + strings.Join(results, ", ")
}

func main() {
	const ms = time.Millisecond
	server, shutdown := context.WithCancel(context.Background())
	defer shutdown()
	answer := handle(server, 200*ms, []part{{"user", 20 * ms}, {"cart", 30 * ms}})
	fmt.Printf("request 1: %s; still running: %d\n", answer, running.Load())
	answer = handle(server, 200*ms, []part{{"user", 20 * ms}, {"recommendations", 5 * time.Second}})
	fmt.Printf("request 2: %s; still running: %d\n", answer, running.Load())
	time.AfterFunc(50*ms, shutdown) // the server shuts down during request 3
	answer = handle(server, time.Minute, []part{{"user", 20 * ms}, {"report", 5 * time.Second}})
	fmt.Printf("request 3: %s; still running: %d\n", answer, running.Load())
}

// ANCHOR_END: handle
