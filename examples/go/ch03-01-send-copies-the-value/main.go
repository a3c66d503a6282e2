package main

import "fmt"

// ANCHOR: main
func main() {
	orders := make(chan []string)
	go func() {
		orders <- []string{"flour", "eggs", "milk"} // handed to the receiver
	}()
	fmt.Println("received", <-orders)

	// A send copies the slice header, not the array behind it: both ends share it.
	box := make(chan []string, 1)
	order := []string{"flour", "eggs", "milk"}
	box <- order
	order[0] = "butter" // compiles: nothing stops the sender touching it
	fmt.Println("changed after sending; the receiver sees", <-box)

	// Values from one sender arrive in the order sent.
	numbers := make(chan int, 5)
	for n := range 5 {
		numbers <- n + 1
	}
	close(numbers)
	var received []int
	for n := range numbers {
		received = append(received, n)
	}
	fmt.Println("one sender's values arrive in the order sent:", received)
}

// ANCHOR_END: main
