#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`smolder-cli fleet` and `history` against real servers: Prometheus and
VictoriaMetrics (Debian's packages) scraping three real Go services (one
leaks memory and goroutines, one allocates in a sawtooth and gives it back,
one holds a steady heap) and a target that is down. The servers' own
answers are the oracle for the numbers; the faults come from the live
tests' fault server.

    test_fleet.py SMOLDER_CLI FLEET_SVC|none FAULT_SERVER
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'live'))
from livetest import Server, Tap, wait_until  # noqa: E402

CLI, SVC, FAULT_SERVER = sys.argv[1:4]
RANGE_S = 30
tap = Tap()


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def api(base, path, **params):
    url = base + path + '?' + urllib.parse.urlencode(params)
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.load(r)


def cli(*args, timeout=90):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=timeout)


def tsv_rows(out):
    lines = out.splitlines()
    header = lines[0].lstrip('# ').split('\t')
    return header, [dict(zip(header, line.split('\t'))) for line in lines[1:]]


def check_fleet(name, base, leak, saw, steady, dead):
    # A few seconds back: the newest scrapes may still be on their way into the
    # store (VictoriaMetrics buffers them), and then two reads of one moment differ.
    end = int(time.time()) - 5
    r = cli('fleet', base, '--range=%ds' % RANGE_S, '--end=%d' % end, '--format=tsv')
    if not tap.ok(r.returncode == 0, '%s: fleet exits 0' % name, r.stderr):
        return
    header, rows = tsv_rows(r.stdout)
    tap.ok(header[:10] == ['rank', 'job', 'instance', 'health', 'heap_inuse', 'heap_growth_per_minute',
                           'goroutines', 'goroutine_growth_per_minute', 'gc_pause_max_seconds', 'pprof_url'],
           '%s: the tsv header has the documented columns first' % name, header)
    api_rows = [x for x in rows if x['job'] == 'api']
    by_inst = {x['instance']: x for x in api_rows}
    tap.ok(api_rows and api_rows[0]['instance'] == leak,
           '%s: the leaking instance ranks first' % name, r.stdout)
    tap.ok(leak in by_inst and by_inst[leak]['steady'] == '1',
           '%s: the leak is called a steady grower' % name, r.stdout)
    tap.ok(saw in by_inst and steady in by_inst and by_inst[saw]['steady'] == '0' and
           by_inst[steady]['steady'] == '0',
           '%s: neither the sawtooth nor the steady heap is called a steady grower' % name, r.stdout)
    tap.ok(saw in by_inst and int(by_inst[saw]['rank']) > int(by_inst[leak]['rank']),
           '%s: the sawtooth ranks below the leak' % name, r.stdout)
    tap.ok(dead in by_inst and by_inst[dead]['health'] == 'down' and by_inst[dead]['last_error'] != '' and
           by_inst[dead]['rank'] == str(len(rows)),
           '%s: the target that is down is listed last, down, with its scrape error' % name, r.stdout)
    tap.ok(any(x['job'] == 'batch' for x in rows), '%s: without --job every job is listed' % name, r.stdout)

    # The numbers are the server's: the last point of the same query_range the
    # ranking asks (twice the range, for the baseline, in <= 500 steps).
    step = max(1, -(-2 * RANGE_S // 500))
    for metric, column in (('go_memstats_heap_inuse_bytes', 'heap_inuse'), ('go_goroutines', 'goroutines')):
        answer = api(base, '/api/v1/query_range', query='%s{instance="%s",job="api"}' % (metric, leak),
                     start=end - 2 * RANGE_S, end=end, step=step)
        want = round(float(answer['data']['result'][0]['values'][-1][1]))
        tap.ok(leak in by_inst and int(by_inst[leak][column]) == want,
               '%s: the leak\'s %s equals the server\'s answer' % (name, column),
               '%s vs %s' % (by_inst.get(leak, {}).get(column), want))

    r = cli('fleet', base, '--range=%ds' % RANGE_S, '--job=api', '--format=tsv')
    tap.ok(r.returncode == 0 and all(x['job'] == 'api' for x in tsv_rows(r.stdout)[1]),
           '%s: --job=api lists only that job' % name, r.stdout + r.stderr)

    # "Watch live": the pprof address reaches the leaking instance.
    url = by_inst.get(leak, {}).get('pprof_url', '')
    try:
        with urllib.request.urlopen(url + 'heap?debug=1', timeout=10) as h:
            body = h.read(200).decode(errors='replace')
    except Exception as e:  # noqa: BLE001
        body = str(e)
    tap.ok(body.startswith('heap profile:'), '%s: the pprof URL reaches the leaking instance' % name,
           url + ': ' + body)

    # history: the same rows as the server's own query_range, column by column.
    step = 2
    r = cli('history', base, '--instance=' + leak, '--job=api', '--range=20s', '--end=%d' % end,
            '--step=%ds' % step, '--format=tsv')
    if not tap.ok(r.returncode == 0, '%s: history exits 0' % name, r.stderr):
        return
    header, rows = tsv_rows(r.stdout)
    tap.ok(header == ['unix_ms', 'heap_inuse', 'heap_alloc', 'heap_objects', 'sys', 'next_gc', 'num_gc',
                      'goroutines'], '%s: history has the columns of series' % name, header)
    metrics = ['go_memstats_heap_inuse_bytes', 'go_memstats_heap_alloc_bytes', 'go_memstats_heap_objects',
               'go_memstats_sys_bytes', 'go_memstats_next_gc_bytes', 'go_gc_duration_seconds_count',
               'go_goroutines']
    want = {}
    for col, metric in zip(header[1:], metrics):
        answer = api(base, '/api/v1/query_range', query='%s{instance="%s",job="api"}' % (metric, leak),
                     start=end - 20, end=end, step=step)
        for series in answer['data']['result']:
            for t, v in series['values']:
                want.setdefault(int(round(float(t) * 1000)), {})[col] = str(round(float(v)))
    got = {int(x['unix_ms']): {k: v for k, v in x.items() if k != 'unix_ms' and v != ''} for x in rows}
    diff = sorted((t, got.get(t), want.get(t)) for t in set(got) | set(want) if got.get(t) != want.get(t))
    tap.ok(len(got) >= 8 and not diff, '%s: history equals the server\'s query_range (%d rows)' % (name, len(got)),
           'differing rows (time, smolder, server): %s' % diff[:4])


def check_faults(prom_base, fault_base, refused):
    r = cli('fleet', '127.0.0.1:%d' % refused)
    tap.ok(r.returncode == 1 and 'cannot connect' in r.stderr and 'api/v1/' in r.stderr,
           'a server that is down: exit 1, "cannot connect", naming the request', r.stderr)
    # PCRE reads a look-behind, Go's RE2 does not: the server answers 400.
    r = cli('fleet', prom_base, '--job=(?<=a)b')
    tap.ok(r.returncode == 1 and 'HTTP 400' in r.stderr and 'bad_data' in r.stderr,
           'a query the server refuses: exit 1 with its 400 and its reason', r.stderr)
    r = cli('fleet', fault_base + '/f/prom503/debug/pprof/')
    tap.ok(r.returncode == 1 and 'HTTP 503' in r.stderr and 'timed out' in r.stderr,
           'a 503 (the query timed out on the server): exit 1 saying so', r.stderr)
    auth = fault_base.replace('http://', 'http://admin:wrong@') + '/f/auth/debug/pprof/'
    r = cli('fleet', auth)
    tap.ok(r.returncode == 1 and 'credentials were refused' in r.stderr and 'wrong' not in r.stderr,
           'basic auth refused: exit 1 saying so, the password never printed', r.stderr)
    r = cli('fleet', fault_base + '/f/html/debug/pprof/')
    tap.ok(r.returncode == 1 and 'not the Prometheus HTTP API' in r.stderr and 'text/html' in r.stderr,
           'a web page instead of the API: exit 1 saying what came back', r.stderr)
    r = cli('history', fault_base + '/f/endless/debug/pprof/', '--instance=x:1')
    tap.ok(r.returncode == 1 and 'larger than' in r.stderr,
           'an answer without end: exit 1 at the size cap', r.stderr)
    started = time.monotonic()
    r = cli('fleet', fault_base + '/f/timeout/debug/pprof/', '--timeout=2s')
    tap.ok(r.returncode == 1 and 'within 2.0 s' in r.stderr and time.monotonic() - started < 20,
           'a server that never answers: exit 1 after --timeout', r.stderr)


def start_services():
    return [Server([SVC, '-addr', '127.0.0.1:0', '-mode', mode, '-stdin-eof', '-lifetime', '5m'])
            for mode in ('leak', 'sawtooth', 'steady')]


def main():
    if SVC == 'none':
        tap.skip_all('no go or no client_golang to build the fleet services')
    servers = [s for s in ('prometheus', 'victoria-metrics') if shutil.which(s)]
    if not servers:
        tap.skip_all('neither prometheus nor victoria-metrics is installed')
    tmp = tempfile.mkdtemp(prefix='smolder-fleet-')
    svcs = start_services()
    try:
        for s in svcs:
            s.__enter__()
        leak, saw, steady = (s.field('listening') for s in svcs)
        dead = '127.0.0.1:%d' % free_port()
        config = os.path.join(tmp, 'scrape.yml')
        with open(config, 'w') as f:
            f.write('global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n'
                    '  - job_name: api\n    static_configs:\n      - targets: [%s, %s, %s, %s]\n'
                    '  - job_name: batch\n    static_configs:\n      - targets: [%s]\n'
                    % (leak, saw, steady, dead, steady))
        bases = {}
        procs = []
        for name in servers:
            port = free_port()
            if name == 'prometheus':
                argv = ['prometheus', '--config.file=' + config, '--storage.tsdb.path=' + os.path.join(tmp, 'prom'),
                        '--web.listen-address=127.0.0.1:%d' % port]
            else:
                # VictoriaMetrics hides the newest 30 s by default.
                argv = ['victoria-metrics', '-promscrape.config=' + config, '-storageDataPath=' + os.path.join(tmp, 'vm'),
                        '-httpListenAddr=127.0.0.1:%d' % port, '-search.latencyOffset=1s']
            log = open(os.path.join(tmp, name + '.log'), 'w')
            procs.append(subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
            bases[name] = 'http://127.0.0.1:%d' % port

        def enough(base):
            try:
                a = api(base, '/api/v1/query', query='count_over_time(go_goroutines{instance="%s"}[2m])' % leak)
                return a['data']['result'] and float(a['data']['result'][0]['value'][1]) >= RANGE_S + 10
            except Exception:  # noqa: BLE001
                return False
        for name, base in bases.items():
            tap.ok(wait_until(lambda: enough(base), 150, 1), '%s: %d s of scrapes collected' % (name, RANGE_S + 10))
        for name, base in bases.items():
            check_fleet(name, base, leak, saw, steady, dead)

        with Server([sys.executable, FAULT_SERVER, '--lifetime', '300'], until='ready') as fs:
            check_faults(bases[servers[0]], fs.field('base'), free_port())
        for p in procs:
            p.terminate()
            p.wait(10)
    finally:
        for s in svcs:
            s.__exit__(None, None, None)
        shutil.rmtree(tmp, ignore_errors=True)
    tap.done()


main()
