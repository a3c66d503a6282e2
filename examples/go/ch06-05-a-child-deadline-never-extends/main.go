package main

import (
	"context"
	"fmt"
	"time"
)

func step(ctx context.Context, takes time.Duration) error {
	select {
	case <-time.After(takes):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ANCHOR: deadline
// handle runs three steps under one request deadline. Each step asks for 150 ms
// more; WithTimeout keeps the earlier of that and the request's deadline.
func handle(ctx context.Context) {
	requestDeadline, _ := ctx.Deadline()
	steps := []struct {
		name  string
		takes time.Duration
	}{
		{"auth", 40 * time.Millisecond},
		{"load", 400 * time.Millisecond},
		{"render", 140 * time.Millisecond},
	}
	for _, s := range steps {
		stepCtx, cancel := context.WithTimeout(ctx, 150*time.Millisecond)
		deadline, _ := stepCtx.Deadline()
		whose := "its own"
		if deadline.Equal(requestDeadline) {
			whose = "the request's"
		}
		result := "ok"
		if err := step(stepCtx, s.takes); err != nil && ctx.Err() != nil {
			result = "request deadline"
		} else if err != nil {
			result = "step timeout"
		}
		cancel()
		fmt.Printf("%-6s deadline: %-13s -> %s\n", s.name, whose, result)
	}
}

// ANCHOR_END: deadline

func main() {
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	handle(ctx)
	took := time.Since(start)
	fmt.Println("the handler ended at the request's 300 ms deadline:",
		took >= 300*time.Millisecond && took < 400*time.Millisecond)
}
