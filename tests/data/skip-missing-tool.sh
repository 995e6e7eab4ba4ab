#!/bin/sh
# skip-missing-tool.sh: stands in for a validator that is not installed, so the test shows up
# as SKIP (exit 77) with the reason instead of silently not existing.
#
# Copyright 2026 The Beacon authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: skip-missing-tool.sh TOOL PACKAGE

echo "SKIP: $1 is not installed (Debian package: $2)"
exit 77
