#!/usr/bin/env bash
# check-translations.sh: every language in po/LINGUAS translates every string the sources have
# today, with nothing fuzzy, and passes msgfmt --check (format strings, headers, plural forms).
#
# Copyright 2026 The Beacon authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-translations.sh SRCROOT   (TAP output)
#
# The strings are extracted afresh into a temporary template with the keywords of meson's
# "glib" gettext preset, so a string added to a source file since the .po files were last
# updated shows up here by name. To bring the catalogues up to date:
#   meson compile -C BUILDDIR beacon-update-po

set -uo pipefail

if [ "$#" -ne 1 ] || [ ! -d "$1/po" ]; then
  echo "usage: $0 SRCROOT" >&2
  exit 2
fi
root="$1"
po="$root/po"

work="$(mktemp -d "${TMPDIR:-/tmp}/beacon-po-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT

n=0
failures=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failures=$((failures + 1)); echo "not ok $n - $1"; }
diag () { sed 's/^/#   /'; }

# Plural forms GNOME's translation teams use; a wrong count silently drops plural translations.
declare -A nplurals=([de]=2 [ru]=3)

languages=()
while read -r lang _; do
  case "$lang" in ''|'#'*) continue ;; esac
  languages+=("$lang")
done < "$po/LINGUAS"
if [ "${#languages[@]}" -eq 0 ]; then
  echo "1..0 # SKIP po/LINGUAS lists no language"
  exit 0
fi

# Same keywords as meson's i18n.gettext (preset: 'glib'); xgettext reads POTFILES.in directly.
if ! (cd "$root" && xgettext --package-name=beacon --from-code=UTF-8 \
        --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
        --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
        --files-from=po/POTFILES.in --output="$work/beacon.pot") > "$work/xgettext.log" 2>&1; then
  not_ok "the strings of po/POTFILES.in can be extracted"
  diag < "$work/xgettext.log"
  echo "1..$n"
  exit 1
fi

# Prints each message of a catalogue as one readable line: [context] msgid.
list_messages () {
  msgattrib --no-wrap --no-obsolete "$@" 2>/dev/null \
    | awk 'function flush() { if (inid && id != "") print (ctx != "" ? "[" ctx "] " : "") id
                             inid = 0; id = "" }
           /^msgctxt / { ctx = substr($0, 10, length($0) - 10) }
           /^msgid / { inid = 1; id = substr($0, 8, length($0) - 8); next }
           /^"/ && inid { id = id substr($0, 2, length($0) - 2); next }
           /^msgid_plural |^msgstr/ { flush(); ctx = "" }
           END { flush() }'
}

total="$(list_messages "$work/beacon.pot" | wc -l)"
ok "the strings of po/POTFILES.in can be extracted ($total messages)"

for lang in "${languages[@]}"; do
  file="$po/$lang.po"
  if [ ! -f "$file" ]; then
    not_ok "po/$lang.po exists (listed in po/LINGUAS)"
    continue
  fi

  if msgfmt --check --statistics --output-file=/dev/null "$file" > "$work/msgfmt.log" 2>&1; then
    ok "po/$lang.po passes msgfmt --check: $(tail -n 1 "$work/msgfmt.log")"
  else
    not_ok "po/$lang.po passes msgfmt --check"
    diag < "$work/msgfmt.log"
  fi

  header="$(msgattrib --no-wrap "$file" 2>/dev/null | grep -m 1 '^"Plural-Forms:' || true)"
  want="${nplurals[$lang]:-}"
  if [ -n "$want" ] && [[ "$header" != *"nplurals=$want;"* ]]; then
    not_ok "po/$lang.po has $want plural forms"
    echo "$header" | diag
  elif [ -n "$want" ]; then
    ok "po/$lang.po has $want plural forms"
  fi

  fuzzy="$(list_messages --only-fuzzy "$file")"
  if [ -z "$fuzzy" ]; then
    ok "po/$lang.po has no fuzzy messages"
  else
    not_ok "po/$lang.po has no fuzzy messages ($(echo "$fuzzy" | wc -l) fuzzy)"
    echo "$fuzzy" | diag
  fi

  # Merged without fuzzy matching, a string new in the sources comes out untranslated.
  msgmerge --quiet --no-fuzzy-matching --output-file="$work/$lang.po" "$file" "$work/beacon.pot" \
    > "$work/msgmerge.log" 2>&1
  missing="$(list_messages --untranslated "$work/$lang.po")"
  if [ -z "$missing" ]; then
    ok "po/$lang.po translates every current string"
  else
    not_ok "po/$lang.po translates every current string ($(echo "$missing" | wc -l) missing)"
    echo "missing (run: meson compile -C BUILDDIR beacon-update-po, then translate):" | diag
    echo "$missing" | diag
  fi
done

echo "1..$n"
[ "$failures" -eq 0 ]
