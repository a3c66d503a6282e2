// at-exit: still-running
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

func writeAuditLog(wg *sync.WaitGroup) {
	time.Sleep(10 * time.Millisecond)
	fmt.Println("audit line")
	if wg != nil {
		wg.Done()
	}
}

// ANCHOR: exit
func main() {
	if len(os.Args) > 1 && os.Args[1] == "forget" {
		for range 10 {
			go writeAuditLog(nil) // fire and forget
		}
		return // main returns: the program exits, the goroutines with it
	}
	if len(os.Args) > 1 && os.Args[1] == "wait" {
		var wg sync.WaitGroup
		wg.Add(10)
		for range 10 {
			go writeAuditLog(&wg)
		}
		wg.Wait()
		return
	}
	for _, mode := range []string{"forget", "wait"} {
		out, _ := exec.Command(os.Args[0], mode).Output()
		fmt.Printf("%s: %d of 10 audit lines written\n", mode, strings.Count(string(out), "audit line"))
	}
}

// ANCHOR_END: exit
