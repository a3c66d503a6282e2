package main

import (
	"context"
	"testing"

	"go.uber.org/goleak"
)

// ANCHOR: test
// VerifyNone fails the test if any goroutine it did not start with is left.
func TestThePollerStopsWithItsContext(t *testing.T) {
	defer goleak.VerifyNone(t)
	ctx, cancel := context.WithCancel(t.Context())
	startPoller(ctx)
	cancel()
}

// ANCHOR_END: test
