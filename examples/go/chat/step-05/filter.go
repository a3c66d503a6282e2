package main

import (
	"context"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"gobook/chat"
)

// ANCHOR: filter
// filter is a worker pool: a fixed number of workers check every message
// before its room gets it, however many clients send.
type filter struct {
	jobs    chan job
	workers int
	block   []string
	cost    time.Duration
	st      *stats
	busy    atomic.Int64
	wg      sync.WaitGroup
}

type job struct {
	ctx     context.Context
	text    string
	blocked chan bool // buffered: a worker never waits for a requester that gave up
}

func newFilter(cfg chat.Config, st *stats) *filter {
	return &filter{
		jobs:    make(chan job, cfg.Workers), // channel: jobs, conn -> worker
		workers: cfg.Workers,
		block:   cfg.Block,
		cost:    cfg.FilterCost,
		st:      st,
	}
}

func (f *filter) start() {
	for range f.workers {
		f.wg.Go(f.work) // task: worker
	}
}

// close ends the workers once no connection submits any more.
func (f *filter) close() {
	close(f.jobs)
	f.wg.Wait()
}

func (f *filter) work() {
	for j := range f.jobs {
		if j.ctx.Err() != nil {
			f.st.cancel.Add(1) // its requester stopped waiting
			continue
		}
		n := f.busy.Add(1)
		for p := f.st.peak.Load(); n > p && !f.st.peak.CompareAndSwap(p, n); p = f.st.peak.Load() {
		}
		blocked, err := f.judge(j.ctx, j.text)
		f.busy.Add(-1)
		if err != nil {
			f.st.cancel.Add(1)
			continue
		}
		f.st.filtered.Add(1)
		j.blocked <- blocked
	}
}

// check asks a worker whether text is blocked, giving up when ctx ends.
func (f *filter) check(ctx context.Context, text string) (bool, error) {
	j := job{ctx: ctx, text: text, blocked: make(chan bool, 1)} // channel: verdict, worker -> conn
	select {
	case f.jobs <- j:
	case <-ctx.Done():
		return false, ctx.Err()
	}
	select {
	case blocked := <-j.blocked:
		return blocked, nil
	case <-ctx.Done():
		return false, ctx.Err()
	}
}

// ANCHOR_END: filter

// ANCHOR: judge
// judge does the filter's work: the cost, a millisecond at a time so that
// it stops soon after ctx does, then a look for a blocked word.
func (f *filter) judge(ctx context.Context, text string) (bool, error) {
	for start := time.Now(); time.Since(start) < f.cost; {
		if err := ctx.Err(); err != nil {
			return false, err
		}
		time.Sleep(time.Millisecond)
	}
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	for _, word := range strings.FieldsFunc(strings.ToLower(text), notWord) {
		if slices.Contains(f.block, word) {
			return true, nil
		}
	}
	return false, nil
}

// ANCHOR_END: judge
