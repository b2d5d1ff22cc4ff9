#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check_flatpak.py MANIFEST SOURCE_ROOT APP_ID: the Flatpak manifest, without the runtime.

The GNOME runtime cannot be downloaded here, so this checks what a build would trip on:
valid JSON, the app id of data/, the runtime, protobuf-c 1.4.1 from its release tarball
(by its published sha256) without its compiler, the meson options against
meson_options.txt, the app's tests run, exactly the permissions Smolder needs (no host
files), every local source present, and flatpak-builder --show-manifest accepting it.
TAP output."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

PROTOBUF_C_SHA256 = "4cc4facd508172f3e0a4d3a8736225d472418aee35b4ad053384b137b220339f"
PROTOBUF_C_TARBALL = "protobuf-c-1.4.1.tar.gz"
# Network (live endpoints), IPC and the display; notifications go through the
# portal, which needs no --talk-name; files come through the file chooser
# portal and drag and drop, so no --filesystem at all.
FINISH_ARGS = {"--share=network", "--share=ipc", "--socket=wayland",
               "--socket=fallback-x11", "--device=dri"}

results = []


def check(ok, what, detail=""):
    results.append((bool(ok), what, detail))


def meson_options(path):
    """{name: (type, choices or None)} from meson_options.txt."""
    text = open(path, encoding="utf-8").read()
    options = {}
    for m in re.finditer(r"option\(\s*'([^']+)'\s*,\s*type\s*:\s*'([^']+)'(.*?)\)\s*$", text, re.S | re.M):
        choices = re.search(r"choices\s*:\s*\[([^\]]*)\]", m.group(3))
        options[m.group(1)] = (m.group(2), re.findall(r"'([^']*)'", choices.group(1)) if choices else None)
    return options


def main():
    manifest_path, root, app_id = sys.argv[1:4]
    manifest_dir = os.path.dirname(os.path.abspath(manifest_path))
    try:
        manifest = json.load(open(manifest_path, encoding="utf-8"))
        check(True, "the manifest is valid JSON")
    except ValueError as e:
        check(False, "the manifest is valid JSON", str(e))
        return

    check(manifest.get("id") == app_id, "id is the app id of data/",
          f"{manifest.get('id')!r} != {app_id!r}")
    for suffix in (".desktop.in", ".metainfo.xml.in"):
        check(os.path.exists(os.path.join(root, "data", app_id + suffix)), f"data/{app_id}{suffix} exists")
    desktop = open(os.path.join(root, "data", app_id + ".desktop.in"), encoding="utf-8").read()
    exec_line = re.search(r"^Exec=(\S+)", desktop, re.M)
    check(exec_line and manifest.get("command") == exec_line.group(1),
          "command is the desktop file's Exec", f"{manifest.get('command')!r}")
    check(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk",
          "the GNOME runtime and SDK")
    version = str(manifest.get("runtime-version", ""))
    check(version.isdigit() and int(version) >= 48, "runtime-version is 48 or newer", version)

    args = manifest.get("finish-args", [])
    check(len(args) == len(set(args)) and set(args) == FINISH_ARGS,
          "finish-args are exactly network, IPC, Wayland, X11 fallback, DRI",
          f"extra {sorted(set(args) - FINISH_ARGS)}, missing {sorted(FINISH_ARGS - set(args))}")
    check(not any(a.startswith(("--filesystem", "--talk-name")) for a in args),
          "no host filesystem and no bus names")

    modules = [m for m in manifest.get("modules", []) if isinstance(m, dict)]
    names = [m.get("name") for m in modules]
    check(names[-1:] == ["smolder"], "the app is the last module", str(names))
    pbc = next((m for m in modules if m.get("name") == "protobuf-c"), None)
    check(pbc is not None, "protobuf-c is a module")
    if pbc:
        check("--disable-protoc" in pbc.get("config-opts", []), "protobuf-c is built without protoc-c")
        archives = [s for s in pbc.get("sources", []) if s.get("type") == "archive"]
        check(len(archives) == 1 and archives[0].get("url", "").endswith("/" + PROTOBUF_C_TARBALL),
              "protobuf-c comes from the 1.4.1 release tarball", str(archives))
        check(archives and archives[0].get("sha256") == PROTOBUF_C_SHA256,
              "the tarball's sha256 is the published one", archives[0].get("sha256", "") if archives else "")

    app = next((m for m in modules if m.get("name") == "smolder"), {})
    check(app.get("buildsystem") == "meson", "the app is built with meson")
    check(app.get("run-tests") is True, "the app's tests run (run-tests)")
    options = meson_options(os.path.join(root, "meson_options.txt"))
    for opt in app.get("config-opts", []):
        m = re.fullmatch(r"-D([^=]+)=(.*)", opt)
        known = m and m.group(1) in options
        if known:
            kind, choices = options[m.group(1)]
            valid = (kind == "boolean" and m.group(2) in ("true", "false")) or \
                    (kind == "combo" and m.group(2) in choices) or kind not in ("boolean", "combo")
        check(known and valid, f"config-opt {opt} is a meson option with a valid value")
    local = [s for s in app.get("sources", []) if s.get("type") in ("dir", "git") and "url" not in s]
    check(local and all(os.path.realpath(os.path.join(manifest_dir, s.get("path", ""))) == os.path.realpath(root)
                        for s in local),
          "the app's sources are this repository (path '..')", str(local))

    for module in modules:
        for source in module.get("sources", []):
            kind = source.get("type")
            if "path" in source:
                check(os.path.exists(os.path.join(manifest_dir, source["path"])),
                      f"{module.get('name')}: local source {source['path']} exists")
            if kind in ("archive", "file") and "url" in source:
                check(re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")),
                      f"{module.get('name')}: {source['url']} has a sha256")

    builder = shutil.which("flatpak-builder")
    if builder:
        # It leaves a .flatpak-builder/ folder behind in its working directory.
        with tempfile.TemporaryDirectory(prefix="smolder-flatpak-") as tmp:
            r = subprocess.run([builder, "--show-manifest", os.path.abspath(manifest_path)],
                               capture_output=True, text=True, cwd=tmp)
        check(r.returncode == 0, "flatpak-builder --show-manifest accepts it", r.stderr.strip())
    else:
        results.append((True, "flatpak-builder --show-manifest accepts it # SKIP no flatpak-builder", ""))


if __name__ == "__main__":
    main()
    print(f"1..{len(results)}")
    for i, (ok, what, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} {what}")
        if not ok and detail:
            print(f"# {detail}")
    sys.exit(0 if all(ok for ok, _, _ in results) else 1)
