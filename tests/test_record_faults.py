#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""smolder-cli record against the fault server (tests/live/fault-server.py).

At the start (/f/FAULT/: the index fails): exit 1 at once, one message saying what came
back. While polling (/p/FAULT/: the index is fine, the profiles fail): each poll's error on
stderr, retries with back-off, exit 0 at --duration with a readable index and no partial
files. A healthy endpoint next to the faulty ones keeps its snapshots. Self-signed TLS:
refused with the fingerprint, accepted with --accept-cert. Prints TAP.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'live'))
from livetest import Server, Tap  # noqa: E402

tap = Tap()
if len(sys.argv) != 3:
    tap.bail('usage: test_record_faults.py SMOLDER_CLI FAULT_SERVER')
cli, fault_server = sys.argv[1:]
tmp = tempfile.mkdtemp(prefix='smolder-faults-')
env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='C')


def run(argv, timeout=60):
    t0 = time.monotonic()
    p = subprocess.run([cli] + argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=timeout, env=env, text=True)
    return p.returncode, p.stdout, p.stderr, time.monotonic() - t0


def sane(err):
    return not any(w in err for w in ('CRITICAL', 'WARNING **', 'AddressSanitizer', 'runtime error:'))


# At the start: fault → words the one stderr line must hold.
START = [
    ('404', ['not a pprof index', '404', '“404 page not found”']),
    ('500', ['500', 'Internal Server Error']),
    ('403', ['access refused', '403']),
    ('auth', ['credentials needed', '401']),
    ('html', ['not a pprof index', 'text/html', '<!DOCTYPE html>']),
    ('empty', ['not a pprof index', 'empty body']),
    ('redirect', ['redirects']),
    ('timeout', ['no complete answer', 'within 1.0 s']),
]

# While polling: fault → words of that poll's error.
POLL = [
    ('404', ['heap:', '404']),
    ('500', ['heap:', '500']),
    ('html', ['expected a profile', 'text/html']),
    ('empty', ['not a profile', 'empty']),
    ('garbage', ['not a profile']),
    ('truncated', ['ended after']),
    ('trickle', ['no complete answer', 'within 1.0 s']),
    ('timeout', ['no complete answer', 'within 1.0 s']),
    ('endless', ['larger than']),
    ('gzipbomb', ['decompresses to more than']),
    ('gzipbomb-ce', ['larger than']),
    ('redirect', ['more than 5 redirects']),
]

try:
    with Server([sys.executable, fault_server, '--exit-on-stdin-eof', '--lifetime', '600'],
                until='ready') as srv:
        base = srv.field('base')
        for fault, words in START:
            out_dir = os.path.join(tmp, 'start-' + fault)
            rc, out, err, secs = run(['record', '%s/f/%s/debug/pprof/' % (base, fault), '--count=1',
                                      '--timeout=1s', '--out=' + out_dir])
            lines = err.strip().splitlines()
            tap.ok(rc == 1 and len(lines) == 1 and all(w in err for w in words) and sane(err)
                   and secs < 10 and not os.path.exists(out_dir),
                   'start, %s: exit 1 at once (%.1f s), one line saying %s' % (fault, secs, words),
                   'rc %d: %s' % (rc, err))

        refused = srv.field('refused')
        rc, out, err, secs = run(['record', refused, '--count=1', '--out=' + os.path.join(tmp, 'r')])
        tap.ok(rc == 1 and 'cannot connect' in err and 'refused' in err.lower(),
               'start, connection refused: exit 1, cannot connect', err)

        for fault, words in POLL:
            out_dir = os.path.join(tmp, 'poll-' + fault)
            rc, out, err, secs = run(['record', '%s/p/%s/debug/pprof/' % (base, fault), '--interval=0.2s',
                                      '--duration=3s', '--timeout=1s', '--max-body=8M', '--out=' + out_dir])
            errors = [l for l in err.splitlines() if all(w in l for w in words)]
            retried = re.search(r'poll \d+ failed; next try in', err) or len(errors) >= 2
            parts = [f for f in os.listdir(out_dir) if f.endswith('.part')] if os.path.isdir(out_dir) else ['?']
            with open(os.path.join(out_dir, 'session.json')) as f:
                index_ok = json.load(f)['format'] == 'smolder-session'
            tap.ok(rc == 0 and errors and retried and not parts and index_ok and sane(err) and secs < 15,
                   'poll, %s: error %s on stderr, retried, stops at --duration (%.1f s), no partial files'
                   % (fault, words, secs), 'rc %d, parts %s:\n%s' % (rc, parts, err))

        # Flip: healthy, then 500, then healthy again; snapshots on both sides.
        out_dir = os.path.join(tmp, 'flip')
        p = subprocess.Popen([cli, 'record', '%s/flip/a/debug/pprof/' % base, '--interval=0.2s',
                              '--duration=6s', '--out=' + out_dir],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
        import urllib.request
        time.sleep(1.5)
        urllib.request.urlopen('%s/control/flip/a?fault=500' % base, data=b'').read()
        time.sleep(1.5)
        urllib.request.urlopen('%s/control/flip/a?fault=ok' % base, data=b'').read()
        out, err = p.communicate(timeout=30)
        with open(os.path.join(out_dir, 'session.json')) as f:
            times = [s['time_ms'] for s in json.load(f)['snapshots']]
        gap = max(b - a for a, b in zip(times, times[1:])) if len(times) > 1 else 0
        tap.ok(p.returncode == 0 and '500' in err and len(times) >= 6 and gap >= 1000,
               'flip: polls, fails with 500 and backs off (largest gap %d ms), recovers (%d snapshots)'
               % (gap, len(times)), err)

        tls = srv.field('tls')
        fp = srv.field('tls', 3)
        rc, out, err, secs = run(['record', tls + '/ok/debug/pprof/', '--count=1',
                                  '--out=' + os.path.join(tmp, 'tls-no')])
        tap.ok(rc == 1 and 'not trusted' in err and fp in err, 'self-signed: refused, fingerprint shown', err)
        rc, out, err, secs = run(['record', tls + '/ok/debug/pprof/', '--count=2', '--interval=0.2s',
                                  '--accept-cert=' + fp.lower(), '--out=' + os.path.join(tmp, 'tls-yes')])
        n = len([f for f in os.listdir(os.path.join(tmp, 'tls-yes')) if f.endswith('.pb.gz')]) if rc == 0 else 0
        tap.ok(rc == 0 and n == 4, 'self-signed: accepted by --accept-cert (%d profiles)' % n, err)
        other = 'AA' + fp[2:] if not fp.startswith('AA') else 'BB' + fp[2:]
        rc, out, err, secs = run(['record', tls + '/ok/debug/pprof/', '--count=1', '--accept-cert=' + other,
                                  '--out=' + os.path.join(tmp, 'tls-other')])
        tap.ok(rc == 1 and 'not trusted' in err, 'another fingerprint accepts nothing', err)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
tap.done()
