// Step 5 of the chat server: step 4's server with contexts. Ctrl-C cancels
// the server's context, and with it every connection's; each message's
// filtering has a deadline, and so has each write.
//
//	go run -C examples/go ./chat/step-05 -listen 127.0.0.1:7878
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
