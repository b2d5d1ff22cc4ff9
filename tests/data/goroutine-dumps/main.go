package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(id int, ch chan int, wg *sync.WaitGroup) {
	wg.Done()
	<-ch
}

func spawn(n int, ch chan int, wg *sync.WaitGroup) {
	for i := 0; i < n; i++ {
		go worker(i, ch, wg)
	}
}

func sleeper() { time.Sleep(time.Hour) }

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Add(4)
	go spawn(4, ch, &wg)
	wg.Wait()
	go sleeper()
	var mu sync.Mutex
	mu.Lock()
	go func() { mu.Lock() }()
	time.Sleep(100 * time.Millisecond)
	var m map[string]int
	fmt.Println("about to fail")
	m["x"] = 1
}
