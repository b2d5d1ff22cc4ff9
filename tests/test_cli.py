#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""smolder-cli's error behaviour, as a user meets it.

Usage: test_cli.py SMOLDER_CLI DATA_DIR

Inputs that are not profiles (an execution trace, the /debug/pprof/ index
page, a 404 body, HTTP headers, an empty file, a missing file, a truncated
gzip, random bytes) must exit 1 with one "smolder-cli: FILE: message" line on
stderr and never crash; usage errors exit 2. Prints TAP.
"""

import os
import random
import shutil
import subprocess
import sys
import tempfile

results = []


def run(argv, timeout=60):
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def report(desc, problems):
    results.append((desc, problems))


def sane_stderr(err):
    """Problems with stderr beyond the message itself: GLib criticals, sanitizers."""
    bad = []
    for word in ("CRITICAL", "WARNING **", "AddressSanitizer", "runtime error:", "Segmentation"):
        if word in err:
            bad.append("stderr contains %r" % word)
    return bad


def expect_file_error(cli, path, words=(), commands=("info", "top")):
    for cmd in commands:
        argv = [cli, cmd, path]
        rc, out, err = run(argv)
        problems = []
        if rc != 1:
            problems.append("exit status %d, expected 1" % rc)
        prefix = "smolder-cli: %s: " % path
        lines = [l for l in err.splitlines() if l.strip()]
        if not lines or not lines[0].startswith(prefix):
            problems.append("stderr does not start with %r: %r" % (prefix, err[:300]))
        elif len(lines[0]) <= len(prefix) + 3:
            problems.append("the message after the prefix is empty: %r" % lines[0])
        for w in words:
            if w.lower() not in err.lower():
                problems.append("the message does not say %r: %r" % (w, err.strip()[:300]))
        problems += sane_stderr(err)
        report("%s %s -> exit 1 with 'smolder-cli: FILE: ...'" % (cmd, os.path.basename(path)),
               problems)


def expect_usage_error(cli, args, desc, allowed=(2,)):
    rc, out, err = run([cli] + args)
    problems = []
    if rc not in allowed:
        problems.append("exit status %d, expected %s" % (rc, " or ".join(map(str, allowed))))
    if not err.strip():
        problems.append("nothing on stderr")
    elif "smolder-cli" not in err:
        problems.append("stderr does not name smolder-cli: %r" % err[:200])
    problems += sane_stderr(err)
    report(desc, problems)


def expect_ok(cli, args, desc, must_contain=()):
    rc, out, err = run([cli] + args)
    problems = []
    if rc != 0:
        problems.append("exit status %d, expected 0; stderr: %r" % (rc, err[:300]))
    if not out.strip():
        problems.append("nothing on stdout")
    for w in must_contain:
        if w not in out:
            problems.append("stdout lacks %r" % w)
    problems += sane_stderr(err)
    report(desc, problems)


def dump_headers(path):
    """(state, wait minutes or None, locked) of each goroutine, read from the text."""
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("goroutine ") and line.rstrip().endswith("]:") and "[" in line:
                parts = line.rstrip()[line.index("[") + 1:-2].split(", ")
                wait = [int(p.split()[0]) for p in parts[1:] if p.endswith(" minutes")]
                out.append((parts[0], wait[0] if wait else None, "locked to thread" in parts))
    return out


def tsv_kept(cli, args):
    """Sum of the flat column of top --format=tsv: the samples the filters kept."""
    rc, out, err = run([cli, "top", "--format=tsv"] + args)
    if rc != 0:
        return None, "exit status %d: %s" % (rc, err[:300])
    return sum(int(l.split("\t")[0]) for l in out.splitlines() if l and not l.startswith("#")), None


def check_goroutine_labels(cli, dump):
    """A ?debug=2 dump's states and waits are labels pprof's tag filters select."""
    gs = dump_headers(dump)
    states = {g[0] for g in gs}
    cases = [("state=^chan receive$", None, sum(g[0] == "chan receive" for g in gs)),
             ("state=IO wait", None, sum(g[0] == "IO wait" for g in gs)),
             (None, "state=^chan receive$", sum(g[0] != "chan receive" for g in gs)),
             ("wait=1minutes:", None, sum(g[1] is not None and g[1] >= 1 for g in gs)),
             ("wait=:0minutes", None, sum(g[1] is not None and g[1] <= 0 for g in gs))]
    for focus, ignore, want in cases:
        args = (["--tag=" + focus] if focus else []) + (["--tag-ignore=" + ignore] if ignore else [])
        got, err = tsv_kept(cli, args + [dump])
        problems = [err] if err else ([] if got == want else ["kept %s goroutines, the text has %d" % (got, want)])
        report("top %s %s counts the goroutines of the dump" % (" ".join(args), os.path.basename(dump)),
               problems)
    rc, out, err = run([cli, "top", "--format=tsv", "--group-by-state", dump])
    cums = {l.split("\t")[2]: int(l.split("\t")[1]) for l in out.splitlines() if l and l[0] != "#"}
    problems = ["exit status %d: %s" % (rc, err[:300])] if rc else []
    for state in states:
        want = sum(g[0] == state for g in gs)
        if cums.get(state) != want:
            problems.append("root %r has cum %s, the text has %d goroutines" % (state, cums.get(state), want))
    report("top --group-by-state: each state is a root frame with its goroutines", problems)
    if len(states) < 2 or not any(g[1] for g in gs):
        report("the dump has several states and waits", ["too uniform to test: %r" % states])


def split_top(out, table_start):
    """(header lines, {name: inline mark}) of a -top text output."""
    lines = out.splitlines()
    i = next((n for n, l in enumerate(lines) if l.startswith(table_start)), len(lines))
    marks = {}
    for l in lines[i + 1:]:
        name = l.split("%  ")[-1]
        for mark in (" (inline)", " (partial-inline)"):
            if name.endswith(mark):
                name, m = name[:-len(mark)], mark.strip()
                break
        else:
            m = ""
        marks[name] = m
    return lines[:i], marks


def check_top_header(cli, path, ours, theirs):
    """top's header lines equal pprof -top's; its (inline) marks are pprof's."""
    desc = "top %s %s: pprof's header and inline marks" % (" ".join(ours), os.path.basename(path))
    if shutil.which("go") is None:
        report(desc + " # SKIP go not found", [])
        return
    env = dict(os.environ, TZ="UTC")
    p = subprocess.run(["go", "tool", "pprof", "-top", "-nodefraction=0", "-nodecount=1000000"] +
                       theirs + [path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    q = subprocess.run([cli, "top"] + ours + [path], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env)
    want, want_marks = split_top(p.stdout.decode(), "      flat  flat%")
    got, got_marks = split_top(q.stdout.decode(), "      flat   flat%")
    problems = []
    if p.returncode != 0 or q.returncode != 0:
        problems.append("exit statuses %d (pprof), %d (smolder-cli)" % (p.returncode, q.returncode))
    if got != want:
        problems.append("header %r, pprof says %r" % (got, want))
    diff = sorted((n, got_marks.get(n), m) for n, m in want_marks.items() if got_marks.get(n, m) != m)
    if diff:
        problems.append("%d inline marks differ, e.g. %r" % (len(diff), diff[:3]))
    if not want_marks:
        problems.append("pprof printed no rows")
    report(desc, problems)


def main():
    if len(sys.argv) != 3:
        print("usage: test_cli.py SMOLDER_CLI DATA_DIR", file=sys.stderr)
        return 2
    cli = os.path.abspath(sys.argv[1])
    data = os.path.abspath(sys.argv[2])
    ls = os.path.join(data, "leaky-service")
    heap = os.path.join(ls, "series", "heap-00.pb.gz")
    cpu = os.path.join(ls, "cpu-10s.pb.gz")

    with tempfile.TemporaryDirectory(prefix="smolder-cli-test-") as tmp:
        empty = os.path.join(tmp, "empty.pb.gz")
        open(empty, "wb").close()
        with open(cpu, "rb") as f:
            gz = f.read()
        truncated = os.path.join(tmp, "truncated.pb.gz")
        with open(truncated, "wb") as f:
            f.write(gz[:len(gz) // 2])
        noise = os.path.join(tmp, "noise.bin")
        with open(noise, "wb") as f:
            f.write(random.Random(42).randbytes(4096)
                    if hasattr(random.Random, "randbytes")
                    else bytes(random.Random(42).getrandbits(8) for _ in range(4096)))
        missing = os.path.join(tmp, "no-such-file.pb.gz")

        # Not profiles, and say what they look like.
        expect_file_error(cli, os.path.join(ls, "trace-1s.bin"), words=("trace",))
        expect_file_error(cli, os.path.join(ls, "index.html"), words=("html",))
        expect_file_error(cli, os.path.join(ls, "not-found.txt"))
        expect_file_error(cli, os.path.join(ls, "headers-heap.txt"))
        expect_file_error(cli, empty, words=("empty",))
        expect_file_error(cli, missing)
        expect_file_error(cli, truncated)
        expect_file_error(cli, noise)

        # One bad file among good ones: the bad one is named.
        rc, out, err = run([cli, "top", heap, os.path.join(ls, "index.html")])
        problems = []
        if rc != 1:
            problems.append("exit status %d, expected 1" % rc)
        if "smolder-cli: %s: " % os.path.join(ls, "index.html") not in err:
            problems.append("stderr does not name index.html: %r" % err[:300])
        report("top GOOD BAD -> exit 1 naming BAD", problems + sane_stderr(err))

        # Usage errors.
        expect_usage_error(cli, [], "no arguments -> exit 2")
        expect_usage_error(cli, ["frobnicate", heap], "unknown command -> exit 2")
        expect_usage_error(cli, ["top"], "top without FILE -> exit 2")
        expect_usage_error(cli, ["info"], "info without FILE -> exit 2")
        expect_usage_error(cli, ["top", "--no-such-flag", heap], "unknown flag -> exit 2")
        expect_usage_error(cli, ["top", "--granularity=bogus", heap],
                           "--granularity=bogus -> exit 2")
        expect_usage_error(cli, ["top", "--format=xml", heap], "--format=xml -> exit 2")
        # A query the profile cannot answer: an error, whichever of the two statuses.
        expect_usage_error(cli, ["top", "--sample-index=nosuch", heap],
                           "--sample-index=nosuch -> exit 1 or 2", allowed=(1, 2))
        expect_usage_error(cli, ["top", "--sample-index=9", heap],
                           "--sample-index=9 of 4 types -> exit 1 or 2", allowed=(1, 2))
        expect_usage_error(cli, ["top", "--focus=(", heap], "--focus=( (bad regex) -> exit 1 or 2",
                           allowed=(1, 2))
        expect_usage_error(cli, ["top", heap, os.path.join(ls, "cpu-10s.pb.gz")],
                           "merging a heap and a CPU profile -> exit 1 or 2", allowed=(1, 2))

        check_goroutine_labels(cli, os.path.join(ls, "goroutine-debug2.txt"))

        # A crash as pasted: read, with the skipped line on stderr as a warning, exit 0.
        for name, words in (("panic-all.txt", ("warning: skipped 1 line", "exit status 2")),
                            ("cut.txt", ("warning: skipped 2 lines", "line 42")),
                            ("ancestors.txt", ())):
            path = os.path.join(data, "goroutine-dumps", name)
            rc, out, err = run([cli, "top", "--format=tsv", path])
            problems = [] if rc == 0 else ["exit status %d: %s" % (rc, err[:300])]
            problems += ["stderr lacks %r: %r" % (w, err[:300]) for w in words if w not in err]
            if not words and err:
                problems.append("unexpected stderr %r" % err[:300])
            want = len(dump_headers(path))
            if "# total %d\n" % want not in out:
                problems.append("total is not the %d goroutines of the text" % want)
            report("top goroutine-dumps/%s -> exit 0, warnings on stderr" % name,
                   problems + sane_stderr(err))

        toolchain = os.path.join(data, "go-toolchain")
        for path, ours, theirs in (
                (cpu, [], []),
                (cpu, ["--sample-index=0", "--limit=5"], ["-sample_index=0", "-nodecount=5"]),
                (cpu, ["--focus=regexp", "--hide=runtime"], ["-focus=regexp", "-hide=runtime"]),
                (os.path.join(toolchain, "compile-nethttp-cpu.pb.gz"), [], []),
                (heap, ["--limit=3"], ["-nodecount=3"]),
                (os.path.join(toolchain, "gotypes-stdlib-heap.pb.gz"), ["--sample-index=alloc_space"],
                 ["-sample_index=alloc_space"]),
                (os.path.join(ls, "mutex.pb.gz"), [], [])):
            check_top_header(cli, path, ours, theirs)

        # And the good path, so the above cannot pass by always failing.
        expect_ok(cli, ["info", heap], "info heap-00.pb.gz -> exit 0", must_contain=("inuse_space",))
        expect_ok(cli, ["top", heap], "top heap-00.pb.gz -> exit 0")
        expect_ok(cli, ["top", "--format=tsv", "--sample-index=inuse_space", heap],
                  "top --format=tsv --sample-index=inuse_space -> exit 0")

    failed = 0
    for n, (desc, problems) in enumerate(results, 1):
        if problems:
            failed += 1
            print("not ok %d - %s" % (n, desc))
            for p in problems:
                print("#   " + p)
        else:
            print("ok %d - %s" % (n, desc))
    print("1..%d" % len(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
