#!/usr/bin/env bash
# test-lint-scripts.sh: the lint scripts pass on a clean fake tree and fail, naming the
# file and line, on a tree with one violation each. Without this a lint test that can never
# fail would look just like one that passes.
#
# Copyright 2026 The Beacon authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-lint-scripts.sh   (TAP output, plan at the end)

set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

n=0
failures=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failures=$((failures + 1)); echo "not ok $n - $1"; }

# A small tree that follows every rule.
make_clean_tree () {
  local t="$1"
  rm -rf "$t"
  mkdir -p "$t"/src/{protocol,media,ui,server,cli} "$t"/tests/ui "$t"/data "$t"/po
  printf '#pragma once\n#include <gio/gio.h>\n' > "$t/src/protocol/beacon-wcs-client.h"
  printf '#include "config.h"\n#include <libsoup/soup.h>\n#include "beacon-wcs-client.h"\n' \
    > "$t/src/protocol/beacon-wcs-client.c"
  printf '#pragma once\n#include <gst/gst.h>\n#include "beacon-wcs-client.h"\n' \
    > "$t/src/media/beacon-player.h"
  printf '#include "beacon-player.h"\n#include "beacon-media-enums.h"\n' \
    > "$t/src/media/beacon-player.c"
  printf '#pragma once\n#include <adwaita.h>\n' > "$t/src/ui/beacon-window.h"
  printf '#include <gtk/gtk.h>\n#include "beacon-window.h"\n#include "beacon-player.h"\n' \
    > "$t/src/ui/beacon-window.c"
  printf '<interface>\n  <object class="GtkLabel">\n    <property name="label" translatable="yes">Hi</property>\n  </object>\n</interface>\n' \
    > "$t/src/ui/beacon-window.ui"
  printf '#pragma once\n#include <libsoup/soup.h>\n' > "$t/src/server/beacon-local-server.h"
  printf '#include "beacon-local-server.h"\n#include "beacon-player.h"\n' \
    > "$t/src/server/beacon-local-server.c"
  printf '#include <glib/gi18n.h>\n#include "beacon-local-server.h"\nint main (void) { g_print ("%%s", _ ("Serving")); return 0; }\n' \
    > "$t/src/cli/main.c"
  printf '#include <gtk/gtk.h>\nint main (void) { return g_strcmp0 ("a", "b"); }\n' \
    > "$t/tests/ui/test-stream-tile.c"
  printf '[Desktop Entry]\nName=Beacon\n' > "$t/data/io.github.beacon_wcs.Beacon.desktop.in.in"
  printf '<?xml version="1.0"?>\n<gresources/>\n' > "$t/src/ui/beacon.gresource.xml"
  printf '# List of source files containing translatable strings.\n# Please keep this file sorted alphabetically.\ndata/io.github.beacon_wcs.Beacon.desktop.in.in\nsrc/cli/main.c\nsrc/ui/beacon-window.ui\n' \
    > "$t/po/POTFILES.in"
  # Exactly at the limit is still fine.
  seq 1 800 | sed 's/.*/\/* line & *\//' > "$t/src/ui/beacon-window-actions.c"
}

# expect_pass SCRIPT TREE DESCRIPTION
expect_pass () {
  local out
  if out="$("$here/$1" "$2" 2>&1)"; then
    ok "$1 passes: $3"
  else
    not_ok "$1 passes: $3"
    printf '%s\n' "$out" | sed 's/^/# /'
  fi
}

# expect_fail SCRIPT TREE FILE:LINE DESCRIPTION: exits non-zero and names FILE:LINE.
expect_fail () {
  local out rc
  out="$("$here/$1" "$2" 2>&1)"
  rc=$?
  if [ "$rc" -ne 0 ] && printf '%s\n' "$out" | grep -q -F -- "$3:"; then
    ok "$1 fails: $4"
  else
    not_ok "$1 fails: $4 (exit status $rc, expected a message naming $3)"
    printf '%s\n' "$out" | sed 's/^/# /'
  fi
}

