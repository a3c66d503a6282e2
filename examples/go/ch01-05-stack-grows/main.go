package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
)

// ANCHOR: grow
func recurse(n int) int {
	var frame [64]int // about half a KiB per call, like the Rust listing
	frame[0] = n
	if n == 0 {
		return 0
	}
	return 1 + recurse(n-1) + frame[0] - n
}

func main() {
	if len(os.Args) > 1 { // the child process: a 1 MB stack limit
		debug.SetMaxStack(1 << 20)
		recurse(100_000)
		return
	}
	done := make(chan int)
	go func() { done <- recurse(100_000) }() // starts with a few KiB; grows as needed
	fmt.Println("a goroutine recursed", <-done, "calls deep: its stack grew")

	output, err := exec.Command(os.Args[0], "child").CombinedOutput()
	fmt.Println("with debug.SetMaxStack(1 MB):", err)
	fmt.Println(strings.SplitN(string(output), "\n", 2)[0])
}

// ANCHOR_END: grow
