// at-exit: still-running
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

// ANCHOR: leak
// waitForReply blocks until a reply comes, or, in the fixed version, until
// ctx is cancelled. A Go channel is never closed by itself.
func waitForReply(ctx context.Context, replies <-chan string) {
	select {
	case <-replies:
	case <-ctx.Done():
	}
}

func main() {
	base := runtime.NumGoroutine()
	for range 100 {
		go waitForReply(context.Background(), make(chan string)) // nobody will ever send
	}
	time.Sleep(50 * time.Millisecond)
	fmt.Println("requests handled; goroutines still alive:", runtime.NumGoroutine()-base)

	ctx, cancel := context.WithCancel(context.Background())
	before := runtime.NumGoroutine()
	for range 100 {
		go waitForReply(ctx, make(chan string))
	}
	cancel() // the fix: give every wait a way out
	for runtime.NumGoroutine() > before {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("with a cancellable context, after cancel():", runtime.NumGoroutine()-before)
}

// ANCHOR_END: leak
