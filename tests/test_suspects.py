#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""smolder-cli suspects on recorded series with known leaks and decoys.

Usage: test_suspects.py SMOLDER_CLI DATA_DIR

tests/data/leaky-service/series: the leaks its README names (the session map,
the metadata cache, goroutines blocked on a channel) rank first with their
patterns. tests/data/patterns/*: each series' own leak (see its README) ranks
first with its pattern id, the decoys (a bounded LRU cache, transient
buffers, short-lived goroutines) rank below it and never as steady growth with
a pattern. The first/last values of the top heap suspect of leaky-service are
checked against `go tool pprof -raw` when go is there. Prints TAP.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

results = []
HEADER = "# rank\tgrowth_per_minute\tfirst\tlast\tsteadiness\tpattern\tstack"
DECOY_FRAMES = ("main.runDecoys", "main.burstWorker", "main.allocateBurst")


def run(argv, timeout=120):
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def report(desc, problems):
    results.append((desc, problems))


def parse_tsv(out):
    """{kind: [row dict, ...]} and format problems."""
    kinds, problems, current = {}, [], None
    lines = out.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("# kind "):
            current = line.split()[2]
            kinds[current] = []
            if i + 1 >= len(lines) or lines[i + 1] != HEADER:
                problems.append("no header line after %r" % line)
            i += 2
            continue
        if line == "":
            i += 1
            continue
        f = line.split("\t")
        if current is None or len(f) != 7:
            problems.append("bad row %r" % line)
        else:
            for k in (0, 1, 2, 3):
                if not re.fullmatch(r"-?\d+", f[k]):
                    problems.append("field %d not an integer in %r" % (k, line))
            if not re.fullmatch(r"[01]\.\d{2,3}", f[4]):
                problems.append("steadiness %r not 0-1 with 2-3 decimals" % f[4])
            kinds[current].append({"rank": int(f[0]), "rate": int(f[1]), "first": int(f[2]),
                                   "last": int(f[3]), "steadiness": float(f[4]),
                                   "pattern": f[5], "stack": f[6].split(";")})
        i += 1
    return kinds, problems


def suspects(cli, *args):
    rc, out, err = run([cli, "suspects", "--format=tsv", "--limit=0"] + list(args))
    kinds, problems = parse_tsv(out)
    if rc != 0:
        problems.append("exit %d: %s" % (rc, err.strip()[:300]))
    return kinds, problems


def user_frame(row):
    for f in row["stack"]:
        if not f.startswith("runtime.") and not f.startswith("bufio.") and not f.startswith("time."):
            return f
    return row["stack"][0] if row["stack"] else ""


def is_decoy(row):
    return any(f in DECOY_FRAMES or f.startswith("main.(*lru)") or f == "main.fillCache"
               for f in row["stack"])


def check_decoys(rows, leak_rank, problems, kind):
    for r in rows:
        if not is_decoy(r):
            continue
        if r["rank"] <= leak_rank:
            problems.append("%s: decoy %s ranks %d, above the leak (%d)" % (kind, ";".join(r["stack"]), r["rank"], leak_rank))
        if r["pattern"] != "-":
            problems.append("%s: decoy %s has pattern %s" % (kind, ";".join(r["stack"]), r["pattern"]))


def expect_first(kinds, kind, frame, pattern, problems):
    """The first row of @kind has @frame in its stack and @pattern; returns its rank."""
    rows = kinds.get(kind, [])
    if not rows:
        problems.append("no %s ranking" % kind)
        return 0
    top = rows[0]
    if frame not in top["stack"]:
        problems.append("%s: first is %s, expected a stack with %s" % (kind, ";".join(top["stack"]), frame))
    if top["pattern"] != pattern:
        problems.append("%s: first has pattern %s, expected %s" % (kind, top["pattern"], pattern))
    if top["steadiness"] < 0.5:
        problems.append("%s: first has steadiness %.3f" % (kind, top["steadiness"]))
    return 1


def expect_row(kinds, kind, frame, pattern, problems):
    """The best-ranked row of @kind with @frame; it has @pattern. Its rank."""
    for r in kinds.get(kind, []):
        if frame in r["stack"]:
            if r["pattern"] != pattern:
                problems.append("%s: %s has pattern %s, expected %s" % (kind, frame, r["pattern"], pattern))
            return r["rank"]
    problems.append("%s: no row with %s" % (kind, frame))
    return 0


def test_leaky_service(cli, data):
    kinds, problems = suspects(cli, os.path.join(data, "leaky-service", "series"))
    heap = kinds.get("heap", [])
    top2 = sorted(user_frame(r) for r in heap[:2])
    if top2 != ["main.cacheMetadata", "main.registerSession"]:
        problems.append("heap: first two are %s" % top2)
    for r in heap[:2]:
        if r["pattern"] != "unbounded-collection" or r["steadiness"] < 0.5:
            problems.append("heap: %s has %s, steadiness %.3f" % (user_frame(r), r["pattern"], r["steadiness"]))
    expect_first(kinds, "goroutine", "main.leakUploadWorker.func1", "blocked-goroutine", problems)
    report("leaky-service: sessions and metadata cache first in heap, blocked goroutines first", problems)
    return heap


def raw_stack_values(path, index):
    """{function stack (leaf first, ';'): value} from `go tool pprof -raw`."""
    rc, out, err = run(["go", "tool", "pprof", "-raw", path])
    locs, samples, section = {}, [], None
    cur = None
    for line in out.splitlines():
        if line.startswith("Samples:"):
            section = "samples"
            continue
        if line.startswith("Locations"):
            section = "locations"
            continue
        if line.startswith("Mappings"):
            section = None
            continue
        if section == "samples":
            m = re.match(r"^\s+([-\d ]+):\s*([\d ]+)$", line)
            if m:
                vals = [int(v) for v in m.group(1).split()]
                samples.append((vals, [int(x) for x in m.group(2).split()]))
        elif section == "locations":
            m = re.match(r"^\s+(\d+): 0x[0-9a-f]+ M=\d+ (\S+) ", line)
            if m:
                cur = int(m.group(1))
                locs[cur] = [m.group(2)]
                continue
            m = re.match(r"^\s+(\S+) \S+:\d+ s=\d+$", line)
            if m and cur is not None:
                locs[cur].append(m.group(1))
    out_map = {}
    for vals, ids in samples:
        names = []
        for i in ids:
            names += locs.get(i, ["?"])
        key = ";".join(names)
        out_map[key] = out_map.get(key, 0) + vals[index]
    return out_map


def test_oracle_first_last(data, heap):
    series = os.path.join(data, "leaky-service", "series")
    if shutil.which("go") is None or not heap:
        report("leaky-service: first/last equal go tool pprof -raw # SKIP no go", [])
        return
    problems = []
    # inuse_space is the 4th sample type of a Go heap profile.
    first = raw_stack_values(os.path.join(series, "heap-00.pb.gz"), 3)
    last = raw_stack_values(os.path.join(series, "heap-11.pb.gz"), 3)
    for r in heap[:2]:
        key = ";".join(r["stack"])
        if (first.get(key, 0), last.get(key, 0)) != (r["first"], r["last"]):
            problems.append("%s: smolder %d -> %d, pprof -raw %d -> %d" % (
                key, r["first"], r["last"], first.get(key, 0), last.get(key, 0)))
    report("leaky-service: first/last of the top heap suspects equal go tool pprof -raw", problems)


def test_patterns(cli, data):
    base = os.path.join(data, "patterns")
    cases = [
        # series, kind, frame of the leak, pattern
        ("unclosed-response-body", [("heap", "net/http.(*Transport).dialConn", "unclosed-response-body"),
                                    ("goroutine", None, "unclosed-response-body")]),
        ("unstopped-ticker", [("goroutine", "main.startPoller.func1", "unstopped-ticker")]),
        ("blocked-goroutine", [("goroutine", "main.handleRequest.func1", "blocked-goroutine")]),
        ("unbounded-collection", [("heap", "main.registerSession", "unbounded-collection")]),
        # Go's default heap sampling: the leak rises in steps of 512 KiB.
        ("unbounded-collection-default-rate", [("heap", "main.registerSession", "unbounded-collection")]),
        ("unclosed-file", [("heap", "os.newFile", "unclosed-file")]),
        ("decoys", [("heap", "main.appendAudit", "unbounded-collection")]),
    ]
    for name, expects in cases:
        kinds, problems = suspects(cli, os.path.join(base, name))
        for kind, frame, pattern in expects:
            rows = kinds.get(kind, [])
            if frame is None:
                if not rows or not any(f.startswith("net/http.(*persistConn)") for f in rows[0]["stack"]):
                    problems.append("%s: first is not a persistConn goroutine" % kind)
                if rows and rows[0]["pattern"] != pattern:
                    problems.append("%s: first has %s" % (kind, rows[0]["pattern"]))
            else:
                expect_first(kinds, kind, frame, pattern, problems)
        leak_kinds = {k for k, _, _ in expects}
        for kind, rows in kinds.items():
            # Where the leak is, decoys rank below it; elsewhere they are unnamed.
            check_decoys(rows, 1 if kind in leak_kinds else 0, problems, kind)
        report("%s: the leak first with its pattern, decoys below it" % name, problems)

    # The ticker's heap side: its NewTicker stack is named, above every decoy.
    kinds, problems = suspects(cli, os.path.join(base, "unstopped-ticker"))
    rank = expect_row(kinds, "heap", "time.NewTicker", "unstopped-ticker", problems)
    check_decoys(kinds.get("heap", []), rank, problems, "heap")
    report("unstopped-ticker: heap growth under time.NewTicker named, above the decoys", problems)

    # The second blocked stack, a context nobody cancels.
    kinds, problems = suspects(cli, os.path.join(base, "blocked-goroutine"))
    expect_row(kinds, "goroutine", "main.watchContext.func1", "blocked-goroutine", problems)
    report("blocked-goroutine: the goroutine waiting on a context is blocked-goroutine too", problems)

    # Decoys alone: nothing grows steadily with a pattern.
    kinds, problems = suspects(cli, os.path.join(base, "decoys-only"))
    for kind, rows in kinds.items():
        for r in rows:
            if r["pattern"] != "-":
                problems.append("%s: %s has pattern %s (steadiness %.3f)" % (kind, ";".join(r["stack"]), r["pattern"], r["steadiness"]))
    if set(kinds) != {"heap", "goroutine"}:
        problems.append("kinds ranked: %s" % sorted(kinds))
    report("decoys-only: no stack named as a leak", problems)


def test_text(cli, data):
    problems = []
    d = os.path.join(data, "patterns", "blocked-goroutine")
    rc, out, err = run([cli, "suspects", "--kind=goroutine", "--limit=2", d])
    if rc != 0:
        problems.append("exit %d: %s" % (rc, err))
    for want in ("goroutine, 16 snapshots over 2.49 min", " 1. grew 300 in 2.49 min (120/min), steady 1.00, pattern blocked-goroutine: ",
                 "    fix: ", "state chan send, 300 goroutines in the last of 2 ?debug=2 dumps, waiting 1 → 2 minutes (rising)",
                 "      main.handleRequest.func1", " 2. grew 150 in 2.49 min (60/min)"):
        if want not in out:
            problems.append("text lacks %r" % want)
    if "heap" in out.split("\n")[0]:
        problems.append("--kind=goroutine printed heap")
    if " 3. " in out:
        problems.append("--limit=2 printed a third suspect")
    report("text: growth, rate, steadiness, pattern, fix, states and wait minutes, stack", problems)


def test_errors(cli, data):
    series = os.path.join(data, "leaky-service", "series")
    two = [os.path.join(series, "heap-00.pb.gz"), os.path.join(series, "heap-01.pb.gz")]

    rc, out, err = run([cli, "suspects"] + two)
    problems = [] if rc == 1 and err.startswith("smolder-cli: ") and "at least 3 snapshots" in err else \
        ["exit %d, stderr %r" % (rc, err)]
    report("two snapshots: exit 1, 'at least 3 snapshots'", problems)

    missing = os.path.join(series, "no-such-file.pb.gz")
    rc, out, err = run([cli, "suspects", missing] + two)
    problems = [] if rc == 1 and err.startswith("smolder-cli: %s: " % missing) else ["exit %d, stderr %r" % (rc, err)]
    report("a missing file: exit 1, 'smolder-cli: FILE: ...'", problems)

    rc, out, err = run([cli, "suspects", "--format=csv", series])
    report("--format=csv: exit 2", [] if rc == 2 else ["exit %d" % rc])

    trace = os.path.join(data, "leaky-service", "trace-1s.bin")
    rc, out, err = run([cli, "suspects", trace] + two)
    problems = [] if rc == 1 and err.startswith("smolder-cli: %s: " % trace) else ["exit %d, stderr %r" % (rc, err)]
    report("a trace among the files: exit 1 naming it", problems)

    # A session folder: snapshots beside session.json and a damaged profile.
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(4):
            shutil.copy(os.path.join(series, "heap-%02d.pb.gz" % i), os.path.join(tmp, "heap-%04d.pb.gz" % (i + 1)))
            shutil.copy(os.path.join(series, "goroutine-%02d.pb.gz" % i), os.path.join(tmp, "goroutine-%04d.pb.gz" % (i + 1)))
        with open(os.path.join(tmp, "session.json"), "w") as f:
            f.write('{"snapshots": 4}\n')
        with open(os.path.join(tmp, "heap-0005.pb.gz"), "wb") as f:
            with open(os.path.join(series, "heap-04.pb.gz"), "rb") as src:
                f.write(src.read()[:200])
        kinds, problems = suspects(cli, tmp)
        if set(kinds) != {"heap", "goroutine"}:
            problems = ["kinds %s" % sorted(kinds)] + problems[1:] if problems else ["kinds %s" % sorted(kinds)]
        rc, out, err = run([cli, "suspects", "--format=tsv", tmp])
        if "heap-0005.pb.gz" not in err or "warning" not in err:
            problems.append("no warning naming the damaged file: %r" % err)
        if "# kind heap sample_type inuse_space bytes snapshots 4" not in out:
            problems.append("heap not ranked on the 4 good snapshots: %r" % out[:200])
        rc, out, err = run([cli, "suspects", "--kind=mutex", tmp])
        if rc != 1 or "no mutex profiles" not in err:
            problems.append("--kind=mutex: exit %d, %r" % (rc, err))
        report("a session folder: session.json passed over, a damaged file warned about, kinds grouped", problems)

    # allocs holds the heap's data but defaults to the ever-growing alloc_space:
    # suspects rank its inuse_space. A CPU profile is passed over with a note.
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(3):
            shutil.copy(os.path.join(data, "leaky-service", "allocs.pb.gz"), os.path.join(tmp, "allocs-%d.pb.gz" % i))
        shutil.copy(os.path.join(data, "leaky-service", "cpu-10s.pb.gz"), os.path.join(tmp, "cpu.pb.gz"))
        rc, out, err = run([cli, "suspects", "--format=tsv", tmp])
        problems = []
        if rc != 0 or not out.startswith("# kind allocs sample_type inuse_space bytes snapshots 3\n"):
            problems.append("exit %d, %r" % (rc, out[:120]))
        if "cpu.pb.gz: a cpu profile, passed over" not in err or "# kind cpu" in out:
            problems.append("cpu not passed over with a note: %r" % err)
        report("allocs ranked by inuse_space; a CPU profile passed over with a note", problems)


def main():
    cli, data = sys.argv[1], sys.argv[2]
    heap = test_leaky_service(cli, data)
    test_oracle_first_last(data, heap)
    test_patterns(cli, data)
    test_text(cli, data)
    test_errors(cli, data)
    print("1..%d" % len(results))
    failed = 0
    for n, (desc, problems) in enumerate(results, 1):
        if problems:
            failed += 1
            print("not ok %d - %s" % (n, desc))
            for p in problems:
                print("# " + p)
        else:
            print("ok %d - %s" % (n, desc))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
