#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""smolder-cli prints the same bytes whatever the user's locale.

Usage: check_cli_locale.py SMOLDER_CLI DATA_DIR

Scripts read `top --format=tsv` and the oracle compares `top` with go tool
pprof: under a German locale "2.71 s" must not become "2,71 s". Runs info,
top, top --format=tsv and an SVG export under C.UTF-8 and under de_DE.UTF-8
(a decimal comma) and compares. This test is about a locale: when the system
has no de_DE.UTF-8 it compiles one into a temporary folder (localedef, from the
locales package, no root needed) and points LOCPATH at it; without localedef
it skips. Prints TAP.
"""

import os
import shutil
import subprocess
import sys
import tempfile

LOCALE = 'de_DE.UTF-8'


def locale_available(name):
    try:
        out = subprocess.run(['locale', '-a'], stdout=subprocess.PIPE, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return False
    want = name.lower().replace('utf-8', 'utf8')
    return any(line.strip().lower().replace('utf-8', 'utf8') == want
               for line in out.decode('ascii', 'replace').splitlines())


def private_locale(tmp):
    """LOCPATH for a de_DE.UTF-8 compiled into tmp, or None."""
    locpath = os.path.join(tmp, 'locale')
    os.makedirs(locpath)
    try:
        p = subprocess.run(['localedef', '-i', 'de_DE', '-f', 'UTF-8',
                            os.path.join(locpath, LOCALE)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    except OSError:
        return None
    # localedef warns (exit 1) about harmless things; the folder is what counts.
    if not os.path.isfile(os.path.join(locpath, LOCALE, 'LC_NUMERIC')):
        return None
    return locpath


def run(argv, locale, output=None, locpath=None):
    env = dict(os.environ, LC_ALL=locale, LANG=locale, LANGUAGE='de' if locale == LOCALE else 'C')
    if locpath is not None:
        env['LOCPATH'] = locpath
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=120)
    data = p.stdout
    if output is not None and os.path.exists(output):
        with open(output, 'rb') as f:
            data += f.read()
    return p.returncode, data, p.stderr


def main():
    cli, data_dir = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp(prefix='smolder-locale-')
    locpath = None
    if not locale_available(LOCALE):
        locpath = private_locale(tmp)
        if locpath is None:
            shutil.rmtree(tmp, ignore_errors=True)
            print('1..0 # SKIP no %s and no localedef to make one' % LOCALE)
            return 0

    cpu = os.path.join(data_dir, 'go-toolchain', 'compile-nethttp-cpu.pb.gz')
    heap = os.path.join(data_dir, 'leaky-service', 'heap-gc.pb.gz')
    svg = os.path.join(tmp, 'flame.svg')
    cases = [
        ('info of a heap profile', [cli, 'info', heap], None),
        ('top of a CPU profile', [cli, 'top', cpu], None),
        ('top of a heap profile', [cli, 'top', heap], None),
        ('top --format=tsv', [cli, 'top', '--format=tsv', cpu], None),
        ('export to SVG', [cli, 'export', '-o', svg, cpu], svg),
    ]

    print('1..%d' % len(cases))
    failed = 0
    for n, (desc, argv, output) in enumerate(cases, 1):
        results = []
        for locale in ('C.UTF-8', LOCALE):
            if output is not None and os.path.exists(output):
                os.unlink(output)
            results.append(run(argv, locale, output, locpath if locale == LOCALE else None))
        (rc_c, out_c, err_c), (rc_de, out_de, err_de) = results
        problems = []
        if rc_c != 0:
            problems.append('exit %d under C.UTF-8: %s' % (rc_c, err_c.decode('utf-8', 'replace')))
        if (rc_de, out_de, err_de) != (rc_c, out_c, err_c):
            lines_c = out_c.decode('utf-8', 'replace').splitlines()
            lines_de = out_de.decode('utf-8', 'replace').splitlines()
            first = next((i for i, (a, b) in enumerate(zip(lines_c, lines_de)) if a != b),
                         min(len(lines_c), len(lines_de)))
            problems.append('output differs under %s from line %d: %r became %r' % (
                LOCALE, first + 1,
                lines_c[first] if first < len(lines_c) else '<end>',
                lines_de[first] if first < len(lines_de) else '<end>'))
        if problems:
            failed += 1
            print('not ok %d %s' % (n, desc))
            for p in problems:
                print('# ' + p.replace('\n', '\n# '))
        else:
            print('ok %d %s' % (n, desc))
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
