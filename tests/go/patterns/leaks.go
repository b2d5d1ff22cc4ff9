// SPDX-License-Identifier: GPL-3.0-or-later

// The leaks, one function per pattern, each as the Go leak-hunting literature
// describes it.
package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"time"
)

func every(d time.Duration, stop <-chan struct{}, f func(i int)) {
	t := time.NewTicker(d)
	defer t.Stop()
	for i := 0; ; i++ {
		select {
		case <-stop:
			return
		case <-t.C:
			f(i)
		}
	}
}

// unclosed-response-body: the body of every response is dropped unread and
// unclosed, so each request keeps its connection, its buffers and its
// readLoop/writeLoop goroutines. The server closes its side after answering,
// so what grows is the client's.
func leakResponseBodies(stop <-chan struct{}) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, strings.Repeat("x", 8192))
	}))
	srv.Config.SetKeepAlivesEnabled(false)
	srv.Start()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 100}}
	every(100*time.Millisecond, stop, func(int) {
		resp, err := client.Get(srv.URL)
		if err != nil {
			return
		}
		_ = resp.StatusCode // resp.Body.Close() is missing
	})
}

// unstopped-ticker: a poller per job with a ticker nobody stops, its
// goroutine ranging over the ticker's channel forever.
var pollCount int

func startPoller(job int) {
	t := time.NewTicker(time.Hour) // t.Stop() is missing
	go func() {
		for range t.C {
			pollCount += job
		}
	}()
}

func leakTickers(stop <-chan struct{}) {
	every(50*time.Millisecond, stop, startPoller)
}

// blocked-goroutine: a goroutine per request waits for a reply nobody sends,
// and another waits on a context nobody cancels.
type request struct{ reply chan string }

func handleRequest(r request) {
	go func() {
		r.reply <- "done" // nobody receives: the caller timed out
	}()
}

func watchContext(ctx context.Context) {
	go func() {
		<-ctx.Done()
	}()
}

func leakBlockedGoroutines(stop <-chan struct{}) {
	var cancels []context.CancelFunc
	every(500*time.Millisecond, stop, func(i int) {
		handleRequest(request{reply: make(chan string)})
		if i%2 == 0 {
			ctx, cancel := context.WithCancel(context.Background())
			cancels = append(cancels, cancel) // never called
			watchContext(ctx)
		}
	})
}

// unbounded-collection: sessions stored in a global map and never pruned.
var sessions = map[string][]byte{}

func registerSession(i int) {
	sessions[fmt.Sprintf("session-%08d", i)] = make([]byte, 2048)
}

func leakSessions(stop <-chan struct{}) {
	every(10*time.Millisecond, stop, registerSession)
}

// unclosed-file: every job opens a file and keeps it, never closing it.
var openFiles []*os.File

func openJournal(i int) {
	f, err := os.OpenFile(os.DevNull, os.O_RDONLY, 0)
	if err != nil {
		return
	}
	openFiles = append(openFiles, f) // f.Close() is missing
}

func leakFiles(stop <-chan struct{}) {
	every(20*time.Millisecond, stop, openJournal)
}

// decoys: a small but steady leak among the large decoys: an audit log
// appended to forever.
var auditLog [][]byte

func appendAudit(i int) {
	auditLog = append(auditLog, make([]byte, 256))
}

func leakSmallSlice(stop <-chan struct{}) {
	every(50*time.Millisecond, stop, appendAudit)
}
