#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A -diff_base comparison of two large profiles, beside go tool pprof.

Usage: bench-diff.py BENCH_DIFF SMOLDER_CLI LARGE_DIR [--gen GEN_LARGE_SH]
                     [--gen-diff GEN_LARGE_DIFF_SH] [--runs N]

Makes the inputs once (the 26 MB proto of gen-large.sh and its perturbed copy
of gen-large-diff.sh), then in the same run: bench-diff's in-process figures
(load both, combine, Top; target diff <= 1.5x load), `smolder-cli diff`
and `go tool pprof -top -diff_base` as commands (median wall time, peak RSS).
Figures, not pass/fail: the exit status is 0 unless a tool fails.
"""

import argparse
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bench_diff")
    ap.add_argument("smolder_cli")
    ap.add_argument("large_dir")
    ap.add_argument("--gen")
    ap.add_argument("--gen-diff")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()

    base = os.path.join(a.large_dir, "nethttp-heap.pb.gz")
    new = os.path.join(a.large_dir, "nethttp-heap-b.pb.gz")
    go = shutil.which("go")
    if go and a.gen and not os.path.exists(base):
        subprocess.run(["sh", a.gen, a.large_dir], check=True)
    if go and a.gen_diff and not os.path.exists(new):
        subprocess.run(["sh", a.gen_diff, a.large_dir], check=True)
    for path in (base, new):
        if not os.path.exists(path):
            print("missing %s: run bench/gen-large.sh and bench/gen-large-diff.sh" % path)
            return 0
    for path in (base, new):
        subprocess.run(["cat", path], stdout=subprocess.DEVNULL)
    sys.stdout.flush()

    subprocess.run([a.bench_diff, base, new, str(max(a.runs, 3))], check=True)
    sys.stdout.flush()

    rows = []
    try:
        rows.append(("smolder-cli info BASE", bench.bench([a.smolder_cli, "info", base], a.runs)))
        rows.append(("smolder-cli info NEW", bench.bench([a.smolder_cli, "info", new], a.runs)))
        rows.append(("smolder-cli diff", bench.bench(
            [a.smolder_cli, "diff", "--format=tsv", "--base=" + base, new], a.runs)))
        if go:
            tooldir = subprocess.run([go, "env", "GOTOOLDIR"], stdout=subprocess.PIPE,
                                     text=True).stdout.strip()
            pprof = os.path.join(tooldir, "pprof")
            rows.append(("pprof -top -diff_base", bench.bench(
                [pprof, "-top", "-diff_base=" + base, new], 1)))
    except (RuntimeError, OSError) as e:
        print("  FAILED: %s" % e)
        return 1
    print("  %-24s %9s    %10s" % ("", "time", "peak RSS"))
    for name, (t, rss) in rows:
        print("  %-24s %9.3f s  %10s" % (name, t, bench.human_bytes(rss)))
    load = rows[0][1][0] + rows[1][1][0]
    diff = rows[2][1][0]
    print("  smolder-cli diff / (info BASE + info NEW): %.2fx" % (diff / load if load else 0))
    if len(rows) > 3:
        print("  pprof / smolder-cli diff time: %.1fx" % (rows[3][1][0] / diff if diff else 0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
