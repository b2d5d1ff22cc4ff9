#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check_potfiles.py: po/POTFILES.in lists every file with translatable strings, and no other.
#
# Usage: check_potfiles.py SOURCE_ROOT
# A file counts as translatable when it marks a string (_( N_( C_( NC_( Q_(,
# the gettext/ngettext family, translatable="yes") or is a desktop entry or
# AppStream file template. Exits 1 and lists the files to add or remove.

import os
import re
import sys

SCANNED_DIRS = ('app', 'widgets', 'data')
SOURCE_SUFFIXES = ('.c', '.h', '.ui', '.xml', '.xml.in', '.desktop.in')
ALWAYS_TRANSLATABLE = ('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in')

MARKER = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_)\s*\('
    r'|\b(?:g_d?n?gettext|g_dcgettext|g_dpgettext2?|d?n?gettext)\s*\('
    r'|translatable\s*=\s*"yes"')


def read_potfiles(path):
    listed = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.append(line)
    return listed


def translatable_files(root):
    found = set()
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in filenames:
                if not name.endswith(SOURCE_SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root).replace(os.sep, '/')
                if name.endswith(ALWAYS_TRANSLATABLE):
                    found.add(rel)
                    continue
                try:
                    with open(path, encoding='utf-8') as f:
                        text = f.read()
                except (UnicodeDecodeError, OSError):
                    continue
                if MARKER.search(text):
                    found.add(rel)
    return found


def main():
    if len(sys.argv) != 2:
        print('usage: check_potfiles.py SOURCE_ROOT', file=sys.stderr)
        return 2
    root = sys.argv[1]
    potfiles = os.path.join(root, 'po', 'POTFILES.in')
    listed = read_potfiles(potfiles)
    needed = translatable_files(root)

    missing = sorted(needed - set(listed))
    absent = sorted(p for p in listed if not os.path.isfile(os.path.join(root, p)))

    if missing:
        print('po/POTFILES.in lacks these files with translatable strings (add them):')
        for p in missing:
            print(p)
    if absent:
        print('po/POTFILES.in lists files that do not exist (remove them):')
        for p in absent:
            print(p)
    if missing or absent:
        return 1
    print('po/POTFILES.in lists all %d files with translatable strings' % len(needed))
    return 0


if __name__ == '__main__':
    sys.exit(main())
