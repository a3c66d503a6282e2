// output: varies =\d+|\[ \d+ \d+ \]|\d+ms|at most: \S+
// Observing a running Go program: the scheduler's own trace
// (GODEBUG=schedtrace) and runtime/metrics, while goroutines wait and work.
//
// Run it with `go run -C examples/go ./ch08-06-schedtrace-and-metrics`.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"runtime/metrics"
	"strings"
	"sync"
	"time"
)

// work runs 100 goroutines, half sleeping and half computing, for about 50 ms.
func work() {
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Go(func() {
			if i%2 == 0 {
				time.Sleep(50 * time.Millisecond)
				return
			}
			for deadline := time.Now().Add(time.Millisecond); time.Now().Before(deadline); {
			}
		})
	}
	wg.Wait()
}

// ANCHOR: observe
func main() {
	if len(os.Args) > 1 { // the child: traced every 10 ms, on stderr
		work()
		return
	}
	child := exec.Command(os.Args[0], "child")
	child.Env = append(os.Environ(), "GODEBUG=schedtrace=10", "GOMAXPROCS=2")
	var trace bytes.Buffer
	child.Stderr = &trace
	if err := child.Run(); err != nil {
		panic(err)
	}
	first, _ := bufio.NewReader(&trace).ReadString('\n')
	fmt.Print("schedtrace, its first line: ", first)

	// runtime/metrics, read in this process after the same work.
	work()
	samples := []metrics.Sample{
		{Name: "/sched/goroutines-created:goroutines"},
		{Name: "/sched/latencies:seconds"},
	}
	metrics.Read(samples)
	fmt.Println("goroutines created so far, more than the 100 work started:", samples[0].Value.Uint64() > 100)
	fmt.Println("runnable-to-running latency, p99 at most:", p99(samples[1].Value.Float64Histogram()))
}

// ANCHOR_END: observe

// p99 is the upper bound of the histogram bucket holding the 99th percentile.
func p99(h *metrics.Float64Histogram) string {
	var total, seen uint64
	for _, c := range h.Counts {
		total += c
	}
	for i, c := range h.Counts {
		seen += c
		if seen*100 >= total*99 {
			return strings.TrimSpace(time.Duration(h.Buckets[i+1] * float64(time.Second)).String())
		}
	}
	return "n/a"
}
