package main

import (
	"fmt"
	"sync"
)

// ANCHOR: pub_sub
// broker copies every message into each subscriber's own channel.
type broker struct {
	mu          sync.Mutex
	subscribers []*subscriber
}

type subscriber struct {
	inbox   chan int
	dropped int // messages that found the inbox full
}

func (b *broker) subscribe(buffer int) *subscriber {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := &subscriber{inbox: make(chan int, buffer)}
	b.subscribers = append(b.subscribers, s)
	return s
}

// publish never waits: a subscriber whose inbox is full misses the message.
func (b *broker) publish(msg int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, s := range b.subscribers {
		select {
		case s.inbox <- msg:
		default:
			s.dropped++
		}
	}
}

// closeAll closes every inbox: each subscriber's range loop ends.
func (b *broker) closeAll() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, s := range b.subscribers {
		close(s.inbox)
	}
}

func main() {
	var b broker
	along, late := b.subscribe(16), b.subscribe(4)
	alongGot := make(chan []int)
	go func() { // reads as the messages arrive
		var got []int
		for msg := range along.inbox {
			got = append(got, msg)
		}
		alongGot <- got
	}()
	for msg := 1; msg <= 10; msg++ {
		b.publish(msg)
	}
	b.closeAll()
	var lateGot []int
	for msg := range late.inbox { // reads only after all ten were published
		lateGot = append(lateGot, msg)
	}
	fmt.Println("subscriber reading along, inbox of 16, got:", <-alongGot, "dropped:", along.dropped)
	fmt.Println("subscriber reading late, inbox of 4, got:  ", lateGot, "dropped:", late.dropped)
}

// ANCHOR_END: pub_sub
