// output: varies overdrawn in \d+
// The same check-then-act bug in Go: a stress test finds it only when the
// scheduler happens to switch goroutines in the gap, and -race finds nothing.
//
// Run it with `go run -C examples/go -race ./ch08-02-stress-tests-are-not-proofs`.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

// ANCHOR: withdraw
type account struct {
	mu      sync.Mutex
	balance int
}

// withdraw checks, then acts, taking the lock twice: no data race, a race
// condition. yield widens the gap, as a stress test does to shake bugs out.
func (a *account) withdraw(amount int, yield bool) {
	a.mu.Lock()
	enough := a.balance >= amount
	a.mu.Unlock()
	if yield {
		runtime.Gosched()
	}
	if enough {
		a.mu.Lock()
		a.balance -= amount
		a.mu.Unlock()
	}
}

// ANCHOR_END: withdraw

// ANCHOR: stress
func overdrafts(runs int, yield bool) int {
	overdrawn := 0
	for range runs {
		a := &account{balance: 100}
		var wg sync.WaitGroup
		wg.Go(func() { a.withdraw(80, yield) })
		wg.Go(func() { a.withdraw(80, yield) })
		wg.Wait()
		if a.balance < 0 {
			overdrawn++
		}
	}
	return overdrawn
}

func main() {
	fmt.Println("1000 runs, as written:         overdrawn in", overdrafts(1000, false))
	shaken := overdrafts(1000, true)
	fmt.Println("1000 runs, a yield in the gap: overdrawn in", shaken)
	fmt.Println("the stress test found the bug:", shaken > 0)
}

// ANCHOR_END: stress
