package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
)

// ANCHOR: mutex
// Orders keeps its mutex beside the data: only a convention says mu guards items.
type Orders struct {
	mu    sync.Mutex // the zero value is an unlocked mutex
	items []string
}

// add locks, appends, and unlocks; with deferUnlock false, a panic skips Unlock.
func (o *Orders) add(item string, deferUnlock bool) {
	defer func() { recover() }() // the panic is expected: keep the program alive
	o.mu.Lock()
	if deferUnlock {
		defer o.mu.Unlock()
	}
	o.items = append(o.items, item)
	if strings.HasPrefix(item, "half-made") {
		panic("the milk boiled over")
	}
	o.mu.Unlock()
}

func main() {
	if len(os.Args) > 1 { // the child process: a recover is ready, and useless
		defer func() { recover() }()
		var mu sync.Mutex
		mu.Unlock()
	}
	var o Orders
	o.add("espresso", false)
	o.add("cortado", false)
	fmt.Println("orders:", o.items)

	o.add("half-made latte", false) // panics between Lock and Unlock
	fmt.Println("after a panic, no defer: TryLock =", o.mu.TryLock(), "(still locked)")
	unlocked := make(chan struct{})
	go func() { o.mu.Unlock(); close(unlocked) }() // a Mutex has no owner
	<-unlocked

	o.add("half-made mocha", true)
	fmt.Println("after a panic, with defer: TryLock =", o.mu.TryLock())
	fmt.Println("inside:", o.items)
	o.mu.Unlock()

	out, err := exec.Command(os.Args[0], "child").CombinedOutput()
	fmt.Printf("Unlock of an unlocked Mutex: %s (%v)\n", strings.SplitN(string(out), "\n", 2)[0], err)
}

// ANCHOR_END: mutex
