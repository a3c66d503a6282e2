package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"gobook/chat"
	"golang.org/x/sync/errgroup"
)

// server is what the connections share.
type server struct {
	cfg    chat.Config
	slots  chan struct{} // a token per connection served: the cap
	rooms  *registry
	filter *filter
	stats  *stats
	names  atomic.Int64 // the accept loops share it

	reading sync.WaitGroup // connections that may still send to a room
	conns   sync.WaitGroup // connections not yet closed
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
// run serves until ctx is done or a listener fails, then drains. It
// returns the first listener's error.
func (s *server) run(ctx context.Context) error {
	// Connections outlive the signal: they stop when the drain is over.
	hard, abandon := context.WithCancel(context.WithoutCancel(ctx))
	defer abandon()
	s.filter.start()
	g, serving := errgroup.WithContext(ctx)
	for _, addr := range s.cfg.Listen {
		g.Go(func() error { return s.listen(serving, hard, addr) }) // task: acceptor; one per listener
	}
	err := g.Wait() // every listener has stopped: no connection starts now
	s.drain(abandon)
	return err
}

// drain ends what the listeners started, within cfg.Drain. First every
// connection stops reading, so nothing new reaches a room; then each room
// hands out its last messages and closes its members' queues, and each
// connection writes its queue out, says BYE and closes. At the deadline,
// abandon cancels whatever is still writing.
func (s *server) drain(abandon context.CancelFunc) {
	deadline := time.AfterFunc(s.cfg.Drain, abandon)
	defer deadline.Stop()
	s.reading.Wait()
	s.filter.close()
	s.rooms.close()
	s.conns.Wait()
}

// ANCHOR_END: run

// ANCHOR: listen
// listen accepts connections on addr until serving is done. Only failing to
// listen is fatal: an accept error means this process is short of something
// (file descriptors) or a client left early, and the next accept may work.
func (s *server) listen(serving, hard context.Context, addr string) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(serving, "tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	fmt.Printf("listening on %s\n", ln.Addr())
	context.AfterFunc(serving, func() { ln.Close() })
	pause := 5 * time.Millisecond
	for {
		nc, err := ln.Accept()
		if serving.Err() != nil {
			if nc != nil {
				nc.Close()
			}
			return nil
		}
		if errors.Is(err, net.ErrClosed) {
			return err
		}
		if err != nil {
			time.Sleep(pause)
			pause = min(2*pause, time.Second)
			continue
		}
		pause = 5 * time.Millisecond
		s.accept(serving, hard, nc)
	}
}

// ANCHOR_END: listen

// ANCHOR: accept
// accept serves nc in a goroutine of its own, if a slot is free.
func (s *server) accept(serving, hard context.Context, nc net.Conn) {
	select {
	case s.slots <- struct{}{}:
	default:
		nc.SetWriteDeadline(time.Now().Add(time.Second))
		io.WriteString(nc, chat.Goodbye(chat.ByeFull))
		nc.Close()
		return
	}
	name := fmt.Sprintf("u%d", s.names.Add(1))
	s.reading.Add(1)
	s.conns.Add(1)
	go func() { // task: conn; one per client
		defer s.conns.Done()
		defer func() { <-s.slots }()
		s.serve(serving, hard, nc, name)
	}()
}

// ANCHOR_END: accept

// ANCHOR: stats
// stats are the server's live numbers, updated by every goroutine without
// a lock: each is one atomic counter, and none must agree with another at
// every instant.
type stats struct {
	conns, rooms     atomic.Int64
	sent, delivered  atomic.Int64 // messages published, lines of them written
	copies, dropped  atomic.Int64 // messages queued for a member, or not (full queue, gone member)
	kicked, peak     atomic.Int64 // members dropped as too slow; most filter jobs at once
	filtered, cancel atomic.Int64 // filter jobs done, and given up on their deadline
}

func (st *stats) line() string {
	return chat.StatsLine(
		"conns", st.conns.Load(), "rooms", st.rooms.Load(),
		"sent", st.sent.Load(), "delivered", st.delivered.Load(),
		"dropped", st.dropped.Load(), "kicked", st.kicked.Load(),
		"filtered", st.filtered.Load(), "cancelled", st.cancel.Load(),
		"peak", st.peak.Load(), "tasks", runtime.NumGoroutine())
}

// undelivered counts the copies of messages that were meant for a member
// and never written to it.
func (st *stats) undelivered() int64 {
	return st.copies.Load() + st.dropped.Load() - st.delivered.Load()
}

// ANCHOR_END: stats
