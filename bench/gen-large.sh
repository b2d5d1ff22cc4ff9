#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# gen-large.sh OUTDIR: writes the two large benchmark inputs of
# ../shared/fixtures/INDEX.md ("Large inputs") with the Go toolchain, once:
#   OUTDIR/nethttp-heap.txt    the Go compiler's text heap profile while compiling
#                              net/http with -memprofilerate=1 (~1.4 GB, ~414k stacks,
#                              every frame named in '#' lines; ~3 minutes on 2 cores)
#   OUTDIR/nethttp-heap.pb.gz  its conversion to a proto, symbolized with the compiler
#                              binary that wrote it (~3.8 MB gzip, ~27 MB raw)
# Existing files are kept (delete them to regenerate). Needs go (golang-go).
set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
mkdir -p "$1"
out=$(cd "$1" && pwd)
txt="$out/nethttp-heap.txt"
pb="$out/nethttp-heap.pb.gz"

if ! command -v go >/dev/null 2>&1; then
  echo "gen-large.sh: go not found (install golang-go)" >&2
  exit 1
fi

if [ ! -s "$txt" ]; then
  echo "gen-large.sh: compiling net/http with -memprofilerate=1 into $txt (about 3 minutes)" >&2
  rm -f "$txt.tmp"
  # Outside any module; -a so that net/http is compiled (and profiled) again.
  (cd "$out" && go build -a -o /dev/null \
     -gcflags="net/http=-memprofile=$txt.tmp -memprofilerate=1" net/http)
  mv "$txt.tmp" "$txt"
fi

if [ ! -s "$pb" ]; then
  echo "gen-large.sh: converting to $pb with go tool pprof -proto (~30 s, ~5 GB of memory)" >&2
  go tool pprof -proto "$(go env GOTOOLDIR)/compile" "$txt" > "$pb.tmp"
  mv "$pb.tmp" "$pb"
fi

ls -l "$txt" "$pb"
