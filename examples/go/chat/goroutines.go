package chat

import (
	"runtime"
	"strings"
	"time"
)

// GoroutinesLeft counts the goroutines still running but the caller and
// os/signal's own (signal.Notify starts it, and it lives as long as the
// process), once they have had up to a second to finish.
func GoroutinesLeft() int {
	left := 0
	for range 100 {
		if left = countOthers(); left == 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	return left
}

func countOthers() int {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	n := 0
	for i, g := range strings.Split(strings.TrimSpace(string(buf)), "\n\n") {
		if i > 0 && !strings.Contains(g, "os/signal.loop") {
			n++
		}
	}
	return n
}
