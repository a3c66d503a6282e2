package main

import (
	"context"
	"fmt"
	"time"
)

// ANCHOR: root
func main() {
	for _, ctx := range []context.Context{context.Background(), context.TODO()} {
		_, hasDeadline := ctx.Deadline()
		fmt.Printf("%-18v Done() == nil: %t, Err(): %v, deadline: %t\n",
			ctx, ctx.Done() == nil, ctx.Err(), hasDeadline)
	}

	// A receive from a nil channel blocks forever: only the timeout can win.
	select {
	case <-context.Background().Done():
		fmt.Println("Background was canceled")
	case <-time.After(50 * time.Millisecond):
		fmt.Println("<-Background().Done() after 50 ms: still blocked")
	}
}

// ANCHOR_END: root
