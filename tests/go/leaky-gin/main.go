// SPDX-License-Identifier: GPL-3.0-or-later

// Command leaky-gin is a Gin application that leaks on purpose, with
// net/http/pprof mounted by ginpprof on the route group /admin (so the index
// is /admin/debug/pprof/) behind gin.BasicAuth. Mutex and block profiling are
// on. It drives its own load (GET /api/login at -rate per second): each
// request keeps a session in a map never pruned and leaks a goroutine
// blocked on a channel. /stats (no auth) reports its own MemStats. Builds
// from Debian's packages only (golang-github-gin-gonic-gin-dev,
// golang-github-deanthompson-ginpprof-dev):
//
//	cd tests/go/leaky-gin && GO111MODULE=off GOPATH=/usr/share/gocode go build
//	./leaky-gin -addr 127.0.0.1:0 -user admin -password secret
package main

import (
	"flag"
	"io"
	"log"
	"net/http"

	"github.com/DeanThompson/ginpprof"
	"github.com/gin-gonic/gin"
)

func main() {
	opts := RegisterFlags()
	user := flag.String("user", "admin", "basic-auth user for /admin/")
	password := flag.String("password", "secret", "basic-auth password for /admin/")
	group := flag.String("group", "/admin", "route group that carries /debug/pprof/")
	flag.Parse()
	log.SetPrefix("leaky-gin: ")
	Guard(opts)

	// Gin's debug banner and request log go to stdout by default: stdout
	// must start with the "listening" line, so silence them.
	gin.SetMode(gin.ReleaseMode)
	gin.DefaultWriter = io.Discard

	leaker := NewLeaker(opts)
	router := gin.New()
	router.Use(gin.Recovery())
	router.GET("/api/login", func(c *gin.Context) {
		id, n := leaker.Login(c.Query("user"))
		c.JSON(http.StatusOK, gin.H{"session": id, "open": n})
	})
	router.GET("/stats", gin.WrapF(leaker.ServeStats))
	router.Any("/control/*what", gin.WrapF(leaker.ServeControl))

	admin := router.Group(*group, gin.BasicAuth(gin.Accounts{*user: *password}))
	ginpprof.WrapGroup(admin)

	ln, base := Listen(opts, *group+"/debug/pprof/")
	leaker.DriveLoad(base+"/api/login?user=load", opts.TLS != "")
	srv := &http.Server{Handler: router}
	log.Fatal(srv.Serve(ln))
}
