#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""smolder-cli export's SVG as a browser and tools read it.

Usage: test_export_svg.py SMOLDER_CLI DATA_DIR

The title says the file, the sample type, the filters and the search; each
frame is a <g> with a <title> (name, exact total and self, % of total) and its
label as <text>; the values are go tool pprof -top's (run here when go is
installed). The frames a Go text profile did not print keep pprof's
"<unknown>" in `top --format=tsv` and are named for what they are in the
picture. Prints TAP.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
results = []


def run(argv):
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def check(desc, problems):
    results.append((desc, problems))


def frames_of(path):
    """[(title lines, text or None)] of every frame <g>, and the document title."""
    root = ET.parse(path).getroot()
    doc_title = root.find(SVG + "title")
    frames = []
    for g in root.iter(SVG + "g"):
        if g.get("class") != "frame":
            continue
        title = g.find(SVG + "title")
        text = g.find(SVG + "text")
        frames.append((title.text.split("\n"), text.text if text is not None else None))
    return (doc_title.text if doc_title is not None else None), root, frames


VALUE = re.compile(r"^(Total|Self): .* \((-?\d+)(?: \w+)?\), ([\d.]+)% of total$")


def pprof_top(path, args):
    """{name: (flat, cum, cum%)} from go tool pprof -top -unit=B."""
    rc, out, err = run(["go", "tool", "pprof", "-top", "-unit=B", "-nodecount=1000"] + args + [path])
    if rc != 0:
        return None
    rows = {}
    for line in out.splitlines():
        m = re.match(r"^\s*(\d+)B?\s+[\d.]+%\s+[\d.]+%\s+(\d+)B?\s+([\d.]+)%\s+(.*)$", line)
        if m:
            rows[m.group(4)] = (int(m.group(1)), int(m.group(2)), float(m.group(3)))
    return rows


def main():
    cli, data = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp(prefix="smolder-export-svg-")
    heap = os.path.join(data, "leaky-service/series/heap-02.pb.gz")
    out = os.path.join(tmp, "heap.svg")
    try:
        rc, _, err = run([cli, "export", "-o", out, "--focus=^main\\.", "--search=Session", heap])
        check("export --focus --search writes an SVG", [] if rc == 0 else ["exit %d: %s" % (rc, err)])
        doc_title, root, frames = frames_of(out)

        # The title line (the document's <title> and the drawn one).
        problems = []
        drawn = [t.text for t in root.iter(SVG + "text") if t.get("class") == "title"]
        for title in (doc_title, drawn[0] if drawn else None):
            for part in ("heap-02.pb.gz", "inuse_space", "focus=^main\\.", "search: Session"):
                if title is None or part not in title:
                    problems.append("title %r lacks %r" % (title, part))
        check("the title names the file, sample type, filter and search", problems)

        # Real text, no glyph outlines (cairo's SVG would have <symbol>/<use>).
        raw = open(out, encoding="utf-8").read()
        problems = []
        if "<use" in raw or "<symbol" in raw or "<path" in raw:
            problems.append("the SVG draws glyphs as paths")
        labels = [t for _, t in frames if t]
        if "main.cacheMetadata" not in labels or "main.registerSession" not in labels:
            problems.append("labels %r lack the wide frames' names" % labels[:10])
        check("frame labels are <text>", problems)

        # Each frame's title against pprof -top (functions that have one node).
        rows = pprof_top(heap, ["-focus=^main\\."]) if shutil.which("go") else None
        if rows is None:
            results.append(("frame titles equal pprof -top # SKIP no go tool pprof", []))
        else:
            by_name = {}
            for lines, _ in frames:
                by_name.setdefault(lines[0], []).append(lines)
            problems = []
            checked = 0
            for name, (flat, cum, cum_pct) in rows.items():
                nodes = by_name.get(name, [])
                if len(nodes) != 1:
                    continue
                values = {}
                for line in nodes[0][1:]:
                    m = VALUE.match(line)
                    if not m:
                        problems.append("%s: unreadable line %r" % (name, line))
                        continue
                    values[m.group(1)] = (int(m.group(2)), float(m.group(3)))
                if values.get("Total", (None,))[0] != cum:
                    problems.append("%s: total %r, pprof cum %d" % (name, values.get("Total"), cum))
                if values.get("Self", (None,))[0] != flat:
                    problems.append("%s: self %r, pprof flat %d" % (name, values.get("Self"), flat))
                if "Total" in values and abs(values["Total"][1] - cum_pct) > 0.006:
                    problems.append("%s: %.2f%% of total, pprof %.2f%%" % (name, values["Total"][1], cum_pct))
                checked += 1
            if checked < 4:
                problems.append("only %d frames compared" % checked)
            check("frame titles (total, self, %% of total) equal pprof -top for %d frames" % checked, problems)

        # A text heap: pprof's "<unknown>" in the tsv, named in the picture.
        text_heap = os.path.join(data, "leaky-service/series/heap-debug1-01.txt")
        rc, tsv, err = run([cli, "top", "--format=tsv", text_heap])
        names = [l.split("\t")[2] for l in tsv.splitlines() if not l.startswith("#") and l.count("\t") >= 2]
        problems = []
        if "<unknown>" not in names:
            problems.append("no <unknown> row in %r" % names)
        if any("not printed" in n for n in names):
            problems.append("the tsv renames <unknown>")
        check("top --format=tsv keeps pprof's <unknown> for unprinted frames", problems)

        out2 = os.path.join(tmp, "text.svg")
        rc, _, err = run([cli, "export", "-o", out2, text_heap])
        _, _, frames = frames_of(out2)
        unprinted = [(lines, t) for lines, t in frames if lines[0].startswith("(frames not printed by Go)")]
        problems = []
        if len(unprinted) != 1:
            problems.append("%d frames named for the unprinted frames" % len(unprinted))
        else:
            lines, text = unprinted[0]
            if "<unknown>" not in lines[0]:
                problems.append("its title %r does not give pprof's name" % lines[0])
            if text is None or "not printed" not in text:
                problems.append("its label is %r" % text)
        if any(lines[0] == "<unknown>" for lines, _ in frames):
            problems.append("a bare <unknown> frame is left")
        check("the export names the frames Go did not print", problems)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print("1..%d" % len(results))
    failed = 0
    for i, (desc, problems) in enumerate(results, 1):
        if problems:
            failed += 1
            print("not ok %d - %s" % (i, desc))
            for p in problems:
                print("#   %s" % p)
        else:
            print("ok %d - %s" % (i, desc))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
