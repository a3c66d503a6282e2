package main

import (
	"context"
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
// serve runs one connection until the client leaves, it is closed, or the
// server stops. Its context is cancelled when it returns, which ends its
// reader and any filtering it asked for.
func (s *server) serve(ctx context.Context, nc net.Conn, name string) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.stats.conns.Add(1)
	defer s.stats.conns.Add(-1)
	c := &conn{s: s, nc: nc, name: name}
	// In the lobby before HELLO: a client that has its name gets every
	// message sent from then on.
	err := c.enter(chat.Lobby)
	c.write(chat.Hello(c.name))
	if err != nil {
		c.write(chat.Error(err))
	} else {
		c.loop(ctx)
	}
	c.leave(false)
	chat.Close(nc)
}

// ANCHOR_END: serve

// ANCHOR: loop
// loop is the connection's one select: lines from the client, messages from
// its room, the idle timer, and the end of the server.
func (c *conn) loop(ctx context.Context) {
	lines := make(chan string) // channel: lines, reader -> conn
	go c.read(ctx, lines)      // task: reader
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
			if !c.handle(ctx, line) {
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
		case <-ctx.Done():
			c.write(chat.Goodbye(chat.ByeShutdown))
			return
		}
	}
}

// ANCHOR_END: loop

// ANCHOR: read
// read hands the loop each line the client sends, until the client leaves,
// a line is too long, or the connection ends.
func (c *conn) read(ctx context.Context, lines chan<- string) {
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
		case <-ctx.Done():
			return
		}
	}
}

// ANCHOR_END: read

// ANCHOR: handle
// handle answers one line; false ends the connection.
func (c *conn) handle(ctx context.Context, line string) bool {
	cmd, err := chat.Parse(line)
	if err != nil {
		c.write(chat.Error(err))
		return true
	}
	switch cmd.Kind {
	case chat.Say:
		c.say(ctx, cmd.Arg)
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
// say filters a message, then publishes it in the client's room. Its
// filtering is one request with its own deadline, and stops with the
// connection too.
func (c *conn) say(ctx context.Context, text string) {
	rctx, cancel := context.WithTimeout(ctx, c.s.cfg.FilterTimeout)
	defer cancel()
	blocked, err := c.s.filter.check(rctx, text)
	switch {
	case err != nil:
		c.write(chat.Error(chat.ErrFilterTimeout))
	case blocked:
		c.write(chat.Error(chat.ErrBlocked))
	default:
		c.room.cmds <- roomCmd{publish: chat.Message(c.room.name, c.name, text)}
	}
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
		c.s.stats.delivered.Add(1)
	}
}

// ANCHOR: write
// write sends one line, within the write deadline.
func (c *conn) write(line string) {
	if c.failed != nil {
		return
	}
	c.nc.SetWriteDeadline(time.Now().Add(c.s.cfg.WriteTimeout))
	_, c.failed = io.WriteString(c.nc, line)
}

// ANCHOR_END: write
