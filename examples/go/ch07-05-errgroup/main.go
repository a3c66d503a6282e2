package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"
)

func fetch(ctx context.Context, url string) error {
	delay := 10 * time.Millisecond
	if strings.Contains(url, "slow") {
		delay = time.Second
	}
	select {
	case <-ctx.Done():
		return nil // a sibling failed: stop quietly
	case <-time.After(delay):
		if strings.Contains(url, "bad") {
			return fmt.Errorf("%s: 500", url)
		}
		return nil
	}
}

// ANCHOR: errgroup
func main() {
	if len(os.Args) > 1 { // the child process: a task panics
		var g errgroup.Group
		g.Go(func() error { panic("task bug") })
		g.Wait()
	}
	start := time.Now()
	g, ctx := errgroup.WithContext(context.Background())
	g.SetLimit(2)
	for _, url := range []string{"a.example", "bad.example", "slow.example"} {
		g.Go(func() error { return fetch(ctx, url) }) // the third waits for a slot
	}
	err := g.Wait()
	fmt.Printf("Wait: %v; before slow.example's 1 s: %t\n", err, time.Since(start) < time.Second)
	fmt.Printf("ctx.Err(): %v; context.Cause(ctx): %v\n", ctx.Err(), context.Cause(ctx))

	var limited errgroup.Group // a zero Group: no context, no limit until SetLimit
	limited.SetLimit(1)
	release := make(chan struct{})
	fmt.Println("TryGo with 0 of 1 active:", limited.TryGo(func() error { <-release; return nil }))
	fmt.Println("TryGo with 1 of 1 active:", limited.TryGo(func() error { return nil }))
	close(release)
	fmt.Println("Wait:", limited.Wait())

	// errgroup does not recover panics: one task's panic ends the program.
	output, err := exec.Command(os.Args[0], "child").CombinedOutput()
	fmt.Println("a panicking task ended the process:", err)
	fmt.Println("it said:", strings.SplitN(string(output), "\n", 2)[0])
}

// ANCHOR_END: errgroup
