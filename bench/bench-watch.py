#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Watching the real leaking Go service at a 0.2 s interval: CPU and memory.

Usage: bench-watch.py SMOLDER_CLI SMOLDER LEAKY_STD [--seconds N] [--only cli|app]

LEAKY_STD is tests/go/leaky-std as built by tests/live/build-services.sh
('none': no go, the benchmark is skipped). Two watchers, each against a fresh
service (-rate 20, its defaults otherwise):

- cli: `smolder-cli record URL --interval=0.2s --out=DIR`;
- app: the GUI, `smolder URL` under its own Xvfb, poll-interval 0.2 s from a
  keyfile GSettings backend, the live page following the newest snapshot.

Each watcher first warms up (until its first snapshot, then 10 s: libsoup,
the decoders and the window reach their working size); then for N seconds
(SMOLDER_BENCH_WATCH_SECONDS, default 60; `make bench` sets 600) it prints,
from /proc/PID: RSS at the start and the end of that window, CPU as a share
of one core (utime + stime of all threads over the window's wall time), and
the snapshots taken in it. Goals: RSS growth <= 10 %, CPU <= 5 %.
Exit status 1 when a goal is missed.
"""

import argparse
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'tests', 'live'))
from livetest import Server  # noqa: E402

INTERVAL = 0.2
WARMUP_SECONDS = 10
GOAL_GROWTH = 0.10
GOAL_CPU = 0.05
TICK = os.sysconf('SC_CLK_TCK')
SNAP = re.compile(r'^(heap|goroutine)-(\d{4,})\.(pb\.gz|txt)$')


def cpu_seconds(pid):
    """utime + stime of every thread of PID, in seconds."""
    with open('/proc/%d/stat' % pid) as f:
        fields = f.read().rsplit(')', 1)[1].split()
    # After the command: state is field 3, utime 14 and stime 15 (1-based).
    return (int(fields[11]) + int(fields[12])) / TICK


def rss_kib(pid):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    return 0


def polls(folder):
    """Heap snapshots on disk (one per successful poll) and all snapshot files."""
    if folder is None or not os.path.isdir(folder):
        return 0, 0
    names = [n for n in os.listdir(folder) if SNAP.match(n)]
    return len([n for n in names if n.endswith('.txt')]), len(names)


def wait_for(what, timeout, proc):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        v = what()
        if v:
            return v
        if proc.poll() is not None:
            sys.exit('bench-watch: the watcher exited early (status %s)' % proc.returncode)
        time.sleep(0.1)
    sys.exit('bench-watch: nothing after %d s' % timeout)


def start_xvfb():
    """Xvfb on a free display: (process, ':N')."""
    r, w = os.pipe()
    xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(w), '-screen', '0', '1280x800x24', '-nolisten', 'tcp'],
                            pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    with os.fdopen(r) as f:
        display = f.readline().strip()
    if not display:
        xvfb.kill()
        sys.exit('bench-watch: Xvfb did not start')
    return xvfb, ':' + display


def watch(kind, args, tmp, seconds):
    """Runs one watcher against a fresh service; returns its figures."""
    service = [args.leaky_std, '-rate', '20', '-lifetime', '%ds' % (seconds + 300), '-exit-on-stdin-eof']
    home = os.path.join(tmp, kind)
    os.makedirs(home)
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='C', XDG_DATA_HOME=os.path.join(home, 'data'),
               XDG_CONFIG_HOME=os.path.join(home, 'config'), XDG_CACHE_HOME=os.path.join(home, 'cache'))
    xvfb = None
    with Server(service, lines=2) as srv:
        url = srv.field('url')
        if kind == 'cli':
            folder = os.path.join(home, 'session')
            argv = [args.cli, 'record', url, '--interval=%gs' % INTERVAL, '--out=' + folder]
            find = lambda: folder  # noqa: E731
        else:
            settings = os.path.join(home, 'config', 'glib-2.0', 'settings')
            os.makedirs(settings)
            with open(os.path.join(settings, 'keyfile'), 'w') as f:
                f.write('[io/github/smolder/Smolder]\npoll-interval=%g\n' % INTERVAL)
            xvfb, display = start_xvfb()
            env.update(DISPLAY=display, GDK_BACKEND='x11', GSK_RENDERER='cairo', GTK_A11Y='none',
                       NO_AT_BRIDGE='1', GSETTINGS_BACKEND='keyfile')
            env.pop('WAYLAND_DISPLAY', None)
            env.pop('DBUS_SESSION_BUS_ADDRESS', None)
            argv = [args.app, url]
            sessions = os.path.join(home, 'data', 'smolder', 'sessions')

            def find():
                found = glob.glob(os.path.join(sessions, '*'))
                return found[0] if found else None
        log = open(os.path.join(home, 'watcher.log'), 'w')
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            folder = wait_for(find, 60, proc)
            wait_for(lambda: polls(folder)[0] > 0, 60, proc)
            time.sleep(WARMUP_SECONDS)
            t0, c0, r0, p0 = time.monotonic(), cpu_seconds(proc.pid), rss_kib(proc.pid), polls(folder)
            peak = r0
            while time.monotonic() - t0 < seconds:
                time.sleep(max(0.0, min(1.0, seconds - (time.monotonic() - t0))))
                if proc.poll() is not None:
                    sys.exit('bench-watch: %s exited during the watch (status %s); see %s'
                             % (kind, proc.returncode, log.name))
                peak = max(peak, rss_kib(proc.pid))
            t1, c1, r1, p1 = time.monotonic(), cpu_seconds(proc.pid), rss_kib(proc.pid), polls(folder)
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            log.close()
            if xvfb is not None:
                xvfb.terminate()
                xvfb.wait()
    return {
        'kind': kind, 'wall': t1 - t0, 'cpu': (c1 - c0) / (t1 - t0),
        'rss0': r0, 'rss1': r1, 'peak': peak,
        'polls': p1[0] - p0[0], 'files': p1[1] - p0[1],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('cli')
    ap.add_argument('app')
    ap.add_argument('leaky_std')
    ap.add_argument('--seconds', type=float,
                    default=float(os.environ.get('SMOLDER_BENCH_WATCH_SECONDS', '60')))
    ap.add_argument('--only', choices=('cli', 'app'))
    args = ap.parse_args()

    if args.leaky_std == 'none' or not os.access(args.leaky_std, os.X_OK):
        print('bench-watch: SKIP: no Go service (go or Gin missing)')
        return 0
    kinds = [args.only] if args.only else ['cli', 'app']
    if 'app' in kinds and shutil.which('Xvfb') is None:
        print('bench-watch: no Xvfb: the app is not measured')
        kinds.remove('app')

    print('Watching leaky-std at a %.1f s interval: %d s warm-up, then %.0f s measured '
          '(SMOLDER_BENCH_WATCH_SECONDS); %d cores, load %.1f'
          % (INTERVAL, WARMUP_SECONDS, args.seconds, os.cpu_count(), os.getloadavg()[0]))
    print('%-4s %9s %10s %10s %8s %8s %7s %10s %7s' % ('', 'wall s', 'RSS start', 'RSS end', 'growth',
                                                      'KiB/poll', 'CPU', 'polls', 'rate'))
    failed = []
    with tempfile.TemporaryDirectory(prefix='smolder-bench-watch-') as tmp:
        for kind in kinds:
            r = watch(kind, args, tmp, args.seconds)
            growth = (r['rss1'] - r['rss0']) / r['rss0']
            per_poll = (r['rss1'] - r['rss0']) / max(r['polls'], 1)
            print('%-4s %9.1f %7.1f MB %7.1f MB %+7.1f%% %8.2f %6.2f%% %4d (%4d f) %5.2f/s'
                  % (kind, r['wall'], r['rss0'] / 1024, r['rss1'] / 1024, growth * 100, per_poll,
                     r['cpu'] * 100, r['polls'], r['files'], r['polls'] / r['wall']))
            sys.stdout.flush()
            if growth > GOAL_GROWTH:
                failed.append('%s: RSS grew %.1f %% (goal <= %d %%)' % (kind, growth * 100, GOAL_GROWTH * 100))
            if r['cpu'] > GOAL_CPU:
                failed.append('%s: CPU %.2f %% of a core (goal <= %d %%)' % (kind, r['cpu'] * 100, GOAL_CPU * 100))
    print('Goals: RSS growth <= %d %%, CPU <= %d %% of one core: %s'
          % (GOAL_GROWTH * 100, GOAL_CPU * 100, 'met' if not failed else 'MISSED'))
    for f in failed:
        print('  ' + f)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
