package main

import (
	"context"
	"fmt"
	"strings"
)

// ANCHOR: tree
func main() {
	server, cancelServer := context.WithCancel(context.Background())
	requestA, cancelA := context.WithCancel(server)
	requestB, cancelB := context.WithCancel(server)
	defer cancelB()
	aDBQuery, cancelQuery := context.WithCancel(requestA) // work on behalf of request A
	defer cancelQuery()
	all := []context.Context{server, requestA, requestB, aDBQuery}

	cancelA() // A's client went away
	report("after cancelA()", all)

	cancelServer() // the server shuts down
	report("after cancelServer()", all)
}

// ANCHOR_END: tree

func report(when string, contexts []context.Context) {
	names := []string{"server", "requestA", "requestB", "aDBQuery"}
	var states []string
	for i, ctx := range contexts {
		states = append(states, fmt.Sprintf("%s=%v", names[i], ctx.Err()))
	}
	fmt.Printf("%-21s %s\n", when, strings.Join(states, " "))
}
