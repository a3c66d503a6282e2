package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync/atomic"
	"time"
)

// ANCHOR: loop
// ticksDuringTightLoop runs a ticker goroutine beside a loop with no function
// calls, on one P, and returns how often the ticker ran meanwhile.
func ticksDuringTightLoop() int64 {
	runtime.GOMAXPROCS(1)
	var ticks atomic.Int64
	var done atomic.Bool
	defer done.Store(true) // the ticker ends with this function
	go func() {
		for !done.Load() {
			ticks.Add(1)
			time.Sleep(time.Millisecond)
		}
	}()
	time.Sleep(5 * time.Millisecond) // the ticker is running
	before := ticks.Load()
	for i := range 100_000_000 { // no function call: no cooperative preemption point
		sink += i
	}
	return ticks.Load() - before
}

var sink int

// ANCHOR_END: loop

// ANCHOR: preempt
func main() {
	if len(os.Args) > 1 {
		fmt.Println(ticksDuringTightLoop())
		return
	}
	run := func(godebug string) string {
		child := exec.Command(os.Args[0], "child")
		child.Env = append(os.Environ(), "GODEBUG="+godebug)
		out, _ := child.Output()
		return strings.TrimSpace(string(out))
	}
	fmt.Println("ticks during a tight loop, async preemption on:", nonZero(run("")))
	fmt.Println("ticks during a tight loop, asyncpreemptoff=1:  ", run("asyncpreemptoff=1"))
}

// ANCHOR_END: preempt

func nonZero(s string) string {
	if s == "0" {
		return "0"
	}
	return "more than 0"
}
