#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# What is left to translate: extracts a fresh template from the sources and
# lists, for each language (all of po/LINGUAS without arguments), the
# messages untranslated or fuzzy against it (tests/i18n/check_po.py).
#
#   scripts/po-status.sh                  every language
#   scripts/po-status.sh zh_CN            one language
#   scripts/po-status.sh --update zh_CN   also merge the template into
#                                         po/zh_CN.po, then translate what it
#                                         listed (empty or "#, fuzzy" entries)
# Exits 1 while anything is left, as the test po-zh_CN does.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
opts=""
langs=""
for arg in "$@"; do
  case $arg in
    --*) opts="$opts $arg" ;;
    *) langs="$langs $arg" ;;
  esac
done
# shellcheck disable=SC2086 # words on purpose
exec python3 "$root/tests/i18n/check_po.py" --list $opts "$root" $langs
