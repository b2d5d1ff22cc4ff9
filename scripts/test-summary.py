#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints one closing line for `make check`: the tests and TAP subtests that
passed and failed across the given meson build folders (their testlog.json)."""
import json
import re
import sys

passed = failed = skipped = 0
for build in sys.argv[1:]:
    with open(f"{build}/meson-logs/testlog.json") as log:
        for line in log:
            test = json.loads(line)
            result = test["result"]
            # A TAP test counts its subtests; others count once.
            oks = len(re.findall(r"^ok ", test.get("stdout") or "", re.M))
            bad = len(re.findall(r"^not ok ", test.get("stdout") or "", re.M))
            if result in ("OK", "EXPECTEDFAIL"):
                passed += max(oks, 1)
            elif result == "SKIP":
                skipped += 1
            else:
                failed += max(bad, 1)
print(f"check: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
