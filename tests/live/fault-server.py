#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A loopback pprof endpoint that misbehaves on request, for the live tests.

    tests/live/fault-server.py [--data tests/data/leaky-service] [--lifetime S]

Prints, one per line, before anything else (see tests/live/README.md):

    base http://127.0.0.1:PORT                      every fault below, under /f/ /p/ /ok/
    tls https://127.0.0.1:PORT sha256 AB:CD:...     the same routes over self-signed TLS
    cert /tmp/.../cert.pem                          that certificate (PEM), to trust it
    silent 127.0.0.1:PORT                           listens, never accepts: connect hangs
    refused 127.0.0.1:PORT                          was bound and closed: connection refused
    ready

Routes (PROFILE is anything after debug/pprof/, e.g. heap, heap?debug=1, goroutine):

    /ok/debug/pprof/[PROFILE]            a healthy endpoint (real fixture files)
    /f/FAULT/debug/pprof/[PROFILE]       FAULT on every request, the index too
    /p/FAULT/debug/pprof/[PROFILE]       index healthy, FAULT on the profiles only
    /flip/NAME/debug/pprof/[PROFILE]     healthy until POST /control/flip/NAME?fault=FAULT
                                         (and back with fault=ok); profiles only
    /control/hits                        JSON {path: number of requests}, for retry checks

