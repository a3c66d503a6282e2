// output: any-order
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// ANCHOR: signal
func main() {
	// From here on, SIGTERM cancels ctx instead of killing the process.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	var wg sync.WaitGroup
	wg.Go(func() {
		<-ctx.Done()
		fmt.Println("worker: flushed and closed")
	})
	// What a supervisor does: `kill -TERM <pid>`.
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	<-ctx.Done()
	fmt.Println("SIGTERM received: shutting down,", ctx.Err())
	wg.Wait()
	fmt.Println("every goroutine has ended: exiting")
}

// ANCHOR_END: signal
