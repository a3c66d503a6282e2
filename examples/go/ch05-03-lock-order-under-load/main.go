// Lock ordering under load: two goroutines move money in opposite directions
// between the same two accounts, while a third audits the total. All of them
// take the two locks in one global order, by account id.
//
// Run it with `go run -C examples/go ./ch05-03-lock-order-under-load`.
package main

import (
	"fmt"
	"slices"
	"sync"
)

const transfers = 20_000
const audits = 1_000

type account struct {
	id      int
	mu      sync.Mutex
	balance int
}

// ANCHOR: lockBoth
// lockBoth locks both accounts, the lower id first, and returns the function
// that unlocks them. The order is decided here, once, not at every call.
func lockBoth(x, y *account) (unlock func()) {
	if x.id == y.id {
		panic("locking one account twice would deadlock")
	}
	first, second := x, y
	if y.id < x.id {
		first, second = y, x
	}
	first.mu.Lock()
	second.mu.Lock()
	return func() { second.mu.Unlock(); first.mu.Unlock() }
}

func transfer(from, to *account, amount int) {
	defer lockBoth(from, to)()
	from.balance -= amount
	to.balance += amount
}

// ANCHOR_END: lockBoth

func main() {
	alice, bob := &account{id: 1, balance: 100}, &account{id: 2, balance: 100}
	// ANCHOR: run
	var wg sync.WaitGroup
	wg.Go(func() {
		for range transfers {
			transfer(alice, bob, 1)
		}
	})
	wg.Go(func() {
		for range transfers {
			transfer(bob, alice, 1)
		}
	})
	var totalsSeen []int
	wg.Go(func() {
		for range audits {
			unlock := lockBoth(bob, alice)
			total := alice.balance + bob.balance
			unlock()
			if !slices.Contains(totalsSeen, total) {
				totalsSeen = append(totalsSeen, total)
			}
		}
	})
	wg.Wait()
	// ANCHOR_END: run
	fmt.Printf("%d transfers each way and %d audits: no deadlock\n", transfers, audits)
	fmt.Printf("totals the audits saw: %v\n", totalsSeen)
	fmt.Printf("balances now: alice %d, bob %d\n", alice.balance, bob.balance)
}
