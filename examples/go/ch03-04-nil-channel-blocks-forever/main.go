package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"time"
)

// ANCHOR: nil
func main() {
	var ch chan int // the zero value: nil, never made
	if len(os.Args) > 1 {
		ch <- 1 // the child process: a send on nil, and nothing else running
	}
	select {
	case v := <-ch:
		fmt.Println("received", v)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("receive on a nil channel: still blocked after 50 ms")
	}

	func() {
		defer func() { fmt.Println("close(nil channel): panic:", recover()) }()
		close(ch)
	}()

	output, err := runChild()
	fmt.Println("send on a nil channel, nothing else running:", err)
	// The runtime's message, and the stack dump's note of where the goroutine is stuck:
	for _, line := range regexp.MustCompile(`fatal error: .*|goroutine 1 \[.*\]`).FindAllString(output, 2) {
		fmt.Println(" ", line)
	}
}

// ANCHOR_END: nil

// ANCHOR: child
// runChild runs this program as a child process. Under the race detector the
// runtime cannot see the deadlock (go.dev/issue/20588), so the wait is bounded.
func runChild() (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	output, err := exec.CommandContext(ctx, os.Args[0], "child").CombinedOutput()
	return string(output), err
}

// ANCHOR_END: child
