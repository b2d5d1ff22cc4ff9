#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# gen-large-diff.sh OUTDIR: the second large profile of the diff benchmark,
# made from OUTDIR/nethttp-heap.pb.gz (gen-large.sh) with go tool pprof, once:
#   OUTDIR/nethttp-heap-b.pb.gz  the same profile merged with a copy of itself
#                                without the typecheck/noder stacks: most values
#                                double, some stay, none are new (~1.5 minutes)
set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
a="$1/nethttp-heap.pb.gz"
b="$1/nethttp-heap-b.pb.gz"
part="$1/nethttp-heap-part.pb.gz"

if [ ! -s "$a" ]; then
  echo "gen-large-diff.sh: $a is missing (run gen-large.sh first)" >&2
  exit 1
fi
if [ ! -s "$b" ]; then
  echo "gen-large-diff.sh: writing $b with go tool pprof -proto (~1.5 minutes)" >&2
  go tool pprof -proto -ignore='typecheck|noder' "$a" > "$part.tmp" 2>/dev/null
  go tool pprof -proto "$a" "$part.tmp" > "$b.tmp" 2>/dev/null
  rm -f "$part.tmp"
  mv "$b.tmp" "$b"
fi
ls -l "$a" "$b"
