// A timeout, run on the real clock here; main_test.go tests it on the fake
// clock of testing/synctest (Go 1.25), where 5 seconds pass at once.
//
// Run it with `go run -C examples/go ./ch08-03-synctest-fakes-the-clock`,
// its tests with `go test -C examples/go ./ch08-03-synctest-fakes-the-clock`.
package main

import (
	"context"
	"fmt"
	"time"
)

// ANCHOR: fetch
// fetch waits for a reply, for at most timeout.
func fetch(ctx context.Context, reply <-chan string, timeout time.Duration) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	select {
	case r := <-reply:
		return r, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// ANCHOR_END: fetch

func main() {
	start := time.Now()
	_, err := fetch(context.Background(), make(chan string), 50*time.Millisecond)
	fmt.Println("no reply:", err, "after 50 ms or more:", time.Since(start) >= 50*time.Millisecond)
}
