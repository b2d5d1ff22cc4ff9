#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check_install.py BUILD_DIR APP_ID SCHEMA_ID PREFIX BINDIR DATADIR LOCALEDIR LINGUAS:
`meson install --destdir` into a temporary folder, then every file where the desktop
looks for it: the program on PATH's bin, the desktop entry, the AppStream metainfo, the
hicolor scalable and symbolic icons, the settings schema, the MIME package and a
catalogue per language; and the names that tie them together (Icon=, Exec=, launchable,
MimeType=) pointing at files that are there. TAP output."""

import configparser
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

results = []


def check(ok, what, detail=""):
    results.append((bool(ok), what, detail))


def main():
    build, app_id, schema_id, prefix, bindir, datadir, localedir, linguas = sys.argv[1:9]
    meson = shutil.which("meson")
    with tempfile.TemporaryDirectory(prefix="smolder-install-") as dest:
        r = subprocess.run([meson, "install", "-C", build, "--destdir", dest, "--no-rebuild", "--quiet"],
                           capture_output=True, text=True)
        check(r.returncode == 0, "meson install --destdir", r.stderr.strip()[-2000:])
        root = dest + prefix
        bin_dir = os.path.join(root, bindir)
        share = os.path.join(root, datadir)

        expected = {
            "the program": os.path.join(bin_dir, "smolder"),
            "the desktop entry": os.path.join(share, "applications", app_id + ".desktop"),
            "the AppStream metainfo": os.path.join(share, "metainfo", app_id + ".metainfo.xml"),
            "the scalable icon": os.path.join(share, "icons/hicolor/scalable/apps", app_id + ".svg"),
            "the symbolic icon": os.path.join(share, "icons/hicolor/symbolic/apps", app_id + "-symbolic.svg"),
            "the settings schema": os.path.join(share, "glib-2.0/schemas", schema_id + ".gschema.xml"),
            "the MIME package": os.path.join(share, "mime/packages", app_id + ".xml"),
        }
        for lang in open(linguas, encoding="utf-8").read().split():
            if not lang.startswith("#"):
                expected[f"the {lang} catalogue"] = os.path.join(root, localedir, lang, "LC_MESSAGES", "smolder.mo")
        for what, path in expected.items():
            check(os.path.isfile(path), f"{what}: {os.path.relpath(path, dest)}")
        check(os.access(expected["the program"], os.X_OK), "the program is executable")

        desktop = configparser.ConfigParser(interpolation=None, strict=False)
        desktop.optionxform = str
        try:
            desktop.read(expected["the desktop entry"], encoding="utf-8")
            entry = desktop["Desktop Entry"]
        except (configparser.Error, KeyError) as e:
            check(False, "the desktop entry parses", str(e))
            return
        check(entry.get("Icon") == app_id, "Icon= names the installed icon", entry.get("Icon", ""))
        exec_bin = entry.get("Exec", "").split()[0] if entry.get("Exec") else ""
        check(os.path.isfile(os.path.join(bin_dir, exec_bin)), "Exec= runs the installed program", exec_bin)
        mime_pkg = open(expected["the MIME package"], encoding="utf-8").read() \
            if os.path.isfile(expected["the MIME package"]) else ""
        for t in filter(None, entry.get("MimeType", "").split(";")):
            check(f'type="{t}"' in mime_pkg or os.path.exists(f"/usr/share/mime/{t}.xml"),
                  f"MimeType {t} is defined by an installed MIME package")

        try:
            meta = ET.parse(expected["the AppStream metainfo"]).getroot()
            check(meta.findtext("id") == app_id, "the metainfo id is the app id", meta.findtext("id") or "")
            check(meta.findtext("launchable") == app_id + ".desktop",
                  "the metainfo launches the installed desktop entry", meta.findtext("launchable") or "")
        except (ET.ParseError, OSError) as e:
            check(False, "the metainfo parses", str(e))

        schemas = os.path.dirname(expected["the settings schema"])
        r = subprocess.run(["glib-compile-schemas", "--strict", "--dry-run", schemas],
                           capture_output=True, text=True)
        check(r.returncode == 0, "the installed schemas compile", r.stderr.strip())


if __name__ == "__main__":
    main()
    print(f"1..{len(results)}")
    for i, (ok, what, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} {what}")
        if not ok and detail:
            print(f"# {detail}")
    sys.exit(0 if all(ok for ok, _, _ in results) else 1)
