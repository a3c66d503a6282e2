package main

import (
	"context"
	"fmt"
	"time"
)

// ANCHOR: propagate
// requestIDKey is unexported, so no other package can collide with it.
type requestIDKey struct{}

func withRequestID(ctx context.Context, id int) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

func logLine(ctx context.Context, message string) string {
	if id, ok := ctx.Value(requestIDKey{}).(int); ok {
		return fmt.Sprintf("[request %d] %s", id, message)
	}
	return "[no request] " + message
}

// work waits for its context's cancellation, for at most 200 ms.
func work(ctx context.Context, who string) string {
	select {
	case <-ctx.Done():
		return logLine(ctx, who+": "+ctx.Err().Error())
	case <-time.After(200 * time.Millisecond):
		return logLine(ctx, who+": still running 200 ms later")
	}
}

func main() {
	ctx, cancel := context.WithCancel(withRequestID(context.Background(), 42))
	fmt.Println(logLine(ctx, "handler"))

	captured, fresh := make(chan string), make(chan string)
	// Capturing ctx brings its values and its cancellation along...
	go func() { captured <- work(ctx, "goroutine given ctx") }()
	// ...a fresh context (the mistake) cuts the goroutine off from both.
	go func() { fresh <- work(context.Background(), "goroutine given Background()") }()

	cancel() // the request ends
	fmt.Println(<-captured)
	fmt.Println(<-fresh)
}

// ANCHOR_END: propagate
