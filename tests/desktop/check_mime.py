#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check_mime.py MIME_XML DESKTOP_FILE PROFILE.pb.gz: the shared-mime-info definition.

Valid XML, the globs and the subclass it promises, the desktop file offering Smolder for
the type; then the definition installed into a private mime database
(update-mime-database) and files typed by GIO against it (`gio info`), as a file manager
would: profiles by name and, with no extension, by Go's gzip header; other gzip files
stay application/gzip. TAP output."""

import gzip
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib

NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
TYPE = "application/x-pprof"
results = []


def check(ok, what, detail=""):
    results.append((bool(ok), what, detail))


def skip(what, why):
    results.append((True, f"{what} # SKIP {why}", ""))


def gzip_bytes(data, mtime, os_byte):
    """A gzip member with the header fields a given tool writes."""
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    body = deflate.compress(data) + deflate.flush()
    header = b"\x1f\x8b\x08\x00" + struct.pack("<I", mtime) + b"\x00" + bytes([os_byte])
    return header + body + struct.pack("<II", zlib.crc32(data), len(data))


def content_type(path, env):
    r = subprocess.run(["gio", "info", "-a", "standard::content-type", path],
                       capture_output=True, text=True, env=env)
    for line in r.stdout.splitlines():
        if "standard::content-type:" in line:
            return line.split(":", 3)[-1].strip()
    return r.stderr.strip()


def main():
    mime_xml, desktop_file, profile = sys.argv[1:4]

    if shutil.which("xmllint"):
        r = subprocess.run(["xmllint", "--noout", mime_xml], capture_output=True, text=True)
        check(r.returncode == 0, "xmllint: well-formed", r.stderr.strip())
    root = ET.parse(mime_xml).getroot()
    types = root.findall(NS + "mime-type")
    check([t.get("type") for t in types] == [TYPE], f"defines {TYPE}", str([t.get("type") for t in types]))
    t = types[0]
    globs = {g.get("pattern") for g in t.findall(NS + "glob")}
    check(globs == {"*.pprof", "*.prof", "*.pb.gz"}, "globs *.pprof, *.prof, *.pb.gz", str(globs))
    check([s.get("type") for s in t.findall(NS + "sub-class-of")] == ["application/gzip"],
          "a subclass of application/gzip")
    check(t.find(NS + "comment") is not None and t.find(NS + "comment").text, "has a comment")
    for m in t.iter(NS + "match"):
        check(m.get("offset") == "0" and len(m.get("value", "").split("\\x")) - 1 == 10,
              f"magic {m.get('value')} is a whole 10-byte gzip header at 0, not just 1f 8b")

    mime_types = [l.split("=", 1)[1] for l in open(desktop_file, encoding="utf-8")
                  if l.startswith("MimeType=")]
    check(mime_types and TYPE in mime_types[0].split(";"), "the desktop file opens it", str(mime_types))

    if not shutil.which("update-mime-database") or not shutil.which("gio"):
        skip("files typed against the installed definition", "no update-mime-database or gio")
        return
    with tempfile.TemporaryDirectory(prefix="smolder-mime-") as tmp:
        packages = os.path.join(tmp, "mime", "packages")
        os.makedirs(packages)
        shutil.copy("/usr/share/mime/packages/freedesktop.org.xml", packages)
        shutil.copy(mime_xml, os.path.join(packages, "io.github.smolder.Smolder.xml"))
        env = dict(os.environ, XDG_DATA_DIRS=tmp, XDG_DATA_HOME=os.path.join(tmp, "home"))
        r = subprocess.run(["update-mime-database", os.path.join(tmp, "mime")],
                           capture_output=True, text=True, env=env)
        check(r.returncode == 0 and not r.stderr.strip(), "update-mime-database takes it without a word",
              r.stderr.strip())
        data = open(profile, "rb").read()
        files = os.path.join(tmp, "files")
        os.makedirs(files)

        def typed(name, content, expected, why):
            path = os.path.join(files, name)
            with open(path, "wb") as f:
                f.write(content)
            got = content_type(path, env)
            check(got == expected, f"{name}: {expected} ({why})", f"got {got}")

        typed("heap.pb.gz", data, TYPE, "glob")
        typed("cpu.prof", data, TYPE, "glob")
        typed("mutex.pprof", data, TYPE, "glob")
        typed("heap", data, TYPE, "curl …/debug/pprof/heap > heap: runtime/pprof's gzip header")
        typed("goroutine", gzip_bytes(b"\n\x04\x08\x01\x10\x02", 0, 255)[:10] + data[10:], TYPE,
              "google/pprof's header (default level)")
        typed("notes.gz", gzip.compress(b"not a profile\n" * 100, mtime=1700000000), "application/gzip",
              "glob *.gz, a gzip with a time")
        typed("backup", gzip_bytes(b"not a profile\n" * 100, 1700000000, 3), "application/gzip",
              "gzip(1)'s header: a time, OS 3")
        typed("archive-n", gzip_bytes(b"not a profile\n" * 100, 0, 3), "application/gzip",
              "gzip -n: no time, but OS 3")


if __name__ == "__main__":
    main()
    print(f"1..{len(results)}")
    for i, (ok, what, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} {what}")
        if not ok and detail:
            print(f"# {detail}")
    sys.exit(0 if all(ok for ok, _, _ in results) else 1)
