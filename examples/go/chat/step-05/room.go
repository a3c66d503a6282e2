package main

import (
	"sync"

	"gobook/chat"
)

// ANCHOR: room
// room is a broker: one goroutine owns its members, and everything reaches
// it through cmds, in order.
type room struct {
	name string
	cmds chan roomCmd
}

// roomCmd is one of: a member joins, a member leaves, a message to publish.
type roomCmd struct {
	join    *member
	leave   string
	publish string
}

type member struct {
	name string
	out  chan string
}

// run fans each message out to every member's queue without ever waiting:
// a member whose queue is full is too slow for this room, and is dropped
// (its queue closed) so that the others are not slowed down.
func (r *room) run(st *stats) {
	members := make(map[string]chan string)
	for cmd := range r.cmds {
		switch {
		case cmd.join != nil:
			members[cmd.join.name] = cmd.join.out
		case cmd.leave != "":
			if out, ok := members[cmd.leave]; ok {
				close(out)
				delete(members, cmd.leave)
			}
		default:
			st.sent.Add(1)
			for name, out := range members {
				select {
				case out <- cmd.publish:
				default:
					st.dropped.Add(1)
					st.kicked.Add(1)
					close(out)
					delete(members, name)
				}
			}
		}
	}
}

// ANCHOR_END: room

// ANCHOR: registry
// registry finds a room by name, creating it the first time. Most lookups
// find a room that exists, so they share a read lock; only a new room takes
// the write lock, and looks again under it, since another connection may
// have created the room between the two locks.
type registry struct {
	mu    sync.RWMutex
	rooms map[string]*room
	max   int
	st    *stats
	wg    sync.WaitGroup // the rooms' goroutines
}

func newRegistry(max int, st *stats) *registry {
	return &registry{rooms: make(map[string]*room), max: max, st: st}
}

func (g *registry) get(name string) (*room, error) {
	g.mu.RLock()
	r, ok := g.rooms[name]
	g.mu.RUnlock()
	if ok {
		return r, nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if r, ok := g.rooms[name]; ok {
		return r, nil
	}
	if len(g.rooms) >= g.max {
		return nil, chat.ErrTooManyRooms
	}
	r = &room{name: name, cmds: make(chan roomCmd, 64)} // channel: cmds, conn -> room
	g.rooms[name] = r
	g.st.rooms.Add(1)
	g.wg.Go(func() { r.run(g.st) }) // task: room
	return r, nil
}

// close ends every room, once no connection sends to one any more.
func (g *registry) close() {
	g.mu.Lock()
	for _, r := range g.rooms {
		close(r.cmds)
	}
	g.mu.Unlock()
	g.wg.Wait()
}

// ANCHOR_END: registry
