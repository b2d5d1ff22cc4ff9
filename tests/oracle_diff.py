#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The diff oracle: `smolder-cli diff` and `top --base` against pprof.

Usage: oracle_diff.py SMOLDER_CLI DATA_DIR [-j JOBS] [-k SUBSTRING]

For pairs of fixtures (early and late snapshots of the leaky service's heap
and goroutines, a forced-GC heap against the allocs profile, two CPU
profiles), every sample type, with and without -normalize, and with filters
and -lines:
  - `smolder-cli diff --format=tsv --base=A B`: delta_flat and delta_cum must
    equal the flat and cum of `go tool pprof -top -diff_base=A B` node by node,
    and its '# total' pprof's total (the base's, computeTotal);
  - the base and new columns must equal the flat of `go tool pprof -top A`
    and `-top B` (summed per printed name), and new - base = delta_flat;
  - `smolder-cli top --base=A B` must equal `go tool pprof -top -base=A B`.
Also the error behaviour of these commands and that `export --base` writes
a PNG. Reuses oracle.py's pprof parser and comparison. Prints TAP.
"""

import argparse
import collections
import concurrent.futures
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402
from oracle import OracleError  # noqa: E402


class DiffCase:
    def __init__(self, desc, base, new, sample_index, types, normalize=False,
                 pprof_args=(), smolder_args=(), kind="diff", check_columns=True):
        self.desc = desc
        self.base = base
        self.new = new
        self.sample_index = sample_index
        self.types = types
        self.normalize = normalize
        self.pprof_args = list(pprof_args)
        self.smolder_args = list(smolder_args)
        self.kind = kind                    # "diff" (-diff_base), "top" (-base) or "error"
        self.check_columns = check_columns  # base/new against A and B alone


def parse_diff_tsv(out):
    """Returns (total, sample type, [(name, base, new, delta_flat, delta_cum)])."""
    return oracle.parse_tsv(out, ["base", "new", "delta_flat", "delta_cum"])


def pprof_top(case, extra, files):
    types, _ = case.types
    _, unit = types[case.sample_index]
    suffix = oracle.unit_suffix(unit)
    args = oracle.PPROF_TOP + case.pprof_args + extra + ["-sample_index=%d" % case.sample_index]
    if suffix:
        args.append("-unit=" + suffix)
    return oracle.parse_pprof_top(oracle.pprof(args, files), suffix)


def run_cli(cli, argv):
    argv = [cli] + argv
    rc, out, err = oracle.run(argv)
    if rc != 0:
        raise OracleError("%s failed (exit %d): %s" % (" ".join(argv), rc, err.strip()[-800:]))
    return out


def flats_by_name(rows):
    d = collections.defaultdict(int)
    for name, flat, _cum in rows:
        d[name] += flat
    return d


def check_diff(cli, case):
    types, _ = case.types
    tname = types[case.sample_index][0]
    norm = ["-normalize"] if case.normalize else []
    expected_total, expected_rows = pprof_top(case, norm + ["-diff_base=" + case.base], [case.new])
    argv = ["diff", "--format=tsv", "--base=" + case.base, "--sample-index=%d" % case.sample_index]
    argv += (["--normalize"] if case.normalize else []) + case.smolder_args + [case.new]
    total, stype, rows = parse_diff_tsv(run_cli(cli, argv))
    diff = oracle.compare(expected_total, expected_rows, total,
                          [(name, df, dc) for name, _b, _n, df, dc in rows], tname, stype)

    bad = ["%s: new %d - base %d != delta %d" % (name, n, b, df)
           for name, b, n, df, _dc in rows if n - b != df]
    if case.check_columns:
        _, base_rows = pprof_top(case, [], [case.base])
        base_flat = flats_by_name(base_rows)
        new_flat = None
        if not case.normalize:
            _, new_rows = pprof_top(case, [], [case.new])
            new_flat = flats_by_name(new_rows)
        got_base = collections.defaultdict(int)
        got_new = collections.defaultdict(int)
        for name, b, n, _df, _dc in rows:
            got_base[name] += b
            got_new[name] += n
        for name in got_base:
            if got_base[name] != base_flat.get(name, 0):
                bad.append("%s: base column %d, pprof -top of the base says flat %d"
                           % (name, got_base[name], base_flat.get(name, 0)))
            if new_flat is not None and got_new[name] != new_flat.get(name, 0):
                bad.append("%s: new column %d, pprof -top of the new profile says flat %d"
                           % (name, got_new[name], new_flat.get(name, 0)))
    if bad:
        diff.append("%d base/new column problems:" % len(bad))
        diff.extend(bad[:oracle.MAX_DIFF_LINES])
    return diff


def check_top_base(cli, case):
    types, _ = case.types
    tname = types[case.sample_index][0]
    norm = ["-normalize"] if case.normalize else []
    expected_total, expected_rows = pprof_top(case, norm + ["-base=" + case.base], [case.new])
    argv = ["top", "--format=tsv", "--base=" + case.base, "--sample-index=%d" % case.sample_index]
    argv += (["--normalize"] if case.normalize else []) + case.smolder_args + [case.new]
    total, stype, rows = oracle.parse_smolder_tsv(run_cli(cli, argv))
    return oracle.compare(expected_total, expected_rows, total, rows, tname, stype)


def check_error(cli, case):
    """case.smolder_args: the command line; case.pprof_args: (exit status, stderr part)."""
    status, part = case.pprof_args
    rc, _out, err = oracle.run([cli] + case.smolder_args)
    if rc != status or part not in err:
        return ["expected exit %d and %r in stderr, got exit %d: %s" % (status, part, rc, err.strip())]
    outputs = [a[len("--output="):] for a in case.smolder_args if a.startswith("--output=")]
    if status == 0 and outputs:
        try:
            with open(outputs[0], "rb") as f:
                head = f.read(8)
            os.unlink(outputs[0])
        except OSError as e:
            return ["export wrote no file: %s" % e]
        if head != b"\x89PNG\r\n\x1a\n":
            return ["%s is not a PNG" % outputs[0]]
    return []


def check(cli, case):
    if case.kind == "error":
        return check_error(cli, case)
    return check_diff(cli, case) if case.kind == "diff" else check_top_base(cli, case)


def build_cases(data, only):
    raws = {}

    def types_of(rel):
        path = os.path.join(data, rel)
        if path not in raws:
            rc, out, err = oracle.run(["go", "tool", "pprof", "-raw", path])
            if rc != 0:
                raise OracleError("pprof cannot read %s: %s" % (rel, err.strip()[-300:]))
            types, default, _, _ = oracle.parse_pprof_raw(out)
            raws[path] = (types, default)
        return raws[path]

    cases = []

    def add(desc, base, new, kinds=("diff", "top"), normalizes=(False, True), indices=None, **kw):
        types = types_of(new)
        for si in (indices if indices is not None else range(len(types[0]))):
            for norm in normalizes:
                for kind in kinds:
                    d = "%s %s (%d)%s: %s vs base %s" % (
                        "diff" if kind == "diff" else "top --base", types[0][si][0], si,
                        " normalize" if norm else "", new, base)
                    if desc:
                        d += " " + desc
                    cases.append(DiffCase(d, os.path.join(data, base), os.path.join(data, new),
                                          si, types, normalize=norm, kind=kind, **kw))

    series = "leaky-service/series/"
    # Early against late, and the other way (everything shrinks).
    add("", series + "heap-00.pb.gz", series + "heap-11.pb.gz")
    add("", series + "heap-11.pb.gz", series + "heap-03.pb.gz")
    add("", series + "goroutine-00.pb.gz", series + "goroutine-11.pb.gz")
    add("", series + "goroutine-10.pb.gz", series + "goroutine-02.pb.gz")
    # The same process's heap after a forced GC against its allocs profile.
    add("", "leaky-service/allocs.pb.gz", "leaky-service/heap-gc.pb.gz")
    # Two CPU profiles (different programs: many new and gone nodes), and a
    # labelled one for the tag filters.
    add("", "leaky-service/cpu-10s.pb.gz", "go-toolchain/regexp-bench-cpu.pb.gz")
    add("", "go-toolchain/regexp-bench-cpu.pb.gz", "labels/cpu-labels.pb.gz")
    # A diff of a profile with itself: nothing changed.
    add("", series + "heap-05.pb.gz", series + "heap-05.pb.gz", indices=[3])

    # Granularity and filters, as pprof applies them to the combined profile.
    heap_a, heap_b = series + "heap-00.pb.gz", series + "heap-11.pb.gz"
    cpu_a, cpu_b = "leaky-service/cpu-10s.pb.gz", "go-toolchain/regexp-bench-cpu.pb.gz"
    filters = [
        (heap_a, heap_b, 3, ["-lines"], ["--granularity=lines"]),
        (heap_a, heap_b, 1, ["-files"], ["--granularity=files"]),
        (cpu_a, cpu_b, 1, ["-lines"], ["--granularity=lines"]),
        (heap_a, heap_b, 3, ["-focus=main\\."], ["--focus=main\\."]),
        (heap_a, heap_b, 2, ["-ignore=regexp"], ["--ignore=regexp"]),
        (heap_a, heap_b, 3, ["-hide=runtime"], ["--hide=runtime"]),
        (cpu_a, cpu_b, 1, ["-show=regexp|main"], ["--show=regexp|main"]),
        (cpu_a, cpu_b, 1, ["-focus=regexp", "-lines"], ["--focus=regexp", "--granularity=lines"]),
        ("go-toolchain/regexp-bench-cpu.pb.gz", "labels/cpu-labels.pb.gz", 1,
         ["-tagfocus=tenant=beta"], ["--tag=tenant=beta"]),
    ]
    for base, new, si, pa, sa in filters:
        add(" ".join(pa), base, new, indices=[si], pprof_args=pa, smolder_args=sa)
    # Tag filters see the pprof::base label of a -diff_base base (not -base's).
    for pa, sa in ((["-tagfocus=pprof::base=true"], ["--tag=pprof::base=true"]),
                   (["-tagignore=pprof::base=true"], ["--tag-ignore=pprof::base=true"])):
        add(" ".join(pa), heap_a, heap_b, indices=[3], pprof_args=pa, smolder_args=sa,
            check_columns=False)

    # Errors say what and where; usage errors exit with 2.
    heap = os.path.join(data, heap_b)
    gor = os.path.join(data, series + "goroutine-00.pb.gz")
    trace = os.path.join(data, "leaky-service/trace-1s.bin")
    errors = [
        ("diff without --base", ["diff", heap], (2, "expected --base=FILE")),
        ("diff of different sample types", ["diff", "--base=" + gor, heap],
         (1, "the base has 1 sample types, the profile 4")),
        ("top --base of different sample types", ["top", "--base=" + gor, heap],
         (1, "cannot compare")),
        ("diff with a base that is not a profile", ["diff", "--base=" + trace, heap],
         (1, "trace-1s.bin: not a profile")),
        ("diff with an unknown sample type", ["diff", "--base=" + heap, "--sample-index=nosuch", heap],
         (2, 'no sample type "nosuch"')),
        ("export --base without --output", ["export", "--base=" + heap, heap],
         (2, "--output=FILE.svg|png|pdf is required")),
        ("export --base writes the differential flame graph",
         ["export", "--base=" + os.path.join(data, heap_a), "--output=" + os.path.join(
             tempfile.gettempdir(), "smolder-oracle-diff-%d.png" % os.getpid()), heap], (0, "")),
    ]
    for desc, argv, expect in errors:
        cases.append(DiffCase("error: " + desc, None, None, None, None, kind="error",
                              pprof_args=expect, smolder_args=argv))

    if only:
        cases = [c for c in cases if any(o in c.desc for o in only)]
    return cases


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("smolder_cli")
    ap.add_argument("data_dir")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("-k", "--only", action="append", default=[],
                    help="run only the cases whose description contains this (repeatable)")
    a = ap.parse_args()

    if shutil.which("go") is None:
        if os.environ.get("CI", "").lower() == "true":
            print("Bail out! go not found on PATH: install golang-go (a test dependency)")
            return 1
        print("1..0 # SKIP go not found on PATH (install golang-go)")
        return 0
    cli = os.path.abspath(a.smolder_cli)
    data = os.path.abspath(a.data_dir)
    try:
        cases = build_cases(data, a.only)
    except OracleError as e:
        print("Bail out! %s" % e)
        return 1

    failed = 0
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        futs = [ex.submit(check, cli, c) for c in cases]
        for n, (case, fut) in enumerate(zip(cases, futs), 1):
            try:
                diff = fut.result()
            except OracleError as e:
                diff = [str(e)]
            desc = case.desc.replace(data + os.sep, "")
            if diff:
                failed += 1
                print("not ok %d - %s" % (n, desc))
                for line in diff:
                    print("#   " + line)
            else:
                print("ok %d - %s" % (n, desc))
            sys.stdout.flush()
    print("1..%d" % len(cases))
    if failed:
        print("# %d of %d cases differ from go tool pprof" % (failed, len(cases)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
