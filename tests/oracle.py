#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The oracle: `smolder-cli top --format=tsv` must equal `go tool pprof -top`.

Usage: oracle.py SMOLDER_CLI DATA_DIR [-j JOBS] [-k SUBSTRING]

For every fixture under DATA_DIR that `go tool pprof` reads and for every
sample type, both tools print the top table; the rows are compared node by
node (name, flat, cum) together with the total. Further cases cover the
lines/files granularities, the focus/ignore/hide/show/tag filters, sample
types by name, the default sample type and merged profiles.

Go's text formats (heap, goroutine, mutex, block ?debug=1) are different:
pprof reads their values but names every frame <unknown>, while Smolder names
frames from the '#' comment lines. For those the expected table is computed
here from pprof's own per-stack values (`go tool pprof -raw`, one address per
location) with each address named by the file's '#' lines, so the values and
the aggregation still come from pprof.

Prints TAP. Without `go` on PATH the whole test is skipped, except under
CI=true, where go is a declared dependency and its absence is a failure.
"""

import argparse
import collections
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys

PPROF_TOP = ["-top", "-nodecount=1000000", "-nodefraction=0", "-edgefraction=0"]
INLINE_LABEL = re.compile(r" \((?:partial-)?inline\)$")
TOP_ROW = re.compile(r"^\s*(\S+)\s+\S+%\s+\S+%\s+(\S+)\s+\S+%\s+(.*)$")
SHOWING = re.compile(r"^Showing nodes accounting for (\S+), \S+ of (\S+) total")
MAX_DIFF_LINES = 40
TIMEOUT = 300

# pprof's -unit that prints a sample type's values as plain integers.
PPROF_UNITS = {"bytes": "B", "nanoseconds": "ns"}


class OracleError(Exception):
    pass


def run(argv, timeout=TIMEOUT):
    try:
        p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        raise OracleError("timed out after %d s: %s" % (timeout, " ".join(argv)))
    except OSError as e:
        raise OracleError("cannot run %s: %s" % (argv[0], e))
    return (p.returncode,
            p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"))


def pprof(args, files):
    rc, out, err = run(["go", "tool", "pprof"] + args + files)
    if rc != 0:
        raise OracleError("go tool pprof %s failed (exit %d): %s"
                          % (" ".join(args + files), rc, err.strip()[-500:]))
    return out


# ---------------------------------------------------------------------------
# Parsing


def parse_value(text, unit_suffix, what):
    """A value printed by pprof with -unit=unit_suffix, as an integer."""
    if text == "0":
        return 0
    if unit_suffix and text.endswith(unit_suffix):
        text = text[:-len(unit_suffix)]
    if not re.fullmatch(r"-?[0-9]+", text):
        raise OracleError("pprof printed %s as %r, not a plain integer%s"
                          % (what, text, " in " + unit_suffix if unit_suffix else ""))
    return int(text)


def parse_pprof_top(out, unit_suffix):
    """Returns (total, [(name, flat, cum)]) from `go tool pprof -top`."""
    total = None
    rows = []
    in_rows = False
    for line in out.splitlines():
        if in_rows:
            if not line.strip():
                continue
            m = TOP_ROW.match(line)
            if not m:
                raise OracleError("unexpected pprof -top row: %r" % line)
            name = INLINE_LABEL.sub("", m.group(3))
            rows.append((name, parse_value(m.group(1), unit_suffix, "flat"),
                         parse_value(m.group(2), unit_suffix, "cum")))
            continue
        m = SHOWING.match(line)
        if m:
            total = parse_value(m.group(2), unit_suffix, "the total")
        elif line.split() == ["flat", "flat%", "sum%", "cum", "cum%"]:
            in_rows = True
    if total is None:
        raise OracleError("no 'Showing nodes accounting for' line in pprof -top output")
    return total, rows


def parse_pprof_raw(out):
    """`go tool pprof -raw`: sample types, default index, samples, locations."""
    types = []
    default = None
    samples = []  # (values, [location ids])
    locations = {}  # id -> address
    section = None
    for line in out.splitlines():
        if line.startswith("Samples:"):
            section = "types"
            continue
        if line.startswith("Locations"):
            section = "locations"
            continue
        if line.startswith("Mappings"):
            section = "mappings"
            continue
        if section == "types":
            for i, t in enumerate(line.split()):
                if t.endswith("[dflt]"):
                    default = i
                    t = t[:-len("[dflt]")]
                name, _, unit = t.partition("/")
                types.append((name, unit))
            section = "samples"
        elif section == "samples":
            head, sep, tail = line.partition(":")
            fields = head.split()
            if sep and fields and all(re.fullmatch(r"-?[0-9]+", f) for f in fields) \
                    and len(fields) == len(types):
                locs = [int(x) for x in tail.split() if x.isdigit()]
                samples.append(([int(f) for f in fields], locs))
            # anything else is a label line ("key:[value]") of the previous sample
        elif section == "locations":
            m = re.match(r"^\s*([0-9]+): (0x[0-9a-f]+)", line)
            if m:
                locations[int(m.group(1))] = int(m.group(2), 16)
    if not types:
        raise OracleError("no sample types in pprof -raw output")
    if default is None:
        default = len(types) - 1
    return types, default, samples, locations


def parse_tsv(out, columns):
    """Returns (total or None, sample type name or None, [(name, v1, ...)]) of a
    smolder-cli tsv whose rows are len(columns) integers, then the name."""
    total = None
    stype = None
    rows = []
    shape = "<TAB>".join(columns + ["name"])
    for n, line in enumerate(out.splitlines(), 1):
        if line.startswith("#"):
            words = line[1:].split()
            if len(words) == 2 and words[0] == "total":
                total = int(words[1])
            elif len(words) >= 2 and words[0] == "sample_type":
                stype = words[1]
            continue
        if not line:
            continue
        parts = line.split("\t", len(columns))
        if len(parts) != len(columns) + 1:
            raise OracleError("smolder-cli tsv line %d is not %s: %r" % (n, shape, line))
        try:
            rows.append((parts[-1],) + tuple(int(x) for x in parts[:-1]))
        except ValueError:
            raise OracleError("smolder-cli tsv line %d has a non-integer value: %r"
                              % (n, line))
    return total, stype, rows


def parse_smolder_tsv(out):
    """Returns (total or None, sample type name or None, [(name, flat, cum)])."""
    return parse_tsv(out, ["flat", "cum"])


def parse_comment_frames(path):
    """address -> [function names, innermost first] from a Go text profile's
    '#' lines ("#\t0x64ec0e\tregexp.(*bitState).reset+0x10e\tfile.go:91")."""
    names = {}
    record = []

    def flush():
        grouped = collections.OrderedDict()
        for addr, name in record:
            grouped.setdefault(addr, []).append(name)
        for addr, fns in grouped.items():
            names.setdefault(addr, fns)
        record.clear()

    with open(path, "r", encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("#") and "\t" in line:
                fields = [x for x in line.rstrip("\n").split("\t") if x]
                if len(fields) >= 3 and re.fullmatch(r"0x[0-9a-f]+", fields[1]):
                    name = re.sub(r"\+0x[0-9a-f]+$", "", fields[2])
                    record.append((int(fields[1], 16), name))
                    continue
            flush()
    flush()
    return names


# ---------------------------------------------------------------------------
# Comparison


def by_name(rows):
    d = collections.defaultdict(list)
    for name, flat, cum in rows:
        d[name].append((flat, cum))
    for v in d.values():
        v.sort()
    return d


def compare(expected_total, expected_rows, total, rows, expected_type=None, stype=None):
    """Returns a list of diff lines; empty when equal."""
    diff = []
    if total is not None and total != expected_total:
        diff.append("total: expected %d, smolder %d" % (expected_total, total))
    if total is None:
        diff.append("total: smolder printed no '# total N' comment (expected %d)"
                    % expected_total)
    if expected_type and stype and stype != expected_type:
        diff.append("sample type: expected %s, smolder %s" % (expected_type, stype))
    exp = by_name(expected_rows)
    got = by_name(rows)
    problems = []
    for name in set(exp) | set(got):
        e, g = exp.get(name), got.get(name)
        if e == g:
            continue
        weight = max([abs(c) for _, c in (e or []) + (g or [])] or [0])
        if g is None:
            line = "missing in smolder: %s  flat=%s cum=%s" % (
                name, ",".join(str(f) for f, _ in e), ",".join(str(c) for _, c in e))
        elif e is None:
            line = "extra in smolder:   %s  flat=%s cum=%s" % (
                name, ",".join(str(f) for f, _ in g), ",".join(str(c) for _, c in g))
        else:
            line = "differs: %s  pprof flat/cum=%s  smolder flat/cum=%s" % (
                name, " ".join("%d/%d" % x for x in e), " ".join("%d/%d" % x for x in g))
        problems.append((weight, line))
    problems.sort(key=lambda x: (-x[0], x[1]))
    if problems:
        diff.append("%d of %d pprof nodes differ (%d smolder rows); largest first:"
                    % (len(problems), len(expected_rows), len(rows)))
        diff.extend(p for _, p in problems[:MAX_DIFF_LINES])
        if len(problems) > MAX_DIFF_LINES:
            diff.append("... %d more" % (len(problems) - MAX_DIFF_LINES))
    return diff


# ---------------------------------------------------------------------------
# Cases


class Case:
    def __init__(self, desc, files, pprof_args=(), smolder_args=(), sample_index=None,
                 types=None, text=None, kind="top"):
        self.desc = desc
        self.files = files
        self.pprof_args = list(pprof_args)
        self.smolder_args = list(smolder_args)
        self.sample_index = sample_index  # int, name or None (the default)
        self.types = types                # [(name, unit)], default index
        self.text = text                  # for Go text formats: parsed -raw output
        self.kind = kind                  # "top", "cross" or "goroutine-dump"


def unit_suffix(unit):
    return PPROF_UNITS.get(unit, "")


def resolve_index(case):
    types, default = case.types
    si = case.sample_index
    if si is None:
        return default
    if isinstance(si, int):
        return si
    return [t for t, _ in types].index(si)


def run_smolder(cli, case):
    argv = [cli, "top", "--format=tsv"]
    if case.sample_index is not None:
        argv.append("--sample-index=%s" % case.sample_index)
    argv += case.smolder_args + case.files
    rc, out, err = run(argv)
    if rc != 0:
        raise OracleError("%s failed (exit %d): %s" % (" ".join(argv), rc, err.strip()[-800:]))
    return parse_smolder_tsv(out)


def check_top(cli, case):
    types, _ = case.types
    idx = resolve_index(case)
    tname, unit = types[idx]
    suffix = unit_suffix(unit)
    args = PPROF_TOP + case.pprof_args
    if case.sample_index is not None:
        args.append("-sample_index=%s" % case.sample_index)
    if suffix:
        args.append("-unit=" + suffix)
    expected_total, expected_rows = parse_pprof_top(pprof(args, case.files), suffix)
    total, stype, rows = run_smolder(cli, case)
    return compare(expected_total, expected_rows, total, rows, tname, stype)


def check_text(cli, case):
    """A Go text profile: pprof's values per stack, named by the '#' lines."""
    types, _default, samples, locations = case.text
    idx = resolve_index(case)
    names = parse_comment_frames(case.files[0])
    flat = collections.Counter()
    cum = collections.Counter()
    total = 0
    unnamed = set()
    for values, locs in samples:
        v = values[idx]
        total += abs(v)
        stack = []
        for loc in locs:
            addr = locations[loc]
            fns = names.get(addr)
            if fns is None:
                unnamed.add(addr)
                fns = ["<unknown>"]
            stack.extend(fns)
        if not stack:
            continue
        flat[stack[0]] += v
        for fn in set(stack):
            cum[fn] += v
    expected_rows = [(n, flat[n], cum[n]) for n in cum if flat[n] or cum[n]]
    got_total, stype, rows = run_smolder(cli, case)
    diff = compare(total, expected_rows, got_total, rows, types[idx][0], stype)
    if diff and unnamed:
        diff.append("(%d stack addresses have no '#' line; expected them as one "
                    "<unknown> node, as pprof names them)" % len(unnamed))
    return diff


