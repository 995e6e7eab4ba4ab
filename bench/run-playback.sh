#!/usr/bin/env bash
# run-playback.sh: the meson entry of the playback benchmark, Beacon against the official
# Flashphoner WebSDK in headless Chromium, measured in the same run.
#
# Copyright 2026 The Beacon authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: bench/run-playback.sh [BEACON_CLI] [--rounds N] [--seconds S] [--save-frame FILE.png]
#        (BEACON_CLI defaults to $BEACON_CLI)
#
# Builds nothing. It uses the conformance suite's pinned npm packages (the WebSDK and
# playwright-core in tests/conformance/node_modules), installing them there with `npm ci` the
# way tests/conformance/run-conformance.sh does when they are missing, then runs
# bench-playback.mjs. It prints figures and asserts nothing; it fails only when it cannot
# measure.

set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
conformance="$here/../tests/conformance"

die() {
  echo "run-playback.sh: $*" >&2
  exit 1
}

cli="${BEACON_CLI:-}"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
  cli="$1"
  shift
fi
[ -n "$cli" ] || die "the path of beacon-cli is missing: give it as the first argument or in \$BEACON_CLI"
[ -x "$cli" ] || die "$cli is not an executable file"
command -v node >/dev/null 2>&1 || die "node not found in PATH (Node.js 18 or newer is needed)"
[ -x /usr/bin/chromium ] ||
  die "/usr/bin/chromium not found: install it with 'apt-get install -y --no-install-recommends chromium'"

stamp="$conformance/node_modules/.package-lock.json"
if [ ! -e "$stamp" ] || [ "$conformance/package-lock.json" -nt "$stamp" ]; then
  command -v npm >/dev/null 2>&1 || die "npm not found in PATH: it installs the WebSDK and playwright-core"
  echo "# installing the pinned npm packages (npm ci) into $conformance/node_modules" >&2
  (cd "$conformance" && npm ci --no-audit --no-fund >&2) ||
    die "npm ci failed in $conformance (is the npm registry reachable?)"
  touch "$stamp"
fi

exec node "$here/bench-playback.mjs" "$cli" "$@"
