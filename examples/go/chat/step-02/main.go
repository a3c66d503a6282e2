// Step 2 of the chat server: step 1's server with a queue per client. Its
// connection is one select loop over the lines the client sends, the
// messages queued for it, an idle timer and Ctrl-C.
//
//	go run -C examples/go ./chat/step-02 -listen 127.0.0.1:7878
package main

import (
	"fmt"
	"os"
	"os/signal"

	"gobook/chat"
)

func main() {
	cfg := chat.ParseFlags()
	// ANCHOR: signals
	// Ctrl-C closes done, which every goroutine that must stop watches.
	interrupt := make(chan os.Signal, 1) // channel: not drawn; os/signal's
	signal.Notify(interrupt, os.Interrupt)
	done := make(chan struct{}) // channel: not drawn; closed at Ctrl-C
	go func() {                 // task: signals
		<-interrupt
		close(done)
	}()
	// ANCHOR_END: signals
	s := newServer(cfg)
	err := s.run(done)
	fmt.Printf("stopped: left=%d\n", chat.GoroutinesLeft())
	if err != nil {
		fmt.Fprintln(os.Stderr, "fatal:", err)
		os.Exit(1)
	}
}
