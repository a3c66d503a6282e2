package main

import (
	"fmt"
	"io"
	"net"
	"runtime"
	"sync"
	"time"

	"gobook/chat"
)

// server is what the connections share.
type server struct {
	cfg   chat.Config
	slots chan struct{} // a token per connection served: the cap
	names int           // only the accept loop counts

	mu      sync.Mutex
	members map[string]net.Conn // every client, by name
}

func newServer(cfg chat.Config) *server {
	return &server{
		cfg:     cfg,
		slots:   make(chan struct{}, cfg.MaxConns), // channel: not drawn; a semaphore: a token per connection
		members: make(map[string]net.Conn),
	}
}

// ANCHOR: run
// run accepts connections until accepting fails.
func (s *server) run() error {
	ln, err := net.Listen("tcp", s.cfg.Listen[0])
	if err != nil {
		return err
	}
	defer ln.Close()
	fmt.Printf("listening on %s\n", ln.Addr())
	for {
		nc, err := ln.Accept()
		if err != nil {
			return err
		}
		s.accept(nc)
	}
}

// ANCHOR_END: run

// ANCHOR: accept
// accept serves nc in a goroutine of its own, if a slot is free: a full
// channel of slots is the cap on connections, and so on goroutines.
func (s *server) accept(nc net.Conn) {
	select {
	case s.slots <- struct{}{}:
	default:
		nc.SetWriteDeadline(time.Now().Add(time.Second))
		io.WriteString(nc, chat.Goodbye(chat.ByeFull))
		nc.Close()
		return
	}
	s.names++
	name := fmt.Sprintf("u%d", s.names)
	go func() { // task: conn; one per client
		defer func() { <-s.slots }()
		s.serve(nc, name)
	}()
}

// ANCHOR_END: accept

// ANCHOR: broadcast
// broadcast writes msg to every client in turn, under the lock, so that
// every client gets the messages in the same order.
func (s *server) broadcast(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, nc := range s.members {
		io.WriteString(nc, msg) // a client gone is its own goroutine's to find
	}
}

// join says HELLO under the lock, so that no message comes before it, and
// every message after it.
func (s *server) join(name string, nc net.Conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	io.WriteString(nc, chat.Hello(name))
	s.members[name] = nc
}

func (s *server) leave(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.members, name)
}

// ANCHOR_END: broadcast

func (s *server) stats() string {
	s.mu.Lock()
	conns := len(s.members)
	s.mu.Unlock()
	return chat.StatsLine("conns", conns, "tasks", runtime.NumGoroutine())
}
