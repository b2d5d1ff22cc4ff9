#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Time and peak memory of `smolder-cli suspects` over 25, 50 and 100 snapshots.

Usage: bench-suspects.py SMOLDER_CLI DATA_DIR OUT_DIR [--runs N]

The snapshots are the fixture service's (tests/data/leaky-service/series: 12
heap and 12 goroutine profiles), repeated in turn up to N of each kind and
given times 5 s apart: each copy's time_nanos field is rewritten, so the
series is ordered by time as a real one. They are written once into OUT_DIR (the build folder).
For 25, 50 and 100 snapshots of each kind it prints the median wall time and
the peak RSS; memory must stay flat in the count (profiles are streamed, not
held). Goal: 100 snapshots in <= 2 s. Exit status 1 if the goal is missed.
"""

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time

GOAL_SECONDS = 2.0
START_NANOS = 1_780_000_000_000_000_000
STEP_NANOS = 5_000_000_000


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def read_varint(buf, pos):
    n = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        n |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return n, pos


def set_time_nanos(raw, nanos):
    """The Profile message with its field 9 (time_nanos) replaced."""
    out, pos = bytearray(), 0
    while pos < len(raw):
        start = pos
        tag, pos = read_varint(raw, pos)
        wire = tag & 7
        if wire == 0:
            _, pos = read_varint(raw, pos)
        elif wire == 1:
            pos += 8
        elif wire == 2:
            n, pos = read_varint(raw, pos)
            pos += n
        elif wire == 5:
            pos += 4
        else:
            sys.exit("unexpected wire type %d" % wire)
        if tag >> 3 != 9:
            out += raw[start:pos]
    return bytes(out) + b"\x48" + varint(nanos)


def make_series(data, out, n):
    folder = os.path.join(out, "series-%d" % n)
    if os.path.isdir(folder) and len(os.listdir(folder)) == 2 * n:
        return folder
    os.makedirs(folder, exist_ok=True)
    src = os.path.join(data, "leaky-service", "series")
    for kind in ("heap", "goroutine"):
        for i in range(n):
            with gzip.open(os.path.join(src, "%s-%02d.pb.gz" % (kind, i % 12)), "rb") as f:
                raw = f.read()
            raw = set_time_nanos(raw, START_NANOS + i * STEP_NANOS)
            with gzip.open(os.path.join(folder, "%s-%04d.pb.gz" % (kind, i + 1)), "wb") as f:
                f.write(raw)
    return folder


def measure(argv):
    fd, report = tempfile.mkstemp(prefix="smolder-bench-")
    os.close(fd)
    try:
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report] + argv,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - t0
        if p.returncode != 0:
            sys.exit("%s failed: %s" % (" ".join(argv), p.stderr.decode()[:500]))
        with open(report) as f:
            rss_kib = int(f.read().strip().splitlines()[-1])
        return elapsed, rss_kib * 1024
    finally:
        os.unlink(report)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("data")
    ap.add_argument("out")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()

    os.makedirs(a.out, exist_ok=True)
    print("smolder-cli suspects over the fixture service's snapshots (heap and goroutine, 5 s apart)")
    print("%-10s %12s %14s" % ("snapshots", "median time", "peak RSS"))
    figures = {}
    for n in (25, 50, 100):
        folder = make_series(a.data, a.out, n)
        runs = [measure([a.cli, "suspects", "--format=tsv", folder]) for _ in range(a.runs)]
        t = statistics.median(r[0] for r in runs)
        rss = max(r[1] for r in runs)
        figures[n] = (t, rss)
        print("%4d + %-3d %10.3f s %10.1f MiB" % (n, n, t, rss / 1048576))
    t100, rss100 = figures[100]
    print("100 snapshots of each kind: %.3f s (goal <= %.1f s); peak RSS 100/25 = %.2f" % (
        t100, GOAL_SECONDS, rss100 / figures[25][1]))
    return 0 if t100 <= GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
