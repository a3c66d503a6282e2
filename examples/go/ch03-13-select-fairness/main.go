// output: varies \b(4[5-9]|5[0-4])\.\d%
package main

import "fmt"

const rounds = 10_000

// ANCHOR: fairness
func main() {
	a, b := closed(), closed()  // a closed channel is always ready
	idle := make(chan struct{}) // open, and nobody sends: never ready

	aWins := 0
	for range rounds {
		select {
		case <-a:
			aWins++
		case <-b:
		}
	}

	bWins := 0 // three cases, the first never ready: a uniform shuffle still splits evenly
	for range rounds {
		select {
		case <-idle:
		case <-b:
			bWins++
		case <-a:
		}
	}

	firstWins := 0 // Go has no biased select; a nested select gives a priority
	for range rounds {
		select {
		case <-a:
			firstWins++
		default:
			select {
			case <-a:
				firstWins++
			case <-b:
			}
		}
	}

	fmt.Println(rounds, "rounds; a and b are closed channels, always ready:")
	fmt.Printf("  select { a; b }:           a won %.1f%%\n", share(aWins))
	fmt.Printf("  select { idle; b; a }:     b won %.1f%%\n", share(bWins))
	fmt.Printf("  nested select, a first:    a won %.0f%%\n", share(firstWins))
}

// ANCHOR_END: fairness

func closed() chan struct{} {
	ch := make(chan struct{})
	close(ch)
	return ch
}

func share(wins int) float64 { return 100 * float64(wins) / rounds }
