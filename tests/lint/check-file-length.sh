#!/usr/bin/env bash
# check-file-length.sh: no source file over 800 lines (style B1: split by concern).
#
# Copyright 2026 The Beacon authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-file-length.sh SRCROOT   (checks .c, .h and .ui under src/ and tests/)

set -euo pipefail

max_lines=800

if [ "$#" -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 SRCROOT" >&2
  exit 2
fi
root="$1"

dirs=()
for d in src tests; do
  if [ -d "$root/$d" ]; then dirs+=("$root/$d"); fi
done
if [ "${#dirs[@]}" -eq 0 ]; then
  echo "check-file-length: OK (no src/ or tests/)"
  exit 0
fi

errors=0
while IFS= read -r -d '' file; do
  # awk counts a last line without a newline too, which wc -l would miss.
  lines="$(awk 'END { print NR }' "$file")"
  if [ "$lines" -gt "$max_lines" ]; then
    echo "${file#"$root"/}:$((max_lines + 1)): file has $lines lines, over the $max_lines-line limit; split it by concern (style B1)"
    errors=$((errors + 1))
  fi
done < <(find "${dirs[@]}" -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \) -print0 | sort -z)

if [ "$errors" -gt 0 ]; then
  echo "check-file-length: $errors file(s) over $max_lines lines"
  exit 1
fi
echo "check-file-length: OK"
