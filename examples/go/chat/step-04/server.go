package main

import (
	"fmt"
	"io"
	"net"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"gobook/chat"
)

// server is what the connections share.
type server struct {
	cfg    chat.Config
	slots  chan struct{} // a token per connection served: the cap
	rooms  *registry
	filter *filter
	stats  *stats
	names  int            // only the accept loop counts
	conns  sync.WaitGroup // connections not yet closed
}

func newServer(cfg chat.Config) *server {
	st := &stats{}
	return &server{
		cfg:    cfg,
		slots:  make(chan struct{}, cfg.MaxConns), // channel: not drawn; a semaphore: a token per connection
		rooms:  newRegistry(cfg.MaxRooms, st),
		filter: newFilter(cfg, st),
		stats:  st,
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
	s.filter.start()
	for {
		nc, err := ln.Accept()
		select {
		case <-done:
			if nc != nil {
				nc.Close()
			}
			s.conns.Wait() // every connection has said BYE
			s.filter.close()
			s.rooms.close()
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

// ANCHOR: stats
// stats are the server's live numbers, updated by every goroutine without
// a lock: each is one atomic counter, and none must agree with another at
// every instant.
type stats struct {
	conns, rooms    atomic.Int64
	sent, delivered atomic.Int64 // messages published, lines of them written
	dropped         atomic.Int64 // messages not queued for a member (its queue was full)
	kicked, peak    atomic.Int64 // members dropped as too slow; most filter jobs at once
	filtered        atomic.Int64 // filter jobs done
}

func (st *stats) line() string {
	return chat.StatsLine(
		"conns", st.conns.Load(), "rooms", st.rooms.Load(),
		"sent", st.sent.Load(), "delivered", st.delivered.Load(),
		"dropped", st.dropped.Load(), "kicked", st.kicked.Load(),
		"filtered", st.filtered.Load(), "peak", st.peak.Load(),
		"tasks", runtime.NumGoroutine())
}

// ANCHOR_END: stats
