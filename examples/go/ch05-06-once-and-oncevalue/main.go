package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var initRuns atomic.Int32

// ANCHOR: once
// settings computes its value on first call, in whichever goroutine gets there
// first; the others wait for it.
var settings = sync.OnceValue(func() []string {
	initRuns.Add(1)
	return []string{"timeout=30s", "retries=3"}
})

func main() {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { _ = len(settings()) })
	}
	wg.Wait()
	fmt.Println("8 goroutines read settings(); its initializer ran", initRuns.Load(), "time(s)")

	var once sync.Once
	for range 3 {
		once.Do(func() { fmt.Println("Once.Do: runs exactly once") })
	}

	// If f panics, Do considers it done: the value is never initialized.
	var config string
	var configOnce sync.Once
	try(func() { configOnce.Do(func() { panic("config file missing") }) })
	configOnce.Do(func() { config = "loaded" })
	fmt.Printf("Once after a panic: the next Do did nothing; config = %q\n", config)

	// OnceValue (and OnceFunc, OnceValues) panic again on every call.
	load := sync.OnceValue(func() string { panic("config file missing") })
	try(func() { load() })
	fmt.Println("OnceValue after a panic: the next call panics again:", try(func() { load() }))
}

// ANCHOR_END: once

// try calls f and returns what it panicked with, or nil.
func try(f func()) (panicked any) {
	defer func() { panicked = recover() }()
	f()
	return nil
}
