#!/usr/bin/env bash
# check-layers.sh: keep the layers' includes one-way (style B1).
#
# Copyright 2026 The Beacon authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-layers.sh SRCROOT
#
# protocol: no GStreamer, GTK, GDK or libadwaita; no header from media, ui, server or cli.
# media:    no GTK, GDK or libadwaita; no header from ui, server or cli.
# server:   no GTK, GDK or libadwaita; no header from ui or cli.
# cli:      no GTK, GDK or libadwaita; no header from ui.
# A quoted include belongs to the layer whose src/ subdir holds a file of that basename
# (or that basename plus ".in", for configured headers).

set -euo pipefail

if [ "$#" -ne 1 ] || [ ! -d "$1/src" ]; then
  echo "usage: $0 SRCROOT (a directory with src/ in it)" >&2
  exit 2
fi
root="$1"
layers=(protocol media ui server cli)

# basename -> space-separated layers that hold it
declare -A owner=()
for layer in "${layers[@]}"; do
  [ -d "$root/src/$layer" ] || continue
  while IFS= read -r -d '' file; do
    base="$(basename "$file")"
    base="${base%.in}"
    owner["$base"]="${owner[$base]:-}$layer "
  done < <(find "$root/src/$layer" -type f \( -name '*.h' -o -name '*.h.in' \) -print0)
done

# Per layer: a regex of forbidden system headers and the layers it must not include.
declare -A forbidden_sys=(
  [protocol]='^(gst|gtk|gdk)/|(^|/)adwaita\.h$'
  [media]='^(gtk|gdk)/|(^|/)adwaita\.h$'
  [server]='^(gtk|gdk)/|(^|/)adwaita\.h$'
  [cli]='^(gtk|gdk)/|(^|/)adwaita\.h$'
)
declare -A forbidden_what=(
  [protocol]='GStreamer, GTK, GDK or libadwaita'
  [media]='GTK, GDK or libadwaita'
  [server]='GTK, GDK or libadwaita'
  [cli]='GTK, GDK or libadwaita'
)
declare -A forbidden_layers=(
  [protocol]='media ui server cli'
  [media]='ui server cli'
  [server]='ui cli'
  [cli]='ui'
)

errors=0
for layer in protocol media server cli; do
  [ -d "$root/src/$layer" ] || continue
  while IFS= read -r -d '' file; do
    rel="${file#"$root"/}"
    lineno=0
    while IFS= read -r line || [ -n "$line" ]; do
      lineno=$((lineno + 1))
      [[ "$line" =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*([\<\"])([^\>\"]+)[\>\"] ]] || continue
      target="${BASH_REMATCH[2]}"
      if [[ "$target" =~ ${forbidden_sys[$layer]} ]]; then
        echo "$rel:$lineno: includes <$target>, but the $layer layer must not use ${forbidden_what[$layer]}"
        errors=$((errors + 1))
        continue
      fi
      for other in ${owner[$(basename "$target")]:-}; do
        case " ${forbidden_layers[$layer]} " in
          *" $other "*)
            echo "$rel:$lineno: includes \"$target\" from src/$other, but the $layer layer must not depend on $other"
            errors=$((errors + 1))
            ;;
        esac
      done
    done < "$file"
  done < <(find "$root/src/$layer" -type f \( -name '*.c' -o -name '*.h' -o -name '*.in' \) -print0 | sort -z)
done

if [ "$errors" -gt 0 ]; then
  echo "check-layers: $errors forbidden include(s); see style B1 (protocol -> media -> ui)"
  exit 1
fi
echo "check-layers: OK"
