#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# pprof-search-nodes.py PROFILE REGEX: how many flame graph nodes a search
# for REGEX highlights, worked out from `go tool pprof -traces` alone (the
# expected numbers of tests/ui/test-profile-page.c). A node is a distinct
# call path from the root (top down) or from the leaf (inverted); it matches
# when its own function does. Prints "top-down N" and "inverted N".
import re
import subprocess
import sys

out = subprocess.run(["go", "tool", "pprof", "-traces", sys.argv[1]],
                     capture_output=True, text=True, check=True).stdout
traces, cur = [], None
for line in out.splitlines():
    if line.startswith("-----------+"):
        if cur:
            traces.append(cur)
        cur = []
        continue
    if cur is None or not line.strip():
        continue
    # "      10ms   main.f" or "             main.g (inline)": leaf first.
    cur.append(re.sub(r" \(inline\)$", "", line[13:].strip()))
if cur:
    traces.append(cur)

regex = re.compile(sys.argv[2])
top_down, inverted = set(), set()
for leaf_first in traces:
    root_first = list(reversed(leaf_first))
    for i, name in enumerate(root_first):
        if regex.search(name):
            top_down.add(tuple(root_first[:i + 1]))
    for i, name in enumerate(leaf_first):
        if regex.search(name):
            inverted.add(tuple(leaf_first[:i + 1]))
print("top-down", len(top_down))
print("inverted", len(inverted))
