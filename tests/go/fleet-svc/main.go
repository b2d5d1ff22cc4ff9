// SPDX-License-Identifier: GPL-3.0-or-later

// Command fleet-svc is one instance of a fleet that Prometheus scrapes in the
// fleet tests: Go's runtime metrics on /metrics (client_golang's default
// registry: go_memstats_*, go_goroutines, go_gc_duration_seconds, process_*)
// and net/http/pprof on the same port. Its -mode says how its memory moves:
//
//	leak      heap and goroutines grow steadily, never freed
//	sawtooth  allocates up to a peak, drops it, collects: back to its base
//	steady    a constant working set
//
// Builds from Debian's packages alone (golang-github-prometheus-client-golang-dev):
//
//	cd tests/go/fleet-svc && GO111MODULE=off GOPATH=/usr/share/gocode go build
//	./fleet-svc -addr 127.0.0.1:0 -mode leak    # first line: listening 127.0.0.1:PORT
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	_ "net/http/pprof" // registers /debug/pprof/ on http.DefaultServeMux
	"os"
	"runtime"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

var (
	leaked  [][]byte
	blocked = make(chan struct{})
)

// leak keeps 256 KiB and one goroutine more every tick.
func leak(tick time.Duration) {
	for range time.Tick(tick) {
		leaked = append(leaked, make([]byte, 256<<10))
		for i := range leaked[len(leaked)-1] {
			leaked[len(leaked)-1][i] = byte(i)
		}
		go func() { <-blocked }()
	}
}

// sawtooth grows by 1 MiB a tick up to 12 MiB, then lets it all go.
func sawtooth(tick time.Duration) {
	var held [][]byte
	for range time.Tick(tick) {
		if len(held) >= 12 {
			held = nil
			runtime.GC()
			continue
		}
		b := make([]byte, 1<<20)
		for i := range b {
			b[i] = byte(i)
		}
		held = append(held, b)
	}
}

func steady() {
	keep := make([]byte, 4<<20)
	for i := range keep {
		keep[i] = byte(i)
	}
	for range time.Tick(time.Second) {
		keep[0]++ // no garbage: the heap stays where it is
	}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen address")
	mode := flag.String("mode", "steady", "leak, sawtooth or steady")
	tick := flag.Duration("tick", 200*time.Millisecond, "time between steps of leak and sawtooth")
	lifetime := flag.Duration("lifetime", 10*time.Minute, "exit after this long (a guard for tests)")
	stdinEOF := flag.Bool("stdin-eof", false, "exit when stdin closes (the test that started us died)")
	flag.Parse()
	log.SetPrefix("fleet-svc: ")

	time.AfterFunc(*lifetime, func() { os.Exit(0) })
	if *stdinEOF {
		go func() {
			bufio.NewReader(os.Stdin).ReadString(0)
			os.Exit(0)
		}()
	}
	switch *mode {
	case "leak":
		go leak(*tick)
	case "sawtooth":
		go sawtooth(*tick)
	case "steady":
		go steady()
	default:
		log.Fatalf("unknown -mode %q", *mode)
	}
	http.Handle("/metrics", promhttp.Handler())
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("listening %s\n", ln.Addr())
	os.Stdout.Sync()
	log.Fatal(http.Serve(ln, nil))
}
