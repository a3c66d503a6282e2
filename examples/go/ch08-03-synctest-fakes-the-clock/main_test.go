package main

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"
)

// ANCHOR: tests
// Inside synctest.Test, time is fake: it advances only when every goroutine
// of the bubble is durably blocked, straight to the next timer.
func TestTimesOutAtExactlyFiveSeconds(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		_, err := fetch(t.Context(), make(chan string), 5*time.Second)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("got %v, want a deadline error", err)
		}
		if elapsed := time.Since(start); elapsed != 5*time.Second {
			t.Fatalf("timed out after %v, want exactly 5s", elapsed)
		}
	})
}

func TestAReplyAtFourSecondsArrivesInTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		reply := make(chan string)
		go func() {
			time.Sleep(4 * time.Second)
			reply <- "ok"
		}()
		got, err := fetch(t.Context(), reply, 5*time.Second)
		if got != "ok" || err != nil || time.Since(start) != 4*time.Second {
			t.Fatalf("got %q, %v after %v; want ok at exactly 4s", got, err, time.Since(start))
		}
	})
}

// ANCHOR_END: tests
