#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The fault server answers each fault as its README says (TAP, urllib only).

    test_fault_server.py FAULT_SERVER DATA_DIR

SMOLDER_TEST_FULL_BOMB=1 also inflates the whole gzip bomb (2 GiB, ~20 s of CPU).
"""

import base64
import gzip
import hashlib
import http.client
import json
import os
import socket
import ssl
import struct
import sys
import threading
import time
import urllib.error
import urllib.request
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from livetest import Server, Tap  # noqa: E402

MiB = 1 << 20


def fetch(url, headers=None, timeout=5, context=None, opener=None):
    """(status, headers, body, final url); HTTP errors are answers, not raised."""
    req = urllib.request.Request(url, headers=headers or {})
    try:
        if opener is not None:
            r = opener.open(req, timeout=timeout)
        else:
            r = urllib.request.urlopen(req, timeout=timeout, context=context)
        with r:
            return r.status, r.headers, r.read(), r.geturl()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read(), url


def hits(base):
    return json.loads(fetch(base + '/control/hits')[2])


def raises(fn, *types):
    """The exception fn raised if it is one of TYPES (URLError unwrapped), else None."""
    try:
        fn()
    except urllib.error.URLError as e:
        if isinstance(e.reason, types):
            return e.reason
        return None
    except types as e:
        return e
    return None


def main():
    tap = Tap()
    server, data = sys.argv[1], sys.argv[2]
    argv = [sys.executable, server, '--data', os.path.join(data, 'leaky-service'),
            '--lifetime', '300', '--exit-on-stdin-eof']
    with Server(argv, until='ready') as srv:
        base = srv.field('base')
        tap.ok(base.startswith('http://127.0.0.1:'), 'first line is the base URL', srv.lines)
        checks(tap, srv, base, data)
        pid = srv.proc.pid
        cert_dir = os.path.dirname(srv.field('cert')) if any(l.startswith('cert ') for l in srv.lines) else None
    tap.ok(cert_dir is None or not os.path.exists(cert_dir), 'the certificate folder is removed at exit', cert_dir)
    try:
        os.kill(pid, 0)
        alive = True
    except ProcessLookupError:
        alive = False
    tap.ok(not alive, 'the fault server is killed when the test leaves it')
    tap.done()


def checks(tap, srv, base, data):
    fixtures = os.path.join(data, 'leaky-service')

    def fixture(rel):
        with open(os.path.join(fixtures, rel), 'rb') as f:
            return f.read()

    # Healthy.
    status, headers, body, _ = fetch(base + '/ok/debug/pprof/')
    tap.ok(status == 200 and body == fixture('index.html') and 'text/html' in headers['Content-Type'],
           'ok: the index is the real index.html')
    series = [fetch(base + '/ok/debug/pprof/heap')[2] for _ in range(3)]
    tap.ok(series == [fixture('series/heap-%02d.pb.gz' % i) for i in range(3)],
           'ok: successive heap polls walk the series (heap-00, -01, -02)')
    status, _, body, _ = fetch(base + '/ok/debug/pprof/heap?debug=1')
    tap.ok(status == 200 and body == fixture('series/heap-debug1-00.txt') and b'# runtime.MemStats' in body,
           'ok: heap?debug=1 is a text heap with # runtime.MemStats')
    status, _, body, _ = fetch(base + '/ok/debug/pprof/goroutine')
    tap.ok(body == fixture('series/goroutine-00.pb.gz'), 'ok: goroutine is the series too')
    status, _, body, _ = fetch(base + '/ok/debug/pprof/goroutine?debug=2')
    tap.ok(body == fixture('goroutine-debug2.txt'), 'ok: goroutine?debug=2 is the dump')
    status, _, _, _ = fetch(base + '/ok/debug/pprof/nosuch')
    tap.ok(status == 404, 'ok: an unknown profile is 404', status)
    status, _, _, _ = fetch(base + '/nowhere')
    tap.ok(status == 404, 'a path outside the routes is 404', status)

    # Status codes, at connect time (/f/) and while polling (/p/).
    for code in (404, 500, 403):
        status, _, body, _ = fetch(base + '/f/%d/debug/pprof/' % code)
        tap.ok(status == code, '/f/%d: the index is %d' % (code, code), status)
        idx = fetch(base + '/p/%d/debug/pprof/' % code)[0]
        prof = fetch(base + '/p/%d/debug/pprof/heap' % code)[0]
        tap.ok(idx == 200 and prof == code, '/p/%d: index 200, heap %d' % (code, code), (idx, prof))

    # Credentials.
    status, headers, _, _ = fetch(base + '/f/auth/debug/pprof/heap')
    tap.ok(status == 401 and headers.get('WWW-Authenticate', '').startswith('Basic'),
           'auth: 401 with a Basic challenge without credentials', status)
    wrong = 'Basic ' + base64.b64encode(b'admin:wrong').decode()
    tap.ok(fetch(base + '/f/auth/debug/pprof/heap', {'Authorization': wrong})[0] == 401,
           'auth: 401 with a wrong password')
    right = 'Basic ' + base64.b64encode(b'admin:secret').decode()
    status, _, body, _ = fetch(base + '/f/auth/debug/pprof/heap', {'Authorization': right})
    tap.ok(status == 200 and body[:2] == b'\x1f\x8b', 'auth: 200 and a profile with admin:secret', status)
    tap.ok(fetch(base + '/f/bearer/debug/pprof/', {'Authorization': 'Bearer smolder-token'})[0] == 200
           and fetch(base + '/f/bearer/debug/pprof/')[0] == 401, 'bearer: 401 without the token, 200 with it')

    # Bodies that are no profile.
    status, headers, body, _ = fetch(base + '/f/html/debug/pprof/heap')
    tap.ok(status == 200 and headers['Content-Type'].startswith('text/html') and b'<html>' in body
           and b'debug=1' not in body, 'html: 200 text/html without pprof links', (status, headers['Content-Type']))
    status, _, body, _ = fetch(base + '/f/empty/debug/pprof/heap')
    tap.ok(status == 200 and body == b'', 'empty: 200 and no body')
    status, _, body, _ = fetch(base + '/f/garbage/debug/pprof/heap')
    tap.ok(status == 200 and len(body) == 4096 and body[:2] != b'\x1f\x8b', 'garbage: 4 KiB, not gzip')

    # Truncated: the length promised, half delivered.
    full = fixture('series/heap-00.pb.gz')
    e = raises(lambda: fetch(base + '/f/truncated/debug/pprof/goroutine?debug=2'), http.client.IncompleteRead)
    tap.ok(e is not None and len(e.partial) == len(fixture('goroutine-debug2.txt')) // 2,
           'truncated: IncompleteRead after half the body', e and len(e.partial))
    conn = http.client.HTTPConnection(base[len('http://'):], timeout=5)
    conn.request('GET', '/p/truncated/debug/pprof/heap')
    r = conn.getresponse()
    tap.ok(r.status == 200 and int(r.headers['Content-Length']) == len(full),
           'truncated: Content-Length is the whole body', r.headers['Content-Length'])
    conn.close()

    # Trickle: about one byte a second, and the server stays responsive meanwhile.
    conn = http.client.HTTPConnection(base[len('http://'):], timeout=10)
    t0 = time.monotonic()
    conn.request('GET', '/f/trickle/debug/pprof/heap')
    r = conn.getresponse()
    got = r.read(3)
    dt = time.monotonic() - t0
    tap.ok(r.status == 200 and got == full[:3] and 1.5 < dt < 8.0,
           'trickle: 3 bytes take ~2 s (%.2f s)' % dt, (r.status, got))
    conn.close()

    # Endless: more than any cap.
    conn = http.client.HTTPConnection(base[len('http://'):], timeout=10)
    conn.request('GET', '/f/endless/debug/pprof/heap')
    r = conn.getresponse()
    n = 0
    while n < 64 * MiB:
        chunk = r.read(MiB)
        if not chunk:
            break
        n += len(chunk)
    tap.ok(r.status == 200 and n >= 64 * MiB, 'endless: 64 MiB and still going', n)
    conn.close()

    # Gzip bombs.
    status, headers, bomb, _ = fetch(base + '/f/gzipbomb/debug/pprof/heap', timeout=30)
    isize = struct.unpack('<I', bomb[-4:])[0] if len(bomb) > 8 else None
    tap.ok(status == 200 and bomb[:2] == b'\x1f\x8b' and len(bomb) < 3 * MiB,
           'gzipbomb: a gzip body of %d bytes' % len(bomb))
    tap.ok(isize == (2049 * MiB) & 0xffffffff, 'gzipbomb: its trailer says 2049 MiB (mod 2^32)', isize)
    d = zlib.decompressobj(31)
    out = d.decompress(bomb[:65536], 256 * MiB)
    tap.ok(len(out) >= 60 * MiB and out.count(0) == len(out) and not d.eof,
           'gzipbomb: its first 64 KiB inflate to %d MiB of zeros, with more to come' % (len(out) // MiB))
    if os.environ.get('SMOLDER_TEST_FULL_BOMB'):
        d = zlib.decompressobj(31)
        total, buf = 0, bomb
        while True:
            out = d.decompress(buf, 16 * MiB)
            total += len(out)
            buf = d.unconsumed_tail
            if not out and not buf:
                break
        tap.ok(d.eof and total == 2049 * MiB, 'gzipbomb: inflates to exactly 2049 MiB, CRC valid', total)
    status, headers, body, _ = fetch(base + '/f/gzipbomb-ce/debug/pprof/heap', timeout=30)
    tap.ok(status == 200 and headers.get('Content-Encoding') == 'gzip' and body == bomb,
           'gzipbomb-ce: the same bytes with Content-Encoding: gzip')

    # Redirects.
    before = hits(base).get('/f/redirect/debug/pprof/heap', 0)
    status, headers, _, _ = fetch(base + '/f/redirect/debug/pprof/heap')
    after = hits(base).get('/f/redirect/debug/pprof/heap', 0)
    tap.ok(status == 302 and after - before == 11,
           'redirect: urllib gives up after 10 redirects, each a new hop (%d requests)' % (after - before),
           headers.get('Location'))
    status, _, body, final = fetch(base + '/f/redirect-once/debug/pprof/goroutine?debug=2')
    tap.ok(status == 200 and final == base + '/ok/debug/pprof/goroutine?debug=2'
           and body == fixture('goroutine-debug2.txt'), 'redirect-once: one 302 to /ok/, query kept', final)

    # Timeout, while other requests are served at once.
    result = {}

    def slow():
        t = time.monotonic()
        result['e'] = raises(lambda: fetch(base + '/f/timeout/debug/pprof/heap', timeout=1.5),
                             socket.timeout, TimeoutError)
        result['dt'] = time.monotonic() - t
    th = threading.Thread(target=slow)
    th.start()
    time.sleep(0.3)
    t = time.monotonic()
    status = fetch(base + '/ok/debug/pprof/')[0]
    quick = time.monotonic() - t
    th.join()
    tap.ok(result.get('e') is not None and result['dt'] >= 1.4, 'timeout: no answer within 1.5 s', result)
    tap.ok(status == 200 and quick < 1.0, 'another endpoint answers meanwhile (%.3f s)' % quick)

    # Flip: healthy, broken, healed.
    url = base + '/flip/a/debug/pprof/heap'
    s1 = fetch(url)[0]
    fetch(base + '/control/flip/a?fault=500')
    s2, s3 = fetch(url)[0], fetch(base + '/flip/a/debug/pprof/')[0]
    s4 = fetch(base + '/flip/b/debug/pprof/heap')[0]
    fetch(base + '/control/flip/a?fault=ok')
    s5 = fetch(url)[0]
    tap.ok((s1, s2, s3, s4, s5) == (200, 500, 200, 200, 200),
           'flip: 200, then 500 (index still 200, flip/b unaffected), then 200 again', (s1, s2, s3, s4, s5))
    tap.ok(fetch(base + '/control/flip/a?fault=nosuch')[0] == 400, 'flip: an unknown fault is refused')
    h = hits(base)
    tap.ok(h.get('/flip/a/debug/pprof/heap') == 3, '/control/hits counts requests per path', h)

    # Connection-level faults.
    host, port = srv.field('refused').split(':')
    e = raises(lambda: fetch('http://%s:%s/debug/pprof/' % (host, port)), ConnectionRefusedError)
    tap.ok(e is not None, 'refused: connection refused')
    host, port = srv.field('silent').split(':')
    t = time.monotonic()
    e = raises(lambda: fetch('http://%s:%s/debug/pprof/' % (host, port), timeout=1), socket.timeout, TimeoutError)
    tap.ok(e is not None and time.monotonic() - t >= 0.9, 'silent: the connection opens and nothing comes')

    # TLS: refused by a verifying client, accepted with the certificate pinned.
    try:
        tls = srv.field('tls')
        fp = srv.field('tls', 3)
        cert = srv.field('cert')
    except KeyError as err:
        tap.ok(False, 'tls: listener printed', err)
        return
    e = raises(lambda: fetch(tls + '/ok/debug/pprof/'), ssl.SSLCertVerificationError)
    tap.ok(e is not None, 'tls: a verifying client refuses the self-signed certificate', e)
    ctx = ssl.create_default_context(cafile=cert)
    status, _, body, _ = fetch(tls + '/ok/debug/pprof/', context=ctx)
    tap.ok(status == 200 and body == fixture('index.html'), 'tls: trusting cert.pem, the index comes back')
    host, port = tls[len('https://'):].split(':')
    raw_ctx = ssl.create_default_context()
    raw_ctx.check_hostname = False
    raw_ctx.verify_mode = ssl.CERT_NONE
    with socket.create_connection((host, int(port)), timeout=5) as raw, raw_ctx.wrap_socket(raw) as s:
        der = s.getpeercert(binary_form=True)
    digest = hashlib.sha256(der).hexdigest().upper()
    tap.ok(':'.join(digest[i:i + 2] for i in range(0, 64, 2)) == fp, 'tls: the printed sha256 is the certificate\'s')
    status = fetch(tls + '/p/500/debug/pprof/heap', context=ctx)[0]
    tap.ok(status == 500, 'tls: faults work over TLS too', status)
    # gzip-module sanity: the healthy heap decompresses (a sign the fixtures are real).
    tap.ok(gzip.decompress(full)[:1] != b'', 'ok: the heap fixture is a real gzip')


if __name__ == '__main__':
    main()
