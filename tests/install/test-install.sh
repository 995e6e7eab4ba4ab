#!/usr/bin/env bash
# test-install.sh: `meson install` into a temporary DESTDIR installs what a user needs (both
# programs, desktop file, metainfo, settings schema, icons and a catalogue per language in
# po/LINGUAS) and nothing a user does not (headers, static libraries, pkg-config files).
#
# Copyright 2026 The Beacon authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-install.sh BUILDDIR PREFIX BINDIR DATADIR LOCALEDIR APP_ID BASE_ID LINGUAS
#   (TAP output; the *DIR options may be relative to PREFIX, as meson gives them)

set -uo pipefail

if [ "$#" -ne 8 ]; then
  echo "usage: $0 BUILDDIR PREFIX BINDIR DATADIR LOCALEDIR APP_ID BASE_ID LINGUAS" >&2
  exit 2
fi
builddir="$1" prefix="$2" app_id="$6" base_id="$7" linguas="$8"
under_prefix () { case "$1" in /*) echo "$1" ;; *) echo "$prefix/$1" ;; esac; }
bindir="$(under_prefix "$3")"
datadir="$(under_prefix "$4")"
localedir="$(under_prefix "$5")"

# A fresh directory per run: the suite runs tests in parallel, and nothing may be left behind.
work="$(mktemp -d "${TMPDIR:-/tmp}/beacon-install-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
dest="$work/dest"

n=0
failures=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failures=$((failures + 1)); echo "not ok $n - $1"; }
finish () { echo "1..$n"; [ "$failures" -eq 0 ]; exit $?; }

# --no-rebuild: the suite runs against what was built; ninja must not run underneath it.
if meson install -C "$builddir" --no-rebuild --destdir "$dest" > "$work/install.log" 2>&1; then
  ok "meson install into a temporary DESTDIR"
else
  not_ok "meson install into a temporary DESTDIR"
  sed 's/^/#   /' "$work/install.log"
  finish
fi

root="$dest$prefix"
expect_file () {  # PATH DESCRIPTION [executable]
  local path="$1" what="$2"
  if [ ! -f "$dest$path" ]; then
    not_ok "$what is installed"
    echo "#   expected $path, not found under DESTDIR"
  elif [ "${3:-}" = executable ] && [ ! -x "$dest$path" ]; then
    not_ok "$what is installed"
    echo "#   $path is not executable"
  else
    ok "$what is installed ($path)"
  fi
}

expect_file "$bindir/beacon" "the app, beacon," executable
expect_file "$bindir/beacon-cli" "beacon-cli" executable
expect_file "$datadir/applications/$app_id.desktop" "the desktop file"
expect_file "$datadir/metainfo/$app_id.metainfo.xml" "the AppStream metainfo"
expect_file "$datadir/glib-2.0/schemas/$base_id.gschema.xml" "the settings schema"
expect_file "$datadir/icons/hicolor/scalable/apps/$app_id.svg" "the app icon"
expect_file "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" "the symbolic icon"

languages=0
while read -r lang _; do
  case "$lang" in ''|'#'*) continue ;; esac
  languages=$((languages + 1))
  expect_file "$localedir/$lang/LC_MESSAGES/beacon.mo" "the $lang translation"
done < "$linguas"
if [ "$languages" -eq 0 ]; then
  echo "# po/LINGUAS lists no language yet: no translation catalogue expected"
fi

# The desktop file must point at things that were installed with it.
desktop="$dest$datadir/applications/$app_id.desktop"
if [ -f "$desktop" ]; then
  icon="$(sed -n 's/^Icon=//p' "$desktop" | head -n 1)"
  exec_bin="$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop" | head -n 1)"
  if [ "$icon" = "$app_id" ] && [ -x "$dest$bindir/$exec_bin" ]; then
    ok "the desktop file's Icon= and Exec= name installed files"
  else
    not_ok "the desktop file's Icon= and Exec= name installed files"
    echo "#   Icon=$icon (expected $app_id), Exec=$exec_bin (expected an executable in $bindir)"
  fi
fi

outside="$(cd "$dest" && find . \( -type f -o -type l \) | sed 's|^\.||' | grep -v "^$prefix/" || true)"
if [ -z "$outside" ]; then
  ok "nothing is installed outside the prefix"
else
  not_ok "nothing is installed outside the prefix"
  echo "$outside" | sed 's/^/#   /'
fi

devel="$(cd "$dest" && find . -type f \( -path '*/include/*' -o -name '*.a' -o -name '*.la' \
                                          -o -name '*.pc' \) | sed 's|^\.||')"
if [ -z "$devel" ]; then
  ok "no development files (headers, static libraries, pkg-config) are installed"
else
  not_ok "no development files (headers, static libraries, pkg-config) are installed"
  echo "$devel" | sed 's/^/#   /'
fi

echo "# installed:"
(cd "$root" 2>/dev/null && find . -type f | sort | sed 's|^\./|#   |')
finish
