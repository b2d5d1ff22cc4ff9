#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-fuzz.sh [BUILD_DIR] [SECONDS] [TARGET...]: runs each libFuzzer target of
# fuzz/meson.build for SECONDS (default 60, or $FUZZ_SECONDS), seeded with the
# fixtures of tests/data, and prints its exec count and the crashes found.
#
#   BUILD_DIR  configured with `CC=clang meson setup BUILD_DIR -Dfuzz=true`
#              (default build-fuzz; configured when missing, targets rebuilt)
#   corpus     BUILD_DIR/fuzz/corpus/TARGET/ (kept between runs, grows)
#   crashes    BUILD_DIR/fuzz/crashes/TARGET/crash-* (reproduce with
#              BUILD_DIR/fuzz/fuzz-TARGET FILE)
# Exit status 1 when any target crashed.
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build-fuzz}
seconds=${2:-${FUZZ_SECONDS:-60}}
[ $# -ge 2 ] && shift 2 || shift $#
targets=${*:-profile pprof legacy-cpu text-heap text-count text-contention goroutine-dump pprof-index session-index prom-parse}
data="$src/tests/data"

case $build in /*) ;; *) build="$src/$build" ;; esac
# FUZZ_NO_BUILD=1 runs the binaries already in BUILD_DIR/fuzz as they are.
if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  if [ ! -f "$build/build.ninja" ]; then
    CC=clang meson setup "$build" "$src" -Dfuzz=true
  fi
  set --
  for t in $targets; do set -- "$@" "fuzz/fuzz-$t"; done
  ninja -C "$build" "$@"
fi

# Seeds: small inputs fuzz faster; big fixtures contribute their first 64 KiB.
seed() { # seed DIR FILE [gunzip]
  name=$(basename "$2")
  if [ "${3:-}" = gunzip ]; then
    gzip -dc "$2" | head -c 262144 > "$1/$name.raw"
  elif [ "$(wc -c < "$2")" -gt 262144 ]; then
    head -c 65536 "$2" > "$1/$name.head"
  else
    cp "$2" "$1/"
  fi
}

legacy_cpu_seed() { # a Go < 1.9 CPU profile: header, two records, trailer (64-bit words)
  python3 -c '
import struct, sys
w = [0, 3, 0, 10000, 0,            # header: 3 words follow, period 10 ms
     2, 3, 0x401000, 0x402000, 0x403000,
     1, 2, 0x401000, 0x404000,
     0, 1, 0]                       # trailer
sys.stdout.buffer.write(struct.pack("<%dQ" % len(w), *w))
sys.stdout.buffer.write(b"00400000-00500000 r-xp 00000000 08:01 1234 /usr/bin/demo\n")
' > "$1"
}

export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
total_crashes=0
summary=""
for t in $targets; do
  corpus="$build/fuzz/corpus/$t"
  crashes="$build/fuzz/crashes/$t"
  mkdir -p "$corpus" "$crashes"
  case $t in
    profile)
      for f in "$data"/*/*.pb.gz "$data"/*/*/*.pb.gz "$data"/*/*.txt "$data"/*/*/*.txt \
               "$data"/*/*.html "$data"/*/*.bin; do
        [ -f "$f" ] && seed "$corpus" "$f"
      done
      legacy_cpu_seed "$corpus/legacy-cpu.prof" ;;
    pprof)
      for f in "$data"/*/*.pb.gz "$data"/*/*/heap-0[0-2].pb.gz; do
        [ -f "$f" ] && seed "$corpus" "$f" gunzip
      done ;;
    legacy-cpu) legacy_cpu_seed "$corpus/legacy-cpu.prof" ;;
    text-heap) for f in "$data"/leaky-service/series/heap-debug1-0[0-3].txt; do seed "$corpus" "$f"; done ;;
    text-count)
      seed "$corpus" "$data/leaky-service/goroutine-debug1.txt"
      seed "$corpus" "$data/leaky-service/threadcreate-debug1.txt" ;;
    text-contention)
      seed "$corpus" "$data/leaky-service/mutex-debug1.txt"
      seed "$corpus" "$data/leaky-service/block-debug1.txt" ;;
    goroutine-dump) seed "$corpus" "$data/leaky-service/goroutine-debug2.txt" ;;
    pprof-index)
      for f in "$data"/*/index*.html "$data"/leaky-service/not-found.txt; do
        [ -f "$f" ] && seed "$corpus" "$f"
      done ;;
    session-index) # what smolder-cli record writes, one poll of heap and goroutine
      printf '%s' '{"format":"smolder-session","version":1,"endpoint":"http://127.0.0.1:6060/debug/pprof/","start_ms":1796401454112,"snapshots":[{"profile":"goroutine","seq":1,"time_ms":1796401454136,"files":[{"name":"goroutine-0001.pb.gz","query":"goroutine","status":200,"size":2040}],"summary":{"goroutines":40,"totals":[{"type":"goroutine","unit":"count","total":40}]}},{"profile":"heap","seq":1,"time_ms":1796401454113,"files":[{"name":"heap-0001.pb.gz","query":"heap","status":200,"size":1352},{"name":"heap-0001.txt","query":"heap?debug=1","status":200,"size":7521}],"summary":{"memstats":{"heap_inuse":4104192,"heap_alloc":2497496,"heap_objects":5067,"sys":18920712,"next_gc":5303488,"num_gc":1,"pauses":[[1796401454100000000,40900]]},"totals":[{"type":"inuse_space","unit":"bytes","total":2106214}]}}]}' > "$corpus/session.json" ;;
    prom-parse) # a Prometheus query_range answer, a targets answer, a refused query
      printf '%s' '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"go_goroutines","instance":"127.0.0.1:8080","job":"api"},"values":[[1796401454,"40"],[1796401455.5,"41"],[1796401456,"NaN"]]}]}}' > "$corpus/matrix.json"
      printf '%s' '{"status":"success","data":{"activeTargets":[{"labels":{"instance":"127.0.0.1:8080","job":"api"},"scrapeUrl":"http://127.0.0.1:8080/metrics","lastError":"","health":"up"}],"droppedTargets":[]}}' > "$corpus/targets.json"
      printf '%s' '{"status":"error","errorType":"bad_data","error":"1:9: parse error"}' > "$corpus/error.json" ;;
  esac

  log="$build/fuzz/fuzz-$t.log"
  stamp="$build/fuzz/.start-$t"
  touch "$stamp"
  echo "== fuzz-$t: $seconds s, corpus $corpus"
  status=0
  "$build/fuzz/fuzz-$t" "$corpus" -max_total_time="$seconds" -print_final_stats=1 \
    -timeout=20 -rss_limit_mb=2048 -max_len=262144 \
    -artifact_prefix="$crashes/" > "$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  # Only this run's findings count; older reproducers belong in
  # tests/data/fuzz-regressions/ once fixed.
  n=$(find "$crashes" -type f -newer "$stamp" \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  total_crashes=$((total_crashes + n))
  line=$(printf '%-18s %10s execs  %3d crash/leak/timeout/oom files  (exit %d)' \
         "fuzz-$t" "${execs:-?}" "$n" "$status")
  echo "$line"
  if [ "$status" -ne 0 ]; then
    grep -E '^==[0-9]+==ERROR|SUMMARY:|^fuzz: |runtime error|Test unit written to' "$log" | head -8 | sed 's/^/   /'
  fi
  find "$crashes" -type f -newer "$stamp" | sed 's/^/   reproducer: /'
  summary="$summary$line
"
done

echo
echo "== summary ($seconds s per target; logs in $build/fuzz/fuzz-*.log)"
printf '%s' "$summary"
[ "$total_crashes" -eq 0 ]
