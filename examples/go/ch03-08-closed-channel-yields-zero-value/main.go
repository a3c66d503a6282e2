package main

import (
	"fmt"
	"strings"
)

// ANCHOR: main
func main() {
	ch := make(chan int, 3)
	for n := 1; n <= 3; n++ {
		ch <- n
	}
	close(ch) // closed, with three values still buffered

	for range 5 {
		v, ok := <-ch // buffered values first, then the zero value and false
		fmt.Println(v, ok)
	}
	fmt.Println("without ok, the close looks like data:", <-ch)

	words := make(chan string)
	go func() {
		defer close(words) // the producer closes: range ends after the last value
		for _, word := range []string{"range", "ends", "at", "close"} {
			words <- word
		}
	}()
	var got []string
	for word := range words {
		got = append(got, word)
	}
	fmt.Println(strings.Join(got, " "))
}

// ANCHOR_END: main
