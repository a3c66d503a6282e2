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
	room    *room
	out     chan string // this member's queue: its room sends, and closes it
	readErr error       // why the reader stopped; set before it closes lines
	failed  error       // the first write that failed: nothing more is written
}

// ANCHOR: serve
// serve runs one connection until the client leaves, it is closed, or done
// is closed.
func (s *server) serve(done <-chan struct{}, nc net.Conn, name string) {
	s.stats.update(func(c *counts) { c.conns++ })
	defer s.stats.update(func(c *counts) { c.conns-- })
	c := &conn{s: s, nc: nc, name: name}
	// In the lobby before HELLO: a client that has its name gets every
	// message sent from then on.
	err := c.enter(chat.Lobby)
	c.write(chat.Hello(c.name))
	if err != nil {
		c.write(chat.Error(err))
	} else {
		c.loop(done)
	}
	c.leave(false)
	chat.Close(nc)
}

// ANCHOR_END: serve

// ANCHOR: loop
// loop is the connection's one select: lines from the client, messages from
// its room, the idle timer, and done.
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
		case msg, ok := <-c.out:
			if !ok { // the room dropped this member: it reads too slowly
				c.write(chat.Goodbye(chat.ByeTooSlow))
				return
			}
			c.deliver(msg)
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
		c.say(cmd.Arg)
	case chat.Join:
		if err := c.enter(cmd.Arg); err != nil {
			c.write(chat.Error(err))
		} else {
			c.write(chat.Joined(cmd.Arg))
		}
	case chat.Stats:
		c.write(c.s.stats.line())
	case chat.Quit:
		c.leave(true)
		c.write(chat.Goodbye(chat.ByeQuit))
		return false
	}
	return true
}

// ANCHOR_END: handle

// ANCHOR: say
// say filters a message, then publishes it in the client's room.
func (c *conn) say(text string) {
	if c.s.filter.check(text) {
		c.write(chat.Error(chat.ErrBlocked))
		return
	}
	c.room.cmds <- roomCmd{publish: chat.Message(c.room.name, c.name, text)}
}

// ANCHOR_END: say

// ANCHOR: join
// enter moves the client to another room: the old room's last messages for
// it come first, and the new room's after.
func (c *conn) enter(name string) error {
	r, err := c.s.rooms.get(name)
	if err != nil {
		return err
	}
	c.leave(true)
	c.room, c.out = r, make(chan string, c.s.cfg.Queue) // channel: out, room -> conn
	r.cmds <- roomCmd{join: &member{name: c.name, out: c.out}}
	return nil
}

// leave takes the client out of its room, and writes (or, if the client is
// gone, drops) what the room queued for it until it closed the queue.
func (c *conn) leave(write bool) {
	if c.room == nil {
		return
	}
	c.room.cmds <- roomCmd{leave: c.name}
	for msg := range c.out {
		if write {
			c.deliver(msg)
		}
	}
	c.room = nil
}

// ANCHOR_END: join

func (c *conn) deliver(msg string) {
	c.write(msg)
	if c.failed == nil {
		c.s.stats.update(func(c *counts) { c.delivered++ })
	}
}

// ANCHOR: write
// write sends one line.
func (c *conn) write(line string) {
	if c.failed != nil {
		return
	}
	_, c.failed = io.WriteString(c.nc, line)
}

// ANCHOR_END: write
