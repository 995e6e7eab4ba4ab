#!/usr/bin/env bash
# check-potfiles.sh: po/POTFILES.in lists every file with translatable strings, and only
# files that exist (style B17; this replaces a committed .pot as the completeness check).
#
# Copyright 2026 The Beacon authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.sh SRCROOT
#
# Looked at under src/ and data/ (a trailing .in is ignored when picking the kind):
#   .c, .h            containing _( N_( C_( NC_( or Q_(  (a space before "(" is allowed)
#   .ui, .xml         containing translatable="yes"
#   *.desktop.in, *.metainfo.xml.in, *.gschema.xml  always: gettext extracts them whole

set -euo pipefail

if [ "$#" -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 SRCROOT" >&2
  exit 2
fi
root="$1"
potfiles="$root/po/POTFILES.in"

if [ ! -f "$potfiles" ]; then
  echo "po/POTFILES.in:1: file is missing"
  exit 1
fi

errors=0
declare -A listed=()
lineno=0
while IFS= read -r line || [ -n "$line" ]; do
  lineno=$((lineno + 1))
  # Strip surrounding blanks and an intltool-style "[type: ...]" prefix.
  line="${line#"${line%%[![:space:]]*}"}"
  line="${line%"${line##*[![:space:]]}"}"
  case "$line" in ''|'#'*) continue ;; esac
  if [[ "$line" =~ ^\[[^]]*\][[:space:]]*(.*)$ ]]; then
    line="${BASH_REMATCH[1]}"
  fi
  listed["$line"]=1
  if [ ! -f "$root/$line" ]; then
    echo "po/POTFILES.in:$lineno: lists $line, which does not exist"
    errors=$((errors + 1))
  fi
done < "$potfiles"

c_marker='(^|[^A-Za-z0-9_])(N|C|NC|Q)?_[[:space:]]*\('
xml_marker='translatable="yes"'

dirs=()
for d in src data; do
  if [ -d "$root/$d" ]; then dirs+=("$root/$d"); fi
done

if [ "${#dirs[@]}" -gt 0 ]; then
  while IFS= read -r -d '' file; do
    rel="${file#"$root"/}"
    name="$(basename "$rel")"
    stem="$name"
    while [[ "$stem" == *.in ]]; do stem="${stem%.in}"; done

    hit=""
    case "$stem" in
      *.desktop|*.metainfo.xml|*.appdata.xml|*.gschema.xml)
        hit=1 ;;
      *.c|*.h)
        hit="$(grep -n -m 1 -E "$c_marker" "$file" | cut -d: -f1 || true)" ;;
      *.ui|*.xml)
        hit="$(grep -n -m 1 -F "$xml_marker" "$file" | cut -d: -f1 || true)" ;;
    esac

    if [ -n "$hit" ] && [ -z "${listed[$rel]:-}" ]; then
      echo "$rel:$hit: has translatable strings but is not listed in po/POTFILES.in"
      errors=$((errors + 1))
    fi
  done < <(find "${dirs[@]}" -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \
                                       -o -name '*.xml' -o -name '*.in' \) -print0 | sort -z)
fi

if [ "$errors" -gt 0 ]; then
  echo "check-potfiles: $errors problem(s) with po/POTFILES.in (style B17)"
  exit 1
fi
echo "check-potfiles: OK"
