// output: varies goroutine \d+
// at-exit: still-running
// A lock-order deadlock in a program that is otherwise alive: the runtime
// reports nothing, and a goroutine dump shows the two stuck goroutines.
//
// Run it with `go run -C examples/go ./ch08-05-goroutine-dump-shows-the-cycle`.
package main

import (
	"bytes"
	"fmt"
	"regexp"
	"runtime/pprof"
	"sync"
	"time"
)

// ANCHOR: deadlock
type account struct {
	mu      sync.Mutex
	balance int
}

func transfer(from, to *account, bothHoldOne *sync.WaitGroup) {
	from.mu.Lock()
	bothHoldOne.Done()
	bothHoldOne.Wait() // each now holds one lock and asks for the other
	to.mu.Lock()
	from.balance, to.balance = from.balance-10, to.balance+10
	to.mu.Unlock()
	from.mu.Unlock()
}

// ANCHOR_END: deadlock

// ANCHOR: dump
func main() {
	alice, bob := &account{balance: 100}, &account{balance: 100}
	var bothHoldOne sync.WaitGroup
	bothHoldOne.Add(2)
	go transfer(alice, bob, &bothHoldOne)
	go transfer(bob, alice, &bothHoldOne)
	time.Sleep(100 * time.Millisecond) // main still runs: no "all goroutines are asleep"

	// What SIGQUIT prints, and what net/http/pprof serves at
	// /debug/pprof/goroutine?debug=2: every goroutine's state and stack.
	fmt.Println("100 ms later, no fatal error; the goroutines in main.transfer, from a dump:")
	var dump bytes.Buffer
	pprof.Lookup("goroutine").WriteTo(&dump, 2)
	stuck := regexp.MustCompile(`(?m)^(goroutine \d+ \[[^\]]+\]):\n(?:.+\n)*?main\.transfer\(.*\n\s+\S+/(main\.go:\d+)`)
	for _, m := range stuck.FindAllSubmatch(dump.Bytes(), -1) {
		fmt.Printf("%s, in main.transfer at %s\n", m[1], m[2])
	}
}

// ANCHOR_END: dump
