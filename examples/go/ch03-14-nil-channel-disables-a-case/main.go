package main

import (
	"fmt"
	"slices"
)

func producer(name string, count int) chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for n := 1; n <= count; n++ {
			out <- fmt.Sprint(name, n)
		}
	}()
	return out
}

// ANCHOR: main
func main() {
	a, b := producer("a", 2), producer("b", 3)
	var merged []string
	rounds := 0
	for a != nil || b != nil {
		rounds++
		select {
		case m, ok := <-a:
			if !ok {
				a = nil // closed: a nil channel is never ready, so this case is off
				continue
			}
			merged = append(merged, m)
		case m, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			merged = append(merged, m)
		}
	}
	slices.Sort(merged)
	fmt.Printf("merged until both closed: %q\n", merged)
	fmt.Println("select rounds:", rounds, "(5 values, 2 closes: no spinning)")

	// Without the nil, a closed channel's case is always ready.
	closed, idle := producer("c", 0), make(chan string)
	zeros := 0
	for range 10 {
		select {
		case <-closed:
			zeros++
		case <-idle:
		}
	}
	fmt.Println("a closed case left on: it won", zeros, "of 10 selects, each with a zero value")
}

// ANCHOR_END: main
