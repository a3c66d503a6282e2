package main

import "fmt"

// ANCHOR: rules
func main() {
	// Each operation is tried without blocking (select with default):
	// "would block" means the default case ran.
	ch := make(chan int, 1)
	report("recv, empty", recv(ch))
	report("send, room", send(ch, 1))
	report("send, full", send(ch, 2))
	report("recv, one queued", recv(ch))

	ch <- 3
	close(ch) // closed, with one value still buffered
	report("recv, closed, one queued", recv(ch))
	report("recv, closed, empty", recv(ch))
	report("send, closed", send(ch, 4))
	report("close, closed", func() string { close(ch); return "closed" })

	var none chan int // nil: never ready, and close panics
	report("recv, nil", recv(none))
	report("close, nil", func() string { close(none); return "closed" })
}

// ANCHOR_END: rules

func recv(ch chan int) func() string {
	return func() string {
		select {
		case v, ok := <-ch:
			return fmt.Sprint("done: ", v, " ", ok)
		default:
			return "would block"
		}
	}
}

func send(ch chan int, v int) func() string {
	return func() string {
		select {
		case ch <- v:
			return "done"
		default:
			return "would block"
		}
	}
}

func report(operation string, op func() string) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%-26s -> panic: %v\n", operation, r)
		}
	}()
	fmt.Printf("%-26s -> %s\n", operation, op())
}
