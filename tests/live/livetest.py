# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared by the live tests: TAP output, and servers that are always killed.

    from livetest import Tap, Server
    with Server([exe, '-rate', '100'], lines=2) as srv:   # srv.lines: the first stdout lines
        ...                                               # killed on leaving, even on failure

A Server is started with stdin=PIPE and its own process group; leaving the block (or the
interpreter exiting, or SIGTERM) ends it (SIGTERM, then SIGKILL to the group) and waits. The Go services and the fault
server also accept --exit-on-stdin-eof / -exit-on-stdin-eof, so they die with their parent even
when it is killed with SIGKILL.
"""

import atexit
import os
import signal
import subprocess
import sys
import threading
import time

_live = set()


def _kill_all(*_):
    for p in list(_live):
        _kill(p)


def _signal(p, sig):
    try:
        os.killpg(p.pid, sig)
    except (ProcessLookupError, PermissionError):
        p.send_signal(sig)


def _kill(p):
    """SIGTERM (the fault server then removes its certificate folder), and
    SIGKILL to the whole group when that is not enough within 3 s."""
    if p.poll() is None:
        _signal(p, signal.SIGTERM)
        try:
            p.wait(3)
        except subprocess.TimeoutExpired:
            _signal(p, signal.SIGKILL)
    p.wait()
    _live.discard(p)


atexit.register(_kill_all)


def _on_term(signum, frame):
    _kill_all()
    sys.exit(128 + signum)


signal.signal(signal.SIGTERM, _on_term)


class Server:
    """A child server whose first LINES stdout lines are read at start (or
    until a line equal to UNTIL). The rest of stdout is drained by a thread
    so the child never blocks on a full pipe."""

    def __init__(self, argv, lines=1, until=None, timeout=30, env=None):
        self.argv = argv
        self.want = lines
        self.until = until
        self.timeout = timeout
        self.env = env
        self.proc = None
        self.lines = []
        self.rest = []

    def __enter__(self):
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, env=self.env, start_new_session=True)
        _live.add(self.proc)
        timer = threading.Timer(self.timeout, _kill, [self.proc])
        timer.start()
        try:
            while True:
                line = self.proc.stdout.readline()
                if not line:
                    raise RuntimeError('%s: exited (%s) before printing its address; read %r'
                                       % (self.argv[0], self.proc.poll(), self.lines))
                self.lines.append(line.rstrip('\n'))
                if self.until is not None and self.lines[-1] == self.until:
                    break
                if self.until is None and len(self.lines) >= self.want:
                    break
        except BaseException:
            timer.cancel()
            _kill(self.proc)
            raise
        timer.cancel()
        threading.Thread(target=self._drain, daemon=True).start()
        return self

    def _drain(self):
        for line in self.proc.stdout:
            self.rest.append(line)

    def field(self, key, index=1):
        """The INDEXth word of the first line starting with KEY."""
        for line in self.lines:
            words = line.split()
            if words and words[0] == key:
                return words[index]
        raise KeyError('%s: no %r line in %r' % (self.argv[0], key, self.lines))

    def alive(self):
        return self.proc.poll() is None

    def __exit__(self, *exc):
        _kill(self.proc)
        return False


class Tap:
    """Minimal TAP producer: ok() per check, plan at the end, exit status."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, detail=None):
        self.n += 1
        if not cond:
            self.failed += 1
        print('%sok %d - %s' % ('' if cond else 'not ', self.n, name), flush=True)
        if not cond and detail is not None:
            for line in str(detail).splitlines()[:40]:
                print('# ' + line, flush=True)
        return cond

    def diag(self, text):
        for line in str(text).splitlines():
            print('# ' + line, flush=True)

    def skip_all(self, why):
        print('1..0 # SKIP ' + why, flush=True)
        sys.exit(0)

    def bail(self, why):
        self.ok(False, 'bail out', why)
        self.done()

    def done(self):
        print('1..%d' % self.n, flush=True)
        sys.exit(1 if self.failed else 0)


def wait_until(pred, timeout, step=0.1):
    """Poll PRED until true or TIMEOUT seconds; returns its last value."""
    end = time.monotonic() + timeout
    while True:
        v = pred()
        if v or time.monotonic() > end:
            return v
        time.sleep(step)
