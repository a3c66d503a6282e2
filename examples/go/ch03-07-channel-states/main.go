package main

import "fmt"

const capacity = 2

// channel is a chan int of capacity 2, plus a record of whether it was closed:
// Go has no "is it closed?" query (you find out by receiving, or by panicking).
type channel struct {
	ch     chan int
	closed bool
}

// ANCHOR: observe
func (c *channel) state() string {
	switch n := len(c.ch); {
	case !c.closed && n == 0:
		return "OpenEmpty"
	case !c.closed && n < capacity:
		return "PartlyFull"
	case !c.closed:
		return "Full"
	case n == 0:
		return "ClosedEmpty"
	default:
		return "ClosedDraining"
	}
}

// apply performs one operation without blocking and names its outcome.
func (c *channel) apply(operation string) (outcome string) {
	defer func() {
		if r := recover(); r != nil {
			outcome = fmt.Sprint("panic: ", r)
		}
	}()
	switch operation {
	case "send":
		select {
		case c.ch <- 1:
			return "ok"
		default:
			return "would block"
		}
	case "recv":
		select {
		case v, ok := <-c.ch:
			return fmt.Sprint(v, " ", ok)
		default:
			return "would block"
		}
	default: // "close"
		close(c.ch)
		c.closed = true
		return "ok"
	}
}

func main() {
	for _, from := range []string{"OpenEmpty", "PartlyFull", "Full", "ClosedDraining", "ClosedEmpty"} {
		for _, operation := range []string{"send", "recv", "close"} {
			c := inState(from)
			outcome := c.apply(operation)
			fmt.Printf("%s --%s: %s--> %s\n", from, operation, outcome, c.state())
		}
	}
}

// ANCHOR_END: observe

// inState makes a fresh channel in the named state (ClosedDraining holds one value).
func inState(state string) *channel {
	c := &channel{ch: make(chan int, capacity)}
	fill := map[string]int{"PartlyFull": 1, "Full": capacity, "ClosedDraining": 1}[state]
	for range fill {
		c.ch <- 1
	}
	if state == "ClosedEmpty" || state == "ClosedDraining" {
		c.apply("close")
	}
	return c
}