t="$tmp/tree"

make_clean_tree "$t"
expect_pass check-layers.sh "$t" "clean tree"
expect_pass check-file-length.sh "$t" "clean tree, a file of exactly 800 lines"
expect_pass check-potfiles.sh "$t" "clean tree"

# check-layers.sh: one forbidden include per tree.
layer_case () {
  local file="$1" line="$2" include="$3" what="$4"
  make_clean_tree "$t"
  printf '%s\n' "$include" >> "$t/$file"
  expect_fail check-layers.sh "$t" "$file:$line" "$what"
}
layer_case src/protocol/beacon-wcs-client.c 4 '#include <gst/gst.h>' "protocol includes GStreamer"
layer_case src/protocol/beacon-wcs-client.h 3 '#include <gtk/gtk.h>' "protocol includes GTK"
layer_case src/protocol/beacon-wcs-client.c 4 '#include "beacon-player.h"' "protocol includes a media header"
layer_case src/protocol/beacon-wcs-client.c 4 '# include "beacon-local-server.h"' "protocol includes a server header"
layer_case src/media/beacon-player.c 3 '#include <gdk/gdk.h>' "media includes GDK"
layer_case src/media/beacon-player.c 3 '#include <adwaita.h>' "media includes libadwaita"
layer_case src/media/beacon-player.c 3 '#include "beacon-window.h"' "media includes a ui header"
layer_case src/media/beacon-player.h 4 '#include "beacon-local-server.h"' "media includes a server header"
layer_case src/server/beacon-local-server.c 3 '#include "beacon-window.h"' "server includes a ui header"
layer_case src/cli/main.c 4 '#include <gtk/gtk.h>' "cli includes GTK"
layer_case src/cli/main.c 4 '#include "ui/beacon-window.h"' "cli includes a ui header by path"

# check-file-length.sh
make_clean_tree "$t"
echo '/* one too many */' >> "$t/src/ui/beacon-window-actions.c"
expect_fail check-file-length.sh "$t" "src/ui/beacon-window-actions.c:801" "801-line .c under src/"
make_clean_tree "$t"
seq 1 900 > "$t/tests/ui/test-stream-tile.c"
expect_fail check-file-length.sh "$t" "tests/ui/test-stream-tile.c:801" "900-line test under tests/"
make_clean_tree "$t"
{ seq 1 800; printf 'no newline at the end'; } > "$t/src/ui/beacon-window.ui"
expect_fail check-file-length.sh "$t" "src/ui/beacon-window.ui:801" ".ui whose 801st line has no newline"

# check-potfiles.sh
make_clean_tree "$t"
printf '#include <glib/gi18n.h>\nstatic const char *s = N_("Play");\n' > "$t/src/media/beacon-player.c"
expect_fail check-potfiles.sh "$t" "src/media/beacon-player.c:2" "unlisted .c using N_()"
make_clean_tree "$t"
printf '<interface>\n<object class="GtkButton">\n<property name="label" translatable="yes">Go</property>\n</object>\n</interface>\n' \
  > "$t/src/ui/beacon-play-page.ui"
expect_fail check-potfiles.sh "$t" "src/ui/beacon-play-page.ui:3" "unlisted .ui with translatable=\"yes\""
make_clean_tree "$t"
printf 'src/ui/beacon-gone.ui\n' >> "$t/po/POTFILES.in"
expect_fail check-potfiles.sh "$t" "po/POTFILES.in:6" "POTFILES.in lists a missing file"
make_clean_tree "$t"
printf '<component/>\n' > "$t/data/io.github.beacon_wcs.Beacon.metainfo.xml.in.in"
expect_fail check-potfiles.sh "$t" "data/io.github.beacon_wcs.Beacon.metainfo.xml.in.in:1" "unlisted metainfo"

echo "1..$n"
if [ "$failures" -gt 0 ]; then
  exit 1
fi
exit 0
