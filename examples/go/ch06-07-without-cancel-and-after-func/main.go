package main

import (
	"context"
	"fmt"
	"time"
)

type key struct{}

// slowLibraryCall stands for a function that takes no context: it cannot be
// told to stop.
func slowLibraryCall() string {
	time.Sleep(200 * time.Millisecond)
	return "library result"
}

// ANCHOR: detach
func main() {
	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), key{}, "req-42"))
	// Work that must finish even if the request is cancelled (an audit record):
	// the values stay, the cancellation does not (Go 1.21).
	audit := context.WithoutCancel(ctx)
	// Run a function when ctx is done, without a goroutine waiting for it (Go 1.21).
	cleanedUp := make(chan struct{})
	stop := context.AfterFunc(ctx, func() { close(cleanedUp) })
	defer stop()

	// A call that takes no context: run it beside a select, and stop waiting.
	result := make(chan string, 1) // room for the late result: the goroutine can end
	go func() { result <- slowLibraryCall() }()
	time.AfterFunc(10*time.Millisecond, cancel)
	select {
	case r := <-result:
		fmt.Println("got", r)
	case <-ctx.Done():
		fmt.Println("request cancelled:", ctx.Err(), "- stopped waiting for the library")
	}
	<-cleanedUp
	fmt.Println("AfterFunc ran after the cancellation")
	fmt.Println("audit context: err", audit.Err(), "- still carries", audit.Value(key{}))
	fmt.Println("the library call still finished, late:", <-result)
}

// ANCHOR_END: detach
