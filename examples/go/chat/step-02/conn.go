package main

import (
	"errors"
	"io"
	"net"
	"time"

	"gobook/chat"
)

// conn is one client's connection, owned by its select loop.
type conn struct {
	s       *server
	nc      net.Conn
	name    string
	out     chan string // this client's queue
	joined  bool
	readErr error // why the reader stopped; set before it closes lines
	failed  error // the first write that failed: nothing more is written
}

// ANCHOR: serve
// serve runs one connection until the client leaves, it is closed, or done
// is closed.
func (s *server) serve(done <-chan struct{}, nc net.Conn, name string) {
	c := &conn{s: s, nc: nc, name: name, out: make(chan string, s.cfg.Queue)} // channel: out, conn -> conn; any connection broadcasts
	// Queued for before HELLO: a client that has its name gets every message
	// sent from then on.
	s.join(c.name, c.out)
	c.joined = true
	c.write(chat.Hello(c.name))
	c.loop(done)
	c.leave(false)
	chat.Close(nc)
}

// ANCHOR_END: serve

// ANCHOR: loop
// loop is the connection's one select: lines from the client, messages
// queued for it, the idle timer, and done.
func (c *conn) loop(done <-chan struct{}) {
	lines := make(chan string)  // channel: lines, reader -> conn
	quit := make(chan struct{}) // channel: not drawn; closed when loop returns: the reader stops
	defer close(quit)
	go c.read(quit, lines) // task: reader
	idle := time.NewTimer(c.s.cfg.Idle)
	defer idle.Stop()
	for c.failed == nil {
		select {
		case line, ok := <-lines:
			if !ok { // the client left, or sent a line too long
				c.leave(false)
				if errors.Is(c.readErr, chat.ErrTooLong) {
					c.write(chat.Goodbye(chat.ByeTooLong))
				}
				return
			}
			idle.Reset(c.s.cfg.Idle)
			if !c.handle(line) {
				return
			}
		case msg := <-c.out:
			c.write(msg)
		case <-idle.C:
			c.leave(true)
			c.write(chat.Goodbye(chat.ByeIdle))
			return
		case <-done:
			c.write(chat.Goodbye(chat.ByeShutdown))
			return
		}
	}
}

// ANCHOR_END: loop

// ANCHOR: read
// read hands the loop each line the client sends, until the client leaves,
// a line is too long, or quit is closed.
func (c *conn) read(quit <-chan struct{}, lines chan<- string) {
	defer close(lines)
	r := chat.NewReader(c.nc)
	for {
		line, err := chat.ReadLine(r)
		if err != nil {
			c.readErr = err // the close of lines publishes it to the loop
			return
		}
		select {
		case lines <- line:
		case <-quit:
			return
		}
	}
}

// ANCHOR_END: read

// ANCHOR: handle
// handle answers one line; false ends the connection.
func (c *conn) handle(line string) bool {
	cmd, err := chat.Parse(line)
	if err != nil {
		c.write(chat.Error(err))
		return true
	}
	switch cmd.Kind {
	case chat.Say:
		c.s.broadcast(chat.Message(chat.Lobby, c.name, cmd.Arg))
	case chat.Join:
		c.write(chat.Error(chat.Unknown("join"))) // rooms come in step 3
	case chat.Stats:
		c.write(c.s.stats())
	case chat.Quit:
		c.leave(true)
		c.write(chat.Goodbye(chat.ByeQuit))
		return false
	}
	return true
}

// ANCHOR_END: handle

// ANCHOR: leave
// leave takes the client out of the broadcast, then writes (or, if the
// client is gone, drops) what was queued for it.
func (c *conn) leave(write bool) {
	if !c.joined {
		return
	}
	c.s.leave(c.name)
	c.joined = false
	close(c.out) // no broadcast sends to it any more
	for msg := range c.out {
		if write {
			c.write(msg)
		}
	}
}

// ANCHOR_END: leave

// write sends one line.
func (c *conn) write(line string) {
	if c.failed != nil {
		return
	}
	_, c.failed = io.WriteString(c.nc, line)
}
