// SPDX-License-Identifier: GPL-3.0-or-later

// Command labels records small profiles whose samples carry pprof labels,
// for the label-filter (--tag / -tagfocus) cases of tests/oracle.py:
//
//	go run -trimpath tests/go/labels/main.go -out tests/data/labels
//
// It writes cpu-labels.pb.gz (two labelled workers burning CPU) and
// goroutine-labels.pb.gz (labelled goroutines parked on channels).
package main

import (
	"context"
	"crypto/sha256"
	"flag"
	"log"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"sync"
	"time"
)

var sink byte

// hashWork and sortWork are distinct functions, so the profile shows which
// worker spent what.
func hashWork(deadline time.Time) {
	buf := make([]byte, 4096)
	for time.Now().Before(deadline) {
		sum := sha256.Sum256(buf)
		buf[0] = sum[0]
		sink ^= sum[1]
	}
}

func sortWork(deadline time.Time) {
	xs := make([]int, 2048)
	for time.Now().Before(deadline) {
		for i := range xs {
			xs[i] = (i * 7919) % 2048
		}
		sort.Ints(xs)
		sink ^= byte(xs[1])
	}
}

func parked(ch chan struct{}, wg *sync.WaitGroup) {
	wg.Done()
	<-ch
}

func main() {
	out := flag.String("out", ".", "output folder")
	seconds := flag.Float64("seconds", 1.5, "CPU profile length")
	flag.Parse()

	cpu, err := os.Create(filepath.Join(*out, "cpu-labels.pb.gz"))
	if err != nil {
		log.Fatal(err)
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		log.Fatal(err)
	}
	deadline := time.Now().Add(time.Duration(*seconds * float64(time.Second)))
	var wg sync.WaitGroup
	for _, w := range []struct {
		worker, tenant string
		work           func(time.Time)
	}{
		{"hash", "alpha", hashWork},
		{"sort", "beta", sortWork},
		{"hash", "beta", hashWork},
	} {
		w := w
		wg.Add(1)
		go pprof.Do(context.Background(), pprof.Labels("worker", w.worker, "tenant", w.tenant),
			func(context.Context) {
				defer wg.Done()
				w.work(deadline)
			})
	}
	wg.Wait()
	pprof.StopCPUProfile()
	if err := cpu.Close(); err != nil {
		log.Fatal(err)
	}

	// Goroutine profiles carry labels too.
	ch := make(chan struct{})
	var ready sync.WaitGroup
	for _, tenant := range []string{"alpha", "alpha", "beta"} {
		ready.Add(1)
		go pprof.Do(context.Background(), pprof.Labels("tenant", tenant),
			func(context.Context) { parked(ch, &ready) })
	}
	ready.Wait()
	time.Sleep(50 * time.Millisecond)
	g, err := os.Create(filepath.Join(*out, "goroutine-labels.pb.gz"))
	if err != nil {
		log.Fatal(err)
	}
	if err := pprof.Lookup("goroutine").WriteTo(g, 0); err != nil {
		log.Fatal(err)
	}
	if err := g.Close(); err != nil {
		log.Fatal(err)
	}
	close(ch)
}
