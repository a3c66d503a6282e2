package main

import (
	"errors"
	"io"
	"net"

	"gobook/chat"
)

// ANCHOR: serve
// serve reads the client's lines and answers each, until the client leaves
// or sends a line too long.
func (s *server) serve(nc net.Conn, name string) {
	s.join(name, nc)
	// However serve ends, the client leaves the broadcast.
	defer s.leave(name)
	r := chat.NewReader(nc)
	for {
		line, err := chat.ReadLine(r)
		if errors.Is(err, chat.ErrTooLong) {
			s.leave(name)
			io.WriteString(nc, chat.Goodbye(chat.ByeTooLong))
			break
		}
		if err != nil || !s.handle(nc, name, line) {
			break // the client left, or said /quit
		}
	}
	chat.Close(nc)
}

// ANCHOR_END: serve

// ANCHOR: handle
// handle answers one line; false ends the connection.
func (s *server) handle(nc net.Conn, name, line string) bool {
	cmd, err := chat.Parse(line)
	if err != nil {
		io.WriteString(nc, chat.Error(err))
		return true
	}
	switch cmd.Kind {
	case chat.Say:
		s.broadcast(chat.Message(chat.Lobby, name, cmd.Arg))
	case chat.Join:
		io.WriteString(nc, chat.Error(chat.Unknown("join"))) // rooms come in step 3
	case chat.Stats:
		io.WriteString(nc, s.stats())
	case chat.Quit:
		s.leave(name)
		io.WriteString(nc, chat.Goodbye(chat.ByeQuit))
		return false
	}
	return true
}

// ANCHOR_END: handle
