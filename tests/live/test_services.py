#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sanity of the leaking Go test services (TAP): each starts on a free port,
serves its pprof index (Gin: behind basic auth), `go tool pprof -top` reads
its heap and goroutine profiles, its heap and goroutines grow (the leak
works), /stats parses and agrees with the service's own goroutine profile.

    test_services.py LEAKY_STD LEAKY_GIN     (paths of the built binaries, or 'none')
"""

import base64
import hashlib
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from livetest import Server, Tap, wait_until  # noqa: E402

RATE = 200
USER, PASSWORD = 'tester', 'pa55:word'


def get(url, auth=None, timeout=10, context=None):
    """(status, headers, body) without raising on HTTP errors."""
    req = urllib.request.Request(url)
    if auth is not None:
        req.add_header('Authorization', 'Basic ' + base64.b64encode(('%s:%s' % auth).encode()).decode())
    try:
        with urllib.request.urlopen(req, timeout=timeout, context=context) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def stats(base, context=None):
    status, _, body = get(base + '/stats', context=context)
    return json.loads(body) if status == 200 else None


def pprof_top(go, path, *extra):
    r = subprocess.run([go, 'tool', 'pprof', '-top', *extra, path],
                       capture_output=True, text=True, timeout=120)
    return r.returncode, r.stdout + r.stderr


def debug1_total(body):
    m = re.match(r'goroutine profile: total (\d+)', body.decode(errors='replace'))
    return int(m.group(1)) if m else None


def memstats_field(body, name):
    m = re.search(r'^# %s = (\d+)$' % name, body.decode(errors='replace'), re.M)
    return int(m.group(1)) if m else None


def check_service(tap, go, exe, name, index_path, auth, tmp):
    argv = [exe, '-rate', str(RATE), '-lifetime', '5m', '-exit-on-stdin-eof']
    if auth:
        argv += ['-user', auth[0], '-password', auth[1]]
    t0 = time.monotonic()
    with Server(argv, lines=2) as srv:
        first = srv.lines[0]
        tap.ok(re.fullmatch(r'listening 127\.0\.0\.1:\d+', first) is not None,
               '%s: first line names the chosen address' % name, first)
        base = 'http://' + srv.field('listening')
        index = base + index_path
        tap.ok(srv.field('url') == index, '%s: second line is the index URL' % name, srv.lines)
        tap.diag('%s started in %.2f s at %s' % (name, time.monotonic() - t0, base))

        if auth:
            status, headers, _ = get(index)
            tap.ok(status == 401 and 'Basic' in (headers.get('WWW-Authenticate') or ''),
                   '%s: index without credentials is 401 with a Basic challenge' % name, status)
            status, _, _ = get(index, auth=(auth[0], 'wrong'))
            tap.ok(status == 401, '%s: index with a wrong password is 401' % name, status)
            status, _, _ = get(base + index_path + 'heap')
            tap.ok(status == 401, '%s: a profile without credentials is 401' % name, status)
        status, headers, body = get(index, auth=auth)
        text = body.decode(errors='replace')
        tap.ok(status == 200 and 'text/html' in headers.get('Content-Type', ''),
               '%s: index is 200 text/html' % name, (status, headers.get('Content-Type')))
        links = set(re.findall(r"href='([a-z]+)\?debug=1'", text))
        want = {'allocs', 'block', 'goroutine', 'heap', 'mutex', 'threadcreate'}
        tap.ok(want <= links, '%s: index links the profiles by relative URL' % name, sorted(links))

        # The leak: numbers at two moments, a few seconds apart.
        s0 = stats(base)
        tap.ok(s0 is not None and {'unix_ms', 'num_goroutine', 'memstats'} <= set(s0)
               and 'HeapInuse' in s0['memstats'], '%s: /stats is JSON with MemStats' % name, s0)
        now_ms = time.time() * 1000
        tap.ok(s0 is not None and abs(s0['unix_ms'] - now_ms) < 5000,
               '%s: /stats unix_ms is the wall clock' % name, (s0 or {}).get('unix_ms'))
        _, _, g0 = get(index + 'goroutine?debug=1', auth=auth)
        _, _, h0 = get(index + 'heap?debug=1', auth=auth)
        time.sleep(3)
        s1 = stats(base)
        _, _, g1 = get(index + 'goroutine?debug=1', auth=auth)
        _, _, h1 = get(index + 'heap?debug=1', auth=auth)
        dg = s1['num_goroutine'] - s0['num_goroutine']
        # 200 requests/s for 3 s, one goroutine each: expect ~600; half is plenty of margin.
        tap.ok(dg > RATE * 3 // 2, '%s: goroutines grow (/stats: +%d in 3 s)' % (name, dg), (s0['num_goroutine'], s1['num_goroutine']))
        a, b = debug1_total(g0), debug1_total(g1)
        tap.ok(a is not None and b is not None and b - a > RATE * 3 // 2,
               '%s: goroutines grow (goroutine?debug=1 total %s -> %s)' % (name, a, b))
        # 16 KiB per session, 600 sessions: ~9.8 MB; ask for a third of it.
        dh = s1['memstats']['HeapInuse'] - s0['memstats']['HeapInuse']
        tap.ok(dh > RATE * 3 * 16384 // 3, '%s: heap in use grows (/stats: +%d bytes)' % (name, dh))
        a, b = memstats_field(h0, 'HeapInuse'), memstats_field(h1, 'HeapInuse')
        tap.ok(a is not None and b is not None and b - a > RATE * 3 * 16384 // 3,
               '%s: heap in use grows (heap?debug=1 # HeapInuse %s -> %s)' % (name, a, b))
        tap.ok(s1['sessions'] > s0['sessions'] and s1['requests'] >= s1['sessions'],
               '%s: sessions are kept (%d -> %d)' % (name, s0['sessions'], s1['sessions']))

        # The profiles, read by the oracle.
        for prof, needle in (('heap', 'main.(*Leaker).Login'), ('goroutine', 'main.waitForever'),
                             ('allocs', 'main.(*Leaker).Login')):
            status, _, body = get(index + prof, auth=auth)
            path = os.path.join(tmp, '%s-%s.pb.gz' % (name, prof))
            with open(path, 'wb') as f:
                f.write(body)
            rc, out = pprof_top(go, path, '-nodecount=200')
            tap.ok(status == 200 and body[:2] == b'\x1f\x8b' and rc == 0 and needle in out,
                   '%s: go tool pprof -top reads %s and names %s' % (name, prof, needle), out[-1500:])
        for prof in ('mutex', 'block'):
            status, _, body = get(index + prof, auth=auth)
            path = os.path.join(tmp, '%s-%s.pb.gz' % (name, prof))
            with open(path, 'wb') as f:
                f.write(body)
            rc, out = pprof_top(go, path)
            m = re.search(r'of ([\d.]+)(\w*) total', out)
            tap.ok(status == 200 and rc == 0 and m is not None and float(m.group(1)) > 0,
                   '%s: %s profiling is on (pprof total %s)' % (name, prof, m and m.group(0)), out[-800:])

        # With the load stopped, the service's count and its profile agree.
        status, _, _ = get(base + '/control/rate?n=0')
        time.sleep(0.5)
        s2 = stats(base)
        _, _, g2 = get(index + 'goroutine?debug=1', auth=auth)
        s3 = stats(base)
        total = debug1_total(g2)
        tap.ok(status == 200 and total is not None and
               min(s2['num_goroutine'], s3['num_goroutine']) - 3 <= total <= max(s2['num_goroutine'], s3['num_goroutine']) + 3,
               '%s: /stats num_goroutine (%d) matches goroutine profile total (%s) at rest'
               % (name, s2['num_goroutine'], total))
        tap.ok(s3['requests'] - s2['requests'] <= 4, '%s: /control/rate?n=0 stops the load' % name,
               (s2['requests'], s3['requests']))

        # Release: the leak is given back.
        get(base + '/control/release')
        s4 = wait_until(lambda: (lambda s: s if s['num_goroutine'] < 50 else None)(stats(base)), 5)
        tap.ok(s4 is not None and s4['sessions'] == 0, '%s: /control/release frees sessions and goroutines' % name,
               s4 and (s4['num_goroutine'], s4['sessions']))
        pid = srv.proc.pid
    tap.ok(not pid_alive(pid), '%s: killed when the test leaves it' % name)


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def check_tls(tap, exe, name, auth):
    argv = [exe, '-tls', 'self', '-rate', '10', '-lifetime', '2m', '-exit-on-stdin-eof',
            '-user', auth[0], '-password', auth[1]]
    with Server(argv, lines=3) as srv:
        url = srv.field('url')
        fp = srv.field('sha256')
        tap.ok(url.startswith('https://127.0.0.1:'), '%s -tls self: url is https' % name, srv.lines)
        try:
            get(url, auth=auth)
            refused = False
        except urllib.error.URLError as e:
            refused = isinstance(e.reason, ssl.SSLCertVerificationError)
        tap.ok(refused, '%s -tls self: a verifying client refuses the certificate' % name)
        host, port = srv.field('listening').rsplit(':', 1)
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        with socket.create_connection((host, int(port)), timeout=5) as raw:
            with ctx.wrap_socket(raw) as s:
                der = s.getpeercert(binary_form=True)
        got = hashlib.sha256(der).hexdigest().upper()
        tap.ok(':'.join(got[i:i + 2] for i in range(0, 64, 2)) == fp,
               '%s -tls self: printed sha256 is the served certificate\'s' % name, (got, fp))
        status, _, body = get(url, auth=auth, context=ctx)
        tap.ok(status == 200 and b'goroutine?debug=1' in body, '%s -tls self: index over TLS' % name, status)
        # The service drives itself at 10 requests/s: on a loaded machine the
        # first may come late, so wait up to 10 s for one rather than sample once.
        deadline = time.monotonic() + 10
        while True:
            s = stats('https://' + srv.field('listening'), context=ctx)
            if (s is not None and s['requests'] > 0) or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        tap.ok(s is not None and s['requests'] > 0, '%s -tls self: the self-driven load works over TLS' % name,
               s and s['requests'])


def main():
    tap = Tap()
    go = shutil.which('go')
    exes = sys.argv[1:3]
    if go is None or len(exes) < 2 or 'none' in exes:
        tap.skip_all('no go')
    for exe in exes:
        if not os.access(exe, os.X_OK):
            tap.bail('%s: not built (tests/live/build-services.sh)' % exe)
    std, gin = exes
    tmp = tempfile.mkdtemp(prefix='smolder-services-')
    try:
        check_service(tap, go, std, 'leaky-std', '/debug/pprof/', None, tmp)
        check_service(tap, go, gin, 'leaky-gin', '/admin/debug/pprof/', (USER, PASSWORD), tmp)
        check_tls(tap, gin, 'leaky-gin', (USER, PASSWORD))
    except Exception as e:  # a crash in the test is a failure, not a traceback without a plan
        import traceback
        tap.ok(False, 'no exception', traceback.format_exc())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    tap.done()


if __name__ == '__main__':
    main()
