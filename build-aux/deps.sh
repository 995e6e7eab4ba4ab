#!/usr/bin/env bash
# build-aux/deps.sh: install the Debian 12 packages Beacon needs, if any are missing.
#
# Copyright 2026 The Beacon authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/deps.sh GROUP...   (GROUP is build, runtime or tests)
#
# Idempotent: when everything is installed it only runs one dpkg-query and exits 0.
# Set BEACON_SKIP_DEPS=1 to skip the check (e.g. on a distribution without dpkg).

set -euo pipefail

build_pkgs=(
  build-essential pkg-config meson ninja-build gettext
  desktop-file-utils appstream          # appstream provides appstreamcli
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libsecret-1-dev
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libgstreamer-plugins-bad1.0-dev
)
# gstreamer1.0-gtk3 is left out on purpose: it drags in GTK 3 and the ui layer has its own sink.
runtime_pkgs=(
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-plugins-ugly gstreamer1.0-nice gstreamer1.0-libav gstreamer1.0-tools
)
# python3 reads meson's testlog.json in build-aux/test (meson itself depends on it anyway).
tests_pkgs=(
  xvfb xauth dbus imagemagick python3 chromium
  flatpak-builder                       # --show-manifest checks the Flatpak manifest offline
)

if [ "$#" -eq 0 ]; then
  echo "usage: $0 build|runtime|tests..." >&2
  exit 2
fi

if [ "${BEACON_SKIP_DEPS:-0}" = 1 ]; then
  exit 0
fi

wanted=()
for group in "$@"; do
  case "$group" in
    build)   wanted+=("${build_pkgs[@]}") ;;
    runtime) wanted+=("${runtime_pkgs[@]}") ;;
    tests)   wanted+=("${tests_pkgs[@]}") ;;
    *) echo "$0: unknown group '$group' (expected build, runtime or tests)" >&2; exit 2 ;;
  esac
done

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "deps: no dpkg-query here (not Debian?); not checking packages. Needed: ${wanted[*]}" >&2
  exit 0
fi

# One dpkg-query call for all packages keeps the no-op case in the millisecond range.
# Packages dpkg has never heard of are reported on stderr and simply stay "missing".
declare -A installed=()
while read -r pkg status; do
  pkg="${pkg%%:*}"   # drop a multiarch ":amd64" suffix
  if [ "$status" = "install ok installed" ]; then
    installed["$pkg"]=1
  fi
done < <(dpkg-query -W -f='${Package} ${Status}\n' "${wanted[@]}" 2>/dev/null || true)

missing=()
for pkg in "${wanted[@]}"; do
  if [ -z "${installed[$pkg]:-}" ]; then
    case " ${missing[*]} " in
      *" $pkg "*) ;;
      *) missing+=("$pkg") ;;
    esac
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "deps: missing packages: ${missing[*]}"

apt_install=(apt-get install -y --no-install-recommends "${missing[@]}")
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "deps: not root and no sudo; run this as root, then try again:" >&2
  echo "  apt-get update && DEBIAN_FRONTEND=noninteractive ${apt_install[*]}" >&2
  exit 1
fi

echo "deps: running apt-get update, then: ${apt_install[*]}"
"${sudo[@]}" apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive "${apt_install[@]}"
