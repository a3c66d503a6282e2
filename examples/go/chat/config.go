package chat

import (
	"flag"
	"os"
	"strings"
	"time"
)

// Config is the server's command line. Every step reads the same flags and
// uses the ones it has a use for, so that the tests start every step, Go or
// Rust, the same way: --listen 127.0.0.1:0 --idle 300ms.
type Config struct {
	Listen        []string      // -listen ADDR, once per address (from step 6 on, several)
	MaxConns      int           // connections served at once; one more is refused
	MaxRooms      int           // rooms that may exist
	Idle          time.Duration // a client that sends nothing for this long is closed
	Queue         int           // the messages a client's outbound queue holds
	Workers       int           // the filter's workers
	Block         []string      // -block WORD, repeatable: a message with this word is refused
	FilterCost    time.Duration // the work the filter does per message, standing in for a real one's
	FilterTimeout time.Duration // the deadline of one message's filtering
	WriteTimeout  time.Duration // the deadline of one write to a client
	Drain         time.Duration // how long a graceful shutdown may take
}

// ParseFlags reads the process's flags; a bad one ends it with status 2.
func ParseFlags() Config {
	var c Config
	fs := flag.NewFlagSet(os.Args[0], flag.ExitOnError)
	fs.Func("listen", "an address to listen on (repeat for several)", func(s string) error {
		c.Listen = append(c.Listen, s)
		return nil
	})
	fs.IntVar(&c.MaxConns, "max-conns", 10_000, "connections served at once")
	fs.IntVar(&c.MaxRooms, "max-rooms", 1_000, "rooms that may exist")
	fs.DurationVar(&c.Idle, "idle", 5*time.Minute, "close a client silent for this long")
	fs.IntVar(&c.Queue, "queue", 256, "messages a client's outbound queue holds")
	fs.IntVar(&c.Workers, "workers", 4, "the filter's workers")
	fs.Func("block", "refuse messages with this word (repeat for several)", func(s string) error {
		c.Block = append(c.Block, strings.ToLower(s))
		return nil
	})
	fs.DurationVar(&c.FilterCost, "filter-cost", 0, "the filter's work per message")
	fs.DurationVar(&c.FilterTimeout, "filter-timeout", time.Second, "the deadline of one message's filtering")
	fs.DurationVar(&c.WriteTimeout, "write-timeout", 10*time.Second, "the deadline of one write to a client")
	fs.DurationVar(&c.Drain, "drain", 5*time.Second, "how long a graceful shutdown may take")
	fs.Parse(os.Args[1:])
	if len(c.Listen) == 0 {
		c.Listen = []string{"127.0.0.1:7878"}
	}
	return c
}
