// SPDX-License-Identifier: GPL-3.0-or-later

// The part of tests/go/leaky-std and tests/go/leaky-gin that is the same:
// the leaks, the load each service drives against itself, the /stats JSON,
// the listener (port 0, printed address, optional TLS) and the exit guards.
// Standard library only. leaky-gin/leak.go is a symbolic link to this file,
// so both are plain `package main` folders that build in GOPATH mode from
// Debian's packages alone, and their profiles name main.(*Leaker).Login:
//
//	cd tests/go/leaky-gin && GO111MODULE=off GOPATH=/usr/share/gocode go build
package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Options are the flags both services take.
type Options struct {
	Addr           string
	Rate           float64
	SessionBytes   int
	GoroutineEvery int
	TLS            string
	Lifetime       time.Duration
	StdinEOF       bool
	MemProfileRate int
	MutexFraction  int
	BlockRate      int
	Burn           bool
}

// RegisterFlags declares the common flags on the default flag set.
func RegisterFlags() *Options {
	o := &Options{}
	flag.StringVar(&o.Addr, "addr", "127.0.0.1:0", "listen address; port 0 picks a free port (printed on the first stdout line)")
	flag.Float64Var(&o.Rate, "rate", 20, "leaking requests per second the service sends itself (0: none)")
	flag.IntVar(&o.SessionBytes, "session-bytes", 16384, "bytes each leaked session keeps")
	flag.IntVar(&o.GoroutineEvery, "goroutine-every", 1, "leak one goroutine every N requests (0: never)")
	flag.StringVar(&o.TLS, "tls", "", "serve HTTPS: 'CERT,KEY' (PEM files) or 'self' (a fresh self-signed certificate)")
	flag.DurationVar(&o.Lifetime, "lifetime", 0, "exit after this long (0: never); a guard against stray test processes")
	flag.BoolVar(&o.StdinEOF, "exit-on-stdin-eof", false, "exit when stdin reaches end of file (the parent went away)")
	flag.IntVar(&o.MemProfileRate, "memprofilerate", 0, "runtime.MemProfileRate (0: Go's default, 512 KiB)")
	flag.IntVar(&o.MutexFraction, "mutex-fraction", 5, "runtime.SetMutexProfileFraction")
	flag.IntVar(&o.BlockRate, "block-rate", 10000, "runtime.SetBlockProfileRate (nanoseconds)")
	flag.BoolVar(&o.Burn, "burn", false, "keep one goroutine busy in burnCPU (for CPU profile captures)")
	return o
}

// session is what a login leaves behind, forever.
type session struct {
	id      string
	created time.Time
	payload []byte
}

// Leaker holds the leaked state. The mutex is shared by every request, so
// the self-driven load also shows in the mutex profile.
type Leaker struct {
	opts     *Options
	mu       sync.Mutex
	sessions map[string]*session
	blocked  chan struct{} // never closed, except by Release
	requests int64
	leakedG  int64
	rate     atomic.Value // float64
}

// NewLeaker starts the janitor; call Login from a handler and DriveLoad once.
func NewLeaker(o *Options) *Leaker {
	l := &Leaker{opts: o, sessions: make(map[string]*session), blocked: make(chan struct{})}
	l.rate.Store(o.Rate)
	go l.janitor()
	if o.Burn {
		go burnCPU()
	}
	return l
}

// burnCPU spins on arithmetic forever, so a CPU profile of any length has
// samples in a function the tests can name (main.burnCPU).
func burnCPU() {
	x := uint64(1)
	for {
		for i := 0; i < 1000000; i++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
		burnSink.Store(x)
	}
}

var burnSink atomic.Uint64

// janitor is the cleanup that does not clean: every 25 ms it walks the
// sessions under the lock, "saves" them (holding the lock ~2 ms, so logins
// wait and the mutex and block profiles have something to show) and finds
// the expired ones, but never deletes them.
func (l *Leaker) janitor() {
	for range time.Tick(25 * time.Millisecond) {
		l.mu.Lock()
		expired := 0
		for _, s := range l.sessions {
			if time.Since(s.created) > time.Minute {
				expired++ // the bug: counted, never deleted
			}
		}
		time.Sleep(2 * time.Millisecond)
		l.mu.Unlock()
		_ = expired
	}
}

// waitForever is the leaked goroutine: it waits on a channel nobody closes.
func waitForever(ch chan struct{}, s *session) {
	<-ch
	_ = s
}

// Login leaks one session (kept in the map, never pruned) and, every
// GoroutineEvery requests, one goroutine blocked on a channel.
func (l *Leaker) Login(user string) (id string, sessions int) {
	n := atomic.AddInt64(&l.requests, 1)
	s := &session{
		id:      fmt.Sprintf("%s-%d-%d", user, n, time.Now().UnixNano()),
		created: time.Now(),
		payload: make([]byte, l.opts.SessionBytes),
	}
	for i := range s.payload {
		s.payload[i] = byte(i)
	}
	l.mu.Lock()
	l.sessions[s.id] = s
	ch := l.blocked
	sessions = len(l.sessions)
	l.mu.Unlock()
	if l.opts.GoroutineEvery > 0 && n%int64(l.opts.GoroutineEvery) == 0 {
		atomic.AddInt64(&l.leakedG, 1)
		go waitForever(ch, s)
	}
	return s.id, sessions
}

// Release drops every session and unblocks every leaked goroutine, so a
// test can see the heap and the goroutine count come back down.
func (l *Leaker) Release() {
	l.mu.Lock()
	l.sessions = make(map[string]*session)
	close(l.blocked)
	l.blocked = make(chan struct{})
	l.mu.Unlock()
	atomic.StoreInt64(&l.leakedG, 0)
	runtime.GC()
}

