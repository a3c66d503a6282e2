// Package bench measures, with testing.B, the workloads that
// benches/go_vs_rust.rs measures in Rust. `cargo xtask bench` runs both and
// writes the table the book's benchmarks appendix shows. Each benchmark's
// name is the workload's id there; keep the two files in step.
package bench

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
)

const (
	spawns    = 100       // goroutines started and finished per op
	roundTrip = 1000      // ping-pong exchanges per op
	messages  = 100_000   // values through the buffered channel per op
	capacity  = 128       // its buffer
	increment = 1_000_000 // mutex-protected increments per op, over 4 goroutines
	jobs      = 1000      // jobs through the worker pool per op
	workers   = 4
)

// ANCHOR: spawn
func BenchmarkSpawn(b *testing.B) {
	for b.Loop() {
		var wg sync.WaitGroup
		for range spawns {
			wg.Go(func() {})
		}
		wg.Wait()
	}
}

// ANCHOR_END: spawn

// ANCHOR: ping_pong
func BenchmarkPingPong(b *testing.B) {
	for b.Loop() {
		ping, pong := make(chan int), make(chan int)
		go func() {
			for v := range ping {
				pong <- v + 1
			}
			close(pong)
		}()
		for i := range roundTrip {
			ping <- i
			<-pong
		}
		close(ping)
		<-pong
	}
}

// ANCHOR_END: ping_pong

func buffered(b *testing.B, producers int) {
	for b.Loop() {
		ch := make(chan int, capacity)
		var wg sync.WaitGroup
		for range producers {
			wg.Go(func() {
				for i := range messages / producers {
					ch <- i
				}
			})
		}
		go func() { wg.Wait(); close(ch) }()
		sum := 0
		for v := range ch {
			sum += v
		}
		_ = sum
	}
}

func BenchmarkBuffered1Producer(b *testing.B)  { buffered(b, 1) }
func BenchmarkBuffered4Producers(b *testing.B) { buffered(b, 4) }

func BenchmarkMutexContention(b *testing.B) {
	for b.Loop() {
		var mu sync.Mutex
		counter := 0
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				for range increment / 4 {
					mu.Lock()
					counter++
					mu.Unlock()
				}
			})
		}
		wg.Wait()
	}
}

// work is a job's CPU work: small, and the same in both languages.
func work(n int) int {
	h := n
	for range 100 {
		h = h*31 + 7
	}
	return h
}

func BenchmarkWorkerPool(b *testing.B) {
	for b.Loop() {
		in, out := make(chan int), make(chan int)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for n := range in {
					out <- work(n)
				}
			})
		}
		go func() { wg.Wait(); close(out) }()
		go func() {
			for n := range jobs {
				in <- n
			}
			close(in)
		}()
		sum := 0
		for h := range out {
			sum += h
		}
		_ = sum
	}
}

// BenchmarkWorkerPoolChunked does the same jobs with no hand-off per job:
// one range of them per goroutine.
func BenchmarkWorkerPoolChunked(b *testing.B) {
	for b.Loop() {
		sums := make([]int, workers)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				for n := w * jobs / workers; n < (w+1)*jobs/workers; n++ {
					sums[w] += work(n)
				}
			})
		}
		wg.Wait()
		sum := 0
		for _, s := range sums {
			sum += s
		}
		_ = sum
	}
}

const parked = 5_000 // goroutines alive at once, for the memory measurement

// residentBytes is this process's resident memory, as Linux reports it.
func residentBytes() float64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		panic(err)
	}
	for line := range strings.Lines(string(status)) {
		if kib, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(kib), " kB"), 64)
			if err != nil {
				panic(err)
			}
			return n * 1024
		}
	}
	panic("no VmRSS in /proc/self/status")
}

// ANCHOR: memory
// TestMain measures, in a fresh process before any benchmark, the resident
// memory each parked goroutine adds: later, the runtime would reuse the stacks
// of goroutines that ended.
func TestMain(m *testing.M) {
	before := residentBytes()
	release := make(chan struct{})
	var started, done sync.WaitGroup
	started.Add(parked)
	for range parked {
		done.Go(func() {
			started.Done()
			<-release
		})
	}
	started.Wait()
	perGoroutine := (residentBytes() - before) / parked
	close(release)
	done.Wait()
	// One line, which `cargo xtask bench` reads.
	fmt.Printf("memory Spawn: %.0f bytes\n", perGoroutine)
	os.Exit(m.Run())
}

// ANCHOR_END: memory
