package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ANCHOR: slow
// slowQuery takes 5 s, but it watches ctx: the timeout can stop it.
func slowQuery(ctx context.Context) (string, error) {
	select {
	case <-time.After(5 * time.Second):
		return "rows", nil
	case <-ctx.Done():
		fmt.Println("  slowQuery: saw ctx.Done(), abandons its work")
		return "", ctx.Err()
	}
}

// stubbornQuery never looks at ctx: its timeout changes nothing.
func stubbornQuery(ctx context.Context) (string, error) {
	time.Sleep(300 * time.Millisecond)
	return "rows", nil
}

// ANCHOR_END: slow

// ANCHOR: timeout
func main() {
	run("slowQuery", slowQuery)
	run("stubbornQuery", stubbornQuery)
}

// run calls query with a 100 ms timeout and reports what came back, and when.
func run(name string, query func(context.Context) (string, error)) {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel() // releases the timer if the query finishes before the timeout
	start := time.Now()
	rows, err := query(ctx)
	took := time.Since(start)
	fmt.Printf("%s: %q, %v (DeadlineExceeded: %t); ctx.Err(): %v\n",
		name, rows, err, errors.Is(err, context.DeadlineExceeded), ctx.Err())
	fmt.Printf("  returned after 100 ms: %t, after 250 ms: %t\n",
		took >= 100*time.Millisecond, took >= 250*time.Millisecond)
}

// ANCHOR_END: timeout
