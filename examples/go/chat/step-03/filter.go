package main

import (
	"slices"
	"strings"
	"sync"
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
	wg      sync.WaitGroup
}

type job struct {
	text    string
	blocked chan bool
}

func newFilter(cfg chat.Config) *filter {
	return &filter{
		jobs:    make(chan job, cfg.Workers), // channel: jobs, conn -> worker
		workers: cfg.Workers,
		block:   cfg.Block,
		cost:    cfg.FilterCost,
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
		j.blocked <- f.judge(j.text)
	}
}

// check asks a worker whether text is blocked.
func (f *filter) check(text string) bool {
	j := job{text: text, blocked: make(chan bool, 1)} // channel: verdict, worker -> conn
	f.jobs <- j
	return <-j.blocked
}

// ANCHOR_END: filter

// ANCHOR: judge
// judge does the filter's work: the cost, then a look for a blocked word.
func (f *filter) judge(text string) bool {
	time.Sleep(f.cost)
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	for _, word := range strings.FieldsFunc(strings.ToLower(text), notWord) {
		if slices.Contains(f.block, word) {
			return true
		}
	}
	return false
}

// ANCHOR_END: judge
