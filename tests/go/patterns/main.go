// SPDX-License-Identifier: GPL-3.0-or-later

// Command patterns runs one known Go leak pattern beside decoys that are not
// leaks, and records heap and goroutine profiles of itself at intervals, for
// the leak-suspect tests (tests/test_suspects.py):
//
//	GO111MODULE=off go run -trimpath . -pattern unstopped-ticker -out DIR
//
// Patterns: unclosed-response-body, unstopped-ticker, blocked-goroutine,
// unbounded-collection, unclosed-file, decoys (the decoys and one small steady
// leak), decoys-only (the decoys alone). Every run has the decoys: a bounded
// LRU cache that fills and then stays flat, large buffers allocated and freed
// in bursts, and goroutines that come and go.
//
// Into DIR it writes heap-NNNN.pb.gz (runtime.GC, then WriteHeapProfile),
// goroutine-NNNN.pb.gz (the goroutine profile, debug=0) and, at the first,
// middle and last snapshot, goroutine-debug2-NNNN.txt.gz (gzipped debug=2 dumps: one
// traceback per goroutine with its state and wait minutes).
package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"
)

var leaks = map[string]func(stop <-chan struct{}){
	"unclosed-response-body": leakResponseBodies,
	"unstopped-ticker":       leakTickers,
	"blocked-goroutine":      leakBlockedGoroutines,
	"unbounded-collection":   leakSessions,
	"unclosed-file":          leakFiles,
	"decoys":                 leakSmallSlice,
	"decoys-only":            nil,
}

func writeFile(dir, name string, write func(w io.Writer) error) {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		log.Fatal(err)
	}
	if err := write(f); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

func snapshot(dir string, i int, debug2 bool) {
	runtime.GC()
	writeFile(dir, fmt.Sprintf("heap-%04d.pb.gz", i), pprof.WriteHeapProfile)
	writeFile(dir, fmt.Sprintf("goroutine-%04d.pb.gz", i), func(f io.Writer) error {
		return pprof.Lookup("goroutine").WriteTo(f, 0)
	})
	if debug2 {
		writeFile(dir, fmt.Sprintf("goroutine-debug2-%04d.txt.gz", i), func(f io.Writer) error {
			z := gzip.NewWriter(f)
			if err := pprof.Lookup("goroutine").WriteTo(z, 2); err != nil {
				return err
			}
			return z.Close()
		})
	}
}

func main() {
	pattern := flag.String("pattern", "", "the leak to run (see the package comment)")
	out := flag.String("out", "", "folder for the profiles")
	duration := flag.Duration("duration", 30*time.Second, "how long to run")
	interval := flag.Duration("interval", 2*time.Second, "time between snapshots")
	rate := flag.Int("memprofilerate", 4096, "runtime.MemProfileRate (Go's default is 524288)")
	flag.Parse()

	leak, ok := leaks[*pattern]
	if !ok || *out == "" {
		log.Fatalf("usage: patterns -pattern NAME -out DIR [-duration D] [-interval D]")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	// Small leaks show up in a sampled heap profile within seconds.
	runtime.MemProfileRate = *rate

	stop := make(chan struct{})
	go runDecoys(stop)
	if leak != nil {
		go leak(stop)
	}

	n := int(*duration / *interval)
	start := time.Now()
	for i := 0; i <= n; i++ {
		time.Sleep(time.Until(start.Add(time.Duration(i) * *interval)))
		snapshot(*out, i, i == 0 || i == n/2 || i == n)
	}
	close(stop)
}
