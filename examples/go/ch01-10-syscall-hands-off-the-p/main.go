// output: varies \d+ more OS threads
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sync/atomic"
	"syscall"
	"time"
)

// ANCHOR: syscall
func main() {
	runtime.GOMAXPROCS(1) // one P
	var ticks atomic.Int64
	var done atomic.Bool
	defer done.Store(true) // the ticker ends with this function
	go func() {
		for !done.Load() {
			ticks.Add(1)
			time.Sleep(time.Millisecond)
		}
	}()
	threadsBefore := pprof.Lookup("threadcreate").Count()

	// Ten goroutines block in read(2) on pipes: real blocking system calls
	// (raw syscalls bypass the netpoller), each holding an M.
	var writers []*os.File
	for range 10 {
		r, w, _ := os.Pipe()
		writers = append(writers, w)
		go syscall.Read(int(r.Fd()), make([]byte, 1))
	}
	before := ticks.Load()
	time.Sleep(100 * time.Millisecond)
	fmt.Println("ticks while ten goroutines sat in read(2):", ticks.Load()-before > 0)
	fmt.Println("the runtime started", pprof.Lookup("threadcreate").Count()-threadsBefore, "more OS threads")
	for _, w := range writers {
		w.Write([]byte{1}) // unblock the reads
	}
}

// ANCHOR_END: syscall
