// SPDX-License-Identifier: GPL-3.0-or-later

// Command leaky-std is a Go HTTP service that leaks on purpose, with plain
// net/http/pprof at the default path /debug/pprof/ and no authentication
// (standard library only). Mutex and block profiling are on. It drives its
// own load (GET /login at -rate per second): each request keeps a session in
// a map never pruned and leaks a goroutine blocked on a channel. See
// tests/live/README.md.
//
//	cd tests/go/leaky-std && GO111MODULE=off GOPATH=/usr/share/gocode go build
//	./leaky-std -addr 127.0.0.1:0 -rate 50    # first line: listening 127.0.0.1:PORT
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	_ "net/http/pprof" // registers /debug/pprof/ on http.DefaultServeMux
)

func main() {
	opts := RegisterFlags()
	flag.Parse()
	log.SetPrefix("leaky-std: ")
	Guard(opts)

	leaker := NewLeaker(opts)
	mux := http.DefaultServeMux
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		id, n := leaker.Login(r.URL.Query().Get("user"))
		fmt.Fprintf(w, "session %s (%d open)\n", id, n)
	})
	mux.HandleFunc("/stats", leaker.ServeStats)
	mux.HandleFunc("/control/", leaker.ServeControl)

	ln, base := Listen(opts, "/debug/pprof/")
	leaker.DriveLoad(base+"/login?user=load", opts.TLS != "")
	log.Fatal(http.Serve(ln, mux))
}
