// Step 6 of the chat server: step 5's server as an errgroup of its
// listeners, one per -listen address. The first that fails stops them all;
// a client that fails stops nothing but itself.
//
//	go run -C examples/go ./chat/step-06 -listen 127.0.0.1:7878
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"gobook/chat"
)

func main() {
	cfg := chat.ParseFlags()
	// ANCHOR: signals
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt) // task: signals; os/signal's
	defer stop()
	// ANCHOR_END: signals
	s := newServer(cfg)
	err := s.run(ctx)
	stop()
	fmt.Printf("stopped: left=%d\n", chat.GoroutinesLeft())
	if err != nil {
		fmt.Fprintln(os.Stderr, "fatal:", err)
		os.Exit(1)
	}
}
