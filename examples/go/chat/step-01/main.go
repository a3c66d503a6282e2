// Step 1 of the chat server: a goroutine per connection, at most -max-conns
// of them, and every message written to every client in turn.
//
//	go run -C examples/go ./chat/step-01 -listen 127.0.0.1:7878
package main

import (
	"fmt"
	"os"

	"gobook/chat"
)

func main() {
	s := newServer(chat.ParseFlags())
	if err := s.run(); err != nil {
		fmt.Fprintln(os.Stderr, "fatal:", err)
		os.Exit(1)
	}
}
