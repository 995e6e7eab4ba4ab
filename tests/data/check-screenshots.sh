#!/usr/bin/env bash
# check-screenshots.sh: every screenshot the metainfo points at is committed under
# data/screenshots/ as a PNG, so the published URLs resolve once the tree is pushed.
#
# Copyright 2026 The Beacon authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-screenshots.sh METAINFO SCREENSHOTS_DIR   (TAP output)

set -uo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: $0 METAINFO SCREENSHOTS_DIR" >&2
  exit 2
fi

n=0
failures=0
urls="$(sed -n 's|.*<image[^>]*>\([^<]*\)</image>.*|\1|p' "$1")"
if [ -z "$urls" ]; then
  echo "not ok 1 - the metainfo has screenshots"
  echo "1..1"
  exit 1
fi
for url in $urls; do
  n=$((n + 1))
  name="$(basename "$url")"
  file="$2/$name"
  if [[ "$url" != */data/screenshots/"$name" ]]; then
    failures=$((failures + 1))
    echo "not ok $n - $url points into data/screenshots/"
  elif [ ! -f "$file" ]; then
    failures=$((failures + 1))
    echo "not ok $n - $name is committed"
    echo "#   $file does not exist"
  elif [ "$(head -c 8 "$file" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
    failures=$((failures + 1))
    echo "not ok $n - $name is a PNG"
  else
    echo "ok $n - $name is committed"
  fi
done
echo "1..$n"
[ "$failures" -eq 0 ]
