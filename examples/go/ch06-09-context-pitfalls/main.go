package main

import (
	"context"
	"fmt"
)

// ANCHOR: pitfalls
// Client is the "context in a struct" mistake: the ctx of the request that
// created it outlives that request.
type Client struct {
	ctx context.Context
}

func (c *Client) Fetch() error { return c.ctx.Err() }

func main() {
	// 1. A nil Context: deriving from it panics (pass context.TODO() instead).
	func() {
		defer func() { fmt.Println("1. WithCancel(nil) panics:", recover()) }()
		_, cancel := context.WithCancel(nil)
		cancel()
	}()

	// 2. Background() in the middle of a request: the work ignores the request's end.
	request, endRequest := context.WithCancel(context.Background())
	inner := context.Background() // should have been request
	endRequest()
	fmt.Println("2. request canceled; inner work canceled?", inner.Err() != nil)

	// 3. A context stored in a struct outlives its request: later calls fail.
	client := &Client{ctx: request}
	fmt.Println("3. stored ctx, used after its request ended:", client.Fetch())

	// The fix: pass ctx as the first argument, derive from it, and defer cancel().
	request, endRequest = context.WithCancel(context.Background())
	work, cancel := context.WithCancel(request)
	defer cancel() // go vet's lostcancel check insists on this
	endRequest()
	fmt.Println("fixed: request canceled; derived work canceled?", work.Err() != nil)
}

// ANCHOR_END: pitfalls
