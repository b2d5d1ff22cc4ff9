#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""smolder-cli record --cpu and series --functions against the real Go services.

Usage: test_record_cpu_functions.py SMOLDER_CLI LEAKY_STD LEAKY_GIN   ('none': no go, skip)

- `record --cpu=2` while polling: cpu-NNNN.pb.gz joins session.json, `go tool pprof -top`
  reads it, its total samples are > 0 and main.burnCPU (the service's -burn goroutine) is
  in it; the heap and goroutine polls went on during the capture.
- `series --functions`: for the top function of a heap and of a goroutine snapshot, the
  value equals pprof's flat (-sample_index=inuse_space -unit=B; goroutine counts) in that
  very file; a function missing from a snapshot with a complete list is 0 there.
- `--profiles=...,trace` is refused at once: the trace is not a pprof profile.
Prints TAP.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'live'))
from livetest import Server, Tap  # noqa: E402

tap = Tap()
if len(sys.argv) != 4:
    tap.bail('usage: test_record_cpu_functions.py SMOLDER_CLI LEAKY_STD LEAKY_GIN')
cli, std_exe, gin_exe = sys.argv[1:]
if std_exe == 'none' or shutil.which('go') is None:
    tap.skip_all('no go: the Go services cannot be built')

tmp = tempfile.mkdtemp(prefix='smolder-cpu-')
env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='C', XDG_DATA_HOME=os.path.join(tmp, 'xdg'))
# flat flat% sum% cum cum% name [(inline)]; CPU values may have decimals ("1.01s").
TOP_ROW = re.compile(r'^\s*(-?[\d.]+)(B|ms|s|us|ns)?\s+[\d.]+%\s+[\d.]+%\s+(-?[\d.]+)(B|ms|s|us|ns)?\s+[\d.]+%\s+(.+?)(?: \(inline\))?$')


def run(argv, timeout=120):
    p = subprocess.run([cli] + argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=timeout, env=env, text=True)
    return p.returncode, p.stdout, p.stderr


def pprof_top(path, *options):
    """{function: flat} from go tool pprof -top (all nodes), and the whole output."""
    p = subprocess.run(['go', 'tool', 'pprof', '-top', '-nodecount=100000', '-nodefraction=0'] + list(options) + [path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120, text=True)
    flat = {}
    for line in p.stdout.splitlines():
        m = TOP_ROW.match(line)
        if m:
            flat[m.group(5).strip()] = float(m.group(1))
    return p.returncode, flat, p.stdout + p.stderr


def functions_tsv(folder):
    rc, out, err = run(['series', '--functions', folder])
    lines = out.splitlines()
    rows = [dict(zip(['unix_ms', 'profile', 'file', 'function', 'value'], l.split('\t')))
            for l in lines[1:]]
    return rc, (lines[0] if lines else ''), rows, err


with Server([std_exe, '-rate', '50', '-burn', '-lifetime', '5m', '-exit-on-stdin-eof'],
            lines=2) as srv:
    addr = srv.field('listening')
    out_dir = os.path.join(tmp, 'cpu')
    rc, out, err = run(['record', addr, '--interval=0.5s', '--count=3', '--cpu=2',
                        '--out=' + out_dir])
    tap.ok(rc == 0, 'record --cpu=2 exits 0', err)
    with open(os.path.join(out_dir, 'session.json')) as f:
        index = json.load(f)
    cpu = [s for s in index['snapshots'] if s['profile'] == 'cpu']
    tap.ok(len(cpu) == 1 and re.match(r'^cpu-\d{4}\.pb\.gz$', cpu[0]['files'][0]['name']) and
           cpu[0]['files'][0]['query'].startswith('profile?seconds=2'),
           'one cpu-NNNN.pb.gz in session.json, fetched with seconds=2', cpu)
    if cpu:
        cpu_file = os.path.join(out_dir, cpu[0]['files'][0]['name'])
        prc, flat, text = pprof_top(cpu_file)
        m = re.search(r'Total samples = (\d+(?:\.\d+)?)(ms|s)', text)
        tap.ok(prc == 0 and m is not None and float(m.group(1)) > 0,
               'go tool pprof -top reads it and its total samples are > 0', text[:2000])
        tap.ok('main.burnCPU' in flat, 'main.burnCPU is in the CPU profile', sorted(flat)[:20])
        heap_during = [s for s in index['snapshots'] if s['profile'] == 'heap' and
                       cpu[0]['time_ms'] <= s['time_ms'] <= cpu[0]['time_ms'] + 2000]
        tap.ok(len(heap_during) >= 2, 'heap polls went on during the capture (%d)' % len(heap_during))
    else:
        for _ in range(3):
            tap.ok(False, 'no CPU snapshot to check')

    rc, header, rows, err = functions_tsv(out_dir)
    tap.ok(rc == 0 and header == '# unix_ms\tprofile\tfile\tfunction\tvalue',
           'series --functions prints its tsv header', header + err)
    for profile, options in (('heap', ['-sample_index=inuse_space', '-unit=B']),
                             ('goroutine', [])):
        mine = [r for r in rows if r['profile'] == profile]
        last = max((r['file'] for r in mine), default=None)
        if last is None:
            tap.ok(False, '%s: series --functions has rows' % profile, rows[:10])
            continue
        prc, flat, text = pprof_top(os.path.join(out_dir, last), *options)
        top = max(flat, key=lambda k: abs(flat[k])) if flat else None
        chart = {r['function']: int(r['value']) for r in mine if r['file'] == last}
        tap.ok(top is not None and top in chart and chart[top] == flat[top],
               '%s %s: the top function %s is %s in the chart, %s in pprof'
               % (profile, last, top, chart.get(top), flat.get(top)), text[:1500])
        wrong = {k: (v, flat.get(k, 0)) for k, v in chart.items() if v != flat.get(k, 0)}
        tap.ok(not wrong, '%s %s: every function charted equals pprof\'s flat' % (profile, last),
               wrong)

    rc, out, err = run(['record', addr, '--profiles=heap,trace', '--out=' + os.path.join(tmp, 't')])
    tap.ok(rc == 2 and 'not a pprof profile' in err and 'go tool trace' in err,
           '--profiles=trace is refused: not a pprof profile', err)
    tap.ok(not os.path.exists(os.path.join(tmp, 't')), 'and nothing was recorded')

shutil.rmtree(tmp, ignore_errors=True)
tap.done()
