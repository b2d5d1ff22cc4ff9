#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Records tests/data/live/ from a running leaky-gin (see tests/data/README.md):

    tests/live/build-services.sh /tmp/svc
    tests/live/record-fixtures.py /tmp/svc/leaky-gin tests/data/live

Leaks at 100 requests/s for 3 s, stops the load, then fetches the Gin index, a
401, heap (proto and ?debug=1), goroutine, and /stats just after the text heap
(both read MemStats with the load stopped, so the counters match).
"""

import base64
import http.client
import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from livetest import Server  # noqa: E402

AUTH = 'Basic ' + base64.b64encode(b'admin:secret').decode()


def fetch(host, path, auth=True):
    conn = http.client.HTTPConnection(host, timeout=30)
    conn.request('GET', path, headers={'Authorization': AUTH} if auth else {})
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r, body


def main():
    exe, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with Server([exe, '-rate', '100', '-lifetime', '2m', '-exit-on-stdin-eof'], lines=2) as srv:
        host = srv.field('listening')
        time.sleep(3)
        fetch(host, '/control/rate?n=0', auth=False)
        time.sleep(0.5)
        files = {}
        r, body = fetch(host, '/admin/debug/pprof/', auth=False)
        head = 'HTTP/1.1 %d %s\n' % (r.status, r.reason)
        head += ''.join('%s: %s\n' % (k, v) for k, v in sorted(r.getheaders()) if k != 'Date')
        files['gin-401.txt'] = (head + '\n').encode() + body
        files['gin-index.html'] = fetch(host, '/admin/debug/pprof/')[1]
        files['gin-heap.pb.gz'] = fetch(host, '/admin/debug/pprof/heap')[1]
        files['gin-goroutine.pb.gz'] = fetch(host, '/admin/debug/pprof/goroutine')[1]
        files['gin-heap-debug1.txt'] = fetch(host, '/admin/debug/pprof/heap?debug=1')[1]
        files['gin-stats.json'] = fetch(host, '/stats', auth=False)[1]
    text = files['gin-heap-debug1.txt'].decode()
    stats = json.loads(files['gin-stats.json'])
    num_gc = int(re.search(r'^# NumGC = (\d+)$', text, re.M).group(1))
    if num_gc != stats['memstats']['NumGC']:
        sys.exit('a GC ran between the heap and /stats (%d vs %d): record again'
                 % (num_gc, stats['memstats']['NumGC']))
    for name, data in files.items():
        with open(os.path.join(out, name), 'wb') as f:
            f.write(data)
        print('%-22s %7d bytes' % (name, len(data)))


if __name__ == '__main__':
    main()
