package main

import "fmt"

// ANCHOR: buffered
// trySend sends without blocking: a select with a default case.
func trySend(ch chan int, v int) bool {
	select {
	case ch <- v:
		return true
	default:
		return false
	}
}

func main() {
	ch := make(chan int, 3)
	for n := range 3 {
		ch <- n + 1 // room in the buffer: no receiver needed
	}
	fmt.Printf("make(chan int, 3) after 3 sends: len %d, cap %d\n", len(ch), cap(ch))
	fmt.Println("4th send fits without waiting:", trySend(ch, 4))
	fmt.Println("received", <-ch, "(the oldest); now the 4th fits:", trySend(ch, 4))
}

// ANCHOR_END: buffered
