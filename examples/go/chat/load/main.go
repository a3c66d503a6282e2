// The chat server's load generator: -clients clients in rooms of
// -room-size, each sending -messages messages and reading every message of
// its room. It prints what was sent and delivered per second, and how long
// deliveries took (p50, p99), and fails if a message was lost or came out
// of its sender's order. Its Rust twin prints the same.
//
//	go run -C examples/go ./chat/load -addr 127.0.0.1:7878 -clients 100
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// load is what a run is asked to do.
type load struct {
	addr     string
	clients  int
	roomSize int
	messages int
	// How far a client may run ahead of the slowest sender of its room: its
	// message i waits until it has message i-window of every sender, so
	// that no member's queue in the server grows without bound.
	window int
	size   int // bytes of text after a message's sequence number and timestamp
}

func main() {
	var l load
	flag.StringVar(&l.addr, "addr", "127.0.0.1:7878", "the server")
	flag.IntVar(&l.clients, "clients", 100, "clients")
	flag.IntVar(&l.roomSize, "room-size", 10, "clients per room")
	flag.IntVar(&l.messages, "messages", 100, "messages each client sends")
	flag.IntVar(&l.window, "window", 4, "how far a client runs ahead of its room")
	flag.IntVar(&l.size, "size", 32, "bytes of text per message")
	flag.Parse()
	l.window = max(l.window, 1)
	if l.roomSize == 0 || l.clients%l.roomSize != 0 {
		fmt.Fprintln(os.Stderr, "-clients must be a multiple of -room-size")
		os.Exit(2)
	}
	report, err := run(l)
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
	fmt.Println(report)
}

// seen is what one client saw.
type seen struct {
	latencies []time.Duration
	delivered int
}

func run(l load) (string, error) {
	epoch := time.Now()
	// Connect at most 64 at a time, then join the rooms.
	members := make([][]*client, l.clients/l.roomSize)
	var mu sync.Mutex
	var joining errgroup.Group
	joining.SetLimit(64)
	for i := range l.clients {
		joining.Go(func() error {
			c, err := join(l.addr, fmt.Sprintf("load%d", i/l.roomSize))
			if err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			members[i/l.roomSize] = append(members[i/l.roomSize], c)
			return nil
		})
	}
	if err := joining.Wait(); err != nil {
		return "", err
	}
	// Everyone starts at once.
	start := make(chan struct{})
	results := make(chan seen, l.clients)
	var running errgroup.Group
	for _, room := range members {
		var names []string
		for _, c := range room {
			names = append(names, c.name)
		}
		for _, c := range room {
			running.Go(func() error {
				<-start
				s, err := c.exchange(l, names, epoch)
				results <- s
				return err
			})
		}
	}
	started := time.Now()
	close(start)
	if err := running.Wait(); err != nil {
		return "", err
	}
	elapsed := time.Since(started).Seconds()
	close(results)
	var all seen
	for s := range results {
		all.delivered += s.delivered
		all.latencies = append(all.latencies, s.latencies...)
	}
	slices.Sort(all.latencies)
	sent := l.clients * l.messages
	return fmt.Sprintf("clients=%d room-size=%d messages=%d sent=%d delivered=%d lost=0 reordered=0 "+
		"elapsed=%.3fs sent/s=%.0f delivered/s=%.0f p50=%s p99=%s",
		l.clients, l.roomSize, l.messages, sent, all.delivered,
		elapsed, float64(sent)/elapsed, float64(all.delivered)/elapsed,
		millis(percentile(all.latencies, 50)), millis(percentile(all.latencies, 99))), nil
}

func percentile(sorted []time.Duration, p int) time.Duration {
	rank := max((len(sorted)*p+99)/100, 1)
	if rank > len(sorted) {
		return 0
	}
	return sorted[rank-1]
}

func millis(d time.Duration) string {
	return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond))
}

type client struct {
	name string
	conn net.Conn
	r    *bufio.Reader
}

func join(addr, room string) (*client, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	c := &client{conn: conn, r: bufio.NewReader(conn)}
	hello, err := c.line()
	if err != nil {
		return nil, err
	}
	name, ok := strings.CutPrefix(hello, "HELLO ")
	if !ok {
		return nil, fmt.Errorf("expected HELLO, got %q", hello)
	}
	c.name = name
	if _, err := io.WriteString(conn, "/join "+room+"\n"); err != nil {
		return nil, err
	}
	if joined, err := c.line(); err != nil || joined != "JOINED "+room {
		return nil, fmt.Errorf("%s: expected JOINED %s, got %q (%v)", c.name, room, joined, err)
	}
	return c, nil
}

func (c *client) line() (string, error) {
	line, err := c.r.ReadString('\n')
	if err != nil {
		return "", fmt.Errorf("%s: the server closed the connection", c.name)
	}
	return strings.TrimSuffix(line, "\n"), nil
}

// ANCHOR: exchange
// exchange sends the client's messages and reads every message of its
// room, checking that each sender's come in order, none missing.
func (c *client) exchange(l load, names []string, epoch time.Time) (seen, error) {
	defer c.conn.Close()
	padding := strings.Repeat("x", l.size)
	from := make(map[string]int, len(names))
	for _, n := range names {
		from[n] = 0
	}
	due := len(names) * l.messages
	var s seen
	for sent := 0; s.delivered < due; {
		slowest := l.messages
		for _, n := range from {
			slowest = min(slowest, n)
		}
		for sent < l.messages && sent < slowest+l.window {
			nanos := time.Since(epoch).Nanoseconds()
			if _, err := fmt.Fprintf(c.conn, "m %d %d %s\n", sent, nanos, padding); err != nil {
				return s, err
			}
			sent++
		}
		line, err := c.line()
		if err != nil {
			return s, err
		}
		words := strings.SplitN(line, " ", 7)
		if len(words) < 6 || words[0] != "MSG" || words[3] != "m" {
			return s, fmt.Errorf("%s: unexpected %q", c.name, line)
		}
		sender := words[2]
		count, ok := from[sender]
		if !ok {
			return s, fmt.Errorf("%s: a message from %s, not of its room", c.name, sender)
		}
		if seq, _ := strconv.Atoi(words[4]); seq != count {
			return s, fmt.Errorf("%s: message %d from %s where %d was due: lost or reordered", c.name, seq, sender, count)
		}
		from[sender] = count + 1
		nanos, _ := strconv.ParseInt(words[5], 10, 64)
		s.latencies = append(s.latencies, time.Since(epoch)-time.Duration(nanos))
		s.delivered++
	}
	return s, nil
}

// ANCHOR_END: exchange
