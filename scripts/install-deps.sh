#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Smolder needs to build and test.
# Idempotent: installs only what is missing; uses sudo only when not root.
set -eu

PKGS="build-essential meson ninja-build pkg-config python3
libglib2.0-dev zlib1g-dev libprotobuf-c-dev protobuf-c-compiler
golang-go time
libgtk-4-dev libadwaita-1-dev desktop-file-utils appstream gettext locales
xvfb xauth xdotool imagemagick"

# Chinese glyphs for the zh_CN translation (else they show as boxes).
PKGS="$PKGS fonts-noto-cjk"

# Live monitoring: HTTP(S) polling and the session index.
PKGS="$PKGS libsoup-3.0-dev libjson-glib-dev glib-networking"

# The live tests' Go services (tests/go/leaky-*) and the fault server's certificate.
PKGS="$PKGS golang-github-gin-gonic-gin-dev golang-github-deanthompson-ginpprof-dev openssl"

# Desktop tests: the MIME definition (xmllint, update-mime-database, gio) and
# the Flatpak manifest (flatpak-builder --show-manifest).
PKGS="$PKGS libxml2-utils shared-mime-info libglib2.0-bin flatpak-builder"

# The fleet tests: real Prometheus and VictoriaMetrics servers scraping Go services that
# export their runtime metrics with client_golang (tests/go/fleet-svc).
PKGS="$PKGS prometheus victoria-metrics golang-github-prometheus-client-golang-dev"

# Fuzzing and sanitizer runs want clang's runtime.
if [ "${SMOLDER_DEPS_FUZZ:-0}" = 1 ]; then
  PKGS="$PKGS clang libclang-rt-14-dev"
fi

missing=""
for p in $PKGS; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

[ -z "$missing" ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