FAULTs are listed in FAULTS below. Standard library only (and the openssl command for the
certificate; without it there is no tls line).
"""

import argparse
import base64
import hashlib
import http.server
import json
import os
import re
import select
import shutil
import signal
import socket
import socketserver
import ssl
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from urllib.parse import urlsplit, parse_qs

FAULTS = {
    'ok': 'a healthy endpoint',
    '404': '404 Not Found, text body "404 page not found" (as net/http says it)',
    '500': '500 Internal Server Error, text body',
    '403': '403 Forbidden',
    'auth': '401 with WWW-Authenticate unless basic auth admin:secret, then healthy',
    'bearer': '401 unless "Authorization: Bearer smolder-token", then healthy',
    'html': '200 text/html: a login page (no pprof links) wherever a profile or index is expected',
    'empty': '200 with an empty body',
    'garbage': '200 application/octet-stream: 4 KiB of bytes that are no profile',
    'truncated': 'Content-Length of the full body, half of it sent, then the connection closed',
    'trickle': 'a valid body at 1 byte per second (--trickle-interval), Content-Length set',
    'endless': '200 chunked, zeros without end (as fast as the client reads)',
    'gzipbomb': '200, a .pb.gz-like body: ~2 MB of gzip that inflates to 2049 MiB of zeros',
    'gzipbomb-ce': 'the same bomb as Content-Encoding: gzip (transport-level inflation)',
    'redirect': '302 to the same path with ?hop=N+1: a redirect chain without end',
    'redirect-once': 'one 302 to the same path under /ok/',
    'prom503': '503 application/json: the Prometheus API\'s own error for a query that timed out',
    'timeout': 'reads the request and never answers (connection held open)',
}

MiB = 1 << 20
AUTH_BASIC = 'Basic ' + base64.b64encode(b'admin:secret').decode()
AUTH_BEARER = 'Bearer smolder-token'

LOGIN_PAGE = b"""<!DOCTYPE html>
<html><head><title>Sign in</title></head>
<body><form method="post" action="/login"><input name="user"><input name="password" type="password">
<button>Sign in</button></form></body></html>
"""


class Fixtures:
    """Real profiles from tests/data/leaky-service; heap and goroutine cycle
    through the series, so successive polls see a growing leak."""

    def __init__(self, root):
        self.root = root
        self.lock = threading.Lock()
        self.polls = {}
        self.series = {}
        for kind, pat in (('heap', r'heap-(\d+)\.pb\.gz'), ('heap-debug1', r'heap-debug1-(\d+)\.txt'),
                          ('goroutine', r'goroutine-(\d+)\.pb\.gz')):
            names = sorted(n for n in os.listdir(os.path.join(root, 'series')) if re.fullmatch(pat, n))
            self.series[kind] = [os.path.join('series', n) for n in names]
        self.single = {
            'allocs': 'allocs.pb.gz', 'block': 'block.pb.gz', 'mutex': 'mutex.pb.gz',
            'threadcreate': 'threadcreate.pb.gz', 'profile': 'cpu-10s.pb.gz',
            'trace': 'trace-1s.bin', 'block?debug=1': 'block-debug1.txt',
            'mutex?debug=1': 'mutex-debug1.txt', 'threadcreate?debug=1': 'threadcreate-debug1.txt',
            'goroutine?debug=1': 'goroutine-debug1.txt', 'goroutine?debug=2': 'goroutine-debug2.txt',
        }

    def read(self, rel):
        with open(os.path.join(self.root, rel), 'rb') as f:
            return f.read()

    def index(self):
        return 200, 'text/html; charset=utf-8', self.read('index.html')

    def profile(self, endpoint, name, query):
        """(status, content type, body) for PROFILE under one endpoint."""
        debug = query.get('debug', ['0'])[0]
        key = name + ('?debug=' + debug if debug != '0' else '')
        if name == 'heap' and debug in ('0', '1'):
            kind = 'heap-debug1' if debug == '1' else 'heap'
        elif name == 'goroutine' and debug == '0':
            kind = 'goroutine'
        else:
            kind = None
        if kind is not None:
            with self.lock:
                n = self.polls.get((endpoint, kind), 0)
                self.polls[(endpoint, kind)] = n + 1
            files = self.series[kind]
            rel = files[n % len(files)]
        elif key in self.single:
            rel = self.single[key]
        else:
            return 404, 'text/plain; charset=utf-8', b'Unknown profile\n'
        text = rel.endswith('.txt')
        return 200, 'text/plain; charset=utf-8' if text else 'application/octet-stream', self.read(rel)


class Bomb:
    """A gzip member of MIBS MiB of zeros, built once from one compressed
    MiB repeated: after a full flush every block of zeros encodes the same."""

    def __init__(self, mibs):
        self.mibs = mibs
        self.lock = threading.Lock()
        self.body = None

    def get(self):
        with self.lock:
            if self.body is None:
                zeros = bytes(MiB)
                c = zlib.compressobj(9, zlib.DEFLATED, 31)
                head = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
                block = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
                crc = 0
                for _ in range(self.mibs):
                    crc = zlib.crc32(zeros, crc)
                # An empty final fixed-Huffman block, then CRC-32 and ISIZE.
                trailer = b'\x03\x00' + struct.pack('<II', crc, (self.mibs * MiB) & 0xffffffff)
                self.body = head + block * (self.mibs - 1) + trailer
            return self.body


class State:
    def __init__(self, args):
        self.args = args
        self.fixtures = Fixtures(args.data)
        self.bomb = Bomb(args.bomb_mib)
        self.lock = threading.Lock()
        self.hits = {}
        self.flips = {}
        self.stopping = threading.Event()

    def hit(self, path):
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1


ROUTE = re.compile(r'^/(?:(ok)|(f|p)/([^/]+)|flip/([^/]+))/debug/pprof/(.*)$')


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = 'smolder-fault-server'
    protocol_version = 'HTTP/1.1'

    def log_message(self, fmt, *args):
        if self.server.state.args.verbose:
            sys.stderr.write('fault-server: %s %s\n' % (self.address_string(), fmt % args))

    def do_POST(self):
        self.do_GET()

    def do_GET(self):
        state = self.server.state
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        state.hit(url.path)
        if url.path == '/control/hits':
            with state.lock:
                body = json.dumps(state.hits, indent=1, sort_keys=True).encode() + b'\n'
            return self.send(200, 'application/json', body)
        m = re.match(r'^/control/flip/([^/]+)$', url.path)
        if m:
            fault = query.get('fault', ['ok'])[0]
            if fault not in FAULTS:
                return self.send(400, 'text/plain', b'unknown fault\n')
            with state.lock:
                state.flips[m.group(1)] = fault
            return self.send(200, 'text/plain', ('%s %s\n' % (m.group(1), fault)).encode())
        m = ROUTE.match(url.path)
        if not m:
            return self.send(404, 'text/plain; charset=utf-8', b'404 page not found\n')
        ok, scope, fault, flip, profile = m.groups()
        if ok:
            endpoint, fault, scope = 'ok', 'ok', 'f'
        elif flip:
            endpoint, scope = 'flip/' + flip, 'p'
            with state.lock:
                fault = state.flips.get(flip, 'ok')
        else:
            endpoint = scope + '/' + fault
        if fault not in FAULTS:
            return self.send(404, 'text/plain; charset=utf-8', b'no such fault\n')
        if profile == '':
            healthy = state.fixtures.index()
            if scope == 'p':
                fault = 'ok'
        else:
            healthy = state.fixtures.profile(endpoint, profile, query)
        self.fault(fault, healthy, url, query)

    def send(self, status, ctype, body, headers=()):
        self.send_response(status)
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)

    def fault(self, fault, healthy, url, query):
        state = self.server.state
        status, ctype, body = healthy
        auth = self.headers.get('Authorization', '')
        if fault == 'ok':
            self.send(status, ctype, body)
        elif fault == '404':
            self.send(404, 'text/plain; charset=utf-8', b'404 page not found\n')
        elif fault == '500':
            self.send(500, 'text/plain; charset=utf-8', b'Could not enable CPU profiling: injected fault\n')
        elif fault == '403':
            self.send(403, 'text/plain; charset=utf-8', b'Forbidden\n')
        elif fault in ('auth', 'bearer'):
            want = AUTH_BASIC if fault == 'auth' else AUTH_BEARER
            if auth == want:
                self.send(status, ctype, body)
            else:
                challenge = 'Basic realm="pprof"' if fault == 'auth' else 'Bearer realm="pprof"'
                self.send(401, 'text/plain; charset=utf-8', b'401 Unauthorized\n',
                          [('WWW-Authenticate', challenge)])
        elif fault == 'html':
            self.send(200, 'text/html; charset=utf-8', LOGIN_PAGE)
        elif fault == 'prom503':
            self.send(503, 'application/json', b'{"status":"error","errorType":"timeout",'
                      b'"error":"query timed out in expression evaluation"}')
        elif fault == 'empty':
            self.send(200, 'application/octet-stream', b'')
        elif fault == 'garbage':
            self.send(200, 'application/octet-stream', hashlib.shake_256(b'smolder').digest(4096))
        elif fault == 'truncated':
            self.send_response(status)
            self.send_header('Content-Type', ctype)
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body[:len(body) // 2])
            self.wfile.flush()
            self.close_now()
        elif fault == 'trickle':
            self.send_response(status)
            self.send_header('Content-Type', ctype)
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.flush()
            for i in range(len(body)):
                if state.stopping.wait(state.args.trickle_interval if i else 0):
                    break
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
            self.close_connection = True
        elif fault == 'endless':
            self.send_response(200)
            self.send_header('Content-Type', 'application/octet-stream')
            self.send_header('Transfer-Encoding', 'chunked')
            self.end_headers()
            chunk = b'%x\r\n' % 65536 + bytes(65536) + b'\r\n'
            while not state.stopping.is_set():
                self.wfile.write(chunk)
            self.close_connection = True
        elif fault in ('gzipbomb', 'gzipbomb-ce'):
            bomb = state.bomb.get()
            headers = [('Content-Encoding', 'gzip')] if fault == 'gzipbomb-ce' else []
            self.send(200, 'application/octet-stream', bomb, headers)
        elif fault == 'redirect':
            hop = int(query.get('hop', ['0'])[0]) + 1
            self.send(302, 'text/plain', b'', [('Location', '%s?hop=%d' % (url.path, hop))])
        elif fault == 'redirect-once':
            target = re.sub(r'^/(f|p)/[^/]+/', '/ok/', url.path)
            target = re.sub(r'^/flip/[^/]+/', '/ok/', target)
            if url.query:
                target += '?' + url.query
            self.send(302, 'text/plain', b'', [('Location', target)])
        elif fault == 'timeout':
            self.hold()

    def close_now(self):
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def hold(self):
        """Never answer: wait until the client hangs up or the server stops."""
        self.close_connection = True
        sock = self.connection
        while not self.server.state.stopping.is_set():
            r, _, _ = select.select([sock], [], [], 0.5)
            if r:
                try:
                    if not sock.recv(4096):
                        return  # the client hung up
                except (OSError, ValueError):
                    return

    def handle(self):
        try:
            super().handle()
        except (ConnectionError, BrokenPipeError, ssl.SSLError, socket.timeout):
            pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, state, tls_context=None):
        self.state = state
        self.tls_context = tls_context
        super().__init__(('127.0.0.1', 0), Handler)

    def get_request(self):
        sock, addr = super().get_request()
        if self.tls_context is not None:
            # The handshake happens in the handler's thread (first read), so a
            # client that refuses the certificate does not stall the loop.
            sock = self.tls_context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, addr

    def handle_error(self, request, client_address):
        if self.state.args.verbose:
            super().handle_error(request, client_address)


def make_certificate(folder):
    """A self-signed EC certificate for 127.0.0.1 and localhost, made with the
    openssl command; (cert path, key path, SHA-256 fingerprint) or None."""
    openssl = shutil.which('openssl')
    if openssl is None:
        return None
    cert, key = os.path.join(folder, 'cert.pem'), os.path.join(folder, 'key.pem')
    subprocess.run([openssl, 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
                    '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1',
                    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(cert) as f:
        der = ssl.PEM_cert_to_DER_cert(f.read())
    digest = hashlib.sha256(der).hexdigest().upper()
    return cert, key, ':'.join(digest[i:i + 2] for i in range(0, len(digest), 2))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--data', default=os.path.join(here, '..', 'data', 'leaky-service'),
                    help='folder of real profiles (tests/data/leaky-service)')
    ap.add_argument('--trickle-interval', type=float, default=1.0, help='seconds between trickled bytes')
    ap.add_argument('--bomb-mib', type=int, default=2049, help='MiB the gzip bomb inflates to')
    ap.add_argument('--lifetime', type=float, default=0, help='exit after this many seconds (0: never)')
    ap.add_argument('--exit-on-stdin-eof', action='store_true', help='exit when stdin closes')
    ap.add_argument('--no-tls', action='store_true', help='no TLS listener')
    ap.add_argument('--list', action='store_true', help='list the faults and exit')
    ap.add_argument('-v', '--verbose', action='store_true', help='log every request on stderr')
    args = ap.parse_args()
    if args.list:
        for name, what in FAULTS.items():
            print('%-14s %s' % (name, what))
        return 0

    state = State(args)
    servers = [Server(state)]
    lines = ['base http://127.0.0.1:%d' % servers[0].server_address[1]]
    tmp = tempfile.mkdtemp(prefix='smolder-fault-')
    try:
        cert = None if args.no_tls else make_certificate(tmp)
        if cert is not None:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(cert[0], cert[1])
            servers.append(Server(state, ctx))
            lines.append('tls https://127.0.0.1:%d sha256 %s' % (servers[1].server_address[1], cert[2]))
            lines.append('cert %s' % cert[0])
        silent = socket.socket()
        silent.bind(('127.0.0.1', 0))
        silent.listen(1)
        lines.append('silent 127.0.0.1:%d' % silent.getsockname()[1])
        closed = socket.socket()
        closed.bind(('127.0.0.1', 0))
        lines.append('refused 127.0.0.1:%d' % closed.getsockname()[1])
        closed.close()
        lines.append('ready')
        for s in servers:
            threading.Thread(target=s.serve_forever, kwargs={'poll_interval': 0.2}, daemon=True).start()
        print('\n'.join(lines), flush=True)

        done = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: done.set())
        if args.exit_on_stdin_eof:
            def watch():
                # os.read, not sys.stdin: a daemon thread blocked in a buffered
                # read aborts the interpreter's shutdown.
                while os.read(0, 4096):
                    pass
                done.set()
            threading.Thread(target=watch, daemon=True).start()
        deadline = time.monotonic() + args.lifetime if args.lifetime > 0 else None
        try:
            while not done.wait(0.5):
                if deadline is not None and time.monotonic() > deadline:
                    break
        except KeyboardInterrupt:
            pass
        state.stopping.set()
        for s in servers:
            s.shutdown()
            s.server_close()
        silent.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == '__main__':
    status = main()
    sys.stdout.flush()
    # Handler threads may still sit in a trickle or a held connection: leave
    # without waiting for them.
    os._exit(status)
