package main

import (
	"fmt"
	"strings"
	"sync"
)

// ANCHOR: named
func countWords(text string, out chan<- int) {
	out <- len(strings.Fields(text))
}

func main() {
	text := "the quick brown fox"
	words, length := make(chan int), make(chan int)
	go countWords(text, words)          // a named function
	go func() { length <- len(text) }() // an anonymous function literal
	fmt.Println(<-words, "words,", <-length, "bytes")

	// Neither goroutine has a name or an id the program can read: Go exposes none.
	var wg sync.WaitGroup
	wg.Go(func() { fmt.Println("a goroutine cannot ask who it is") })
	wg.Wait()
}

// ANCHOR_END: named
