// SPDX-License-Identifier: GPL-3.0-or-later

// Decoys: memory and goroutines that move but do not leak.
package main

import (
	"container/list"
	"math/rand"
	"sync"
	"time"
)

// lru is a bounded cache: it fills during the first seconds, then evicts as
// much as it adds, so what it retains stays flat.
type lru struct {
	mu    sync.Mutex
	max   int
	order *list.List
	items map[int]*list.Element
}

type lruEntry struct {
	key   int
	value []byte
}

func newLRU(max int) *lru {
	return &lru{max: max, order: list.New(), items: make(map[int]*list.Element, max)}
}

func (c *lru) put(key int, value []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		e.Value.(*lruEntry).value = value
		c.order.MoveToFront(e)
		return
	}
	if c.order.Len() < c.max {
		c.items[key] = c.order.PushFront(&lruEntry{key, value})
		return
	}
	// Full: the least recently used entry makes room, reusing its node.
	old := c.order.Back()
	entry := old.Value.(*lruEntry)
	delete(c.items, entry.key)
	entry.key, entry.value = key, value
	c.order.MoveToFront(old)
	c.items[key] = old
}

func fillCache(c *lru, key int) {
	c.put(key, make([]byte, 4096))
}

// transientBuffers allocates large buffers in bursts and lets them go after a
// random while: present in some snapshots, gone in others.
var transient struct {
	sync.Mutex
	held [][]byte
}

func allocateBurst(rng *rand.Rand) {
	buf := make([]byte, (16+rng.Intn(32))<<20)
	for i := 0; i < len(buf); i += 4096 {
		buf[i] = 1
	}
	transient.Lock()
	transient.held = append(transient.held, buf)
	transient.Unlock()
	time.AfterFunc(time.Duration(rng.Intn(2500))*time.Millisecond, func() {
		transient.Lock()
		transient.held = transient.held[:0]
		transient.Unlock()
	})
}

// burstWorker is a goroutine that lives for a short random while.
func burstWorker(d time.Duration, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(d)
}

func runDecoys(stop <-chan struct{}) {
	rng := rand.New(rand.NewSource(1))
	cache := newLRU(1000)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		fillCache(cache, i)
		if i%300 == 0 {
			allocateBurst(rng)
		}
		if i%200 == 0 {
			var wg sync.WaitGroup
			n := 20 + rng.Intn(60)
			wg.Add(n)
			for j := 0; j < n; j++ {
				go burstWorker(time.Duration(rng.Intn(1500))*time.Millisecond, &wg)
			}
		}
	}
}
