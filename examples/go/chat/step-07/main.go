// Step 7 of the chat server, the last: step 6's server, and a graceful
// shutdown on SIGINT or SIGTERM. It stops accepting and reading, delivers
// every message in flight within -drain, and reports what it could not.
//
//	go run -C examples/go ./chat/step-07 -listen 127.0.0.1:7878
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"gobook/chat"
)

func main() {
	cfg := chat.ParseFlags()
	// ANCHOR: signals
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM) // task: signals; os/signal's
	// From the first signal on, the next one ends the process at once.
	context.AfterFunc(ctx, stop)
	// ANCHOR_END: signals
	s := newServer(cfg)
	err := s.run(ctx)
	stop()
	fmt.Printf("stopped: undelivered=%d left=%d\n", s.stats.undelivered(), chat.GoroutinesLeft())
	if err != nil {
		fmt.Fprintln(os.Stderr, "fatal:", err)
		os.Exit(1)
	}
}
