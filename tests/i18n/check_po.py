#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check_po.py: a translation is complete for the sources as they are now.
#
# Usage: check_po.py [--list] [--update] SOURCE_ROOT [LANG...]
#
# Extracts a fresh template from the files in po/POTFILES.in (as
# `meson compile -C build smolder-pot` does, into a temporary folder),
# merges it into a copy of po/LANG.po and counts what the merge leaves
# untranslated or fuzzy (a string added or changed since the last
# translation). Fails when any is, when `msgfmt --check` rejects LANG.po,
# or when xgettext finds a msgid that is no valid C format (a
# G_GINT64_FORMAT inside _() cuts the msgid short: use PRId64). Without
# LANG, every language in po/LINGUAS.
#   --list    prints each message left to translate (scripts/po-status.sh)
#   --update  writes the merged catalogue back to po/LANG.po, with the new
#             messages empty and the changed ones fuzzy, ready to translate
# Exits 0 when complete, 1 when not, 77 (skipped) without gettext's tools.

import os
import re
import shutil
import subprocess
import sys
import tempfile

# meson's i18n 'glib' preset (po/meson.build), so the template is the one
# `meson compile -C build smolder-pot` writes.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format', '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format', '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format', '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format', '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format', '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]

TOOLS = ('xgettext', 'msgmerge', 'msgfmt', 'msgattrib')


def run(argv):
    # gettext's tools speak English here: their counts are parsed.
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='C')
    return subprocess.run(argv, capture_output=True, text=True, env=env)


def extract(root, pot):
    """Writes the template to @pot; returns xgettext's format warnings."""
    proc = run(['xgettext', '--package-name=smolder', '--directory=' + root,
                '--files-from=' + os.path.join(root, 'po', 'POTFILES.in'),
                '--output=' + pot] + XGETTEXT_ARGS)
    if proc.returncode != 0:
        sys.exit('xgettext failed:\n' + proc.stderr)
    return [line for line in proc.stderr.splitlines() if 'format string' in line]


def linguas(root):
    with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        return [w for line in f if not line.startswith('#') for w in line.split()]


def statistics(po):
    """(translated, fuzzy, untranslated, msgfmt's complaints) of @po."""
    proc = run(['msgfmt', '--check', '--statistics', '--output-file=' + os.devnull, po])
    counts = {}
    for kind in ('translated', 'fuzzy', 'untranslated'):
        m = re.search(r'(\d+) ' + kind, proc.stderr)
        counts[kind] = int(m.group(1)) if m else 0
    problems = '' if proc.returncode == 0 else proc.stderr.strip()
    return counts['translated'], counts['fuzzy'], counts['untranslated'], problems


def left_to_translate(po):
    """The untranslated and fuzzy entries of @po, as gettext prints them."""
    out = []
    for flag in ('--untranslated', '--only-fuzzy'):
        proc = run(['msgattrib', flag, '--no-obsolete', '--no-wrap', po])
        # Drop the header entry (the first block) that msgattrib always keeps.
        blocks = proc.stdout.split('\n\n')[1:]
        out.extend(b.strip() for b in blocks if b.strip())
    return out


def check_language(root, pot, lang, tmp, list_messages, update):
    po = os.path.join(root, 'po', lang + '.po')
    if not os.path.isfile(po):
        print('%s: po/%s.po does not exist (msginit -i po/smolder.pot -l %s -o po/%s.po)'
              % (lang, lang, lang, lang))
        return False

    _, _, _, problems = statistics(po)
    merged = os.path.join(tmp, lang + '.po')
    proc = run(['msgmerge', '--quiet', '--previous', '--output-file=' + merged, po, pot])
    if proc.returncode != 0:
        print('%s: msgmerge failed:\n%s' % (lang, proc.stderr))
        return False
    translated, fuzzy, untranslated, merged_problems = statistics(merged)
    total = translated + fuzzy + untranslated
    ok = not problems and not merged_problems and fuzzy == 0 and untranslated == 0

    print('%s: %d of %d messages translated, %d fuzzy, %d untranslated%s'
          % (lang, translated, total, fuzzy, untranslated, '' if ok else '  <- INCOMPLETE'))
    if problems or merged_problems:
        print('%s: msgfmt --check:\n%s' % (lang, problems or merged_problems))
    if untranslated or fuzzy:
        if list_messages:
            for entry in left_to_translate(merged):
                print(entry + '\n')
        else:
            print('%s: scripts/po-status.sh %s lists them; --update merges them into po/%s.po'
                  % (lang, lang, lang))
    if update:
        shutil.copyfile(merged, po)
        print('%s: po/%s.po updated from the sources' % (lang, lang))
    return ok


def main():
    args = sys.argv[1:]
    list_messages = '--list' in args
    update = '--update' in args
    args = [a for a in args if a not in ('--list', '--update')]
    if not args:
        print('usage: check_po.py [--list] [--update] SOURCE_ROOT [LANG...]', file=sys.stderr)
        return 2
    root, langs = args[0], args[1:]

    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        print('skipped: gettext tools not found: ' + ', '.join(missing))
        return 77

    with tempfile.TemporaryDirectory(prefix='smolder-po-') as tmp:
        pot = os.path.join(tmp, 'smolder.pot')
        bad_formats = extract(root, pot)
        ok = True
        if bad_formats:
            ok = False
            print('xgettext: msgids cut short or not valid C formats (a G_*_FORMAT macro inside _()?'
                  ' use PRId64/PRIu64, which gettext understands):')
            for line in bad_formats:
                print('  ' + line)
        for lang in langs or linguas(root):
            ok = check_language(root, pot, lang, tmp, list_messages, update) and ok
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
