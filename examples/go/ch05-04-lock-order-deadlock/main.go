// at-exit: still-running
package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// ANCHOR: deadlock
type Account struct {
	name    string
	mu      sync.Mutex
	balance int
}

// transfer locks from, then to. In the listing, bothHoldOne makes the two
// goroutines hold their first lock before either asks for its second.
func transfer(from, to *Account, amount int, bothHoldOne func()) {
	from.mu.Lock()
	defer from.mu.Unlock()
	bothHoldOne()
	to.mu.Lock()
	defer to.mu.Unlock()
	from.balance -= amount
	to.balance += amount
}

// transferOrdered is the fix: it locks the accounts in one global order, by name.
func transferOrdered(from, to *Account, amount int, bothHoldOne func()) {
	if to.name < from.name {
		from, to, amount = to, from, -amount // the same transfer, locked the other way
	}
	transfer(from, to, amount, bothHoldOne)
}

func main() {
	if len(os.Args) > 1 { // the child process: main just waits, like everyone else
		<-run(transfer, barrier(2))
	}
	fmt.Println("each locks its own first, main waits 200 ms:")
	select {
	case <-run(transfer, barrier(2)):
		fmt.Println("  done")
	case <-time.After(200 * time.Millisecond): // a pending timer: not all asleep
		fmt.Println("  still stuck, and the runtime said nothing")
	}
	fmt.Println("the same, in a child process where main just waits:")
	// The timeout is for -race builds, whose runtime misses the deadlock (go.dev/issue/20588).
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, os.Args[0], "child").CombinedOutput()
	fmt.Printf("  %s (%v)\n", strings.SplitN(string(out), "\n", 2)[0], err)

	fmt.Println("both lock in name order:")
	<-run(transferOrdered, func() {}) // no barrier: the second would wait at the first lock
	fmt.Println("  alice -> bob and bob -> alice: done")
}

type transferFunc func(from, to *Account, amount int, bothHoldOne func())

// run starts alice -> bob and bob -> alice at once; done is closed when both return.
func run(f transferFunc, bothHoldOne func()) (done chan struct{}) {
	alice, bob, done := &Account{name: "alice"}, &Account{name: "bob"}, make(chan struct{})
	go func() {
		var wg sync.WaitGroup
		wg.Go(func() { f(alice, bob, 10, bothHoldOne) })
		wg.Go(func() { f(bob, alice, 10, bothHoldOne) })
		wg.Wait()
		close(done)
	}()
	return done
}

// barrier returns a function that blocks until n goroutines have called it.
func barrier(n int) func() {
	var wg sync.WaitGroup
	wg.Add(n)
	return func() { wg.Done(); wg.Wait() }
}

// ANCHOR_END: deadlock
