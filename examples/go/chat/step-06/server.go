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
	names  atomic.Int64   // the accept loops share it
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
// run serves until ctx is done or a listener fails. It returns the first
// listener's error.
func (s *server) run(ctx context.Context) error {
	s.filter.start()
	g, ctx := errgroup.WithContext(ctx)
	for _, addr := range s.cfg.Listen {
		g.Go(func() error { return s.listen(ctx, addr) }) // task: acceptor; one per listener
	}
	err := g.Wait() // every listener has stopped: no connection starts now
	s.conns.Wait()  // and every connection has said BYE
	s.filter.close()
	s.rooms.close()
	return err
}

// ANCHOR_END: run

// ANCHOR: listen
// listen accepts connections on addr until serving is done. Only failing to
// listen is fatal: an accept error means this process is short of something
// (file descriptors) or a client left early, and the next accept may work.
func (s *server) listen(ctx context.Context, addr string) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	fmt.Printf("listening on %s\n", ln.Addr())
	context.AfterFunc(ctx, func() { ln.Close() })
	pause := 5 * time.Millisecond
	for {
		nc, err := ln.Accept()
		if ctx.Err() != nil {
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
		s.accept(ctx, nc)
	}
}

// ANCHOR_END: listen

// ANCHOR: accept
// accept serves nc in a goroutine of its own, if a slot is free.
func (s *server) accept(ctx context.Context, nc net.Conn) {
	select {
	case s.slots <- struct{}{}:
	default:
		nc.SetWriteDeadline(time.Now().Add(time.Second))
		io.WriteString(nc, chat.Goodbye(chat.ByeFull))
		nc.Close()
		return
	}
	name := fmt.Sprintf("u%d", s.names.Add(1))
	s.conns.Add(1)
	go func() { // task: conn; one per client
		defer s.conns.Done()
		defer func() { <-s.slots }()
		s.serve(ctx, nc, name)
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
	dropped          atomic.Int64 // messages not queued for a member (its queue was full)
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

// ANCHOR_END: stats