def strip_call_args(line):
    """ "pkg.(*T).m(0xc0, {0x1, 0x2})" -> "pkg.(*T).m": drop the argument list."""
    if not line.endswith(")"):
        return line
    depth = 0
    for i in range(len(line) - 1, -1, -1):
        if line[i] == ")":
            depth += 1
        elif line[i] == "(":
            depth -= 1
            if depth == 0:
                return line[:i]
    return line


def parse_goroutine_dump(path):
    """[[function names, leaf first]] per goroutine of a ?debug=2 dump."""
    stacks = []
    frames = None
    with open(path, "r", encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if re.match(r"^goroutine [0-9]+ \[", line):
                frames = []
                stacks.append(frames)
            elif frames is None or not line or line.startswith(("\t", "created by ", "...")):
                continue
            else:
                frames.append(strip_call_args(line))
    return stacks


def check_goroutine_dump(cli, case):
    """pprof cannot read ?debug=2 dumps: the expected table is counted here,
    one sample per goroutine, its frames named as the traceback names them
    (the "created by" frame is not part of the stack, as in a goroutine profile)."""
    flat = collections.Counter()
    cum = collections.Counter()
    stacks = parse_goroutine_dump(case.files[0])
    for frames in stacks:
        if frames:
            flat[frames[0]] += 1
        for fn in set(frames):
            cum[fn] += 1
    expected_rows = [(n, flat[n], cum[n]) for n in cum]
    total, stype, rows = run_smolder(cli, case)
    return compare(len(stacks), expected_rows, total, rows, "goroutine", stype)


def check_cross(cli, case):
    """A text profile pprof cannot read, against pprof on the proto of the same
    moment: the total and every row Smolder names (frames the '#' lines do not
    name are <unknown> in Smolder and absent from the proto)."""
    reference, text = case.files
    types, _ = case.types
    idx = resolve_index(case)
    suffix = unit_suffix(types[idx][1])
    args = PPROF_TOP + ["-sample_index=%d" % idx] + (["-unit=" + suffix] if suffix else [])
    expected_total, expected_rows = parse_pprof_top(pprof(args, [reference]), suffix)
    smolder_case = Case(case.desc, [text], sample_index=idx, types=case.types)
    total, stype, rows = run_smolder(cli, smolder_case)
    rows = [r for r in rows if r[0] != "<unknown>"]
    return compare(expected_total, expected_rows, total, rows, types[idx][0], stype)


def check(cli, case):
    if case.kind == "goroutine-dump":
        return check_goroutine_dump(cli, case)
    if case.kind == "cross":
        return check_cross(cli, case)
    if case.text is not None:
        return check_text(cli, case)
    return check_top(cli, case)


def is_text_profile(path):
    with open(path, "rb") as f:
        head = f.read(64)
    return head.startswith((b"heap profile:", b"goroutine profile:", b"threadcreate profile:",
                            b"--- mutex:", b"--- contention:", b"goroutine "))


def discover(data):
    files = []
    for root, dirs, names in os.walk(data):
        # Fuzzer reproducers are not real profiles; test-fuzz-regressions.c has them.
        dirs[:] = sorted(d for d in dirs if d != "fuzz-regressions")
        for n in sorted(names):
            if n.endswith((".md", ".go")):
                continue
            files.append(os.path.join(root, n))
    return files


def rel(data, path):
    return os.path.relpath(path, data)


def build_cases(data, jobs, only):
    files = discover(data)
    raws = {}
    unread = []
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        futs = {f: ex.submit(run, ["go", "tool", "pprof", "-raw", f]) for f in files}
        for f in files:
            rc, out, err = futs[f].result()
            if rc == 0:
                raws[f] = parse_pprof_raw(out)
            else:
                unread.append((f, err.strip().splitlines()[0] if err.strip() else "?"))

    cases = []
    for f, (types, default, samples, locations) in raws.items():
        text = is_text_profile(f)
        for i, (t, u) in enumerate(types):
            c = Case("%s %s (%d)" % (rel(data, f), t, i), [f], sample_index=i,
                     types=(types, default))
            if text:
                c.desc = "%s %s (%d) [values from pprof, names from '#' lines]" % (
                    rel(data, f), t, i)
                c.text = (types, default, samples, locations)
            cases.append(c)

    def extra(desc, names, **kw):
        paths = [os.path.join(data, n) for n in names]
        if not all(p in raws for p in paths):
            return
        types, default, _, _ = raws[paths[0]]
        cases.append(Case(desc, paths, types=(types, default), **kw))

    compile_cpu = "go-toolchain/compile-nethttp-cpu.pb.gz"
    allocs = "leaky-service/allocs.pb.gz"
    labels_cpu = "labels/cpu-labels.pb.gz"
    labels_g = "labels/goroutine-labels.pb.gz"

    # Granularities.
    for f, si in ((compile_cpu, 1), (allocs, 1), (labels_cpu, 1),
                  ("leaky-service/series/heap-11.pb.gz", 3)):
        for g in ("lines", "files"):
            extra("%s granularity=%s (%d)" % (f, g, si), [f], sample_index=si,
                  pprof_args=["-" + g], smolder_args=["--granularity=" + g])

    # Filters, with pprof's meanings.
    filters = [
        (compile_cpu, 1, "focus", r"ssa\.Compile"),
        (compile_cpu, 1, "ignore", r"runtime\.gcBgMarkWorker"),
        (compile_cpu, 1, "hide", r"^runtime\."),
        (compile_cpu, 1, "show", r"cmd/compile/internal/(ssa|ssagen)"),
        (allocs, 1, "focus", r"main\.cpuWork"),
        (allocs, 1, "ignore", r"regexp"),
        (allocs, 1, "hide", r"runtime"),
        (allocs, 1, "show", r"^main\.|fmt"),
    ]
    for f, si, kind, rx in filters:
        extra("%s %s=%s (%d)" % (f, kind, rx, si), [f], sample_index=si,
              pprof_args=["-%s=%s" % (kind, rx)], smolder_args=["--%s=%s" % (kind, rx)])
    extra("%s focus+ignore+hide+show (1)" % compile_cpu, [compile_cpu], sample_index=1,
          pprof_args=["-focus=ssa", "-ignore=regalloc", "-hide=runtime", "-show=cmd"],
          smolder_args=["--focus=ssa", "--ignore=regalloc", "--hide=runtime", "--show=cmd"])
    extra("%s focus=cmd granularity=lines (1)" % compile_cpu, [compile_cpu], sample_index=1,
          pprof_args=["-focus=cmd/compile/internal/ssa", "-lines"],
          smolder_args=["--focus=cmd/compile/internal/ssa", "--granularity=lines"])
    for f, si, tag in ((labels_cpu, 1, "tenant=beta"), (labels_cpu, 1, "worker=hash"),
                       (labels_cpu, 0, "worker=^s"), (labels_g, 0, "tenant=alpha")):
        extra("%s tag %s (%d)" % (f, tag, si), [f], sample_index=si,
              pprof_args=["-tagfocus=" + tag], smolder_args=["--tag=" + tag])

    # Sample types by name and by default.
    extra("%s sample index by name inuse_space" % allocs, [allocs], sample_index="inuse_space")
    extra("%s sample index by name alloc_objects" % allocs, [allocs],
          sample_index="alloc_objects")
    extra("%s default sample type" % allocs, [allocs])
    extra("leaky-service/series/heap-00.pb.gz default sample type",
          ["leaky-service/series/heap-00.pb.gz"])
    extra("%s default sample type" % compile_cpu, [compile_cpu])

    # Merged profiles.
    heaps = ["leaky-service/series/heap-%02d.pb.gz" % i for i in range(12)]
    gors = ["leaky-service/series/goroutine-%02d.pb.gz" % i for i in range(12)]
    for si in (1, 3):
        extra("merge of 12 heap profiles (%d)" % si, heaps, sample_index=si)
    extra("merge of 12 goroutine profiles (0)", gors, sample_index=0)
    extra("merge of heap-00 and heap-11 granularity=lines (3)", [heaps[0], heaps[11]],
          sample_index=3, pprof_args=["-lines"], smolder_args=["--granularity=lines"])
    extra("merge of cpu-10s and regexp-bench-cpu (1)",
          ["leaky-service/cpu-10s.pb.gz", "go-toolchain/regexp-bench-cpu.pb.gz"],
          sample_index=1)

    # Text forms pprof rejects: checked against pprof on the proto of the same
    # moment, or counted from the dump itself.
    tc_text = os.path.join(data, "leaky-service/threadcreate-debug1.txt")
    tc_proto = os.path.join(data, "leaky-service/threadcreate.pb.gz")
    if os.path.exists(tc_text) and tc_proto in raws:
        types, default, _, _ = raws[tc_proto]
        cases.append(Case("leaky-service/threadcreate-debug1.txt threadcreate (0) "
                          "[against pprof on threadcreate.pb.gz]", [tc_proto, tc_text],
                          sample_index=0, types=(types, default), kind="cross"))
    dump = os.path.join(data, "leaky-service/goroutine-debug2.txt")
    if os.path.exists(dump):
        cases.append(Case("leaky-service/goroutine-debug2.txt goroutine (0) "
                          "[counted from the tracebacks]", [dump], sample_index=0,
                          types=([("goroutine", "count")], 0), kind="goroutine-dump"))

    if only:
        cases = [c for c in cases if any(o in c.desc for o in only)]
    return cases, unread, raws


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("smolder_cli")
    ap.add_argument("data_dir")
    ap.add_argument("-j", "--jobs", type=int, default=max(2, min(4, (os.cpu_count() or 2))))
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
    if not os.access(cli, os.X_OK):
        print("Bail out! %s is not an executable" % cli)
        return 1

    cases, unread, _ = build_cases(a.data_dir, a.jobs, a.only)
    for f, why in unread:
        print("# pprof does not read %s (%s): not an oracle case" % (rel(a.data_dir, f), why))

    failed = 0
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        futs = [ex.submit(check, cli, c) for c in cases]
        for n, (case, fut) in enumerate(zip(cases, futs), 1):
            try:
                diff = fut.result()
            except OracleError as e:
                diff = [str(e)]
            if diff:
                failed += 1
                print("not ok %d - %s" % (n, case.desc))
                for line in diff:
                    print("#   " + line)
            else:
                print("ok %d - %s" % (n, case.desc))
            sys.stdout.flush()
    print("1..%d" % len(cases))
    if failed:
        print("# %d of %d cases differ from go tool pprof" % (failed, len(cases)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
