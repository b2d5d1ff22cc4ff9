#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""smolder-cli record/info/series against the real leaking Go services.

Usage: test_record_live.py SMOLDER_CLI LEAKY_STD LEAKY_GIN   ('none': no go, skip)

- Gin behind BasicAuth on a route group: every snapshot on disk, `go tool pprof -top`
  reads each, the series agrees with the service's own runtime.MemStats (/stats), and
  the password is in no file written.
- The plain net/http/pprof service at the default path, given as host:port.
- kill -9 of a recording: info/series show every snapshot whose body was written.
- Bad endpoints at the start exit 1 at once with the reason.
Prints TAP.
"""

import base64
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'live'))
from livetest import Server, Tap, wait_until  # noqa: E402

SNAP = re.compile(r'^(heap|goroutine|allocs)-(\d{4})\.(pb\.gz|txt)$')
PASSWORD = 'pw-Zq81-secret'

tap = Tap()
if len(sys.argv) != 4:
    tap.bail('usage: test_record_live.py SMOLDER_CLI LEAKY_STD LEAKY_GIN')
cli, std_exe, gin_exe = sys.argv[1:]
if std_exe == 'none' or gin_exe == 'none' or shutil.which('go') is None:
    tap.skip_all('no go (or no Gin): the Go services cannot be built')

tmp = tempfile.mkdtemp(prefix='smolder-record-')
env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='C', XDG_DATA_HOME=os.path.join(tmp, 'xdg'))


def run(argv, timeout=120):
    p = subprocess.run([cli] + argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=timeout, env=env, text=True)
    return p.returncode, p.stdout, p.stderr


def stats(addr):
    with urllib.request.urlopen('http://%s/stats' % addr, timeout=10) as r:
        return json.load(r)


def control(addr, what):
    urllib.request.urlopen('http://%s/control/%s' % (addr, what), data=b'', timeout=10).read()


def snapshot_files(folder):
    return sorted(f for f in os.listdir(folder) if SNAP.match(f))


def pprof_reads(path):
    p = subprocess.run(['go', 'tool', 'pprof', '-top', path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=120, text=True)
    return p.returncode == 0 and ('Showing nodes' in p.stdout or 'Type:' in p.stdout), p.stderr


def series(folder):
    rc, out, err = run(['series', '--format=tsv', folder])
    rows = []
    lines = out.splitlines()
    header = lines[0].split('\t') if lines else []
    for line in lines[1:]:
        rows.append(dict(zip(header, line.split('\t'))))
    return rc, header, rows, err


def no_secret(folder, secrets):
    """The files that contain any of SECRETS (as bytes)."""
    bad = []
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), 'rb') as f:
            data = f.read()
        for s in secrets:
            if s in data:
                bad.append('%s contains %r' % (name, s))
    return bad


def test_gin():
    with Server([gin_exe, '-rate', '100', '-password', PASSWORD, '-lifetime', '5m',
                 '-exit-on-stdin-eof'], lines=2) as srv:
        addr = srv.field('listening')
        url = 'http://admin:%s@%s/admin/debug/pprof/' % (PASSWORD, addr)
        out_dir = os.path.join(tmp, 'gin')
        rc, out, err = run(['record', url, '--interval=0.5s', '--count=4', '--out=' + out_dir])
        tap.ok(rc == 0, 'record Gin with basic auth in the URL exits 0', err)
        files = snapshot_files(out_dir) if os.path.isdir(out_dir) else []
        want = ['%s-%04d.%s' % (p, i, e) for i in range(1, 5)
                for p, e in (('heap', 'pb.gz'), ('heap', 'txt'), ('goroutine', 'pb.gz'))]
        tap.ok(sorted(want) == files, 'heap .pb.gz/.txt and goroutine .pb.gz for polls 1-4',
               'files: %s' % files)
        bad = [f for f in files if not pprof_reads(os.path.join(out_dir, f))[0]]
        tap.ok(not bad, 'go tool pprof -top reads every snapshot', bad)
        # The password, its basic-auth form and the user:password pair are nowhere.
        b64 = base64.b64encode(('admin:' + PASSWORD).encode())
        leaks = no_secret(out_dir, [PASSWORD.encode(), b64, ('admin:' + PASSWORD).encode()])
        tap.ok(not leaks, 'the password is in no file of the session', leaks)
        tap.ok(PASSWORD not in out + err, 'nor on stdout/stderr')

        rc, header, rows, err = series(out_dir)
        tap.ok(rc == 0 and header[:8] == ['# unix_ms', 'heap_inuse', 'heap_alloc', 'heap_objects',
                                          'sys', 'next_gc', 'num_gc', 'goroutines'],
               'series --format=tsv header', header)
        tap.ok(len(rows) == 4 and all(r['heap_inuse'] and r['goroutines'] for r in rows),
               'four rows, each with heap and goroutines', rows)
        g = [int(r['goroutines']) for r in rows]
        tap.ok(g == sorted(g) and g[-1] > g[0], 'goroutines grow with the leak (%s)' % g)

        # Against the service's own MemStats: stop the leak, then one poll between
        # two /stats readings; each value must lie between them. Slack: the
        # goroutines serving /stats and the pprof connections come and go, so
        # ±5; the heap grows by what serving the three profiles allocates (a few
        # MB between the readings, hence the wide range) and a GC or sweeping
        # may lower it, so 10 % beyond the range (25 % when no GC-free window
        # was found).
        control(addr, 'rate?n=0')
        time.sleep(0.5)
        # A GC between the two readings can drop HeapAlloc below both: try
        # for a window without one (NumGC equal before and after).
        for attempt in range(5):
            before = stats(addr)
            one = os.path.join(tmp, 'gin-one-%d' % attempt)
            rc, out, err = run(['record', url, '--count=1', '--out=' + one])
            after = stats(addr)
            rc2, header, rows, err2 = series(one)
            if before['memstats']['NumGC'] == after['memstats']['NumGC']:
                break
        calm = before['memstats']['NumGC'] == after['memstats']['NumGC']
        tol = 0.10 if calm else 0.25
        tap.diag('comparison window: %d attempt(s), %s' % (attempt + 1, 'no GC in it' if calm else 'GCs in it'))
        ok = rc == 0 and rc2 == 0 and len(rows) == 1
        tap.ok(ok, 'one more poll with the leak stopped', err + err2)
        if ok:
            r = rows[0]
            lo = min(before['num_goroutine'], after['num_goroutine']) - 5
            hi = max(before['num_goroutine'], after['num_goroutine']) + 5
            tap.ok(lo <= int(r['goroutines']) <= hi,
                   'goroutines %s within %d..%d of /stats' % (r['goroutines'], lo, hi))
            for field, go_name in (('heap_inuse', 'HeapInuse'), ('heap_alloc', 'HeapAlloc'), ('sys', 'Sys')):
                ref = [before['memstats'][go_name], after['memstats'][go_name]]
                v = int(r[field])
                tap.ok(min(ref) * (1 - tol) <= v <= max(ref) * (1 + tol),
                       '%s %d within %d%% of /stats %s' % (field, v, tol * 100, ref))
            tap.ok(before['memstats']['NumGC'] <= int(r['num_gc']) <= after['memstats']['NumGC'],
                   'num_gc %s between /stats readings %d and %d' % (r['num_gc'], before['memstats']['NumGC'],
                                                                   after['memstats']['NumGC']))

        # Credentials needed / refused, at the start: exit 1 at once.
        rc, out, err = run(['record', 'http://%s/admin/debug/pprof/' % addr, '--count=1',
                            '--out=' + os.path.join(tmp, 'noauth')], timeout=30)
        tap.ok(rc == 1 and 'credentials needed' in err and '401' in err, 'no credentials: exit 1, says so', err)
        rc, out, err = run(['record', 'http://admin:wrong@%s/admin/debug/pprof/' % addr, '--count=1',
                            '--out=' + os.path.join(tmp, 'badauth')], timeout=30)
        tap.ok(rc == 1 and 'credentials were refused' in err, 'wrong password: exit 1, refused', err)
        tap.ok(not os.path.exists(os.path.join(tmp, 'noauth')), 'no session folder for a failed start')


def test_std():
    with Server([std_exe, '-rate', '100', '-lifetime', '5m', '-exit-on-stdin-eof'], lines=2) as srv:
        addr = srv.field('listening')
        out_dir = os.path.join(tmp, 'std')
        rc, out, err = run(['record', addr, '--interval=0.3s', '--count=2',
                            '--profiles=heap,goroutine,allocs', '--out=' + out_dir])
        tap.ok(rc == 0, 'record host:port (default /debug/pprof/) exits 0', err)
        files = snapshot_files(out_dir) if os.path.isdir(out_dir) else []
        tap.ok('allocs-0002.pb.gz' in files and 'heap-0002.txt' in files, 'allocs recorded too', files)
        rc, out, err = run(['info', out_dir])
        tap.ok(rc == 0 and re.search(r'allocs\s+2', out) and 'http://%s/debug/pprof/' % addr in out
               and 'HeapInuse' in out, 'info DIR: endpoint, per-profile counts, MemStats', out + err)

        rc, out, err = run(['record', addr + '/nope/', '--count=1', '--out=' + os.path.join(tmp, 'nope')],
                           timeout=30)
        tap.ok(rc == 1 and 'not a pprof index' in err and '404' in err, 'a wrong path: exit 1 with the 404', err)

        # SIGTERM (as Ctrl+C's SIGINT): stops with the index complete, exit 0.
        tdir = os.path.join(tmp, 'term')
        p = subprocess.Popen([cli, 'record', addr, '--interval=0.2s', '--out=' + tdir],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
        wait_until(lambda: os.path.isdir(tdir) and
                   len([f for f in os.listdir(tdir) if f.endswith('.txt')]) >= 3, 30)
        p.send_signal(signal.SIGTERM)
        err = p.communicate(timeout=30)[1]
        with open(os.path.join(tdir, 'session.json')) as f:
            indexed = {fl['name'] for s in json.load(f)['snapshots'] for fl in s['files']}
        files = snapshot_files(tdir)
        parts = [f for f in os.listdir(tdir) if f.endswith('.part')]
        tap.ok(p.returncode == 0 and 'snapshots in' in err and files and set(files) == indexed and not parts,
               'SIGTERM: exit 0, the index names all %d files, no partial file' % len(files),
               'rc %s, parts %s, unindexed %s\n%s' % (p.returncode, parts, set(files) - indexed, err))

        # kill -9 mid-recording, then info/series see every complete body. What
        # record printed before the kill is what it had fetched: each of those
        # must be back on reopen, whether or not the index (written at most
        # once a second) had caught up.
        kdir = os.path.join(tmp, 'killed')
        p = subprocess.Popen([cli, 'record', addr, '--interval=0.2s', '--out=' + kdir],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
        printed = []
        reader = threading.Thread(target=lambda: printed.extend(p.stdout), daemon=True)
        reader.start()
        wait_until(lambda: os.path.isdir(kdir) and
                   len([f for f in os.listdir(kdir) if f.endswith('.txt')]) >= 6, 30)
        p.send_signal(signal.SIGKILL)
        p.wait()
        reader.join(5)
        fetched = {line.split()[1] for line in printed if len(line.split()) > 1}
        files = snapshot_files(kdir)
        with open(os.path.join(kdir, 'session.json')) as f:
            before = {fl['name'] for s in json.load(f)['snapshots'] for fl in s['files']}
        tap.diag('after kill -9: %d snapshot files, %d partial; %d snapshots printed, %d of them not in the index yet' %
                 (len(files), len([f for f in os.listdir(kdir) if f.endswith('.part')]), len(fetched),
                  len(fetched - before)))
        rc, out, err = run(['info', kdir])
        tap.ok(rc == 0, 'info on the killed session exits 0', err)
        with open(os.path.join(kdir, 'session.json')) as f:
            indexed = {fl['name'] for s in json.load(f)['snapshots'] for fl in s['files']}
        tap.ok(len(fetched) >= 8 and fetched <= indexed,
               'every snapshot printed before the kill is in the reopened session (%d)' % len(fetched),
               'lost: %s' % sorted(fetched - indexed))
        missing = [f for f in files if f not in indexed]
        tap.ok(len(files) >= 8 and not missing, 'every body on disk is in the index (%d files)' % len(files),
               'missing: %s' % missing)
        bad = [f for f in files if not pprof_reads(os.path.join(kdir, f))[0]]
        tap.ok(not bad, 'go tool pprof reads each of them', bad)
        rc, header, rows, err = series(kdir)
        n_heap = len([f for f in files if f.endswith('.txt')])
        tap.ok(rc == 0 and len([r for r in rows if r['heap_inuse']]) == n_heap,
               'series has a heap row per heap text (%d)' % n_heap, rows)


try:
    test_gin()
    test_std()
finally:
    shutil.rmtree(tmp, ignore_errors=True)
tap.done()
