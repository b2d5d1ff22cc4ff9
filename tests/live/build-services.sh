#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the leaking Go test services (tests/go/leaky-std, tests/go/leaky-gin)
# into OUTDIR with Debian's golang-go in GOPATH mode: no modules, no network,
# Gin and ginpprof from /usr/share/gocode (OUTDIR/gopath holds links to the
# service folders). A binary newer than its sources is
# left alone, so a rebuild costs nothing.
#
#   tests/live/build-services.sh OUTDIR [SERVICE...]   (default: both leaky ones;
#   fleet-svc, the fleet tests' instance, needs client_golang)
#
# SMOLDER_GOPATH overrides /usr/share/gocode.
set -eu

if [ $# -lt 1 ]; then
  echo "usage: $0 OUTDIR [leaky-std|leaky-gin]..." >&2
  exit 2
fi
out=$1
shift
services=${*:-leaky-std leaky-gin}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../go" && pwd)
gopath=${SMOLDER_GOPATH:-/usr/share/gocode}

if ! command -v go >/dev/null 2>&1; then
  echo "build-services: no 'go' on PATH (Debian: apt-get install golang-go)" >&2
  exit 1
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

export GO111MODULE=off GOPATH="$gopath" GOFLAGS= GOTOOLCHAIN=local CGO_ENABLED=0
# Without a HOME, go has no build cache: keep one beside the binaries.
if [ -z "$(go env GOCACHE 2>/dev/null)" ] || [ "$(go env GOCACHE)" = off ]; then
  export GOCACHE="$out/go-cache"
fi

for svc in $services; do
  dir=$src/$svc
  if [ ! -d "$dir" ]; then
    echo "build-services: no service $svc in $src" >&2
    exit 2
  fi
  if [ "$svc" = fleet-svc ] && [ ! -d "$gopath/src/github.com/prometheus/client_golang" ]; then
    echo "build-services: $gopath has no client_golang (Debian: apt-get install" \
         "golang-github-prometheus-client-golang-dev)" >&2
    exit 1
  fi
  if [ "$svc" = leaky-gin ] && [ ! -d "$gopath/src/github.com/DeanThompson/ginpprof" ]; then
    echo "build-services: $gopath has no Gin/ginpprof (Debian: apt-get install" \
         "golang-github-gin-gonic-gin-dev golang-github-deanthompson-ginpprof-dev)" >&2
    exit 1
  fi
  bin=$out/$svc
  # -L follows leaky-gin/leak.go, a link to leaky-std/leak.go.
  if [ -x "$bin" ] && [ -z "$(find -L "$dir" "$0" -newer "$bin" -print 2>/dev/null | head -n 1)" ]; then
    continue
  fi
  echo "build-services: building $svc" >&2
  # Built by import path from a GOPATH of our own (a link to the folder)
  # so that, with -trimpath, profiles say leaky-gin/leak.go:123 rather than
  # _/home/…/tests/go/leaky-gin/leak.go: the same on every checkout.
  mkdir -p "$out/gopath/src"
  ln -sfn "$dir" "$out/gopath/src/$svc"
  (cd "$out/gopath/src/$svc" && GOPATH="$out/gopath:$gopath" go build -trimpath -o "$bin.tmp" "$svc")
  mv -f "$bin.tmp" "$bin"
done
