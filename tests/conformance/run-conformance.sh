#!/usr/bin/env bash
# run-conformance.sh: the meson entry of the WebSDK conformance suite (TAP on stdout).
#
# Copyright 2026 The Beacon authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: BEACON_CLI=/path/to/beacon-cli tests/conformance/run-conformance.sh
#
# Installs the pinned npm packages (package-lock.json) into tests/conformance/node_modules
# when they are missing or older than the lock file, then runs conformance.mjs, which drives
# the official Flashphoner WebSDK in /usr/bin/chromium against `beacon-cli serve`.
# Anything that keeps the suite from running is a TAP "Bail out!", never a pass.

set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

bail() {
  echo "Bail out! $*"
  exit 1
}

command -v node >/dev/null 2>&1 ||
  bail "node not found in PATH: the conformance suite needs Node.js 18 or newer with npm"
command -v npm >/dev/null 2>&1 ||
  bail "npm not found in PATH: the conformance suite needs npm to install @flashphoner/websdk and playwright-core"
[ -x /usr/bin/chromium ] ||
  bail "/usr/bin/chromium not found: install it with 'apt-get install -y --no-install-recommends chromium' (or build-aux/deps.sh tests)"
[ -n "${BEACON_CLI:-}" ] || bail "BEACON_CLI is not set: it must name the beacon-cli binary"
[ -x "$BEACON_CLI" ] || bail "BEACON_CLI ($BEACON_CLI) is not an executable file"

cd "$here" || bail "cannot enter $here"

# npm writes node_modules/.package-lock.json on every install: it dates node_modules.
stamp=node_modules/.package-lock.json
if [ ! -d node_modules ] || [ ! -e "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "# installing the pinned npm packages (npm ci) into $here/node_modules"
  # npm's own output goes to stderr so that stdout stays TAP.
  if ! npm ci --no-audit --no-fund >&2; then
    bail "npm ci failed in $here (is the npm registry reachable?)"
  fi
  touch "$stamp"
fi

exec node "$here/conformance.mjs"
