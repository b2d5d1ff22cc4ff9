#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check_shortcuts.py SOURCE_ROOT SHORTCUTS_UI: the shortcuts window lists every key the app binds.

Collects the keys the GUI's C code binds (gtk_widget_class_add_binding*, key tables of
{ GDK_KEY_…, mods, "action" }, gtk_application_set_accels_for_action's "<Control>o"
strings) under app/ and widgets/ and checks each appears among the accelerators of the
shortcuts window. Keypad twins and shifted spellings count as the main key. TAP output."""

import os
import re
import sys
import xml.etree.ElementTree as ET

# The keypad and shifted forms a user reads as one key.
ALIASES = {"KP_Enter": "Return", "KP_Left": "Left", "KP_Right": "Right", "KP_Up": "Up",
           "KP_Down": "Down", "KP_Home": "Home", "KP_End": "End", "KP_Add": "plus",
           "KP_Subtract": "minus", "equal": "plus"}
MASKS = {"GDK_CONTROL_MASK": "Control", "GDK_SHIFT_MASK": "Shift", "GDK_ALT_MASK": "Alt",
         "GDK_SUPER_MASK": "Super"}


def normalize(mods, key):
    key = ALIASES.get(key, key)
    mods = {"Control" if m == "Primary" else m for m in mods}
    if len(key) == 1 and key.isalpha() and key.isupper():
        key = key.lower()
        mods.add("Shift")
    if key == "plus":
        mods.discard("Shift")  # plus is typed with Shift on most layouts
    return (frozenset(mods), key)


def code_bindings(root):
    """{(mods, key): 'file:line'} of every binding in the GUI's C sources."""
    found = {}
    binding = re.compile(r"gtk_widget_class_add_binding\w*\s*\(\s*\w+\s*,\s*GDK_KEY_(\w+)\s*,\s*([^,]+),")
    table = re.compile(r"\{\s*GDK_KEY_(\w+)\s*,\s*([\w\s|]+?)\s*,\s*\"")
    accel = re.compile(r"\"((?:<\w+>)+\w+)\"")
    for top in ("app", "widgets"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            if os.path.relpath(dirpath, root).startswith(os.path.join("app", "cli")):
                continue
            for name in filenames:
                if not name.endswith(".c"):
                    continue
                path = os.path.join(dirpath, name)
                for n, line in enumerate(open(path, encoding="utf-8"), 1):
                    where = f"{os.path.relpath(path, root)}:{n}"
                    for m in list(binding.finditer(line)) + list(table.finditer(line)):
                        mods = {MASKS.get(t.strip(), t.strip()) for t in m.group(2).split("|")} - {"0"}
                        found.setdefault(normalize(mods, m.group(1)), where)
                    if "accels" in line:
                        for m in accel.finditer(line):
                            found.setdefault(parse_accel(m.group(1)), where)
    return found


def parse_accel(text):
    mods = re.findall(r"<(\w+)>", text)
    return normalize(set(mods), re.sub(r"<\w+>", "", text))


def main():
    root, ui = sys.argv[1:3]
    listed = set()
    for prop in ET.parse(ui).getroot().iter("property"):
        if prop.get("name") == "accelerator":
            listed.update(parse_accel(a) for a in prop.text.split())
    bindings = code_bindings(root)
    results = [(len(bindings) > 10, f"found {len(bindings)} keys bound in the code", "")]
    for (mods, key), where in sorted(bindings.items(), key=lambda kv: kv[1]):
        label = "".join(f"<{m}>" for m in sorted(mods)) + key
        results.append(((mods, key) in listed, f"{label} ({where}) is in the shortcuts window", ""))
    print(f"1..{len(results)}")
    for i, (ok, what, _) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} {what}")
    sys.exit(0 if all(ok for ok, _, _ in results) else 1)


if __name__ == "__main__":
    main()
