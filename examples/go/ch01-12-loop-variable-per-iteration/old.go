// ANCHOR: old
//go:build go1.21

// This file's build constraint sets its language version to Go 1.21, so its
// loops share one variable across iterations, as all loops did before 1.22.

package main

func sharedLoopVariable() []int {
	var read []func() int
	for i := 0; i < 3; i++ {
		read = append(read, func() int { return i })
	}
	var seen []int
	for _, f := range read {
		seen = append(seen, f())
	}
	return seen // [3 3 3]: every closure saw the same i, after the loop
}

// ANCHOR_END: old
