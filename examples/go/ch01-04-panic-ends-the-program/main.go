package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// ANCHOR: panic
func main() {
	if len(os.Args) > 1 { // the child process: a goroutine panics, unrecovered
		go func() { panic("disk on fire") }()
		select {} // main would wait forever; the panic ends everything first
	}
	// A goroutine's own recover keeps the program alive...
	done := make(chan string)
	go func() {
		defer func() { done <- fmt.Sprint("recovered: ", recover()) }()
		panic("disk on fire")
	}()
	fmt.Println(<-done)

	// ...without it, one goroutine's panic ends the whole program.
	child := exec.Command(os.Args[0], "child")
	output, err := child.CombinedOutput()
	fmt.Println("the unrecovered panic ended the process:", err)
	fmt.Println("it said:", strings.SplitN(string(output), "\n", 2)[0])
}

// ANCHOR_END: panic