// SetRate changes the self-driven load (requests per second).
func (l *Leaker) SetRate(r float64) { l.rate.Store(r) }

// Stats is the JSON /stats serves: the service's own numbers, read at one
// moment, for tests to compare with what Smolder recorded.
type Stats struct {
	UnixMs           int64            `json:"unix_ms"`
	UnixNano         int64            `json:"unix_nano"`
	NumGoroutine     int              `json:"num_goroutine"`
	Sessions         int              `json:"sessions"`
	Requests         int64            `json:"requests"`
	LeakedGoroutines int64            `json:"leaked_goroutines"`
	Rate             float64          `json:"rate"`
	MemStats         runtime.MemStats `json:"memstats"`
}

// Snapshot reads the numbers. MemStats first (it stops the world), then
// the goroutine count, then the clock.
func (l *Leaker) Snapshot() *Stats {
	st := &Stats{}
	runtime.ReadMemStats(&st.MemStats)
	st.NumGoroutine = runtime.NumGoroutine()
	now := time.Now()
	st.UnixMs = now.UnixMilli()
	st.UnixNano = now.UnixNano()
	l.mu.Lock()
	st.Sessions = len(l.sessions)
	l.mu.Unlock()
	st.Requests = atomic.LoadInt64(&l.requests)
	st.LeakedGoroutines = atomic.LoadInt64(&l.leakedG)
	st.Rate = l.rate.Load().(float64)
	return st
}

// ServeStats writes Snapshot as JSON.
func (l *Leaker) ServeStats(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	_ = enc.Encode(l.Snapshot())
}

// ServeControl handles /control/rate?n=R and /control/release (POST or GET).
func (l *Leaker) ServeControl(w http.ResponseWriter, r *http.Request) {
	switch {
	case strings.HasSuffix(r.URL.Path, "/release"):
		l.Release()
		fmt.Fprintln(w, "released")
	case strings.HasSuffix(r.URL.Path, "/rate"):
		v, err := strconv.ParseFloat(r.URL.Query().Get("n"), 64)
		if err != nil || v < 0 {
			http.Error(w, "rate: want ?n=<requests per second, >= 0>", http.StatusBadRequest)
			return
		}
		l.SetRate(v)
		fmt.Fprintf(w, "rate %g\n", v)
	default:
		http.NotFound(w, r)
	}
}

// DriveLoad sends the service its own leaking requests (GET url) at the
// current rate, from a few client goroutines so the mutex is contended.
func (l *Leaker) DriveLoad(url string, insecure bool) {
	tr := &http.Transport{MaxIdleConnsPerHost: 8}
	if insecure {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	work := make(chan struct{}, 64)
	for i := 0; i < 4; i++ {
		go func() {
			for range work {
				resp, err := client.Get(url)
				if err != nil {
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	go func() {
		next := time.Now()
		for {
			r := l.rate.Load().(float64)
			if r <= 0 {
				time.Sleep(100 * time.Millisecond)
				next = time.Now()
				continue
			}
			next = next.Add(time.Duration(float64(time.Second) / r))
			if d := time.Until(next); d > 0 {
				time.Sleep(d)
			} else if d < -time.Second {
				next = time.Now() // fell behind: do not burst
			}
			select {
			case work <- struct{}{}:
			default: // the workers are busy: drop rather than queue without end
			}
		}
	}()
}

// Listen opens the listener (TLS if asked), prints "listening HOST:PORT"
// as the first stdout line and "url SCHEME://HOST:PORT/PATH" as the second,
// and returns the listener and the base URL (scheme://host:port).
func Listen(o *Options, indexPath string) (net.Listener, string) {
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		log.Fatalf("listen %s: %v", o.Addr, err)
	}
	scheme := "http"
	fingerprint := ""
	if o.TLS != "" {
		cert, err := loadOrMakeCert(o.TLS)
		if err != nil {
			log.Fatalf("tls %q: %v", o.TLS, err)
		}
		sum := sha256.Sum256(cert.Certificate[0])
		fingerprint = hexColons(sum[:])
		ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{cert}})
		scheme = "https"
	}
	addr := ln.Addr().String()
	base := scheme + "://" + addr
	fmt.Printf("listening %s\nurl %s%s\n", addr, base, indexPath)
	if fingerprint != "" {
		fmt.Printf("sha256 %s\n", fingerprint)
	}
	os.Stdout.Sync()
	return ln, base
}

// Guard sets the runtime knobs (profiling rates, mutex and block profiling
// on) and the exit guards (lifetime, stdin EOF).
func Guard(o *Options) {
	if o.MemProfileRate > 0 {
		runtime.MemProfileRate = o.MemProfileRate
	}
	runtime.SetMutexProfileFraction(o.MutexFraction)
	runtime.SetBlockProfileRate(o.BlockRate)
	if o.Lifetime > 0 {
		time.AfterFunc(o.Lifetime, func() {
			log.Printf("lifetime %s over: exiting", o.Lifetime)
			os.Exit(0)
		})
	}
	if o.StdinEOF {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			log.Printf("stdin closed: exiting")
			os.Exit(0)
		}()
	}
}

func hexColons(b []byte) string {
	parts := make([]string, len(b))
	for i, c := range b {
		parts[i] = fmt.Sprintf("%02X", c)
	}
	return strings.Join(parts, ":")
}

func loadOrMakeCert(spec string) (tls.Certificate, error) {
	if spec != "self" {
		files := strings.SplitN(spec, ",", 2)
		if len(files) != 2 {
			return tls.Certificate{}, fmt.Errorf("want CERT,KEY or self")
		}
		return tls.LoadX509KeyPair(files[0], files[1])
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		DNSNames:     []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, nil
}
