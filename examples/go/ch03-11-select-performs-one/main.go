package main

import (
	"fmt"
	"slices"
)

// ANCHOR: main
func main() {
	orders, alerts := make(chan string), make(chan string)
	go func() {
		for n := 1; n <= 3; n++ {
			orders <- fmt.Sprint("order ", n)
		}
	}()
	go func() { alerts <- "disk almost full" }()

	var handled []string
	for range 4 {
		// Blocks until one of the two operations can proceed, then does that one only.
		select {
		case order := <-orders:
			handled = append(handled, order)
		case alert := <-alerts:
			handled = append(handled, alert)
		}
	}
	slices.Sort(handled)
	fmt.Printf("handled 4 messages from 2 channels (sorted): %q\n", handled)

	a, b := make(chan int, 1), make(chan int, 1)
	a <- 1
	b <- 2
	select { // both ready: one is chosen, the other is not touched
	case <-a:
	case <-b:
	}
	fmt.Println("both ready, one select: values still queued:", len(a)+len(b))

	// On entry, every channel and every value to send is evaluated once, in source order.
	idle := make(chan int) // nobody sends or receives on it: no case can proceed
	fmt.Println("a select with nothing ready:")
	select {
	case <-operand("the receive's channel", idle):
	case idle <- operand("the send's value", 3):
	default:
		fmt.Println("  then default ran")
	}
}

// ANCHOR_END: main

func operand[T any](what string, v T) T {
	fmt.Println("  evaluated", what)
	return v
}
