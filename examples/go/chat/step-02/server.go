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
	conns sync.WaitGroup

	mu      sync.Mutex
	members map[string]chan string // each client's queue, by name
	dropped int64                  // messages a full queue did not take
}

func newServer(cfg chat.Config) *server {
	return &server{
		cfg:     cfg,
		slots:   make(chan struct{}, cfg.MaxConns), // channel: not drawn; a semaphore: a token per connection
		members: make(map[string]chan string),
	}
}

// ANCHOR: run
// run serves until done is closed.
func (s *server) run(done <-chan struct{}) error {
	ln, err := net.Listen("tcp", s.cfg.Listen[0])
	if err != nil {
		return err
	}
	defer ln.Close()
	fmt.Printf("listening on %s\n", ln.Addr())
	// Closing done closes the listener, which ends Accept.
	go func() { // task: not drawn; closes the listener at Ctrl-C
		<-done
		ln.Close()
	}()
	for {
		nc, err := ln.Accept()
		select {
		case <-done:
			if nc != nil {
				nc.Close()
			}
			s.conns.Wait() // every connection has said BYE
			return nil
		default:
		}
		if err != nil {
			return err
		}
		s.accept(done, nc)
	}
}

// ANCHOR_END: run

// ANCHOR: accept
// accept serves nc in a goroutine of its own, if a slot is free.
func (s *server) accept(done <-chan struct{}, nc net.Conn) {
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
	s.conns.Add(1)
	go func() { // task: conn; one per client
		defer s.conns.Done()
		defer func() { <-s.slots }()
		s.serve(done, nc, name)
	}()
}

// ANCHOR_END: accept

// ANCHOR: broadcast
// broadcast queues msg for every client, without waiting: a client whose
// queue is full misses it, and the sender goes on.
func (s *server) broadcast(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, out := range s.members {
		select {
		case out <- msg:
		default:
			s.dropped++
		}
	}
}

// join and leave add and remove a client's queue. Once leave returns, no
// broadcast sends to the queue: its owner may close it.
func (s *server) join(name string, out chan string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.members[name] = out
}

func (s *server) leave(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.members, name)
}

// ANCHOR_END: broadcast

func (s *server) stats() string {
	s.mu.Lock()
	conns, dropped := len(s.members), s.dropped
	s.mu.Unlock()
	return chat.StatsLine("conns", conns, "dropped", dropped, "tasks", runtime.NumGoroutine())
}
